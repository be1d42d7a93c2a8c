"""Last quarter beside this one: what the secretary and the lead see next to an update (issue 16, item 6).

An action's "last quarter" is its update in the quarter before, when that update was reported
(submitted or accepted): a draft or a returned update is not what the board was told. Two flags
point the secretary at what needs a closer look:

- worsened: this quarter's rating is worse than last quarter's (green to amber, amber to red);
- deadline moved: the update proposes a new deadline, or moved it when it was accepted.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from governance.models import Role
from priorities.models import ReportingPeriod

from .models import Action, ActionUpdate, UpdateComment
from .status import COMPLETE, REPORTED_STATES, WORSENED, change_between


def quarter_before(period: ReportingPeriod, periods: Sequence[ReportingPeriod] | None = None):
    """The plan's quarter just before `period`, or None; among `periods` when they are already fetched."""
    if periods is None:
        return period.plan.periods.filter(start__lt=period.start).order_by("-start").first()
    earlier = [p for p in periods if p.start < period.start]
    return max(earlier, key=lambda p: p.start) if earlier else None


def _rating(update: ActionUpdate | None) -> str | None:
    if update is None or not update.rag:
        return None
    return COMPLETE if update.marks_complete else update.rag


@dataclass(frozen=True)
class Context:
    """An update's last quarter (the quarter, and its reported update), and the flags it raises."""

    previous: ReportingPeriod | None
    last: ActionUpdate | None
    worsened: bool
    deadline_moved: bool

    @property
    def flagged(self) -> bool:
        return self.worsened or self.deadline_moved


def context_of(
    action: Action, update: ActionUpdate | None, last: ActionUpdate | None, previous: ReportingPeriod | None
) -> Context:
    before, now = _rating(last), _rating(update)
    moved = (
        update is not None
        and update.proposed_deadline is not None
        and (update.state == ActionUpdate.State.ACCEPTED or update.proposed_deadline != action.deadline)
    )
    return Context(
        previous=previous,
        last=last,
        worsened=before is not None and now is not None and change_between(before, now) == WORSENED,
        deadline_moved=moved,
    )


def last_quarter_updates(
    action_ids: Iterable[int], previous: ReportingPeriod | None
) -> dict[int, ActionUpdate]:
    """Each action's reported update in `previous`, by action id, in one query."""
    if previous is None:
        return {}
    wanted = set(action_ids)
    updates = ActionUpdate.objects.filter(period=previous, state__in=REPORTED_STATES).select_related("period")
    if len(wanted) == 1:
        updates = updates.filter(action_id__in=wanted)
    # Otherwise the quarter's updates (one plan's), rather than an IN list as long as the plan.
    return {update.action_id: update for update in updates if update.action_id in wanted}


def add_context(actions: list[Action], previous: ReportingPeriod | None) -> None:
    """Give each action (annotated with `this_update`) its context as `compared`, in one query."""
    last = last_quarter_updates((a.pk for a in actions), previous)
    for action in actions:
        action.compared = context_of(action, action.this_update, last.get(action.pk), previous)


def update_context(update: ActionUpdate) -> Context:
    """One update's context, for its review page and its owner's form."""
    previous = quarter_before(update.period)
    last = last_quarter_updates([update.action_id], previous).get(update.action_id)
    return context_of(update.action, update, last, previous)


# The roles that run the cycle (governance/rules.py, runs_the_cycle): whose comments are the secretary's.
CYCLE_ROLES = (Role.ADMIN, Role.SECRETARY)


@dataclass(frozen=True)
class LeadContext:
    """What the lead sees above their update form: last quarter's update and the secretary's last word."""

    previous: ReportingPeriod | None
    last: ActionUpdate | None
    secretarys_comment: UpdateComment | None


def lead_context(action: Action, period: ReportingPeriod) -> LeadContext:
    previous = quarter_before(period)
    last = last_quarter_updates([action.pk], previous).get(action.pk)
    comment = (
        UpdateComment.objects.filter(
            update__action=action,
            update__period__start__lte=period.start,
            author__memberships__partnership_id=action.plan.partnership_id,
            author__memberships__role__in=CYCLE_ROLES,
        )
        .select_related("author", "update__period")
        .order_by("-created_at", "-id")
        .first()
    )
    return LeadContext(previous=previous, last=last, secretarys_comment=comment)
