"""Changing the (planned) status asks what becomes of a status notice that no longer fits."""

import datetime

import pytest
from django.utils import timezone

from microprojects.models import FundingProgramme
from tests.microprojects.factories import FundingProgrammeFactory

from .test_admin import form_data

pytestmark = pytest.mark.django_db
NOTICE = "Derzeit keine Mittel verfügbar"


def _url(programme):
    return f"/admin/microprojects/fundingprogramme/{programme.pk}/change/"


def _paused_with_notice(**kwargs):
    return FundingProgrammeFactory(
        status="paused",
        status_title_de=NOTICE,
        status_title_en="No funds available at present",
        status_text_de="<p>Kein Haushalt.</p>",
        status_date=datetime.date(2025, 2, 17),
        **kwargs,
    )


def _post(client, programme, **changes):
    data = form_data(client.get(_url(programme)).content.decode(), "fundingprogramme_form")
    data.update({name: [value] for name, value in changes.items()})
    return client.post(_url(programme), data)


def test_reopening_with_a_notice_for_every_status_asks_and_saves_nothing(editor_client):
    programme = _paused_with_notice()

    response = _post(editor_client, programme, status="open")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Sie ändern den Status auf „Anträge möglich“." in content
    assert f"Der Statushinweis „{NOTICE}“ gilt für jeden Status" in content
    assert 'type="radio" name="notice_decision" value="old"' in content
    assert "Hinweis nur beim Status „ausgesetzt“ zeigen" in content
    programme.refresh_from_db()
    assert programme.status == "paused"


@pytest.mark.parametrize(
    ("decision", "written_for", "title"),
    [("old", "paused", NOTICE), ("new", "open", NOTICE), ("keep", "", NOTICE), ("clear", "", "")],
)
def test_the_editors_answer_is_saved_with_the_new_status(
    editor_client, decision, written_for, title
):
    programme = _paused_with_notice()

    response = _post(editor_client, programme, status="open", notice_decision=decision)

    assert response.status_code == 302, response.content.decode()[:3000]
    programme.refresh_from_db()
    assert programme.status == "open"
    assert programme.status_notice_status == written_for
    assert programme.status_title_de == title
    if decision == "clear":
        assert programme.status_title_en == ""
        assert programme.status_text_de == ""
        assert programme.status_date is None


def test_after_binding_the_notice_the_reopened_page_does_not_say_no_funds(editor_client, client):
    programme = _paused_with_notice()
    _post(editor_client, programme, status="open", notice_decision="old")

    assert NOTICE not in client.get("/de/mikroprojekte/").content.decode()


def test_notice_written_for_the_old_status_asks_because_it_disappears(editor_client):
    programme = _paused_with_notice(status_notice_status="paused")

    content = _post(editor_client, programme, status="closed").content.decode()

    assert "gilt nur für „ausgesetzt“ und erscheint dann nicht mehr" in content
    assert 'value="old"' not in content
    assert "Hinweis passt auch zum neuen Status: nur bei „beendet“ zeigen" in content


def test_notice_written_for_the_new_status_needs_no_question(editor_client):
    programme = _paused_with_notice(status_notice_status="open")

    response = _post(editor_client, programme, status="open")

    assert response.status_code == 302


def test_choosing_the_notices_status_in_the_same_save_needs_no_question(editor_client):
    programme = _paused_with_notice()

    response = _post(editor_client, programme, status="open", status_notice_status="paused")

    assert response.status_code == 302
    programme.refresh_from_db()
    assert (programme.status, programme.status_notice_status) == ("open", "paused")


def test_without_a_notice_a_status_change_saves_at_once(editor_client):
    programme = FundingProgrammeFactory(status="paused")

    assert _post(editor_client, programme, status="open").status_code == 302


def test_planning_a_reopening_asks_about_a_notice_for_every_status(editor_client):
    programme = _paused_with_notice()
    start = timezone.localtime() + datetime.timedelta(days=30)

    response = _post(
        editor_client,
        programme,
        scheduled_status="open",
        scheduled_status_from_0=start.strftime("%d.%m.%Y"),
        scheduled_status_from_1="00:00:00",
    )

    content = response.content.decode()
    assert "Ab dem geplanten Zeitpunkt gilt der Status „Anträge möglich“." in content
    programme.refresh_from_db()
    assert programme.scheduled_status == ""

    response = _post(
        editor_client,
        programme,
        scheduled_status="open",
        scheduled_status_from_0=start.strftime("%d.%m.%Y"),
        scheduled_status_from_1="00:00:00",
        notice_decision="old",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    programme.refresh_from_db()
    assert (programme.scheduled_status, programme.status_notice_status) == ("open", "paused")


def test_status_column_of_the_list_refuses_a_change_that_leaves_the_notice_behind(editor_client):
    programme = _paused_with_notice()
    data = form_data(
        editor_client.get("/admin/microprojects/fundingprogramme/").content.decode(),
        "changelist-form",
    )
    data["form-0-status"] = ["open"]
    data["_save"] = ["Sichern"]

    response = editor_client.post("/admin/microprojects/fundingprogramme/", data)

    assert "Ändern Sie den Status bitte auf der Seite des Förderprogramms" in (
        response.content.decode()
    )
    programme.refresh_from_db()
    assert programme.status == FundingProgramme.Status.PAUSED


def test_status_column_of_the_list_still_changes_a_status_without_notice(editor_client):
    programme = FundingProgrammeFactory(status="paused")
    data = form_data(
        editor_client.get("/admin/microprojects/fundingprogramme/").content.decode(),
        "changelist-form",
    )
    data["form-0-status"] = ["open"]
    data["_save"] = ["Sichern"]

    response = editor_client.post("/admin/microprojects/fundingprogramme/", data)

    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.status == "open"
