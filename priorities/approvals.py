"""The plan's approvals trail, and the plan status that it, and only it, decides.

The rules, in the order they apply to a plan's steps (oldest first):

- A plan is **draft** until its approving body records "approved" or "approved with changes".
  The approving body is the plan's `final_approval_stage`: full council by default (a community
  safety plan is usually part of the council's policy framework, as Walsall's is: its cabinet
  recommends it "to Council"), or cabinet, or the partnership board where the partnership
  approves its own plan. The latest decision of that body stands: a later "deferred" or
  "rejected" takes the plan back to draft; "noted" changes nothing.
- Every other step (working party, scrutiny, executive director, CMT, cabinet before council…)
  is the record of the journey and does not move the status.
- An approved plan is **active** from the day its period starts. Nobody has to do anything on
  that day: `python manage.py sync_plan_statuses` (daily) and every newly recorded step bring the
  stored status up to date.
- A "close the plan (annual review)" step with outcome approved, approved with changes or noted
  **archives** an approved or active plan. Nothing can be recorded after that.
- Steps are recorded in the order they happened, and none may be dated in the future.

Plan.save() refuses any other change of status (the guard in priorities/models/plans.py); the one save
here sets `_status_from_trail` for that save only.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from governance.models import Meeting, User
from swp.history import save_as

from .models import ApprovalStage, ApprovalStep, Plan

Outcome = ApprovalStep.Outcome
CLOSING_OUTCOMES = (Outcome.APPROVED, Outcome.APPROVED_WITH_CHANGES, Outcome.NOTED)


class ApprovalRefused(Exception):
    """The step can't be recorded. `problems` maps a form field (or "") to a plain-English reason."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(" ".join(problems.values()))
        self.problems = problems


@dataclass(frozen=True)
class TrailStatus:
    status: str  # a Plan.Status value
    reason: str  # why, in a sentence, for the page and the plan's history
    approved_by: ApprovalStep | None  # the approving body's decision that made it approved
    active_from: datetime.date | None  # when an approved plan is (or becomes) active


def _day(date: datetime.date) -> str:
    return f"{date:%-d %B %Y}"


def trail(*, plan: Plan) -> list[ApprovalStep]:
    """The plan's steps in order, with their meetings, for pages and the _approvals.html include."""
    return list(plan.approval_steps.select_related("meeting__board", "recorded_by").order_by("order"))


def status_from_trail(*, plan: Plan, steps: list[ApprovalStep], today: datetime.date) -> TrailStatus:
    final = ApprovalStage(plan.final_approval_stage)
    status = Plan.Status.DRAFT
    reason = f"Not yet approved: the plan needs the approval of {final.label.lower()}."
    approved_by = None
    for step in steps:
        if step.stage == ApprovalStage.CLOSE:
            if status == Plan.Status.APPROVED and step.outcome in CLOSING_OUTCOMES:
                status = Plan.Status.ARCHIVED
                reason = f"Closed by {step.body_name} on {_day(step.date)}."
            continue
        if status == Plan.Status.ARCHIVED or step.stage != final:
            continue
        if step.is_approval:
            status, approved_by = Plan.Status.APPROVED, step
            reason = f"{step.get_outcome_display()} by {step.body_name} on {_day(step.date)}."
        elif step.outcome in (Outcome.DEFERRED, Outcome.REJECTED):
            status, approved_by = Plan.Status.DRAFT, None
            reason = (
                f"{step.get_outcome_display()} by {step.body_name} on {_day(step.date)}: "
                "back to draft until it is approved."
            )
    active_from = plan.period_start if approved_by is not None else None
    if status == Plan.Status.APPROVED:
        if today >= plan.period_start:
            status = Plan.Status.ACTIVE
            reason += f" Active since its period started on {_day(plan.period_start)}."
        else:
            reason += f" Becomes active when its period starts on {_day(plan.period_start)}."
    return TrailStatus(status=status, reason=reason, approved_by=approved_by, active_from=active_from)


def step_problems(
    *,
    plan: Plan,
    steps: list[ApprovalStep],
    stage: str,
    body: str,
    date: datetime.date,
    outcome: str,
    meeting: Meeting | None,
    today: datetime.date,
) -> dict[str, str]:
    """Why this step can't be added to the trail, by form field; empty when it can."""
    problems: dict[str, str] = {}
    current = status_from_trail(plan=plan, steps=steps, today=today).status
    if current == Plan.Status.ARCHIVED:
        return {"": "This plan has been closed: its approvals trail is complete and nothing can be added."}
    if stage == ApprovalStage.CLOSE and current not in (Plan.Status.APPROVED, Plan.Status.ACTIVE):
        problems["stage"] = "Only an approved plan can be closed. Record its approval first."
    if stage == ApprovalStage.OTHER and not body.strip():
        problems["body"] = "Enter the name of the body that made the decision"
    if date > today:
        problems["date"] = "The date must be today or in the past: record a step once the decision is made"
    elif steps and date < steps[-1].date:
        problems["date"] = (
            f"The date must be on or after {_day(steps[-1].date)}, the date of the last step: "
            "record steps in the order they happened"
        )
    if meeting is not None:
        if meeting.board.partnership_id != plan.partnership_id:
            problems["meeting"] = "Choose a meeting of this partnership's boards"
        elif meeting.date != date and "date" not in problems:
            problems["date"] = f"The date must be the date of the meeting you chose, {_day(meeting.date)}"
    if outcome not in Outcome.values:
        problems["outcome"] = "Select the outcome"
    return problems


@transaction.atomic
def record_step(
    *,
    plan: Plan,
    stage: str,
    date: datetime.date,
    outcome: str,
    by: User | None,
    body: str = "",
    notes: str = "",
    meeting: Meeting | None = None,
    today: datetime.date | None = None,
) -> ApprovalStep:
    """Add a step to the end of the trail and bring the plan's status up to date with it."""
    today = today or timezone.localdate()
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    steps = trail(plan=locked)
    problems = step_problems(
        plan=locked,
        steps=steps,
        stage=stage,
        body=body,
        date=date,
        outcome=outcome,
        meeting=meeting,
        today=today,
    )
    if problems:
        raise ApprovalRefused(problems)
    step = ApprovalStep(
        plan=locked,
        order=(steps[-1].order if steps else 0) + 1,
        stage=stage,
        body=body.strip(),
        date=date,
        outcome=outcome,
        notes=notes.strip(),
        meeting=meeting,
        recorded_by=by,
    )
    save_as(step, by=by, reason="Recorded in the approvals trail")
    _save_status(locked, status_from_trail(plan=locked, steps=[*steps, step], today=today), by=by)
    plan.status = locked.status
    return step


@transaction.atomic
def sync_status(*, plan: Plan, by: User | None = None, today: datetime.date | None = None) -> bool:
    """Store the status the trail gives today (a plan becomes active when its period starts).

    Writes nothing, not even history, when the status is already right. True if it changed.
    """
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    derived = status_from_trail(plan=locked, steps=trail(plan=locked), today=today or timezone.localdate())
    changed = _save_status(locked, derived, by=by)
    plan.status = locked.status
    return changed


def _save_status(plan: Plan, derived: TrailStatus, *, by: User | None) -> bool:
    if plan.status == derived.status:
        return False
    plan.status = derived.status
    plan._status_from_trail = True  # the guard's one exception: see Plan.save()
    try:
        save_as(plan, by=by, reason=f"{plan.get_status_display()} (approvals trail): {derived.reason}")
    finally:
        del plan._status_from_trail
    return True
