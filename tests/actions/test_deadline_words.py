"""Deadlines as people say them (issue 17 item 5): days are counted only while they mean something,
and someone who owes nothing is not shown a deadline."""

import datetime

import pytest
from django.urls import reverse

from actions.templatetags.cycle import deadline_in_words

TODAY = datetime.date(2020, 11, 1)


@pytest.mark.parametrize(
    ("deadline", "said"),
    [
        (datetime.date(2020, 11, 13), "13 November 2020 (12 days left)"),
        (datetime.date(2020, 11, 1), "1 November 2020 (due today)"),
        (datetime.date(2020, 10, 29), "29 October 2020 (3 days overdue)"),
        (datetime.date(2020, 10, 1), "1 October 2020 (31 days overdue)"),
        (datetime.date(2020, 9, 30), "was 30 September 2020"),
        (datetime.date(2014, 10, 6), "was 6 October 2014"),
    ],
)
def test_a_deadline_counts_days_for_a_month_then_reads_as_a_date(deadline, said):
    assert deadline_in_words(deadline, TODAY) == said


def test_a_viewer_who_owes_nothing_sees_no_deadline(client, viewer, period, p1):
    client.force_login(viewer)

    content = client.get(reverse("actions:my_updates")).content.decode()

    assert "You do not own or lead any actions in this plan" in content
    assert "Deadline" not in content and "overdue" not in content
