"""The status vocabulary: what status an action has in a quarter, and the words every page uses for it.

The board pack, the dashboard, the actions list and the public page all show an action's status in a
quarter, and all take it, its label and its place in the order of severity from here.

The rule, for an action in quarter Q:

- no status ("") for a cancelled action: the pack leaves those out;
- "complete" if a reported update (submitted or accepted) in Q or an earlier quarter marked the
  action complete, or if the action was closed (status complete) and has no update at all in Q;
- otherwise the RAG of Q's reported update: a submitted update counts before the secretary has
  reviewed it, a draft or a returned one does not;
- otherwise "missing" (shown as "No rating").

It is written twice, side by side below: in Python (`quarter_status`, which the pack uses on updates
it has already fetched) and in SQL (`with_quarter_status`, so the actions list can filter by status
in the database whatever the plan's size). tests/actions/test_status.py holds the two in step.
"""

from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.db.models import Case, CharField, F, OuterRef, Q, QuerySet, Subquery, TextField, Value, When
from django.db.models.functions import Coalesce

from priorities.models import Measure, ReportingPeriod

from .models import Action, ActionUpdate, Rag

# ---- An action's status in a quarter -------------------------------------------------------------

RED, AMBER, GREEN = Rag.RED.value, Rag.AMBER.value, Rag.GREEN.value
COMPLETE, MISSING = "complete", "missing"
# In reading order, as the actions list offers them.
STATUS_CHOICES = [*Rag.choices, (COMPLETE, "Complete"), (MISSING, "No rating")]
STATUS_LABELS = dict(STATUS_CHOICES)
# Worst first. A missing update ranks worse than green: silence is not progress.
SEVERITY = [RED, AMBER, MISSING, GREEN, COMPLETE]
NO_ACTIONS = "No actions"  # the label of a priority, or a pack, with no actions to take a status from


def status_label(status: str | None) -> str:
    """The label of a status, or of a priority's or pack's None (it has no actions)."""
    return STATUS_LABELS[status] if status else NO_ACTIONS


def worst(statuses: Iterable[str | None]) -> str | None:
    """The worst of the statuses, or None when there are none."""
    present = set(statuses)
    return next((status for status in SEVERITY if status in present), None)


# ---- A quarter's update ------------------------------------------------------------------------

# Reported: the board sees it. A draft is unfinished and a returned update is being corrected.
REPORTED_STATES = (ActionUpdate.State.SUBMITTED, ActionUpdate.State.ACCEPTED)
# An action with no update at all in the quarter. Issued packs store it in their JSON, so it stays "none".
NO_UPDATE = "none"
UPDATE_STATE_LABELS = {NO_UPDATE: "Not started", **dict(ActionUpdate.State.choices)}

# ---- What changed since the previous quarter ---------------------------------------------------

IMPROVED, WORSENED, UNCHANGED = "improved", "worsened", "unchanged"
NEW, NOT_COMPARABLE = "new", "not_comparable"
CHANGE_LABELS = {
    IMPROVED: "Improved",
    WORSENED: "Worsened",
    UNCHANGED: "No change",
    NEW: "No earlier quarter",
    NOT_COMPARABLE: "Not comparable (no rating in one quarter)",
}


def change_between(before: str | None, now: str) -> str:
    """How a status moved from the previous quarter's (None when there was none) to this one's."""
    if before is None:
        return NEW
    if before == now:
        return UNCHANGED
    if MISSING in (before, now):
        return NOT_COMPARABLE
    return IMPROVED if SEVERITY.index(now) > SEVERITY.index(before) else WORSENED


# ---- A measure's latest figure against its baseline -------------------------------------------

BETTER, WORSE, SAME = "better", "worse", "same"
# The board pack and the dashboard, read by officers and the board.
BOARD_BASELINE_LABELS = {
    BETTER: "Better than baseline",
    WORSE: "Worse than baseline",
    SAME: "Same as baseline",
}
# The public progress page, read by residents: plainer words.
RESIDENT_BASELINE_LABELS = {
    BETTER: "Better than the baseline",
    WORSE: "Worse than the baseline",
    SAME: "The same",
}


