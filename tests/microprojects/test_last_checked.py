"""The programme page says „Stand: …“ once an editor has checked it, and nothing before."""

import datetime

import pytest

from tests.microprojects.factories import FundingProgrammeFactory

pytestmark = pytest.mark.django_db


def test_programme_page_shows_the_date_it_was_last_checked(client):
    FundingProgrammeFactory(last_checked=datetime.date(2026, 9, 15))
    content = client.get("/de/mikroprojekte/").content.decode()
    assert (
        '<p class="last-checked">Stand: <time datetime="2026-09-15">15. September 2026</time></p>'
        in content
    )
    arabic = client.get("/ar/mikroprojekte/").content.decode()
    assert 'آخر تحديث: <time datetime="2026-09-15">' in arabic


def test_programme_never_checked_shows_no_date(client):
    FundingProgrammeFactory(last_checked=None)
    assert "last-checked" not in client.get("/de/mikroprojekte/").content.decode()
