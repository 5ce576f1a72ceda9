"""The programme page on a 360×800 phone: the first form within reach, the page not endless."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _measure(page, code):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"/{code}/mikroprojekte/")
    first_form = page.locator("main .attachment a").first.bounding_box()
    height = page.evaluate("document.documentElement.scrollHeight")
    return {"first_form_y": round(first_form["y"]), "height": height}


@pytest.mark.parametrize("code", ["de", "ar"])
def test_measure(page, demo_content, code):
    print(code, _measure(page, code))
