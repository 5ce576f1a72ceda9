"""Translation status: outdated exactly when the German text moved on, never otherwise."""

import pytest

from pages.models import Page
from tests.pages.factories import PageFactory
from translations.status import COMPLETE, MISSING, OUTDATED, object_status


@pytest.fixture
def page(db):
    return PageFactory(
        key=Page.Key.PRIVACY,
        title_de="Datenschutz",
        title_en="Privacy",
        title_ar="الخصوصية",
        summary_de="",
        body_de="<p>Deutsch</p>",
        body_en="<p>English</p>",
        body_ar="<p>عربي</p>",
    )


def post_page(client, page, **changes):
    page.refresh_from_db()
    data = {
        "key": page.key,
        "is_published": "True",
        "videos-TOTAL_FORMS": "0",
        "videos-INITIAL_FORMS": "0",
        "videos-MIN_NUM_FORMS": "0",
        "videos-MAX_NUM_FORMS": "1000",
    }
    for field in ("title", "summary", "body"):
        for code in ("de", "en", "ar", "fa", "uk", "ru", "tr", "es"):
            data[f"{field}_{code}"] = getattr(page, f"{field}_{code}") or ""
    data.update(changes)
    response = client.post(f"/admin/pages/page/{page.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    return page


def test_new_translations_are_complete_and_missing_languages_are_missing(page):
    assert object_status(page, "en") == (COMPLETE, {})
    assert object_status(page, "fa") == (MISSING, {"title": MISSING, "body": MISSING})


def test_editing_german_marks_other_languages_outdated(editor_client, page):
    post_page(editor_client, page, body_de="<p>Deutsch, neu gefasst</p>")
    assert object_status(page, "en") == (OUTDATED, {"body": OUTDATED})
    assert object_status(page, "ar") == (OUTDATED, {"body": OUTDATED})


def test_editing_a_translation_makes_it_current_again(editor_client, page):
    post_page(editor_client, page, body_de="<p>Deutsch, neu gefasst</p>")
    post_page(editor_client, page, body_en="<p>English, revised</p>")
    assert object_status(page, "en") == (COMPLETE, {})
    assert object_status(page, "ar")[0] == OUTDATED


def test_confirming_keeps_translations_current_after_a_small_german_fix(editor_client, page):
    post_page(editor_client, page, body_de="<p>Deutsch.</p>", confirm_translations=["en", "ar"])
    assert object_status(page, "en") == (COMPLETE, {})
    assert object_status(page, "ar") == (COMPLETE, {})


def test_unrelated_edit_changes_no_status(editor_client, page):
    post_page(editor_client, page, body_de="<p>Deutsch, neu gefasst</p>")
    post_page(editor_client, page, title_en="Privacy policy")
    assert object_status(page, "en") == (OUTDATED, {"body": OUTDATED})
    assert object_status(page, "ar") == (OUTDATED, {"body": OUTDATED})


def test_saving_without_changes_marks_nothing_outdated(editor_client, page):
    post_page(editor_client, page)
    assert object_status(page, "en") == (COMPLETE, {})


def test_admin_shows_the_status_per_language(editor_client, page):
    post_page(editor_client, page, body_de="<p>Deutsch, neu gefasst</p>")
    content = editor_client.get(f"/admin/pages/page/{page.pk}/change/").content.decode()
    assert "Stand der Übersetzungen" in content
    assert 'class="status-outdated">veraltet' in content
    assert 'class="status-missing">fehlt' in content


def test_readers_see_an_outdated_translation_with_a_note(client, editor_client, page):
    post_page(editor_client, page, body_de="<p>Deutsch, neu gefasst</p>")
    content = client.get("/en/datenschutz/").content.decode()
    assert "<p>English</p>" in content
    assert 'class="fallback-note outdated-note"' in content
    current = client.get("/de/datenschutz/").content.decode()
    assert "outdated-note" not in current


def test_german_rich_text_that_sanitising_changes_does_not_look_outdated(db):
    """The fingerprint is taken of the stored (cleaned) German, not of what the editor typed."""
    page = PageFactory(
        key=Page.Key.IMPRINT,
        title_de="Impressum",
        title_en="Legal notice",
        summary_de="",
        body_de='<p><a href="https://example.org">Link</a></p>',
        body_en='<p><a href="https://example.org">Link</a></p>',
    )
    page.refresh_from_db()
    assert 'rel="noopener"' in page.body_de
    assert object_status(page, "en") == (COMPLETE, {})
