"""A plan is approved, active and archived only through its approvals trail (priorities/approvals.py)."""

import datetime

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.forms import modelform_factory
from django.urls import reverse

from governance.models import User
from priorities import approvals
from priorities.models import ApprovalStep, Plan
from tests import factories

Stage, Outcome = ApprovalStep.Stage, ApprovalStep.Outcome
DURING_2019 = datetime.date(2019, 12, 1)  # before the test plan's 2020 period starts
IN_2020 = datetime.date(2020, 6, 1)


@pytest.fixture
def draft(walsall):
    return factories.make_plan(walsall, title="Draft Plan 2020", status=Plan.Status.DRAFT)


def _step(plan, stage, day, outcome=Outcome.APPROVED, *, today=DURING_2019, by=None, **fields):
    return approvals.record_step(
        plan=plan, stage=stage, date=day, outcome=outcome, by=by, today=today, **fields
    )


def test_a_plan_stays_draft_until_full_council_approves_it(draft):
    _step(draft, Stage.BOARD, datetime.date(2019, 7, 30))
    _step(draft, Stage.SCRUTINY, datetime.date(2019, 8, 29), Outcome.NOTED)
    _step(draft, Stage.CABINET, datetime.date(2019, 10, 23))
    draft.refresh_from_db()
    assert draft.status == Plan.Status.DRAFT
    _step(draft, Stage.COUNCIL, datetime.date(2019, 11, 5))
    draft.refresh_from_db()
    assert draft.status == Plan.Status.APPROVED


def test_an_approved_plan_becomes_active_when_its_period_starts(draft, secretary):
    _step(draft, Stage.COUNCIL, datetime.date(2019, 11, 5), by=secretary)
    assert not approvals.sync_status(plan=draft, today=datetime.date(2019, 12, 31))
    assert approvals.sync_status(plan=draft, today=datetime.date(2020, 1, 1))
    draft.refresh_from_db()
    assert draft.status == Plan.Status.ACTIVE
    latest = draft.history.first()
    assert latest.history_change_reason.startswith("Active (approvals trail): Approved by Full council")
    # Already right: nothing written, not even history.
    count = draft.history.count()
    assert not approvals.sync_status(plan=draft, today=datetime.date(2020, 2, 1))
    assert draft.history.count() == count


def test_approval_after_the_period_started_makes_it_active_at_once(draft):
    _step(draft, Stage.COUNCIL, datetime.date(2020, 1, 20), today=IN_2020)
    assert draft.status == Plan.Status.ACTIVE  # the passed plan is brought up to date too


def test_a_plan_the_board_approves_itself(walsall):
    plan = factories.make_plan(
        walsall, title="Board plan", status=Plan.Status.DRAFT, final_approval_stage=Stage.BOARD
    )
    _step(plan, Stage.BOARD, datetime.date(2019, 9, 3))
    assert plan.status == Plan.Status.APPROVED


def test_a_later_deferral_by_the_approving_body_returns_the_plan_to_draft(draft):
    _step(draft, Stage.COUNCIL, datetime.date(2019, 11, 5))
    _step(draft, Stage.COUNCIL, datetime.date(2019, 11, 6), Outcome.NOTED)
    assert draft.status == Plan.Status.APPROVED
    _step(draft, Stage.COUNCIL, datetime.date(2019, 11, 20), Outcome.DEFERRED)
    assert draft.status == Plan.Status.DRAFT
    status = approvals.status_from_trail(plan=draft, steps=approvals.trail(plan=draft), today=DURING_2019)
    assert "Deferred by Full council on 20 November 2019" in status.reason


def test_closing_the_plan_archives_it_and_ends_the_trail(draft):
    _step(draft, Stage.COUNCIL, datetime.date(2019, 11, 5))
    _step(
        draft,
        Stage.CLOSE,
        datetime.date(2020, 12, 15),
        Outcome.APPROVED,
        body="Partnership Board",
        today=IN_2020.replace(month=12, day=20),
    )
    assert draft.status == Plan.Status.ARCHIVED
    with pytest.raises(approvals.ApprovalRefused) as refused:
        _step(draft, Stage.BOARD, datetime.date(2020, 12, 16), today=datetime.date(2020, 12, 20))
    assert "This plan has been closed" in str(refused.value)


def test_only_an_approved_plan_can_be_closed(draft):
    with pytest.raises(approvals.ApprovalRefused) as refused:
        _step(draft, Stage.CLOSE, datetime.date(2019, 11, 5))
    assert refused.value.problems == {
        "stage": "Only an approved plan can be closed. Record its approval first."
    }
    assert not draft.approval_steps.exists()


def test_steps_are_recorded_in_order_and_never_in_the_future(draft):
    _step(draft, Stage.BOARD, datetime.date(2019, 9, 3))
    with pytest.raises(approvals.ApprovalRefused) as refused:
        _step(draft, Stage.SCRUTINY, datetime.date(2019, 8, 29))
    assert "on or after 3 September 2019, the date of the last step" in refused.value.problems["date"]
    with pytest.raises(approvals.ApprovalRefused) as refused:
        _step(draft, Stage.CABINET, datetime.date(2019, 12, 2))
    assert refused.value.problems["date"].startswith("The date must be today or in the past")
    assert list(draft.approval_steps.values_list("order", flat=True)) == [1]


