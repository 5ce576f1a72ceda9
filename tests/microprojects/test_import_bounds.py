"""Hostile or awkward CSV files: refused at the preview with a clear message, or read
honestly; the checked file waits on the server, never in the browser."""

import pytest

from microprojects.models import FundedProject

from .test_admin import GOOD_CSV, IMPORT_URL, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def towns():
    from tests.microprojects.factories import MunicipalityFactory

    return MunicipalityFactory(name="Borna"), MunicipalityFactory(name="Grimma")


def _preview(client, data, name="liste.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(IMPORT_URL, {"year": "2024", "file": file})


def _confirm(client, preview):
    data = form_data(preview.content, "import-confirm")
    data["confirm"] = ["1"]
    return client.post(IMPORT_URL, data)


def test_nul_byte_is_refused_at_the_preview_naming_the_line(editor_client, towns):
    data = GOOD_CSV.encode().replace(b"Sommerfest", b"Sommer\x00fest")
    content = _preview(editor_client, data).content.decode()
    assert "Die Datei enthält in Zeile 3 ein Nullzeichen" in content
    assert 'name="confirm"' not in content


def test_confirming_sends_a_token_not_the_file_even_above_the_form_field_limit(
    editor_client, towns, settings
):
    # Before, the file went back through a form field: above DATA_UPLOAD_MAX_MEMORY_SIZE
    # (5 MB, so from 3.75 MB of CSV) it could never be confirmed.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4_000
    long_text = "Gemeinsam kochen und erzählen. " * 100
    text = GOOD_CSV + f"Kochabend;Frauentreff;Borna;Kulturvermittlung;100;{long_text}\n"
    preview = _preview(editor_client, text.encode())
    assert "Vorschau: 3 Projekte für 2024" in preview.content.decode()
    sent = form_data(preview.content, "import-confirm")
    assert sum(len(str(value)) for value in sent.values()) < 200
    response = _confirm(editor_client, preview)
    assert response.status_code == 302
    assert FundedProject.objects.count() == 3


def test_a_token_works_only_once_and_only_in_its_own_session(editor_client, editor, towns):
    from django.test import Client

    preview = _preview(editor_client, GOOD_CSV.encode())
    # The same editor in another browser: a session without the kept file.
    client = Client()
    client.force_login(editor)
    data = form_data(preview.content, "import-confirm")
    data["confirm"] = ["1"]
    other = client.post(IMPORT_URL, data, follow=True)
    assert "Die Vorschau ist abgelaufen" in other.content.decode()
    assert FundedProject.objects.count() == 0
    assert _confirm(editor_client, preview).status_code == 302
    again = editor_client.post(IMPORT_URL, data, follow=True)
    assert "Die Vorschau ist abgelaufen" in again.content.decode()
    assert FundedProject.objects.count() == 2


def test_an_expired_preview_cannot_be_confirmed(editor_client, towns, settings):
    preview = _preview(editor_client, GOOD_CSV.encode())
    settings.IMPORT_PREVIEW_SECONDS = -1
    response = _confirm(editor_client, preview)
    assert response.status_code == 302
    assert FundedProject.objects.count() == 0


def test_a_file_over_the_size_limit_is_refused_naming_the_limit(editor_client, towns):
    data = GOOD_CSV.encode() + b"Fest;Verein;Borna;Fest;10;" + b"x" * 2_500_000 + b"\n"
    content = _preview(editor_client, data).content.decode()
    assert "Die Datei ist 2,5 MB groß. Erlaubt sind höchstens 2,0 MB." in content
    assert 'name="confirm"' not in content


def test_a_file_over_the_row_limit_is_refused_naming_the_limit(editor_client, towns, settings):
    settings.CSV_IMPORT_MAX_ROWS = 1
    content = _preview(editor_client, GOOD_CSV.encode()).content.decode()
    assert "Die Datei hat mehr als 1 Zeilen" in content
    assert 'name="confirm"' not in content


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_unicode_files_with_a_byte_order_mark_are_read(editor_client, towns, encoding):
    data = GOOD_CSV.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    content = _preview(editor_client, data).content.decode()
    assert "Vorschau: 2 Projekte für 2024" in content
    assert "Sprachcafé" in content


def test_utf16_without_byte_order_mark_gets_an_honest_message(editor_client, towns):
    content = _preview(editor_client, GOOD_CSV.encode("utf-16-le")).content.decode()
    assert "Nullzeichen" in content and "UTF-16" in content
    assert "Es fehlen Spalten" not in content


def test_damaged_utf8_is_named_as_such(editor_client, towns):
    data = GOOD_CSV.encode() + "Fest;Verein;Borna;Fest;10;Kaputt \xff\n".encode("latin-1")
    content = _preview(editor_client, data).content.decode()
    assert "kein gültiges UTF-8" in content
    assert "in Zeile 4" in content
    assert "CSV UTF-8" in content
