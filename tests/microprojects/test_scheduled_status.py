"""A planned status takes over on the page, the deadline and the calendar at its time."""

import datetime

import pytest
from django.utils import timezone

from microprojects.models import FundingProgramme
from tests.microprojects.factories import FundingProgrammeFactory

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
OPEN, PAUSED = FundingProgramme.Status.OPEN, FundingProgramme.Status.PAUSED
PAUSED_HEADING = "Derzeit können keine Anträge gestellt werden"


def _programme(status, planned, offset):
    return FundingProgrammeFactory(
        status=status,
        scheduled_status=planned,
        scheduled_status_from=timezone.now() + offset,
        status_title_de="Keine Mittel mehr für dieses Jahr",
        status_notice_status=PAUSED,
    )


@pytest.mark.parametrize("code", ["de", "ar"])
def test_a_pause_planned_an_hour_ago_is_in_force(client, code):
    _programme(OPEN, PAUSED, -HOUR)
    content = client.get(f"/{code}/mikroprojekte/").content.decode()
    assert "banner--paused" in content
    assert "Keine Mittel mehr für dieses Jahr" in content
    assert "/mikroprojekte/stichtag.ics" not in content
    assert client.get(f"/{code}/mikroprojekte/stichtag.ics").status_code == 404


def test_a_pause_planned_an_hour_ahead_has_not_started(client):
    _programme(OPEN, PAUSED, HOUR)
    content = client.get("/de/mikroprojekte/").content.decode()
    assert "banner--paused" not in content
    # The notice was written for the pause; it waits for it.
    assert "Keine Mittel mehr für dieses Jahr" not in content
    assert "/de/mikroprojekte/stichtag.ics" in content
    assert client.get("/de/mikroprojekte/stichtag.ics").status_code == 200


def test_reopening_planned_an_hour_ago_brings_back_deadline_and_calendar(client):
    _programme(PAUSED, OPEN, -HOUR)
    content = client.get("/de/mikroprojekte/").content.decode()
    assert PAUSED_HEADING not in content
    assert "Nächster Stichtag" in content
    response = client.get("/de/mikroprojekte/stichtag.ics")
    assert response.status_code == 200
    assert b"BEGIN:VEVENT" in response.content


def test_reopening_planned_an_hour_ahead_keeps_the_pause(client):
    _programme(PAUSED, OPEN, HOUR)
    content = client.get("/de/mikroprojekte/").content.decode()
    assert PAUSED_HEADING not in content  # the editor's own heading replaces the default
    assert "Keine Mittel mehr für dieses Jahr" in content
    assert "Derzeit ausgesetzt" in content
    assert client.get("/de/mikroprojekte/stichtag.ics").status_code == 404
