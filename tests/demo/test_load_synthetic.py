import io

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from actions.models import Action, ActionUpdate
from governance.models import Partnership
from priorities.models import MeasureReading


def _snapshot(slug: str) -> list[tuple]:
    actions = Action.objects.filter(plan__partnership__slug=slug).order_by("reference")
    updates = ActionUpdate.objects.filter(action__plan__partnership__slug=slug).order_by(
        "action__reference", "period__start"
    )
    readings = MeasureReading.objects.filter(measure__priority__plan__partnership__slug=slug).order_by(
        "measure__priority__order", "measure__order", "period__start"
    )
    return [
        *actions.values_list("reference", "overall_objective", "horizon", "deadline"),
        *updates.values_list("action__reference", "period__label", "rag", "state"),
        *readings.values_list("measure__title", "period__label", "value"),
    ]


def test_it_makes_partnerships_shaped_like_walsall_with_history(db):
    call_command(
        "load_synthetic", "--partnerships", "2", "--priorities", "3", "--actions", "4", stdout=io.StringIO()
    )
    partnership = Partnership.objects.get(slug="synthetic-002")
    plan = partnership.plans.get()
    assert plan.priorities.count() == 3
    assert Action.objects.filter(plan=plan).count() == 12
    assert plan.periods.count() == 4
    past = ActionUpdate.objects.filter(action__plan=plan, period__label__in=["2020 Q1", "2020 Q2"])
    assert past.count() == 24 and not past.exclude(state="accepted").exists()
    assert MeasureReading.objects.filter(measure__priority__plan=plan).exists()
    action = Action.objects.filter(plan=plan).first()
    assert action.history.count() == 1 and action.history.first().history_type == "+"


def test_the_same_seed_gives_the_same_data_and_a_rerun_adds_nothing(db):
    with transaction.atomic():
        call_command("load_synthetic", "--partnerships", "1", "--seed", "7", stdout=io.StringIO())
        first = _snapshot("synthetic-001")
        transaction.set_rollback(True)
    call_command("load_synthetic", "--partnerships", "1", "--seed", "7", stdout=io.StringIO())
    assert _snapshot("synthetic-001") == first
    out = io.StringIO()
    call_command("load_synthetic", "--partnerships", "1", "--seed", "7", stdout=out)
    assert "Created 0 synthetic partnerships (1 already there)" in out.getvalue()


def test_nonsense_sizes_are_refused_with_a_reason(db):
    with pytest.raises(CommandError, match="--partnerships must be 1 or more"):
        call_command("load_synthetic", "--partnerships", "0")
