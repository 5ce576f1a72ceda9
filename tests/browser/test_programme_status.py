"""An editor reopens the paused programme in a real Chromium; the page then says one thing."""

import pytest

from microprojects.models import FundingProgramme
from tests.browser.test_admin_tabs import _log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NO_FUNDS = "Derzeit keine Mittel verfügbar"


def _programme_page(page):
    page.goto("/de/mikroprojekte/")
    return page.locator("main").inner_text()


def test_switching_the_status_leaves_a_consistent_page(page, live_server, editor, demo_content):
    programme = FundingProgramme.objects.get()
    assert programme.status == FundingProgramme.Status.PAUSED
    before = _programme_page(page)
    assert NO_FUNDS in before
    assert "Nächster Stichtag" not in before
    assert "Antrag senden an" not in before

    _log_in(page, live_server, editor)
    page.goto(f"/admin/microprojects/fundingprogramme/{programme.pk}/change/")
    page.select_option("#id_status", FundingProgramme.Status.OPEN.value)
    with page.expect_navigation():
        page.click("input[name=_continue]")
    # The notice was written for every status: the admin asks before saving anything.
    question = page.locator(".errornote, .errorlist").first
    assert question.is_visible()
    assert "Sie ändern den Status auf „Anträge möglich“." in page.locator("main").inner_text()
    programme.refresh_from_db()
    assert programme.status == FundingProgramme.Status.PAUSED

    page.check("input[name=notice_decision][value=old]")
    with page.expect_navigation():
        page.click("input[name=_continue]")
    assert page.locator(".messagelist .success").count() == 1
    programme.refresh_from_db()
    assert programme.status == FundingProgramme.Status.OPEN
    assert programme.status_notice_status == FundingProgramme.Status.PAUSED

    after = _programme_page(page)
    assert NO_FUNDS not in after
    assert "Nächster Stichtag" in after
    assert "Antrag senden an" in after

    # And back: paused again, the notice written for that status returns without a question.
    page.goto(f"/admin/microprojects/fundingprogramme/{programme.pk}/change/")
    page.select_option("#id_status", FundingProgramme.Status.PAUSED.value)
    with page.expect_navigation():
        page.click("input[name=_continue]")
    assert page.locator(".messagelist .success").count() == 1
    paused = _programme_page(page)
    assert NO_FUNDS in paused
    assert "Nächster Stichtag" not in paused
