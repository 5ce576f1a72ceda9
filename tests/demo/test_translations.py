"""The demo content reads in every language: nothing missing, nothing outdated."""

import re

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


# One rule for German originals in brackets. Names readers must match against a German
# form, letter or door sign (document titles, teams, job titles, departments) carry the
# whole German name in brackets at the end, in every language. Other titles never do.
WITH_GERMAN_ORIGINAL = {
    "documents.document.title",
    "contacts.team.name",
    "contacts.person.job_title",
    "contacts.person.department",
}
WITHOUT_GERMAN_ORIGINAL = {
    "pages.page.title",
    "pages.notice.title",
    "documents.category.title",
    "microprojects.step.title",
    "microprojects.fundingprogramme.title",
    "microprojects.fundedproject.title",
    "contacts.office.name",
}


@pytest.mark.parametrize("code", TARGETS)
def test_names_to_match_carry_the_german_original_in_brackets_in_every_language(code):
    po = polib.pofile(str(catalogue_path(code)))
    entries = [e for e in po if e.msgctxt in WITH_GERMAN_ORIGINAL]
    assert len(entries) >= 15
    missing = [e.msgstr for e in entries if not e.msgstr.endswith(f" ({e.msgid})")]
    assert missing == []
    # Once only: the translated part names no piece of the German in brackets again.
    twice = [e.msgstr for e in entries if e.msgstr.count("(") != e.msgid.count("(") + 1]
    assert twice == []


@pytest.mark.parametrize("code", TARGETS)
def test_other_titles_carry_no_german_original_in_brackets(code):
    po = polib.pofile(str(catalogue_path(code)))
    entries = [e for e in po if e.msgctxt in WITHOUT_GERMAN_ORIGINAL]
    assert len(entries) >= 20
    bracketed = [
        (e.msgstr, inner)
        for e in entries
        for inner in re.findall(r"\(([^()]+)\)", e.msgstr)
        if inner in e.msgid and inner != e.msgstr
    ]
    assert bracketed == []


def test_the_german_original_is_marked_german_on_the_page(client, db):
    call_command("load_demo", verbosity=0)
    content = client.get("/ar/dokumente/").content.decode()
    assert '(<span lang="de" dir="ltr">Verwendungsnachweis 2022</span>)</a>' in content
    person = client.get("/uk/ansprechpersonen/loth/").content.decode()
    assert '(<span lang="de" dir="ltr">Kommunale Integrationskoordinatorin</span>)' in person
