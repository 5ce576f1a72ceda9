"""The programme page on a 360×800 phone: the first form sooner, contents and quick check usable.

Measured on the demo content before the contents list, key facts and quick check (header
included): the first form at 3,241 px (de) and 3,299 px (ar) of pages 8,606 and 9,935 px long.
The budgets below are measured from the header's lower edge, so a shorter header (built
elsewhere) only helps.
"""

import pytest

from tests.browser.test_accessibility import WCAG_AA, _axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Below the header: before 2,855 px (de) and 2,913 px (ar).
FIRST_FORM_BELOW_HEADER = {"de": 2_750, "ar": 2_800}


def _phone(page, path):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(path)


def _measure(page):
    header = page.locator("header").first.bounding_box()
    first_form = page.locator("main .attachment a").first.bounding_box()
    return {
        "header": round(header["height"]),
        "first_form_y": round(first_form["y"]),
        "height": page.evaluate("document.documentElement.scrollHeight"),
    }


@pytest.mark.parametrize("code", ["de", "ar"])
def test_first_form_is_reached_sooner_on_a_phone(page, demo_content, code):
    _phone(page, f"/{code}/mikroprojekte/")
    numbers = _measure(page)
    print(code, numbers)  # the report quotes these
    assert numbers["first_form_y"] - numbers["header"] <= FIRST_FORM_BELOW_HEADER[code]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("code", ["de", "ar"])
def test_contents_links_scroll_to_their_sections(page, demo_content, code):
    _phone(page, f"/{code}/mikroprojekte/")
    links = page.locator(".contents-list a")
    assert links.count() >= 5
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href")
        links.nth(index).click()
        assert page.evaluate("location.hash") == target
        box = page.locator(target).bounding_box()
        assert -1 <= box["y"] < 800, target  # sub-pixel rounding at the top edge
        page.evaluate("window.scrollTo(0, 0)")


@pytest.mark.parametrize("code", ["de", "ar"])
def test_quick_check_works_with_javascript_off(browser, live_server, demo_content, code):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    _phone(page, f"/{code}/mikroprojekte/")
    page.locator("#antwort-ja").check()
    page.locator(".quick-check button").click()
    assert page.evaluate("location.hash") == "#check"
    assert page.locator('input[name="thema"]').count() == 2
    page.locator("#antwort-ja").check()
    page.locator(".quick-check button").click()
    assert page.locator("#check .alert--success h2").is_visible()
    # The answer is what the reader sees, not the top of the page.
    assert page.locator("#check .alert--success h2").bounding_box()["y"] < 800
    context.close()


@pytest.mark.parametrize("code", ["de", "ar"])
def test_programme_page_and_quick_check_have_no_axe_violations(page, demo_content, code):
    axe = _axe()
    problems = {}
    for path in (
        f"/{code}/mikroprojekte/",
        f"/{code}/mikroprojekte/schnellcheck/?frage=ehrenamtlich",
        f"/{code}/mikroprojekte/schnellcheck/?ehrenamtlich=nein&traeger=nein",
        f"/{code}/mikroprojekte/schnellcheck/?ehrenamtlich=ja&thema=ja",
    ):
        _phone(page, path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
        if results.violations_count:
            problems[path] = [v["id"] for v in results.response["violations"]]
    assert problems == {}
    assert page.foreign_requests == []
