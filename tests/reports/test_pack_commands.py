"""The board pack from the command line, and the benchmark that times it."""

import io
import subprocess

import pytest
from django.core.management import CommandError, call_command

from actions.models import Action
from governance.models import Partnership
from reports.demo.synthetic import load_synthetic_plan
from tests.reports.test_pack_pdf import make_plan_with


@pytest.fixture
def small_pack(walsall):
    """A two-priority plan in its own partnership: quick to render."""
    make_plan_with(walsall, priorities=2, actions=2)
    return walsall


def test_it_writes_the_pdf(small_pack, tmp_path):
    out, target = io.StringIO(), tmp_path / "pack.pdf"
    call_command(
        "board_pack", "--partnership", small_pack.slug, "--period", "2020 Q2", "--output", target, stdout=out
    )
    assert target.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, check=True, text=True).stdout
    assert "Quarterly board pack: 2020 Q2" in text and "Priority number 2" in text
    assert "OFFICIAL" in text
    assert f"Wrote the 2020 Q2 board pack for {small_pack.name} to {target} (PDF," in out.getvalue()


def test_it_writes_the_html_with_the_marking_asked_for(small_pack, tmp_path):
    target = tmp_path / "pack.html"
    call_command(
        "board_pack",
        "--partnership",
        small_pack.slug,
        "--period",
        "2020 Q2",
        "--output",
        target,
        "--html",
        "--marking",
        "OFFICIAL-SENSITIVE",
        stdout=io.StringIO(),
    )
    html = target.read_text()
    assert html.startswith("<!DOCTYPE html>") and "OFFICIAL-SENSITIVE" in html


def test_an_unknown_period_is_refused_with_the_periods_there_are(small_pack, tmp_path):
    with pytest.raises(CommandError) as error:
        call_command(
            "board_pack",
            "--partnership",
            small_pack.slug,
            "--period",
            "2020 Q9",
            "--output",
            tmp_path / "x.pdf",
        )
    assert str(error.value) == (
        f'There is no reporting period "2020 Q9" in {small_pack.name}. Use one of: 2020 Q1, 2020 Q2.'
    )
    assert not (tmp_path / "x.pdf").exists()


def test_an_unknown_partnership_is_refused(tmp_path, demo):
    with pytest.raises(CommandError, match='There is no partnership "nowhere". Use one of: .*safer-walsall'):
        call_command(
            "board_pack", "--partnership", "nowhere", "--period", "2020 Q2", "--output", tmp_path / "x"
        )


def test_a_missing_output_folder_is_refused(small_pack, tmp_path):
    with pytest.raises(CommandError, match="the folder .* does not exist"):
        call_command(
            "board_pack",
            "--partnership",
            small_pack.slug,
            "--period",
            "2020 Q2",
            "--output",
            tmp_path / "no" / "x",
        )


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
