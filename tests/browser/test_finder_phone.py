"""On a 360×800 phone the finder's answer is what the reader sees first after submitting."""

import pytest
from django.core.management import call_command

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
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
    from axe_playwright_python.sync_playwright import Axe

    call_command("load_demo", verbosity=0)
    axe = Axe()
    page.set_viewport_size(PHONE)
    problems = {}
    for query in QUERIES:
        page.goto(f"/{code}/ansprechpersonen/zustaendigkeitsfinder/?ort={query}&sprache=ar")
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
