"""The pack benchmarks (bench_board_pack, bench_pack_limits) and the synthetic plan they time."""

import io

import pytest
from django.core.management import call_command

from actions.models import Action
from governance.models import Partnership
from reports.demo.synthetic import load_synthetic_plan
from reports.models import IssuedPack
from tests.reports.test_pack_pdf import make_plan_with


@pytest.fixture
def small_pack(walsall):
    """A two-priority plan in its own partnership: quick to render."""
    make_plan_with(walsall, priorities=2, actions=2)
    return walsall


def test_the_synthetic_plan_has_the_size_asked_for(db):
    plan, period = load_synthetic_plan(priorities=3, actions_per_priority=4)
    assert plan.partnership.slug == "synthetic-000"
    assert plan.priorities.count() == 3
    assert Action.objects.filter(plan=plan).count() == 12
    assert period.label == "2020 Q2" and period.status == "locked"
    assert load_synthetic_plan(priorities=3, actions_per_priority=4) == (plan, period)  # reused


def test_the_benchmark_prints_its_figures_and_leaves_nothing_behind(small_pack):
    out = io.StringIO()
    call_command(
        "bench_board_pack",
        "--partnership",
        small_pack.slug,
        "--runs",
        "1",
        "--priorities",
        "1",
        "--actions",
        "2",
        "--skip-chromium",
        stdout=out,
    )
    report = out.getvalue()
    for line in (
        "End to end (read model + HTML + PDF)",
        "WeasyPrint render of the same HTML",
        "Our overhead, % of WeasyPrint",
        "SQL queries (read model + templates)",
        "Peak memory (ru_maxrss so far)",
        "Synthetic 1×2",
    ):
        assert line in report
    assert "met      the same number of SQL queries for every size" in report
    assert "Issue to a downloadable PDF, rendered in the request:" in report
    assert "(the draft was reused;" in report
    assert not IssuedPack.objects.filter(plan__partnership=small_pack).exists()  # rolled back
    assert not Partnership.objects.filter(slug="synthetic-000").exists()


def test_the_limits_benchmark_reports_the_stopped_pack_then_makes_the_next(small_pack):
    out = io.StringIO()
    # A time limit no render meets: the synthetic pack and the next one are both reported stopped,
    # and the command carries on to the end rather than failing with the first.
    call_command(
        "bench_pack_limits",
        "--partnership",
        small_pack.slug,
        "--priorities",
        "2",
        "--actions",
        "3",
        "--time-limit",
        "0.05",
        stdout=out,
    )
    report = out.getvalue()
    assert "Synthetic plan of 6 actions" in report
    assert "Pathological pack: stopped at the time limit after" in report
    assert "It was stopped after 0.05 seconds, its time limit." in report
    assert "Worker resident memory after:" in report
    assert f"Next job, {small_pack.name} 2020 Q2: stopped at the time limit" in report
    assert "Worker peak resident memory" in report
    assert not Partnership.objects.filter(slug="synthetic-000").exists()
