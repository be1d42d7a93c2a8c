"""/review/ opens the quarter a secretary would expect, and a plan with no quarters says where they
are set up and by whom."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from priorities.models import ReportingPeriod

Status = ReportingPeriod.Status
OPEN, PLANNED, LOCKED = Status.OPEN, Status.PLANNED, Status.LOCKED


def quarters(plan, *statuses_and_offsets):
    """Quarters of 91 days starting `offset` days from today, with their status, oldest first."""
    today = timezone.localdate()
    made = []
    for number, (status, offset) in enumerate(statuses_and_offsets, start=1):
        start = today + datetime.timedelta(days=offset)
        end = start + datetime.timedelta(days=90)
        made.append(
            ReportingPeriod.objects.create(
                plan=plan,
                label=f"Quarter {number}",
                start=start,
                end=end,
                update_deadline=end + datetime.timedelta(days=14),
                status=status,
            )
        )
    return made


def opened_by_review(client, secretary):
    client.force_login(secretary)
    response = client.get(reverse("actions:review"))
    assert response.status_code == 302
    return response.url


@pytest.mark.parametrize(
    "first_status, second_status, third_status",
    [(LOCKED, OPEN, PLANNED), (PLANNED, OPEN, PLANNED)],
)
def test_the_open_quarter_is_opened(client, secretary, plan, first_status, second_status, third_status):
    q1, q2, q3 = quarters(plan, (first_status, -200), (second_status, -100), (third_status, 10))
    assert opened_by_review(client, secretary) == reverse("actions:review_period", args=[q2.pk])


@pytest.mark.parametrize("first_status", [PLANNED, LOCKED])
def test_with_none_open_the_latest_quarter_to_have_started_is_opened(client, secretary, plan, first_status):
    """A new plan's quarters are all "not yet open"; or the first was locked and the current one not
    yet opened: either way the secretary expects the quarter that today falls in, not the first."""
    q1, q2, q3 = quarters(plan, (first_status, -200), (PLANNED, -20), (PLANNED, 80))
    assert opened_by_review(client, secretary) == reverse("actions:review_period", args=[q2.pk])


def test_with_none_started_yet_the_first_quarter_is_opened(client, secretary, plan):
    q1, q2 = quarters(plan, (PLANNED, 30), (PLANNED, 121))
    assert opened_by_review(client, secretary) == reverse("actions:review_period", args=[q1.pk])


def test_a_plan_with_no_quarters_says_who_sets_them_up_and_where(client, secretary, plan):
    client.force_login(secretary)
    response = client.get(reverse("actions:review"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "has no reporting quarters yet" in page
    assert f'href="{reverse("plan_workbook:index")}"' in page
    assert "A partnership admin sets up a plan's reporting quarters" in page
    assert "in the admin" not in page  # nobody knows what "the admin" is