def against_baseline(measure: Measure, latest: Decimal | None) -> str:
    """How a numeric measure's latest figure compares with its baseline, given which way is better;
    "" when it cannot be said."""
    if not measure.is_numeric or latest is None or measure.baseline_value is None:
        return ""
    if latest == measure.baseline_value:
        return SAME
    higher = latest > measure.baseline_value
    return BETTER if higher == (measure.direction == Measure.Direction.HIGHER) else WORSE


# ---- The rule, in Python and in SQL ------------------------------------------------------------


def reported_status(updates: Sequence[ActionUpdate], period: ReportingPeriod) -> str:
    """The status the action's reported updates give it in `period`: the rule without the action's own
    status (cancelled, or closed by the secretary). The pack compares with the previous quarter's.

    `updates` are the action's updates oldest first, each with its period fetched; those of later
    quarters are ignored.
    """
    this_quarter = MISSING
    for update in updates:
        if update.period.start > period.start:
            break
        if update.state not in REPORTED_STATES:
            continue
        if update.marks_complete:
            return COMPLETE
        if update.period_id == period.pk:
            this_quarter = update.rag
    return this_quarter


def quarter_status(action: Action, updates: Sequence[ActionUpdate], period: ReportingPeriod) -> str:
    """The rule (see the module's docstring) in Python: `action`'s status in `period`, from its
    updates as `reported_status` takes them."""
    if action.status == Action.Status.CANCELLED:
        return ""
    if action.status == Action.Status.COMPLETE and not any(u.period_id == period.pk for u in updates):
        return COMPLETE  # closed by the secretary, with no update at all this quarter
    return reported_status(updates, period)


def with_quarter_status(
    actions: QuerySet[Action], period: ReportingPeriod | None, *, text: bool = False
) -> QuerySet[Action]:
    """The rule (see the module's docstring) in SQL: annotate `quarter_status`, and
    `quarter_update_state` (the quarter's update's state, or NO_UPDATE).

    With text=True, also `quarter_progress`, `quarter_recovery_plan` and `quarter_outcomes` from the
    quarter's reported update.
    """
    cancelled = When(status=Action.Status.CANCELLED, then=Value(""))
    if period is None:  # no quarter has opened yet: nothing can have been reported
        annotations = {
            "quarter_status": Case(cancelled, default=Value(MISSING), output_field=CharField()),
            "quarter_update_state": Value(NO_UPDATE, output_field=CharField()),
        }
        if text:
            annotations |= {
                "quarter_progress": Value("", output_field=TextField()),
                "quarter_recovery_plan": Value("", output_field=TextField()),
                "quarter_outcomes": Value("", output_field=TextField()),
            }
        return actions.annotate(**annotations)
    updates = ActionUpdate.objects.filter(action=OuterRef("pk"))
    reported = updates.filter(state__in=REPORTED_STATES)
    this_quarter = reported.filter(period=period)
    # One subquery for both rules that read reported updates: "complete" from any update up to
    # this quarter that marked it complete (those sort first), else this quarter's RAG.
    rating = (
        reported.filter(Q(period=period) | Q(marks_complete=True, period__start__lte=period.start))
        .annotate(rating=Case(When(marks_complete=True, then=Value(COMPLETE)), default=F("rag")))
        .order_by("-marks_complete")
        .values("rating")[:1]
    )
    update_state = updates.filter(period=period).values("state")[:1]
    annotations = {
        "quarter_update_state": Coalesce(Subquery(update_state), Value(NO_UPDATE), output_field=CharField()),
        "quarter_status": Case(
            cancelled,
            # Closed by the secretary, with no update at all this quarter.
            When(Q(status=Action.Status.COMPLETE) & Q(quarter_update_state=NO_UPDATE), then=Value(COMPLETE)),
            default=Coalesce(Subquery(rating), Value(MISSING)),
            output_field=CharField(),
        ),
    }
    if text:
        annotations |= {
            f"quarter_{name}": Coalesce(
                Subquery(this_quarter.values(name)[:1]), Value(""), output_field=TextField()
            )
            for name in ("progress", "recovery_plan", "outcomes")
        }
    return actions.annotate(**annotations)
