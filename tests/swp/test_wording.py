"""Dates and times as people say them (swp/wording.py), never as the database keeps them."""

import datetime

import pytest

from swp.wording import day, moment, time_of_day


@pytest.mark.parametrize(
    ("hour", "minute", "said"),
    [
        (13, 55, "1:55pm"),
        (9, 0, "9am"),
        (12, 0, "midday"),
        (0, 0, "midnight"),
        (0, 5, "12:05am"),
        (12, 30, "12:30pm"),
    ],
)
def test_times_of_day_in_the_gov_uk_style(hour, minute, said):
    assert time_of_day(datetime.datetime(2026, 12, 4, hour, minute)) == said


def test_a_moment_is_said_in_london_time():
    # 13:55 UTC in June is 2:55pm in London (British Summer Time).
    assert moment(datetime.datetime(2026, 6, 4, 13, 55, 52, tzinfo=datetime.UTC)) == "4 June 2026 at 2:55pm"


def test_a_day_has_no_leading_zero():
    assert day(datetime.date(2020, 10, 6)) == "6 October 2020"
