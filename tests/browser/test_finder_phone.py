"""On a 360×800 phone the finder's answer is what the reader sees first after submitting."""

import pytest
from django.core.management import call_command

from .sweep import problems_on

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"width": 360, "height": 800}
# Typo, village, town in Arabic and Cyrillic script, City of Leipzig, neighbouring county,
# "did you mean", unknown input.
QUERIES = ["Grima", "Nerchau", "غريما", "Гримма", "04109", "Torgau", "Bornaa", "Qwertzuiop"]


def _top_of_first_result(page):
    """Viewport y of the answer's first heading or card, after the browser followed #ergebnis."""
    return page.evaluate(
        """() => {
            const answer = document.getElementById("ergebnis");
            const first = answer.querySelector("h2, h3, .person-card, p");
            return first.getBoundingClientRect().top;
        }"""
    )


@pytest.mark.parametrize("code", ["de", "ar", "uk", "fa"])
def test_first_result_is_on_the_first_screen_after_submitting(page, code):
    call_command("load_demo", verbosity=0)
    page.set_viewport_size(PHONE)
    measured = {}
    for query in ["Grima", "Nerchau", "04552"]:
        page.goto(f"/{code}/ansprechpersonen/zustaendigkeitsfinder/")
        page.fill("#ort", query)
        page.click(".finder-form button[type=submit]")
        page.wait_for_load_state()
        assert page.url.endswith("#ergebnis"), page.url
        measured[query] = _top_of_first_result(page)
        card = page.evaluate(
            """() => document.querySelector("#ergebnis .person-card")
                .getBoundingClientRect().top"""
        )
        measured[f"{query} card"] = card
    print(code, measured)
    # Scrolling to the fragment may leave the top a fraction of a pixel above the edge.
    assert all(-1 < y < PHONE["height"] for y in measured.values()), measured


@pytest.mark.parametrize("code", ["de", "ar", "uk", "fa"])
def test_new_finder_answers_have_no_axe_violations_and_no_sideways_scroll(page, code):
    call_command("load_demo", verbosity=0)
    page.set_viewport_size(PHONE)
    finder = f"/{code}/ansprechpersonen/zustaendigkeitsfinder/?sprache=ar&ort="
    assert problems_on(page, [finder + query for query in QUERIES]) == {}
    assert page.foreign_requests == []


def test_language_filter_works_without_javascript(browser, live_server):
    call_command("load_demo", verbosity=0)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    tab.set_viewport_size(PHONE)
    tab.goto("/de/ansprechpersonen/zustaendigkeitsfinder/")
    tab.fill("#ort", "Nerchau")
    tab.select_option("#sprache", "ar")
    tab.click(".finder-form button[type=submit]")
    answer = tab.inner_text("#ergebnis")
    assert "Nerchau gehört zu Grimma" in answer
    assert "Ansprechpersonen, die Arabisch sprechen" in answer
    context.close()
