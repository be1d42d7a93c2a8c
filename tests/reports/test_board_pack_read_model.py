"""The board pack's read model: the status rules the board relies on, and its fixed query count."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actions.models import Action, ActionUpdate, Rag
from priorities.models import MeasureReading, Plan, ReportingPeriod
from reports.selectors import board_pack
from tests import factories

LOCKED = ReportingPeriod.Status.LOCKED


def reported(action, period, rag, **fields):
    """An update the lead submitted and the secretary accepted."""
    fields.setdefault("recovery_plan", "" if rag == Rag.GREEN else "Catching up next month.")
    return factories.make_update(
        action,
        period,
        rag=rag,
        state=ActionUpdate.State.ACCEPTED,
        submitted_at=timezone.now(),
        progress=f"{rag} progress",
        **fields,
    )


@pytest.fixture
def q1(plan):
    return factories.make_period(plan, 1, status=LOCKED)


@pytest.fixture
def q2(plan):
    return factories.make_period(plan, 2, status=LOCKED)


def priority_row(pack, priority):
    return next(row for row in pack.priorities if row.id == priority.pk)


def action_row(pack, action):
    return next(row for row in pack.actions if row.id == action.pk)


def test_a_priority_shows_its_worst_rating_never_an_average(plan, q1, p1):
    for rag in (Rag.GREEN, Rag.GREEN, Rag.GREEN, Rag.RED):
        reported(factories.make_action(p1), q1, rag)

    row = priority_row(board_pack(plan=plan, period=q1), p1)

    assert (row.status, row.status_label) == ("red", "Red")
    assert row.counts == {"red": 1, "amber": 0, "missing": 0, "green": 3, "complete": 0}


def test_a_missing_update_keeps_a_priority_from_looking_green(plan, q1, p1):
    reported(factories.make_action(p1), q1, Rag.GREEN)
    factories.make_action(p1)  # nothing reported this quarter

    row = priority_row(board_pack(plan=plan, period=q1), p1)

    assert (row.status, row.status_label) == ("missing", "No rating")
    assert row.counts["missing"] == 1


def test_drafts_and_returned_updates_are_not_reported_to_the_board(plan, q1, p1):
    draft_action, returned_action = factories.make_action(p1), factories.make_action(p1)
    factories.make_update(draft_action, q1, rag=Rag.GREEN, progress="Still typing")
    returned = reported(returned_action, q1, Rag.GREEN)
    ActionUpdate.objects.filter(pk=returned.pk).update(state=ActionUpdate.State.RETURNED)

    pack = board_pack(plan=plan, period=q1)

    assert action_row(pack, draft_action).status == "missing"
    assert action_row(pack, draft_action).progress == ""
    assert [row.id for row in pack.returned] == [returned_action.pk]
    assert {row.id for row in pack.missing} == {draft_action.pk, returned_action.pk}


def test_a_submitted_update_counts_before_the_secretary_reviews_it(plan, q1, p1):
    action = factories.make_action(p1)
    factories.make_update(
        action,
        q1,
        rag=Rag.AMBER,
        recovery_plan="Re-tendering.",
        state="submitted",
        submitted_at=timezone.now(),
    )

    assert action_row(board_pack(plan=plan, period=q1), action).status == "amber"


def test_change_since_the_previous_quarter(plan, q1, q2, p1, p2):
    better, worse, same = (factories.make_action(p1) for _ in range(3))
    for action, before, now in (
        (better, Rag.RED, Rag.GREEN),
        (worse, Rag.GREEN, Rag.AMBER),
        (same, "green", "green"),
    ):
        reported(action, q1, before)
        reported(action, q2, now)

    pack = board_pack(plan=plan, period=q2)

    assert action_row(pack, better).change_label == "Improved"
    assert action_row(pack, worse).change_label == "Worsened"
    assert action_row(pack, same).change_label == "No change"
    assert {row.id for row in pack.changed} == {better.pk, worse.pk}
    assert priority_row(pack, p1).previous_status == "red"
    assert priority_row(pack, p1).change == "improved"
    assert pack.previous_period_label == "2020 Q1"
    assert priority_row(board_pack(plan=plan, period=q1), p1).change_label == "No earlier quarter"


def test_an_action_completed_earlier_stays_complete_and_is_never_overdue(plan, q1, q2, p1):
    action = factories.make_action(p1, deadline=datetime.date(2020, 3, 31))
    reported(action, q1, Rag.GREEN, marks_complete=True)

    row = action_row(board_pack(plan=plan, period=q2), action)

    assert (row.status, row.overdue) == ("complete", False)


def test_overdue_means_the_deadline_passed_by_the_quarter_end_without_completion(plan, q2, p1):
    late = factories.make_action(p1, deadline=datetime.date(2020, 5, 1))
    not_yet = factories.make_action(p1, deadline=datetime.date(2020, 7, 1))
    reported(late, q2, Rag.AMBER)
    reported(not_yet, q2, Rag.GREEN)

    pack = board_pack(plan=plan, period=q2)

    assert [row.id for row in pack.overdue] == [late.pk]


def test_a_later_quarter_does_not_leak_into_an_earlier_pack(plan, q1, q2, p1):
    action = factories.make_action(p1)
    reported(action, q1, Rag.GREEN)
    reported(action, q2, Rag.RED, marks_complete=False)
    factories.make_measure(p1).readings.create(period=q2, value=Decimal("9"))

    pack = board_pack(plan=plan, period=q1)

    assert action_row(pack, action).status == "green"
    assert priority_row(pack, p1).measures[0].readings == []


def test_cancelled_actions_are_left_out(plan, q1, p1):
    factories.make_action(p1, status=Action.Status.CANCELLED)

    assert priority_row(board_pack(plan=plan, period=q1), p1).actions == []


def test_measures_say_whether_the_latest_reading_beats_the_baseline(plan, q1, q2, p1):
    lower = factories.make_measure(p1, 1, baseline_value=Decimal("100"), baseline_period="2018/19")
    higher = factories.make_measure(p1, 2, direction="higher", baseline_value=Decimal("50"))
    MeasureReading.objects.create(measure=lower, period=q1, value=Decimal("90"))
    MeasureReading.objects.create(measure=lower, period=q2, value=Decimal("110"))
    MeasureReading.objects.create(measure=higher, period=q2, value=Decimal("60"))

    rows = priority_row(board_pack(plan=plan, period=q2), p1).measures

    assert [r.period for r in rows[0].readings] == ["2020 Q1", "2020 Q2"]
    assert (rows[0].latest.value, rows[0].against_baseline) == (Decimal("110"), "worse")
    assert rows[1].against_baseline == "better"


def test_themes_gather_actions_across_priorities(plan, q1, p1, p2):
    theme = plan.themes.create(name="Domestic abuse")
    theme.priorities.set([p1, p2])
    linked = [factories.make_action(p1), factories.make_action(p2)]
    factories.make_action(p1)  # not linked
    for action in linked:
        action.themes.add(theme)
        reported(action, q1, Rag.AMBER)

    (row,) = board_pack(plan=plan, period=q1).themes

    assert row.action_ids == [a.pk for a in linked]
    assert row.priority_titles == [p1.title, p2.title]
    assert row.counts["amber"] == 2


def test_submissions_say_who_submitted_and_reviewed_what(plan, q1, p1, lead_a, secretary):
    action = factories.make_action(p1, reference="1.1")
    reported(action, q1, Rag.GREEN, submitted_by=lead_a, reviewed_by=secretary, reviewed_at=timezone.now())
    factories.make_update(factories.make_action(p1), q1, rag=Rag.GREEN)  # a draft is not a submission

    (submission,) = board_pack(plan=plan, period=q1).submissions

    assert (submission.action_reference, submission.submitted_by, submission.reviewed_by) == (
        "1.1",
        "Alice Lead",
        "Sam Secretary",
    )


def test_the_read_model_is_json_for_the_issued_pack(demo):
    plan = Plan.objects.get(partnership__slug="safer-walsall")
    pack = board_pack(plan=plan, period=plan.periods.get(label="2020 Q2"))

    data = json.loads(json.dumps(pack.as_json(), cls=DjangoJSONEncoder))

    assert data["period_label"] == "2020 Q2"
    assert [p["title"] for p in data["priorities"]][0] == "Violence reduction"
    assert data["priorities"][0]["actions"][0]["reference"] == "1.1"


def test_the_query_count_does_not_grow_with_the_plan(plan, q1, q2, p1, p2):
    plan.themes.create(name="Domestic abuse").priorities.set([p1, p2])

    def grow(n):
        for priority in (p1, p2):
            factories.make_measure(priority, order=n).readings.create(period=q1, value=Decimal("1"))
            for _ in range(3):
                action = factories.make_action(priority)
                reported(action, q1, Rag.GREEN)
                reported(action, q2, Rag.AMBER)

    def queries() -> int:
        fresh = Plan.objects.get(pk=plan.pk)  # nothing cached on the plan
        with CaptureQueriesContext(connection) as context:
            board_pack(plan=fresh, period=q2)
        return len(context)

    grow(1)
    small = queries()
    for n in range(2, 6):
        grow(n)

    # 14: the cited figures and the notes for the board (issue 19) are one query each.
    assert queries() == small <= 14
