"""The page nginx shows when no instance answers, in a real browser: accessible, on a phone."""

import pytest

from core import unavailable
from tests.browser.sweep import WCAG_AA

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("code", ["de", "ar"])
def test_the_unavailable_page_has_no_axe_violations_and_fits_320px(browser, code):
    from axe_playwright_python.sync_playwright import Axe

    content = unavailable.path_for(code).read_text(encoding="utf-8")
    content = content.replace(unavailable.REQUEST_ID, "5f0c2a9d1b7e4c3a8d6f0e2b4a1c9d7e")
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.set_content(content)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    assert results.response["violations"] == []
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    context.close()
