"""The owner's quarterly update: saved as a draft or submitted for review, one action at a time."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from governance.models import User
from priorities.models import ReportingPeriod
from priorities.signals import announce_plan_changed
from swp.history import save_as

from .. import notifications
from ..models import Action, ActionUpdate, Rag
from .refusals import Conflict, NotAllowedNow, editable_problem


@dataclass(frozen=True)
class UpdateInput:
    rag: str
    progress: str
    recovery_plan: str = ""
    outcomes: str = ""
    marks_complete: bool = False
    proposed_deadline: date | None = None
    deadline_change_reason: str = ""


@transaction.atomic
def save_update(
    *,
    action: Action,
    period: ReportingPeriod,
    by: User,
    expected_version: int,
    data: UpdateInput,
    submit: bool,
) -> ActionUpdate:
    """Save the quarter's update as a draft or submit it for review. expected_version is 0 for a new one."""
    # Locking the action serialises every write to its updates, including the first one.
    action = Action.objects.select_for_update().get(pk=action.pk)
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    update = ActionUpdate.objects.filter(action=action, period=period).first()
    if (update.version if update else 0) != expected_version:
        raise Conflict(update)
    problem = editable_problem(update, period)
    if problem:
        raise NotAllowedNow(problem)
    if update is None:
        update = ActionUpdate(action=action, period=period, version=0)
    apply_input(update, data, submit=submit, by=by, now=timezone.now())
    save_as(update, by=by)
    if submit and action.status == Action.Status.NOT_STARTED:
        action.status = Action.Status.IN_PROGRESS
        action.version += 1
        save_as(action, by=by, reason=first_submission_reason(period))
    if submit:
        notifications.update_submitted(update=update, by=by)
    announce_plan_changed(plan_id=period.plan_id)
    return update


def stored_values(data: UpdateInput) -> dict:
    """The fields as save_update stores them: no recovery plan when green, no reason without a deadline."""
    values = dict(data.__dict__)
    if data.rag == Rag.GREEN:
        values["recovery_plan"] = ""
    if not data.proposed_deadline:
        values["deadline_change_reason"] = ""
    return values


def first_submission_reason(period: ReportingPeriod) -> str:
    return f"First update submitted for {period.label}"


def apply_input(update: ActionUpdate, data: UpdateInput, *, submit: bool, by: User, now: datetime) -> None:
    """What save_update and save_updates_in_bulk both do to an update: one set of rules for both."""
    for field, value in stored_values(data).items():
        setattr(update, field, value)
    update.version += 1
    if submit:
        update.state = ActionUpdate.State.SUBMITTED
        update.submitted_by = by
        update.submitted_at = now
    else:
        # A returned or submitted update saved as a draft goes back to its owner's desk.
        update.state = ActionUpdate.State.DRAFT
