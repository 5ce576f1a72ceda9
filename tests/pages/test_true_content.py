"""Content that is true: invented data marked, facts to confirm kept from readers, legal notes."""

import re

import pytest

from contacts.models import ResponsibilityOverview

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ar", "fa", "uk", "ru", "tr", "es"]
GERMAN = "Diese Maßnahme wird mitfinanziert mit Steuermitteln"


def text(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return " ".join(response.content.decode().split())


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("key", ["impressum", "datenschutz", "barrierefreiheit"])
def test_translated_legal_page_says_the_german_version_is_binding(client, demo_content, code, key):
    from django.utils import translation

    with translation.override(code):
        note = translation.gettext("Verbindlich ist nur die deutsche Fassung dieser Seite.")
    assert note != "Verbindlich ist nur die deutsche Fassung dieser Seite."
    assert note in text(client, f"/{code}/{key}/")


def test_german_legal_page_has_no_binding_note(client, demo_content):
    assert "Verbindlich ist nur" not in text(client, "/de/datenschutz/")


@pytest.mark.parametrize("code", ["de", *LANGUAGES])
def test_programme_keeps_the_german_co_financing_sentence(client, demo_content, code):
    page = text(client, f"/{code}/mikroprojekte/")
    assert GERMAN in page
    if code != "de":
        # One rule in every language: the German sentence, then its translation beneath.
        assert re.search(
            rf'<blockquote> ?<p lang="de" dir="ltr">{GERMAN}[^<]*</p> ?<p>[^<]+</p> ?</blockquote>',
            page,
        )


def test_example_mapping_is_marked_on_contact_list_person_office_and_programme(
    client, demo_content
):
    assert ResponsibilityOverview.objects.get().is_example
    for path in ["/de/ansprechpersonen/", "/de/koordinierungsstelle/"]:
        assert "Diese Zuordnung der Städte und Gemeinden ist noch nicht verbindlich" in text(
            client, path
        )
    ResponsibilityOverview.objects.update(is_example=False)
    assert "noch nicht verbindlich" not in text(client, "/de/ansprechpersonen/")


def test_example_notice_is_marked_until_the_editor_switches_it_off(client, demo_content):
    from pages.models import Notice

    marker = "Datum und Angaben dieses Hinweises sind Beispiele"
    assert marker in text(client, "/de/")
    Notice.objects.update(is_example=False)
    assert marker not in text(client, "/de/")


def test_funding_status_names_the_year(client, demo_content):
    assert "zweiten Jahreshälfte 2025" in text(client, "/de/mikroprojekte/")
    assert "second half of 2025" in text(client, "/en/mikroprojekte/")


def test_english_dates_are_british(client, demo_content):
    assert "17 February 2025" in text(client, "/en/mikroprojekte/")


def test_russian_says_orientation_not_orienteering(client, demo_content):
    page = text(client, "/ru/mikroprojekte/")
    assert "Ориентирование" not in page and "Ориентация" in page


@pytest.mark.parametrize("code", LANGUAGES)
def test_easy_read_page_is_not_titled_german(client, demo_content, code):
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", text(client, f"/{code}/leichte-sprache/")).group(1)
    for word in ("German", "الألمانية", "آلمانی", "німецькою", "немецком", "Almanca"):
        assert word not in h1


def test_easy_language_page_gives_address_phone_and_sign_language(client, demo_content):
    page = text(client, "/de/leichte-sprache/")
    assert "integrationshilfe@lk-l.de" in page and "03433 241-3431" in page
    assert 'href="../gebaerdensprache/"' in page
    assert " dass " not in page
    body = page.split("<h1", 1)[1]
    for term in ("Integration?", "Landkreis Leipzig?", "Koordinierungsstelle für Integration?"):
        assert term in body


def test_accessibility_statement_uses_the_eu_wording_and_lists_the_video_gap(client, demo_content):
    page = text(client, "/de/barrierefreiheit/")
    assert "teilweise mit der BITV 2.0 vereinbar" in page
    assert "weitgehend" not in page
    assert "Videos in Deutscher Gebärdensprache fehlen noch" in page


def test_sign_language_page_promises_no_subtitled_videos(client, demo_content):
    page = text(client, "/de/gebaerdensprache/")
    assert "Untertitel" not in page and "gibt es noch nicht" in page


def test_facts_to_confirm_are_in_the_admin_panel_and_never_public(
    client, editor_client, demo_content
):
    panel = editor_client.get("/admin/").content.decode()
    assert "Noch zu bestätigen" in panel
    assert "Anschrift der Sächsischen Datenschutz- und Transparenzbeauftragten" in panel
    for code in ["de", *LANGUAGES]:
        for key in ("datenschutz", "barrierefreiheit"):
            page = text(client, f"/{code}/{key}/")
            assert "Transparenzbeauftragten</" not in page or "Anschrift der" not in page
            assert "Postanschrift der Durchsetzungsstelle" not in page
            assert "Direkte E-Mail-Adresse" not in page


def test_editor_edits_facts_to_confirm_in_the_admin(editor_client, demo_content):
    from pages.models import Page

    page = Page.objects.get(key="datenschutz")
    html = editor_client.get(f"/admin/pages/page/{page.pk}/change/").content.decode()
    assert "Noch zu bestätigen" in html and 'name="open_facts"' in html


def test_impressum_names_no_switchboard_number_until_the_office_confirms_it(
    client, editor_client, demo_content
):
    """03433 241-0 is not in the office's facts: the editors are asked for it instead."""
    for code in ["de", *LANGUAGES]:
        page = text(client, f"/{code}/impressum/")
        assert "241-0" not in page
        assert "integrationshilfe@lk-l.de" in page
    panel = editor_client.get("/admin/").content.decode()
    assert "Telefonnummer der Zentrale des Landratsamts" in panel
