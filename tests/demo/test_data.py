"""The data files of the demo content: each one is used, each reference leads to a file."""

import pytest

from demo import data


def test_every_referenced_file_exists():
    missing = sorted(str(path) for path in data.files() if not (data.CONTENT / path).is_file())
    assert missing == []


def test_every_file_in_the_content_folder_is_referenced():
    present = {path.relative_to(data.CONTENT) for path in data.CONTENT.rglob("*") if path.is_file()}
    assert sorted(map(str, present - data.files())) == []


def test_rich_text_files_store_the_text_without_line_breaks():
    body = data.read("pages")["pages"][1]["body"]
    assert "\n" not in body
    assert body.startswith("<p>Die Koordinierungsstelle für Integration (KfI)")
    assert "</p><h2>Mit wem wir zusammenarbeiten</h2><p>" in body


@pytest.mark.parametrize("name", ["pages", "contacts", "documents", "microprojects"])
def test_every_app_has_its_data_file(name):
    assert data.read(name)
