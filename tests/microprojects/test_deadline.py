import datetime

import pytest

from microprojects.selectors import programme_deadline
from tests.microprojects.factories import FundingProgrammeFactory

pytestmark = pytest.mark.django_db


def test_deadline_later_this_year_is_this_years():
    programme = FundingProgrammeFactory(deadline_day=31, deadline_month=10)
    assert programme.next_deadline(datetime.date(2025, 3, 1)) == datetime.date(2025, 10, 31)


def test_deadline_day_itself_still_counts_with_zero_days_left():
    programme = FundingProgrammeFactory(deadline_day=31, deadline_month=10)
    deadline = programme_deadline(programme, today=datetime.date(2025, 10, 31))
    assert deadline["date"] == datetime.date(2025, 10, 31)
    assert deadline["days"] == 0


def test_deadline_rolls_over_to_next_year_the_day_after():
    programme = FundingProgrammeFactory(deadline_day=31, deadline_month=10)
    deadline = programme_deadline(programme, today=datetime.date(2026, 11, 24))
    assert deadline["date"] == datetime.date(2027, 10, 31)
    assert deadline["days"] == 341


def test_january_deadline_seen_from_december_lies_across_the_year_boundary():
    programme = FundingProgrammeFactory(deadline_day=15, deadline_month=1)
    deadline = programme_deadline(programme, today=datetime.date(2025, 12, 31))
    assert deadline["date"] == datetime.date(2026, 1, 15)
    assert deadline["days"] == 15


def test_29_february_deadline_falls_on_the_28th_in_common_years():
    programme = FundingProgrammeFactory(deadline_day=29, deadline_month=2)
    assert programme.next_deadline(datetime.date(2025, 1, 10)) == datetime.date(2025, 2, 28)
    assert programme.next_deadline(datetime.date(2027, 3, 1)) == datetime.date(2028, 2, 29)


def test_paused_programme_has_no_next_deadline_but_keeps_its_annual_date():
    programme = FundingProgrammeFactory(status="paused", deadline_day=31, deadline_month=10)
    deadline = programme_deadline(programme, today=datetime.date(2025, 2, 17))
    assert deadline["date"] is None
    assert deadline["days"] is None
    assert deadline["annual"] == datetime.date(2025, 10, 31)


def test_31_february_is_rejected_when_editors_save():
    from django.core.exceptions import ValidationError

    programme = FundingProgrammeFactory.build(deadline_day=31, deadline_month=2)
    with pytest.raises(ValidationError) as error:
        programme.full_clean(exclude=["contact_persons"])
    assert "deadline_day" in error.value.message_dict
