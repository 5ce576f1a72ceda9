"""The finder's answer and error states in Chromium: axe-core and narrow screens.

The site-wide browser tests only see the pages the sitemap lists; these states need a query.
"""

import pytest
from django.core.management import call_command

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
QUERIES = ["04668", "Borna", "Bor", "01067", "0466", "x" * 300, "", "Rötha"]


@pytest.mark.parametrize("code", ["de", "ar"])
def test_finder_states_have_no_axe_violations_and_fit_320px(page, code):
    from axe_playwright_python.sync_playwright import Axe

    call_command("load_demo", verbosity=0)
    axe = Axe()
    page.set_viewport_size({"width": 320, "height": 800})
    problems = {}
    for query in QUERIES:
        page.goto(f"/{code}/ansprechpersonen/zustaendigkeitsfinder/?ort={query}")
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
        if results.violations_count:
            problems[query] = [v["id"] for v in results.response["violations"]]
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            problems.setdefault(query, []).append(f"overflow {overflow}px")
    assert problems == {}
    assert page.foreign_requests == []


def test_finder_form_submits_without_javascript(browser, live_server):
    call_command("load_demo", verbosity=0)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("/de/ansprechpersonen/zustaendigkeitsfinder/")
    tab.fill("#ort", "04552")
    tab.click("main button[type=submit]")
    assert "ort=04552" in tab.url
    assert "Frau Loth" in tab.inner_text(".finder-answer")
    assert tab.title().startswith("04552")
    context.close()
