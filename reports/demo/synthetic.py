"""Deterministic synthetic partnerships shaped like Walsall's, for benchmarks and load tests.

load_synthetic makes partnerships synthetic-001 onwards (load_synthetic and bench_dashboard);
load_synthetic_plan makes one plan of a chosen size in synthetic-000 (the pack benchmarks). The rows
themselves are made by synthetic_builder.Builder.
"""

from dataclasses import dataclass

from django.db import transaction

from governance.models import Partnership
from priorities.models import Plan, ReportingPeriod

from .synthetic_builder import YEAR, Builder, slug_for


@dataclass
class SyntheticReport:
    created: int
    skipped: int


@transaction.atomic
def load_synthetic(
    *, partnerships: int, priorities: int = 5, actions: int = 12, seed: int = 1
) -> SyntheticReport:
    wanted = [i for i in range(1, partnerships + 1)]
    existing = set(
        Partnership.objects.filter(slug__in=[slug_for(i) for i in wanted]).values_list("slug", flat=True)
    )
    todo = [i for i in wanted if slug_for(i) not in existing]
    if todo:
        Builder(todo, priorities=priorities, actions=actions, seed=seed).build()
    return SyntheticReport(created=len(todo), skipped=len(existing))


# load_synthetic numbers its partnerships from 1, so index 0 is free for a single benchmark plan.
BENCHMARK_INDEX = 0


def load_synthetic_plan(
    *, priorities: int = 50, actions_per_priority: int = 20, seed: int = 1
) -> tuple[Plan, ReportingPeriod]:
    """One partnership (synthetic-000) whose plan has `priorities` × `actions_per_priority` actions.

    For bench_board_pack, which calls it inside a transaction it rolls back. Returns the plan and
    its 2020 Q2 period (locked, with accepted updates for Q1 and Q2). If synthetic-000 exists
    already it is reused as it is, whatever its size.
    """
    slug = slug_for(BENCHMARK_INDEX)
    if not Partnership.objects.filter(slug=slug).exists():
        with transaction.atomic():
            Builder([BENCHMARK_INDEX], priorities=priorities, actions=actions_per_priority, seed=seed).build()
    plan = Plan.objects.select_related("partnership").get(partnership__slug=slug)
    return plan, plan.periods.get(label=f"{YEAR} Q2")
