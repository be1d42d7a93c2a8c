"""What a quarter's update must say, stated once for the web form and the update sheet.

Submitting needs a rating and progress, and, for red or amber, what is being done to get back on
track. A proposed deadline must be on or after the action's start, differ from its current deadline
and come with a reason. Each caller words the problems in its own voice (the form beside its fields,
the sheet naming the cell to fix), so this says which rule each field breaks, not a message.
"""

from enum import StrEnum

from .models import Action, Rag
from .services import UpdateInput


class UpdateRule(StrEnum):
    RATING_TO_SUBMIT = "rating to submit"
    PROGRESS_TO_SUBMIT = "progress to submit"
    RECOVERY_PLAN_WHEN_OFF_TRACK = "recovery plan when off track"
    DEADLINE_NOT_BEFORE_START = "deadline not before start"
    DEADLINE_CHANGES = "deadline changes"
    REASON_FOR_DEADLINE = "reason for deadline"


def broken_rules(action: Action, data: UpdateInput, *, submitting: bool) -> dict[str, UpdateRule]:
    """{field: the rule it breaks}, in the order the form shows them; empty when the update may be saved."""
    broken: dict[str, UpdateRule] = {}
    if submitting:
        if not data.rag:
            broken["rag"] = UpdateRule.RATING_TO_SUBMIT
        if not data.progress.strip():
            broken["progress"] = UpdateRule.PROGRESS_TO_SUBMIT
    if data.rag in (Rag.RED, Rag.AMBER) and submitting and not data.recovery_plan.strip():
        broken["recovery_plan"] = UpdateRule.RECOVERY_PLAN_WHEN_OFF_TRACK
    deadline = data.proposed_deadline
    if deadline:
        if action.start_date and deadline < action.start_date:
            broken["proposed_deadline"] = UpdateRule.DEADLINE_NOT_BEFORE_START
        elif deadline == action.deadline:
            broken["proposed_deadline"] = UpdateRule.DEADLINE_CHANGES
        if not data.deadline_change_reason.strip():
            broken["deadline_change_reason"] = UpdateRule.REASON_FOR_DEADLINE
    return broken
