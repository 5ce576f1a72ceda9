"""The demo content reads in every language: nothing missing, nothing outdated."""

import polib
import pytest
from django.core.management import call_command

from demo import catalogues
from demo.catalogues import catalogue_path, translated_objects
from translations.status import COMPLETE, TARGETS, object_status


@pytest.mark.parametrize("code", TARGETS)
def test_demo_catalogue_has_no_empty_or_fuzzy_entry(code):
    po = polib.pofile(str(catalogue_path(code)))
    assert [e.msgid[:60] for e in po.untranslated_entries()] == []
    assert [e.msgid[:60] for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("code", TARGETS)
def test_every_demo_text_is_translated_and_current(db, code):
    call_command("load_demo", verbosity=0)
    incomplete = {}
    for _model, obj, _fields in translated_objects():
        if not hasattr(obj, "translation_sources"):
            continue
        status, problems = object_status(obj, code)
        if status != COMPLETE:
            incomplete[f"{obj._meta.label}:{obj}"] = problems
    assert incomplete == {}


def test_demo_catalogues_match_the_german_demo_texts(db, tmp_path, monkeypatch):
    """A changed German demo text needs its catalogues regenerated (`manage.py demo_catalogues`)."""
    call_command("load_demo", verbosity=0)
    monkeypatch.setattr(catalogues, "CATALOGUES", tmp_path)
    catalogues.write_catalogues()
    fresh = {(e.msgctxt, e.msgid) for e in polib.pofile(str(tmp_path / "en.po"))}
    monkeypatch.undo()
    committed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(catalogue_path("en")))}
    assert fresh == committed