def test_a_step_at_a_meeting_is_on_that_meetings_date_and_in_this_partnership(draft, elsewhere):
    board = factories.make_board(draft.partnership)
    meeting = factories.make_meeting(board, datetime.date(2019, 9, 3))
    with pytest.raises(approvals.ApprovalRefused) as refused:
        _step(draft, Stage.BOARD, datetime.date(2019, 9, 4), meeting=meeting)
    assert (
        refused.value.problems["date"]
        == "The date must be the date of the meeting you chose, 3 September 2019"
    )
    theirs = factories.make_meeting(factories.make_board(elsewhere), datetime.date(2019, 9, 3))
    with pytest.raises(approvals.ApprovalRefused) as refused:
        _step(draft, Stage.BOARD, datetime.date(2019, 9, 3), meeting=theirs)
    assert refused.value.problems["meeting"] == "Choose a meeting of this partnership's boards"
    step = _step(draft, Stage.BOARD, datetime.date(2019, 9, 3), meeting=meeting)
    assert step.meeting == meeting and step.order == 1


def test_another_body_needs_its_name(draft):
    with pytest.raises(approvals.ApprovalRefused) as refused:
        _step(draft, Stage.OTHER, datetime.date(2019, 9, 3))
    assert refused.value.problems == {"body": "Enter the name of the body that made the decision"}


def test_a_recorded_step_names_who_recorded_it(draft, secretary):
    step = _step(draft, Stage.BOARD, datetime.date(2019, 9, 3), by=secretary, notes="  Agreed the leads  ")
    assert (step.recorded_by, step.notes) == (secretary, "Agreed the leads")
    assert step.history.get().history_user == secretary


# The guard: the status never changes any other way ----------------------------------------------------


def test_saving_a_changed_status_is_refused_and_changes_nothing(plan):
    before = plan.history.count()
    plan.status = Plan.Status.ARCHIVED
    with pytest.raises(ValidationError) as raised:
        plan.save()
    assert "A plan's status changes only through its approvals trail" in str(raised.value)
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ACTIVE and plan.history.count() == before


def test_full_clean_explains_it_too(plan):
    plan.status = Plan.Status.DRAFT
    with pytest.raises(ValidationError) as raised:
        plan.full_clean()
    assert "Record the approval step instead" in str(raised.value)


def test_a_bulk_update_of_the_status_is_refused(plan):
    with pytest.raises(ValidationError):
        Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.ARCHIVED)
    with pytest.raises(ValidationError):
        Plan.objects.filter(pk=plan.pk).update(final_approval_stage=Stage.BOARD)
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ACTIVE


def test_other_fields_save_as_before(plan):
    plan.title = "Renamed plan"
    plan.save()
    plan.status = plan.status  # unchanged
    plan.full_clean()
    Plan.objects.filter(pk=plan.pk).update(vision="A safer borough")
    plan.refresh_from_db()
    assert (plan.title, plan.vision) == ("Renamed plan", "A safer borough")


def test_a_form_that_offers_the_status_cannot_change_it(plan):
    form_class = modelform_factory(Plan, fields=["title", "status"])
    form = form_class({"title": plan.title, "status": Plan.Status.ARCHIVED}, instance=plan)
    assert not form.is_valid()
    assert "status changes only through its approvals trail" in form.non_field_errors()[0]
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ACTIVE


def test_the_approving_body_is_fixed_once_approved_but_not_before(plan, draft):
    draft.final_approval_stage = Stage.CABINET
    draft.save()
    plan.final_approval_stage = Stage.BOARD
    with pytest.raises(ValidationError) as raised:
        plan.save()
    assert "cannot change once the plan has been approved" in str(raised.value)


@pytest.mark.usefixtures("demo")
def test_the_admin_shows_the_status_but_cannot_edit_it(client):
    client.force_login(User.objects.get(email="admin@demo.example"))
    plan = Plan.objects.get(partnership__slug="safer-walsall")
    content = client.get(reverse("admin:priorities_plan_change", args=[plan.pk])).content.decode()
    assert 'name="status"' not in content and 'name="final_approval_stage"' not in content
    assert "Active" in content
    model_admin = admin.site._registry[Plan]
    assert "status" in model_admin.get_readonly_fields(None, None)
    assert "final_approval_stage" not in model_admin.get_readonly_fields(None, None)


def test_correcting_a_step_in_the_admin_brings_the_status_back_in_line(client, walsall, draft):
    superuser = factories.make_user(walsall, is_superuser=True, is_staff=True)
    step = _step(draft, Stage.COUNCIL, datetime.date(2019, 11, 5))
    client.force_login(superuser)
    response = client.post(reverse("admin:priorities_approvalstep_delete", args=[step.pk]), {"post": "yes"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Plan.Status.DRAFT


def test_the_daily_command_brings_statuses_up_to_date(draft, capsys):
    _step(draft, Stage.COUNCIL, datetime.date(2019, 11, 5))
    call_command("sync_plan_statuses")
    draft.refresh_from_db()
    assert draft.status == Plan.Status.ACTIVE  # its 2020 period has long started
    assert "Draft Plan 2020: active" in capsys.readouterr().out
