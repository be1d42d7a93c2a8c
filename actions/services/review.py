"""The secretary's review of a submitted update: accept it, or return it with a comment.

`lock_for_review` and `save_review` are shared with the board notes' review (notes.py): a note is
drafted, submitted, accepted or returned, under a version, as an update is.
"""

from django.db import transaction
from django.utils import timezone

from governance.models import User
from priorities.models import ReportingPeriod
from priorities.signals import announce_plan_changed
from swp.history import save_as

from .. import notifications
from ..models import Action, ActionUpdate, UpdateComment
from .refusals import Conflict, NotAllowedNow


def lock_for_review(row, expected_version: int, *, verb: str, noun: str = "update", related=("action",)):
    """`row` (an update or a board note) locked, if it is still as the reviewer saw it, submitted, and
    its quarter not locked. `noun` names it in the refusal ("Only a submitted update can be accepted.")."""
    locked = type(row).objects.select_for_update().select_related("period", *related).get(pk=row.pk)
    if locked.version != expected_version:
        raise Conflict(locked)
    if locked.state != ActionUpdate.State.SUBMITTED:
        raise NotAllowedNow(f"Only a submitted {noun} can be {verb}.")
    if locked.period.status == ReportingPeriod.Status.LOCKED:
        raise NotAllowedNow(f"{locked.period.label} is locked. Reopen it to review {noun}s.")
    return locked


def save_review(row, state: str, *, by: User) -> None:
    """Record the reviewer's decision on a locked update or board note, with its history."""
    row.state = state
    row.reviewed_by = by
    row.reviewed_at = timezone.now()
    row.version += 1
    save_as(row, by=by)
    announce_plan_changed(plan_id=row.period.plan_id)


@transaction.atomic
def accept_update(*, update: ActionUpdate, by: User, expected_version: int) -> ActionUpdate:
    """Accept a submitted update. A completion or new deadline it proposes then takes effect on the action."""
    update = lock_for_review(update, expected_version, verb="accepted")
    save_review(update, ActionUpdate.State.ACCEPTED, by=by)
    action = Action.objects.select_for_update().get(pk=update.action_id)
    reasons = []
    if update.marks_complete and action.status != Action.Status.COMPLETE:
        action.status = Action.Status.COMPLETE
        reasons.append(f"Marked complete in the accepted {update.period.label} update")
    if update.proposed_deadline and update.proposed_deadline != action.deadline:
        action.deadline = update.proposed_deadline
        reasons.append(
            f"Deadline revised in the accepted {update.period.label} update: {update.deadline_change_reason}"
        )
    if reasons:
        action.version += 1
        save_as(action, by=by, reason="; ".join(reasons))
    notifications.update_accepted(update=update, by=by)
    return update


@transaction.atomic
def return_update(*, update: ActionUpdate, by: User, expected_version: int, comment: str) -> ActionUpdate:
    """Send a submitted update back to its owner with the secretary's comment, which joins its thread."""
    update = lock_for_review(update, expected_version, verb="returned")
    update.review_comment = comment
    save_review(update, ActionUpdate.State.RETURNED, by=by)
    UpdateComment.objects.create(update=update, author=by, body=f"Returned: {comment}")
    notifications.update_returned(update=update, by=by)
    return update


class ChangedSinceChosen(Exception):
    """Some of the updates chosen for accepting together changed, or stopped waiting for review, after
    the secretary chose them. `changed` are those updates as they now are."""

    def __init__(self, changed: list[ActionUpdate]):
        super().__init__("Some of the chosen updates changed after you chose them.")
        self.changed = changed


@transaction.atomic
def accept_updates(*, versions: dict[int, int], period: ReportingPeriod, by: User) -> list[ActionUpdate]:
    """Accept several submitted updates of one quarter at once, each as the secretary saw it (its id
    and the version they saw, in `versions`): all of them, or none if any has changed since."""
    locked = list(
        ActionUpdate.objects.select_for_update()
        .filter(pk__in=versions, period=period)
        .select_related("action", "period")
        .order_by("pk")
    )
    changed = [
        update
        for update in locked
        if update.version != versions[update.pk] or update.state != ActionUpdate.State.SUBMITTED
    ]
    if changed or len(locked) != len(versions):
        raise ChangedSinceChosen(changed)
    return [accept_update(update=update, by=by, expected_version=update.version) for update in locked]
