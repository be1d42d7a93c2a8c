"""The status vocabulary (actions/status.py): the rule in Python and in SQL agree, with the board pack."""

from django.db.models import Prefetch
from django.utils import timezone

from actions.models import Action, ActionUpdate, Rag
from actions.status import (
    IMPROVED,
    NEW,
    NO_UPDATE,
    NOT_COMPARABLE,
    SEVERITY,
    STATUS_CHOICES,
    STATUS_LABELS,
    UPDATE_STATE_LABELS,
    change_between,
    quarter_status,
    with_quarter_status,
    worst,
)
from priorities.models import Plan, ReportingPeriod
from reports.selectors import board_pack
from tests import factories

LOCKED, OPEN = ReportingPeriod.Status.LOCKED, ReportingPeriod.Status.OPEN


def reported(action, period, rag=Rag.GREEN, state=ActionUpdate.State.SUBMITTED, **fields):
    fields.setdefault("recovery_plan", "" if rag == Rag.GREEN else "Catching up.")
    fields.setdefault("progress", f"{rag} progress")
    return factories.make_update(action, period, rag=rag, state=state, submitted_at=timezone.now(), **fields)


# ---- The status rule, in SQL, agrees with the board pack -------------------------------------


def test_the_rating_in_sql_agrees_with_the_board_pack_for_every_demo_action_in_every_quarter(demo):
    plan = Plan.objects.get(partnership__slug="safer-walsall")
    for period in plan.periods.order_by("start"):
        pack = {row.id: row.status for row in board_pack(plan=plan, period=period).actions}
        annotated = dict(
            with_quarter_status(Action.objects.filter(plan=plan), period)
            .exclude(status=Action.Status.CANCELLED)
            .values_list("pk", "quarter_status")
        )
        assert annotated == pack, period.label


def test_the_rating_in_sql_follows_each_board_pack_rule(plan, p1):
    q1, q2 = factories.make_period(plan, 1, status=LOCKED), factories.make_period(plan, 2, status=OPEN)
    done_earlier = factories.make_action(p1, "1.1")
    reported(done_earlier, q1, state=ActionUpdate.State.ACCEPTED, marks_complete=True)
    factories.make_action(p1, "1.2", status=Action.Status.COMPLETE)  # closed without an update
    closed_but_draft = factories.make_action(p1, "1.3", status=Action.Status.COMPLETE)
    factories.make_update(closed_but_draft, q2, rag=Rag.GREEN)
    submitted_red = factories.make_action(p1, "1.4")
    reported(submitted_red, q2, Rag.RED)
    draft = factories.make_action(p1, "1.5")
    factories.make_update(draft, q2, rag=Rag.RED)
    returned = factories.make_action(p1, "1.6")
    reported(returned, q2, Rag.AMBER, state=ActionUpdate.State.RETURNED)
    earlier_only = factories.make_action(p1, "1.7")
    reported(earlier_only, q1, Rag.AMBER, state=ActionUpdate.State.ACCEPTED)
    cancelled = factories.make_action(p1, "1.8", status=Action.Status.CANCELLED)

    statuses = dict(
        with_quarter_status(Action.objects.filter(plan=plan), q2).values_list("reference", "quarter_status")
    )

    assert statuses == {
        "1.1": "complete",
        "1.2": "complete",
        "1.3": "missing",
        "1.4": "red",
        "1.5": "missing",
        "1.6": "missing",
        "1.7": "missing",
        "1.8": "",
    }
    pack = {row.reference: row.status for row in board_pack(plan=plan, period=q2).actions}
    assert pack == {ref: status for ref, status in statuses.items() if status}
    assert cancelled.reference not in pack

    # The Python form gives the same, cancelled actions included (the pack never asks about those).
    updates = ActionUpdate.objects.select_related("period").order_by("period__start")
    actions = Action.objects.filter(plan=plan).prefetch_related(Prefetch("updates", queryset=updates))
    in_python = {a.reference: quarter_status(a, list(a.updates.all()), q2) for a in actions}
    assert in_python == statuses


def test_the_filter_offers_the_board_packs_statuses():
    assert [value for value, _ in STATUS_CHOICES] == sorted(
        SEVERITY, key=["red", "amber", "green", "complete", "missing"].index
    )
    assert dict(STATUS_CHOICES) == STATUS_LABELS


def test_an_action_with_no_update_is_stored_as_none_as_issued_packs_hold_it():
    """Issued packs keep their read model as JSON, with "none" for an action with no update."""
    assert NO_UPDATE == "none"
    assert UPDATE_STATE_LABELS[NO_UPDATE] == "Not started"


def test_a_missing_update_ranks_worse_than_green_and_cannot_be_compared():
    assert worst(["green", "missing", "complete"]) == "missing"
    assert worst([]) is None
    assert change_between("green", "missing") == NOT_COMPARABLE
    assert change_between("amber", "green") == IMPROVED
    assert change_between(None, "red") == NEW
