"""The secretary's side of the cycle: who owes what, accept or return, and running the quarter."""

import datetime

import pytest
from django.urls import reverse

from actions import services
from actions.models import ActionUpdate, Rag
from actions.services import UpdateInput
from governance.models import Organisation
from priorities.models import ReportingPeriod
from tests import factories


@pytest.fixture
def actions(p1, p2, police):
    council = factories.make_organisation(p1.plan.partnership, "Test Council", kind=Organisation.Kind.COUNCIL)
    first = factories.make_action(p1, "1.1")
    first.responsible_organisations.add(police)
    second = factories.make_action(p2, "2.1")
    second.responsible_organisations.add(council)
    return first, second


@pytest.fixture
def submitted(actions, period, lead_a):
    return services.save_update(
        action=actions[0],
        period=period,
        by=lead_a,
        expected_version=0,
        data=UpdateInput(rag=Rag.GREEN, progress="Done"),
        submit=True,
    )


def test_the_review_page_shows_who_has_submitted_by_organisation(client, secretary, submitted, period):
    client.force_login(secretary)
    response = client.get(reverse("actions:review"))
    assert response.status_code == 302 and response.url == reverse("actions:review_period", args=[period.pk])
    content = client.get(response.url).content.decode()
    assert "Test Police" in content and "Test Council" in content
    assert "1 submitted" in content and "1 not started" in content
    assert "2.1 (Bob Lead)" in content  # who still owes what
    assert reverse("actions:review_update", args=[submitted.pk]) in content


