"""The admin's language tabs in a real browser: one language's fields at a time."""

import pytest
from django.conf import settings
from django.test import Client

from pages.models import Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server, editor):
    client = Client()
    client.force_login(editor)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_editor_switches_the_language_of_the_input_fields(page, live_server, editor, demo_content):
    _log_in(page, live_server, editor)
    imprint = Page.objects.get(key=Page.Key.IMPRINT)
    page.goto(f"/admin/pages/page/{imprint.pk}/change/")
    tabs = page.locator(".translation-tabs button")
    assert tabs.count() == len(settings.LANGUAGES)
    assert page.locator("#id_title_de").is_visible()
    assert not page.locator("#id_title_ar").is_visible()

    page.get_by_role("button", name="العربية").click()
    assert page.locator("#id_title_ar").is_visible()
    assert not page.locator("#id_title_de").is_visible()
    assert page.get_by_role("button", name="العربية").get_attribute("aria-pressed") == "true"
    assert page.foreign_requests == []


def test_a_language_with_an_error_is_marked_and_opened_first(
    page, live_server, editor, demo_content
):
    _log_in(page, live_server, editor)
    imprint = Page.objects.get(key=Page.Key.IMPRINT)
    page.goto(f"/admin/pages/page/{imprint.pk}/change/")
    page.locator("#id_title_de").fill("")
    with page.expect_navigation():
        page.locator("input[name=_continue]").click()
    error_tab = page.locator(".translation-tabs__button--error")
    assert error_tab.count() == 1
    assert error_tab.get_attribute("lang") == "de"
    assert page.locator("#id_title_de").is_visible()


def test_the_open_language_stays_open_after_saving(page, live_server, editor, demo_content):
    _log_in(page, live_server, editor)
    imprint = Page.objects.get(key=Page.Key.IMPRINT)
    page.goto(f"/admin/pages/page/{imprint.pk}/change/")
    page.get_by_role("button", name="العربية").click()
    page.locator("#id_title_ar").fill("بيانات النشر")
    with page.expect_navigation():
        page.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    assert page.locator(".messagelist .success").count() == 1
    assert page.get_by_role("button", name="العربية").get_attribute("aria-pressed") == "true"
    assert page.locator("#id_title_ar").is_visible()
    assert not page.locator("#id_title_de").is_visible()
    imprint.refresh_from_db()
    assert imprint.title_ar == "بيانات النشر"

    # After a validation error outside the translated fields, too.
    page.locator("#id_key").select_option(Page.Key.PRIVACY.value)
    with page.expect_navigation():
        page.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    assert page.locator(".errornote").count() == 1
    assert page.locator(".translation-tabs__button--error").count() == 0
    assert page.locator("#id_title_ar").is_visible()
    assert not page.locator("#id_title_de").is_visible()


def test_a_link_can_open_a_language(page, live_server, editor, demo_content):
    _log_in(page, live_server, editor)
    imprint = Page.objects.get(key=Page.Key.IMPRINT)
    page.goto(f"/admin/pages/page/{imprint.pk}/change/#sprache-uk")
    assert page.locator("#id_title_uk").is_visible()
    assert not page.locator("#id_title_de").is_visible()


def test_the_arabic_tab_shows_the_german_text_and_what_changed(
    page, live_server, editor, demo_content
):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.test_accessibility import WCAG_AA

    _log_in(page, live_server, editor)
    imprint = Page.objects.get(key=Page.Key.IMPRINT)
    imprint.title_de = "Impressum und Kontakt"
    imprint.save()
    page.goto(f"/admin/pages/page/{imprint.pk}/change/")
    german = page.locator(".translation-field", has=page.locator("#id_title_ar")).locator(
        ".translation-source"
    )
    assert not german.is_visible()

    page.get_by_role("button", name="العربية").click()
    assert german.is_visible()
    assert german.get_attribute("lang") == "de"
    assert german.locator(".translation-source__text").inner_text() == "Impressum und Kontakt"
    assert german.locator("ins").inner_text() == "hinzugefügt: und Kontakt"
    assert page.locator("#id_title_ar").is_visible()
    # What the language tabs and the German texts add to the form; the input widgets are
    # Django's and the editor's (Django's date/time pairs, for one, carry no label per input).
    results = Axe().run(
        page,
        context={"include": [[".translation-tabs"], [".translation-source"]]},
        options={"runOnly": {"type": "tag", "values": WCAG_AA}},
    )
    assert [
        (v["id"], [n["html"] for n in v["nodes"]]) for v in results.response["violations"]
    ] == []
    assert page.foreign_requests == []
