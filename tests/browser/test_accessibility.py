"""Every public page in a real Chromium: axe-core, narrow screens, zoom, focus, no third parties."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from tests.browser.sweep import WCAG_AA
from tests.site_urls import sitemap_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def _paths_for(code):
    call_command("load_demo", verbosity=0)
    return [p for p in sitemap_paths(Client()) if p.startswith(f"/{code}/")]


def _overflow(page):
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_every_page_has_no_axe_violations(page, code):
    axe = _axe()
    problems = {}
    for path in _paths_for(code):
        page.goto(path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
        if results.violations_count:
            problems[path] = [
                (v["id"], [n["target"] for n in v["nodes"]][:3])
                for v in results.response["violations"]
            ]
    assert problems == {}
    assert page.foreign_requests == []


@pytest.mark.parametrize("code", ["de", "ar"])
@pytest.mark.parametrize("width", [320, 640])
def test_no_horizontal_scrolling_at_320px_and_at_200_percent_zoom(page, code, width):
    """640 CSS px is what a 1280 px wide window shows at 200 % zoom."""
    page.set_viewport_size({"width": width, "height": 800})
    wide = {}
    for path in _paths_for(code):
        page.goto(path)
        if _overflow(page) > 0:
            wide[path] = _overflow(page)
    assert wide == {}


@pytest.mark.parametrize("code", ["de", "ar"])
def test_skip_link_is_the_first_stop_and_visible_on_focus(page, code):
    call_command("load_demo", verbosity=0)
    page.goto(f"/{code}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_arabic_layout_runs_right_to_left(page):
    call_command("load_demo", verbosity=0)
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/ar/")
    direction = page.evaluate("getComputedStyle(document.querySelector('main')).direction")
    assert direction == "rtl"
    h1 = page.locator("h1").bounding_box()
    # Right-aligned: the heading's right edge hugs the right side of the page.
    assert h1["x"] + h1["width"] > 320 - 40
