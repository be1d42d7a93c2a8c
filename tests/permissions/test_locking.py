"""A locked quarter and an accepted update are read only for everyone; only the secretary and admins
open, lock and reopen a quarter, and reopening needs a reason."""

import pytest
from django.urls import reverse

from actions import services
from priorities.models import ReportingPeriod
from tests.permissions.clients import client_for
from tests.permissions.operations import date_input, perform, snapshot

pytestmark = pytest.mark.usefixtures("two_factor_enforced")


WRITES_TO_AN_UPDATE = ["edit_update_post", "evidence_upload_post", "evidence_delete_post"]
# The most powerful role and the person who reports: the rule is the same for everyone in between.
REPORTERS = ["admin", "lead"]


def lock(w, by) -> None:
    url = reverse("actions:manage_period", args=[w.period.pk])
    assert client_for(by).post(url, {"lock-confirm": "on", "lock": ""}).status_code == 302
    assert ReportingPeriod.objects.get(pk=w.period.pk).status == ReportingPeriod.Status.LOCKED


@pytest.mark.parametrize("op", [*WRITES_TO_AN_UPDATE, "edit_reading_post"])
@pytest.mark.parametrize("role", REPORTERS)
def test_a_locked_quarter_is_read_only_for_everyone(role, op, w, users):
    lock(w, users["secretary"])
    before = snapshot(w)

    response = perform(client_for(users[role]), w, op)

    assert response.status_code == 403
    assert snapshot(w) == before


@pytest.mark.parametrize("role", ["admin", "secretary"])
def test_a_locked_quarters_updates_cannot_be_reviewed(role, w, users):
    lock(w, users["secretary"])
    before = snapshot(w)
    # The refusal is a message on the review page (a redirect); what matters here is that nothing changed.
    perform(client_for(users[role]), w, "review_update_post")
    assert snapshot(w) == before


@pytest.mark.parametrize("op", WRITES_TO_AN_UPDATE)
@pytest.mark.parametrize("role", REPORTERS)
def test_an_accepted_update_is_frozen_for_everyone(role, op, w, users):
    services.accept_update(update=w.update, by=users["secretary"], expected_version=w.update.version)
    w.update.refresh_from_db()
    before = snapshot(w)

    response = perform(client_for(users[role]), w, op)

    assert response.status_code == 403
    assert snapshot(w) == before


# Each of the quarter page's forms, posted when the quarter is in the state that offers it.
QUARTER_FORMS = {
    "open": (ReportingPeriod.Status.PLANNED, {**date_input("open-update_deadline", 14, 4, 2020), "open": ""}),
    "deadline": (
        ReportingPeriod.Status.OPEN,
        {**date_input("deadline-update_deadline", 30, 4, 2020), "deadline": ""},
    ),
    "lock": (ReportingPeriod.Status.OPEN, {"lock-confirm": "on", "lock": ""}),
    "reopen": (ReportingPeriod.Status.LOCKED, {"reopen-reason": "Figures were late.", "reopen": ""}),
}


@pytest.mark.parametrize("operation", QUARTER_FORMS)
@pytest.mark.parametrize("role", ["secretary", "lead", "viewer"])
def test_only_the_secretary_and_admins_run_the_quarter(role, operation, w, users):
    status, form = QUARTER_FORMS[operation]
    w.period.status = status
    w.period.save()
    before = snapshot(w)

    response = client_for(users[role]).post(reverse("actions:manage_period", args=[w.period.pk]), form)

    if role in ("admin", "secretary"):
        assert response.status_code == 302
        assert snapshot(w)["periods"] != before["periods"]
    else:
        assert response.status_code == 403
        assert snapshot(w) == before


def test_reopening_a_locked_quarter_needs_a_reason(w, users):
    admin_user = users["admin"]
    lock(w, admin_user)
    client = client_for(admin_user)
    url = reverse("actions:manage_period", args=[w.period.pk])

    refused = client.post(url, {"reopen-reason": "  ", "reopen": ""})
    assert refused.status_code == 200
    assert "Enter why you are reopening this quarter" in refused.content.decode()
    assert ReportingPeriod.objects.get(pk=w.period.pk).status == ReportingPeriod.Status.LOCKED

    client.post(url, {"reopen-reason": "The police figures were late.", "reopen": ""})
    period = ReportingPeriod.objects.get(pk=w.period.pk)
    assert period.status == ReportingPeriod.Status.OPEN
    assert period.history.latest().history_change_reason == "Reopened: The police figures were late."
