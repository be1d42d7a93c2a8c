"""LOAD-04's pathological pack: WeasyPrint runs in a child stopped at a time or memory limit, the pack
fails with a message the secretary can act on, and the worker goes on to its next job."""

import os
import time

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from priorities.models import ReportingPeriod
from reports import rendering
from reports.limits import ChildFailed, LimitExceeded, resident_megabytes, run_within_limits
from reports.models import IssuedPack
from tests import factories
from tests.reports import pack_helpers
from tests.reports.pack_helpers import issue

media, quarter = pack_helpers.media, pack_helpers.quarter

ROOM = 10_000  # MB: a limit the work below never comes near


def _pid() -> int:
    return os.getpid()


def _fail() -> None:
    raise ValueError("no such priority")


def _sleep(pid_file) -> None:
    pid_file.write_text(str(os.getpid()))
    time.sleep(60)


def _grow(megabytes: int) -> int:
    chunks = []
    for _ in range(megabytes // 10):
        chunks.append(bytearray(10 * 1024 * 1024))  # touched (zeroed), so resident
        time.sleep(0.01)
    return len(chunks)


def _vanish() -> None:
    os._exit(3)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_the_work_runs_in_another_process_and_its_answer_comes_back():
    assert run_within_limits(_pid, seconds=30, megabytes=ROOM) != os.getpid()


def test_an_error_in_the_work_comes_back_as_a_failure_saying_what_it_was():
    with pytest.raises(ChildFailed, match="ValueError: no such priority"):
        run_within_limits(_fail, seconds=30, megabytes=ROOM)


def test_work_over_its_time_limit_is_killed_and_says_so(tmp_path):
    pid_file = tmp_path / "child.pid"
    began = time.monotonic()
    with pytest.raises(LimitExceeded, match="stopped after 0.5 seconds, its time limit") as stopped:
        run_within_limits(_sleep, pid_file, seconds=0.5, megabytes=ROOM)
    assert stopped.value.kind == "time"
    assert time.monotonic() - began < 10  # not the minute the work wanted
    assert _gone(int(pid_file.read_text()))


def test_work_over_its_memory_limit_is_killed_before_it_takes_much_more():
    limit = int(resident_megabytes(os.getpid())) + 100
    with pytest.raises(LimitExceeded, match=f"more than {limit:,} MB of memory, its limit") as stopped:
        run_within_limits(_grow, 2_000, seconds=60, megabytes=limit)
    assert stopped.value.kind == "memory"


def test_the_same_work_within_its_limits_finishes():
    limit = int(resident_megabytes(os.getpid())) + 400
    assert run_within_limits(_grow, 100, seconds=60, megabytes=limit) == 10


def test_a_child_that_dies_without_answering_is_a_failure_not_a_hang():
    with pytest.raises(ChildFailed, match="exit code 3"):
        run_within_limits(_vanish, seconds=30, megabytes=ROOM)


# The task: a pathological pack fails plainly, and the worker makes the next one --------------------


def _enormous_pack_html(real_pack_html, enormous_period: str):
    """One quarter's pack is a 10,000-row table (some 200 pages); the others are real."""

    def pack_html(pack, *, marking):
        if pack.period_label != enormous_period:
            return real_pack_html(pack, marking=marking)
        rows = "".join(
            f"<tr><td>{n}</td><td>Action {n}: a long objective that wraps onto a second line of the "
            f"table cell</td><td>Amber</td><td>Progress reported for the quarter, item {n}</td></tr>"
            for n in range(10_000)
        )
        return (
            '<!DOCTYPE html><html lang="en-GB"><head><title>Enormous</title></head><body>'
            f"<table><thead><tr><th>Item</th><th>Objective</th><th>RAG</th><th>Progress</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></body></html>"
        )

    return pack_html


@pytest.mark.django_db(transaction=True)
def test_a_pack_too_big_for_the_memory_limit_fails_plainly_and_the_worker_makes_the_next(
    quarter, secretary, settings, monkeypatch
):
    """Real WeasyPrint, a real queue and one run of the real worker, which takes both jobs in turn."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SWP_PACK_MEMORY_LIMIT_MB = int(resident_megabytes(os.getpid())) + 250
    settings.SWP_PACK_TIME_LIMIT_SECONDS = 120
    monkeypatch.setattr("reports.pdf.pack_html", _enormous_pack_html(rendering.pack_html, quarter.label))
    next_quarter = factories.make_period(quarter.plan, quarter=3, status=ReportingPeriod.Status.OPEN)

    enormous = issue(quarter, secretary)
    normal = issue(next_quarter, secretary)
    assert (enormous.state, normal.state) == (IssuedPack.State.QUEUED, IssuedPack.State.QUEUED)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    enormous.refresh_from_db()
    normal.refresh_from_db()
    assert enormous.state == IssuedPack.State.FAILED
    assert enormous.failure_message == (
        "The PDF could not be made: this pack is too big. It was stopped when it needed more than "
        f"{settings.SWP_PACK_MEMORY_LIMIT_MB:,} MB of memory, its limit. Nothing was issued. Your system "
        f"administrator can raise the limit; tell them, quoting pack reference {enormous.pk}."
    )
    assert not enormous.pdf and not enormous.pdf_sha256
    assert normal.state == IssuedPack.State.ISSUED, normal.failure_message
    assert normal.pages >= 2
    # One worker, in turn: the second job started after the first was given up.
    jobs = {job.args_kwargs["args"][0]: job for job in DBTaskResult.objects.all()}
    assert jobs[normal.pk].started_at >= jobs[enormous.pk].finished_at
    assert jobs[enormous.pk].status == jobs[normal.pk].status == "SUCCESSFUL"  # the task itself did not crash


def test_a_pack_over_its_time_limit_fails_plainly_and_the_next_request_is_made(
    quarter, secretary, settings, client
):
    settings.TASKS = pack_helpers.IMMEDIATE
    settings.SWP_PACK_TIME_LIMIT_SECONDS = 0.05  # less than any real render
    slow = issue(quarter, secretary)
    assert slow.state == IssuedPack.State.FAILED
    assert "It was stopped after 0.05 seconds, its time limit." in slow.failure_message

    client.force_login(secretary)
    page = client.get(reverse("reports:pack_status", args=[slow.pk]))
    assert "this pack is too big" in page.content.decode()

    settings.SWP_PACK_TIME_LIMIT_SECONDS = 120
    assert issue(quarter, secretary).state == IssuedPack.State.ISSUED
