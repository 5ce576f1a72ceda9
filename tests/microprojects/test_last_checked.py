"""The programme page says „Stand: …“ once an editor has checked it, and nothing before."""

import datetime

import pytest

from tests.microprojects.factories import FundingProgrammeFactory

pytestmark = pytest.mark.django_db


def page_text(client, path):
    """The page's HTML with runs of whitespace as one space, as a browser shows them."""
    response = client.get(path)
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_programme_page_shows_the_date_it_was_last_checked(client):
    FundingProgrammeFactory(last_checked=datetime.date(2026, 9, 15))
    content = page_text(client, "/de/mikroprojekte/")
    assert (
        '<p class="last-checked">Stand: <time datetime="2026-09-15">15. September 2026</time></p>'
        in content
    )
    arabic = page_text(client, "/ar/mikroprojekte/")
    assert 'آخر تحديث: <time datetime="2026-09-15">' in arabic


def test_programme_never_checked_shows_no_date(client):
    FundingProgrammeFactory(last_checked=None)
    assert "last-checked" not in page_text(client, "/de/mikroprojekte/")
