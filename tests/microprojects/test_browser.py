"""The microprojects pages in states the sitemap does not reach, checked with axe-core."""

import pytest
from django.core.management import call_command

from microprojects.models import FundingProgramme
from tests.browser.sweep import WCAG_AA
from tests.microprojects.factories import FundedProjectFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _violations(page, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(path)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    return [
        (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
    ]


@pytest.mark.parametrize("code", ["de", "ar"])
def test_open_programme_filtered_list_and_second_page_pass_axe(page, code):
    call_command("load_demo", verbosity=0)
    FundingProgramme.objects.update(status=FundingProgramme.Status.OPEN)
    town = FundedProjectFactory(year=2021).municipality
    FundedProjectFactory.create_batch(30, year=2021, municipality=town)
    problems = {}
    for path in (
        f"/{code}/mikroprojekte/",
        f"/{code}/mikroprojekte/gefoerderte-projekte/?year=2021&page=2",
        f"/{code}/mikroprojekte/gefoerderte-projekte/?year=2021&category=festival",
    ):
        found = _violations(page, path)
        if found:
            problems[path] = found
    assert problems == {}
    assert page.foreign_requests == []


def test_project_table_stacks_its_rows_at_320_pixels_so_every_amount_is_on_screen(page):
    call_command("load_demo", verbosity=0)
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/ar/mikroprojekte/gefoerderte-projekte/")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0
    region = page.locator(".table-region")
    assert region.evaluate("el => el.scrollWidth <= el.clientWidth")
    off_screen = page.evaluate(
        """[...document.querySelectorAll('.projects-table td.numeric')]
            .map(td => td.getBoundingClientRect())
            .filter(r => r.left < 0 || r.right > document.documentElement.clientWidth).length"""
    )
    assert off_screen == 0
    region.focus()
    assert page.evaluate("document.activeElement.classList.contains('table-region')")
