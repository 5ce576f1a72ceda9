"""The search in a real Chromium: axe on the results page in every language, phone layout."""

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.browser.test_accessibility import WCAG_AA, _axe, _overflow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 800}
# "Integration" finds the reader's language and German hits (marked as German) alike.
QUERIES = ["Integration", "Zzkeintreffer"]
# A postcode adds the finder's answer with person cards; its markup is the same everywhere.
POSTCODE_LANGUAGES = {"de": "04668", "ar": "04668"}


def test_results_pages_have_no_axe_violations_in_any_language(page):
    """One browser session for all languages: with, without results and with a town's answer."""
    call_command("load_demo", verbosity=0)
    axe = _axe()
    problems = {}
    for code, _name in settings.LANGUAGES:
        postcode = [POSTCODE_LANGUAGES[code]] if code in POSTCODE_LANGUAGES else []
        for query in [*QUERIES, *postcode]:
            page.goto(f"/{code}/suche/?q={query}")
            results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
            if results.violations_count:
                problems[(code, query)] = [
                    (v["id"], [n["target"] for n in v["nodes"]][:3])
                    for v in results.response["violations"]
                ]
    assert problems == {}
    assert page.foreign_requests == []


def test_search_on_a_phone_opens_from_the_header_without_javascript(browser, live_server):
    call_command("load_demo", verbosity=0)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    for code in ("de", "ar", "uk"):
        page.set_viewport_size(PHONE)
        page.goto(f"/{code}/")
        assert page.locator(".site-header").bounding_box()["height"] <= 120
        field = page.locator("#kopf-suche")
        assert not field.is_visible()
        summary = page.locator(".header-menu--search > summary")
        box = summary.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44
        summary.click()
        assert field.is_visible()
        button = page.locator(".header-search button").bounding_box()
        assert button["width"] >= 44 and button["height"] >= 44
        field.fill("Götschenberg")
        field.press("Enter")
        page.wait_for_url(f"**/{code}/suche/?q=G*")
        assert page.locator(".search-result__title").first.is_visible()
        assert page.locator("h1").count() == 1
        page.set_viewport_size({"width": 320, "height": 800})
        assert _overflow(page) <= 0
    context.close()


def test_wide_screens_show_the_search_field_in_the_header(page):
    call_command("load_demo", verbosity=0)
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto("/de/")
    assert page.locator("#kopf-suche").is_visible()
    button = page.locator(".header-search button").bounding_box()
    assert button["width"] >= 44 and button["height"] >= 44