def test_accepting_an_update(client, secretary, submitted):
    client.force_login(secretary)
    response = client.post(
        reverse("actions:review_update", args=[submitted.pk]),
        {"decision": "accept", "comment": "", "version": "1"},
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert (submitted.state, submitted.reviewed_by) == (ActionUpdate.State.ACCEPTED, secretary)


def test_returning_needs_a_comment(client, secretary, submitted):
    client.force_login(secretary)
    url = reverse("actions:review_update", args=[submitted.pk])
    content = client.post(url, {"decision": "return", "comment": "", "version": "1"}).content.decode()
    assert "Enter a comment saying what needs to change" in content and "<title>Error:" in content
    submitted.refresh_from_db()
    assert submitted.state == ActionUpdate.State.SUBMITTED
    client.post(url, {"decision": "return", "comment": "Add the ward names", "version": "1"})
    submitted.refresh_from_db()
    assert (submitted.state, submitted.review_comment) == (ActionUpdate.State.RETURNED, "Add the ward names")


def test_a_decision_on_a_changed_update_is_refused_and_changes_nothing(
    client, secretary, lead_a, submitted, period
):
    services.save_update(
        action=submitted.action,
        period=period,
        by=lead_a,
        expected_version=1,
        data=UpdateInput(rag=Rag.RED, progress="Worse", recovery_plan="Escalated"),
        submit=True,
    )
    client.force_login(secretary)
    response = client.post(
        reverse("actions:review_update", args=[submitted.pk]),
        {"decision": "accept", "comment": "", "version": "1"},
        follow=True,
    )
    assert "The owner changed this update while you were reviewing it" in response.content.decode()
    submitted.refresh_from_db()
    assert (submitted.state, submitted.rag) == (ActionUpdate.State.SUBMITTED, Rag.RED)


def test_leads_and_viewers_cannot_review(client, lead_a, viewer, submitted, period):
    for person in (lead_a, viewer):
        client.force_login(person)
        assert client.get(reverse("actions:review")).status_code == 403
        assert client.get(reverse("actions:review_period", args=[period.pk])).status_code == 403
        assert (
            client.post(
                reverse("actions:review_update", args=[submitted.pk]), {"decision": "accept", "version": "1"}
            ).status_code
            == 403
        )
    submitted.refresh_from_db()
    assert submitted.state == ActionUpdate.State.SUBMITTED


def test_another_partnerships_secretary_cannot_see_the_review(client, outsider, submitted, period):
    client.force_login(outsider)
    assert client.get(reverse("actions:review_period", args=[period.pk])).status_code == 404
    assert client.get(reverse("actions:review_update", args=[submitted.pk])).status_code == 404


class TestRunningTheQuarter:
    def test_open_lock_and_reopen_with_a_reason(self, client, secretary, plan):
        period = factories.make_period(plan, 2, status=ReportingPeriod.Status.PLANNED)
        url = reverse("actions:manage_period", args=[period.pk])
        client.force_login(secretary)
        client.post(
            url,
            {
                "open-update_deadline_0": "14",
                "open-update_deadline_1": "7",
                "open-update_deadline_2": "2020",
                "open": "",
            },
        )
        period.refresh_from_db()
        assert (period.status, period.update_deadline) == ("open", datetime.date(2020, 7, 14))

        content = client.post(url, {"lock": ""}).content.decode()
        assert "Confirm that you understand updates can no longer be changed" in content
        client.post(url, {"lock-confirm": "on", "lock": ""})
        period.refresh_from_db()
        assert period.status == "locked"

        content = client.post(url, {"reopen-reason": "", "reopen": ""}).content.decode()
        assert "Enter why you are reopening this quarter" in content
        client.post(url, {"reopen-reason": "Police figures corrected", "reopen": ""})
        period.refresh_from_db()
        assert period.status == "open"
        assert "Reopened: Police figures corrected" in client.get(url).content.decode()

    def test_a_deadline_before_the_quarter_starts_is_refused(self, client, secretary, period):
        client.force_login(secretary)
        content = client.post(
            reverse("actions:manage_period", args=[period.pk]),
            {
                "deadline-update_deadline_0": "1",
                "deadline-update_deadline_1": "12",
                "deadline-update_deadline_2": "2019",
                "deadline": "",
            },
        ).content.decode()
        assert "The deadline must be on or after the quarter starts" in content
        period.refresh_from_db()
        assert period.update_deadline == datetime.date(2020, 4, 14)

    def test_an_operation_that_does_not_fit_the_status_changes_nothing(self, client, secretary, period):
        client.force_login(secretary)
        client.post(reverse("actions:manage_period", args=[period.pk]), {"reopen-reason": "x", "reopen": ""})
        period.refresh_from_db()
        assert period.status == "open"

    def test_a_lead_cannot_lock_the_quarter(self, client, lead_a, period):
        client.force_login(lead_a)
        response = client.post(
            reverse("actions:manage_period", args=[period.pk]), {"lock-confirm": "on", "lock": ""}
        )
        assert response.status_code == 403
        period.refresh_from_db()
        assert period.status == "open"


def test_the_walsall_review_page_takes_a_fixed_number_of_queries(client, demo, django_assert_max_num_queries):
    from governance.models import User

    period = ReportingPeriod.objects.get(plan__partnership__slug="safer-walsall", label="2020 Q3")
    client.force_login(User.objects.get(email="secretary@demo.example"))
    with django_assert_max_num_queries(15):
        assert client.get(reverse("actions:review_period", args=[period.pk])).status_code == 200


def _count_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_review_and_my_updates_pages_do_not_grow_with_the_plan(
    client, secretary, lead_a, walsall, p1, period
):
    def grow(n_from: int) -> None:
        for n in range(n_from, n_from + 6):
            owner = factories.make_user(walsall, organisation=factories.make_organisation(walsall))
            action = factories.make_action(p1, f"1.{n}", owner=owner)
            action.responsible_organisations.add(owner.organisation)
            services.save_update(
                action=action,
                period=period,
                by=owner,
                expected_version=0,
                data=UpdateInput(rag=Rag.GREEN, progress="ok"),
                submit=n % 2 == 0,
            )
            factories.make_measure(p1, n)

    grow(100)
    review_url = reverse("actions:review_period", args=[period.pk])
    client.force_login(secretary)
    review_before = _count_queries(client, review_url)
    client.force_login(lead_a)
    mine_before = _count_queries(client, reverse("actions:my_updates"))
    grow(200)
    client.force_login(secretary)
    assert _count_queries(client, review_url) == review_before
    client.force_login(lead_a)
    assert _count_queries(client, reverse("actions:my_updates")) == mine_before
