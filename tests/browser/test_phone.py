"""A resident's phone, 360×800 CSS px: short header, finder first, big targets, no side scroll."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from tests.site_urls import sitemap_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 800}
LANGUAGES = ["de", "ar", "uk", "fa"]
# The main actions a resident taps: phone and e-mail links and the start page's cards.
TARGETS = "a[href^='tel:'], a[href^='mailto:'], .card"
MIN_TARGET = 44


@pytest.fixture
def phone(page):
    call_command("load_demo", verbosity=0)
    page.set_viewport_size(PHONE)
    return page


def _small_targets(page):
    """Targets smaller than 44×44 CSS px, as (text, width, height)."""
    return page.evaluate(
        """([selector, minimum]) => [...document.querySelectorAll(selector)]
            .filter(el => el.getClientRects().length)
            .map(el => { const r = el.getBoundingClientRect(), text = el.textContent.trim();
                         return [text.slice(0, 40), Math.round(r.width), Math.round(r.height)]; })
            .filter(([, w, h]) => w < minimum || h < minimum)""",
        [TARGETS, MIN_TARGET],
    )


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_header_is_at_most_120px_tall(phone, code):
    phone.goto(f"/{code}/")
    height = phone.locator(".site-header").bounding_box()["height"]
    assert height <= 120, height


@pytest.mark.parametrize("code", LANGUAGES)
def test_language_choice_and_menu_open_without_javascript(browser, live_server, code):
    call_command("load_demo", verbosity=0)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_viewport_size(PHONE)
    page.goto(f"/{code}/")
    languages = page.locator(".header-menu--language")
    menu = page.locator(".header-menu--nav")
    assert not page.locator(".main-nav a").first.is_visible()
    menu.locator("summary").click()
    assert page.locator(".main-nav a").first.is_visible()
    languages.locator("summary").click()
    # One panel at a time: opening the language choice closes the menu.
    assert not page.locator(".main-nav a").first.is_visible()
    with page.expect_navigation():
        page.locator(".language-nav a[hreflang='en']").click()
    assert page.evaluate("document.documentElement.lang") == "en"
    context.close()


def test_wide_screens_show_the_menu_without_opening_it(phone):
    phone.set_viewport_size({"width": 1024, "height": 800})
    phone.goto("/de/")
    assert phone.locator(".main-nav a").first.is_visible()
    assert phone.locator(".language-nav a").first.is_visible()
    assert not phone.locator(".header-menu > summary").first.is_visible()


@pytest.mark.parametrize("code", LANGUAGES)
def test_finder_field_is_on_the_first_screen_of_the_start_page(phone, code):
    phone.goto(f"/{code}/")
    field = phone.locator("#start-ort").bounding_box()
    button = phone.locator(".start-finder button").bounding_box()
    assert field["y"] + field["height"] <= PHONE["height"]
    assert field["height"] >= MIN_TARGET
    assert button["height"] >= MIN_TARGET


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_fits_the_phone_and_its_main_targets_are_44px(phone, code):
    paths = [p for p in sitemap_paths(Client()) if p.startswith(f"/{code}/")]
    wide, small = {}, {}
    for path in paths:
        phone.goto(path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            wide[path] = overflow
        if found := _small_targets(phone):
            small[path] = found
    assert wide == {}
    assert small == {}
    assert phone.foreign_requests == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_start_page_on_a_phone_has_no_axe_violations(phone, code):
    from axe_playwright_python.sync_playwright import Axe

    phone.goto(f"/{code}/")
    results = Axe().run(
        phone,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
            }
        },
    )
    assert results.violations_count == 0, results.generate_report()
