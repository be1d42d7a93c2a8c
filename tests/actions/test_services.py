"""The update cycle's services: the rules of the workflow, versions, and history with the actor."""

import datetime

import pytest

from actions import services
from actions.models import Action, ActionUpdate, Rag, UpdateComment
from actions.services import UpdateInput
from priorities import services as period_services
from priorities.models import ReportingPeriod
from tests import factories

GREEN = UpdateInput(rag=Rag.GREEN, progress="On track")
RED = UpdateInput(rag=Rag.RED, progress="Stalled", recovery_plan="Extra staff from July")


@pytest.fixture
def action(p1, lead_a):
    return factories.make_action(
        p1, "1.1", start_date=datetime.date(2020, 1, 1), deadline=datetime.date(2020, 12, 31)
    )


def _submit(action, period, by, data=GREEN, version=0):
    return services.save_update(
        action=action, period=period, by=by, expected_version=version, data=data, submit=True
    )


def test_submitting_the_first_update_starts_the_action_and_records_who(action, period, lead_a):
    update = _submit(action, period, lead_a)
    assert (update.state, update.version, update.submitted_by) == (ActionUpdate.State.SUBMITTED, 1, lead_a)
    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS
    assert update.history.first().history_user == lead_a
    assert action.history.first().history_user == lead_a
    assert action.history.first().history_change_reason == "First update submitted for 2020 Q1"


def test_saving_a_draft_keeps_it_with_the_owner(action, period, lead_a):
    update = services.save_update(
        action=action,
        period=period,
        by=lead_a,
        expected_version=0,
        data=UpdateInput(rag="", progress="Half written"),
        submit=False,
    )
    assert update.state == ActionUpdate.State.DRAFT and update.submitted_at is None
    action.refresh_from_db()
    assert action.status == Action.Status.NOT_STARTED


def test_a_stale_version_is_a_conflict_and_changes_nothing(action, period, lead_a, lead_b):
    first = _submit(action, period, lead_a, RED)
    with pytest.raises(services.Conflict) as conflict:
        _submit(action, period, lead_b, GREEN, version=0)
    assert conflict.value.current.pk == first.pk
    first.refresh_from_db()
    assert (first.rag, first.version, first.history.count()) == (Rag.RED, 1, 1)


def test_creating_when_someone_already_created_is_a_conflict(action, period, lead_a):
    _submit(action, period, lead_a)
    with pytest.raises(services.Conflict):
        _submit(action, period, lead_a, version=0)
    assert ActionUpdate.objects.filter(action=action).count() == 1


def test_a_locked_quarter_refuses_changes(action, period, lead_a, secretary):
    period_services.lock_period(period=period, by=secretary)
    with pytest.raises(services.NotAllowedNow, match="locked"):
        _submit(action, period, lead_a)
    assert not ActionUpdate.objects.filter(action=action).exists()


def test_a_quarter_not_yet_open_refuses_updates(action, plan, lead_a):
    planned = factories.make_period(plan, 2, status=ReportingPeriod.Status.PLANNED)
    with pytest.raises(services.NotAllowedNow, match="not open"):
        _submit(action, planned, lead_a)


def test_green_clears_a_leftover_recovery_plan(action, period, lead_a):
    update = _submit(
        action, period, lead_a, UpdateInput(rag=Rag.GREEN, progress="Fine", recovery_plan="Old text")
    )
    assert update.recovery_plan == ""


def test_accepting_applies_completion_and_a_revised_deadline(action, period, lead_a, secretary):
    data = UpdateInput(
        rag=Rag.GREEN,
        progress="Done",
        marks_complete=True,
        proposed_deadline=datetime.date(2021, 3, 31),
        deadline_change_reason="Waiting for sign-off",
    )
    update = _submit(action, period, lead_a, data)
    services.accept_update(update=update, by=secretary, expected_version=update.version)
    action.refresh_from_db()
    assert action.status == Action.Status.COMPLETE
    assert action.deadline == datetime.date(2021, 3, 31)
    latest = action.history.first()
    assert latest.history_user == secretary
    assert "Waiting for sign-off" in latest.history_change_reason


def test_returning_needs_a_submitted_update_and_joins_the_thread(action, period, lead_a, secretary):
    update = _submit(action, period, lead_a)
    returned = services.return_update(update=update, by=secretary, expected_version=1, comment="Add figures")
    assert returned.state == ActionUpdate.State.RETURNED and returned.review_comment == "Add figures"
    assert UpdateComment.objects.get(update=update).body == "Returned: Add figures"
    with pytest.raises(services.NotAllowedNow):
        services.accept_update(update=returned, by=secretary, expected_version=returned.version)


def test_an_accepted_update_can_no_longer_be_changed(action, period, lead_a, secretary):
    update = _submit(action, period, lead_a)
    services.accept_update(update=update, by=secretary, expected_version=1)
    with pytest.raises(services.NotAllowedNow, match="accepted"):
        _submit(action, period, lead_a, RED, version=2)


def test_reviewing_with_a_stale_version_is_a_conflict(action, period, lead_a, secretary):
    update = _submit(action, period, lead_a)
    _submit(action, period, lead_a, RED, version=1)
    with pytest.raises(services.Conflict):
        services.accept_update(update=update, by=secretary, expected_version=1)
    update.refresh_from_db()
    assert update.state == ActionUpdate.State.SUBMITTED and update.rag == Rag.RED


def test_reopening_a_quarter_records_the_reason(period, secretary):
    period_services.lock_period(period=period, by=secretary)
    period_services.reopen_period(period=period, by=secretary, reason="Police figures corrected")
    record = period.history.first()
    assert (record.status, record.history_user, record.history_change_reason) == (
        "open",
        secretary,
        "Reopened: Police figures corrected",
    )
    with pytest.raises(ValueError):
        period_services.reopen_period(period=period, by=secretary, reason="  ")
