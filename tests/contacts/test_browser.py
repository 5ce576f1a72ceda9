"""The finder's answer and error states in Chromium: axe-core and narrow screens.

The site-wide browser tests only see the pages the sitemap lists; these states need a query.
"""

import pytest
from django.core.management import call_command

from tests.browser.sweep import problems_on

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

QUERIES = ["04668", "Borna", "Bor", "01067", "0466", "x" * 300, "", "Rötha"]


@pytest.mark.parametrize("code", ["de", "ar"])
def test_finder_states_have_no_axe_violations_and_fit_320px(page, code):
    call_command("load_demo", verbosity=0)
    page.set_viewport_size({"width": 320, "height": 800})
    finder = f"/{code}/ansprechpersonen/zustaendigkeitsfinder/?ort="
    assert problems_on(page, [finder + query for query in QUERIES]) == {}
    assert page.foreign_requests == []


def test_finder_form_submits_without_javascript(browser, live_server):
    call_command("load_demo", verbosity=0)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("/de/ansprechpersonen/zustaendigkeitsfinder/")
    tab.fill("#ort", "04552")
    with tab.expect_navigation():
        tab.click("main button[type=submit]")
    assert "ort=04552" in tab.url
    assert "Frau Loth" in tab.inner_text(".finder-answer")
    assert tab.title().startswith("04552")
    context.close()
