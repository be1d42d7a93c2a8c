"""Daily jobs from the worker's minute tick: each at its time, at most once a day, caught up if missed."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from governance import daily_jobs
from governance.models import DailyJobRun

LONDON = ZoneInfo("Europe/London")
JOBS = {"prune_outbox": datetime.time(3, 0), "send_digests": datetime.time(17, 30)}


@pytest.fixture
def jobs(settings, db):
    settings.DAILY_JOBS = dict(JOBS)
    return settings


def at(hour: int, minute: int = 0, day: int = 6) -> datetime.datetime:
    return datetime.datetime(2031, 1, day, hour, minute, tzinfo=LONDON)


def test_a_job_is_due_from_its_time_in_london(jobs):
    assert daily_jobs.jobs_due(at(2, 59)) == []
    assert daily_jobs.jobs_due(at(3, 0)) == ["prune_outbox"]
    assert daily_jobs.jobs_due(at(18, 0)) == ["prune_outbox", "send_digests"]


def test_a_job_runs_at_most_once_a_day(jobs):
    assert daily_jobs.tick(at(3, 1)).endswith("ran ['prune_outbox']")
    assert daily_jobs.tick(at(3, 2)).endswith("ran []")
    run = DailyJobRun.objects.get(job="prune_outbox")
    assert run.succeeded and "Deleted 0 sent emails" in run.outcome
    # The next day it runs again.
    assert daily_jobs.tick(at(3, 1, day=7)).endswith("ran ['prune_outbox']")


def test_a_job_missed_while_the_worker_was_down_runs_at_the_next_tick(jobs):
    assert daily_jobs.tick(at(19, 45)).endswith("ran ['prune_outbox', 'send_digests']")


def test_a_failing_job_is_recorded_and_the_others_still_run(jobs):
    jobs.DAILY_JOBS = {"no_such_command": datetime.time(1, 0), **JOBS}
    daily_jobs.tick(at(4, 0))
    failed = DailyJobRun.objects.get(job="no_such_command")
    assert failed.succeeded is False and "Unknown command" in failed.outcome
    assert DailyJobRun.objects.get(job="prune_outbox").succeeded


def test_without_a_worker_nothing_is_scheduled(jobs):
    out = StringIO()
    call_command("schedule_daily_jobs", stdout=out)
    assert "Nothing queued" in out.getvalue()


def test_the_tick_queues_itself_once_on_the_worker(jobs):
    jobs.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("schedule_daily_jobs", stdout=StringIO())
    call_command("schedule_daily_jobs", stdout=StringIO())  # a second worker start adds no second loop
    [waiting] = DBTaskResult.objects.filter(task_path=daily_jobs.TICK_TASK)
    assert waiting.status == "READY" and waiting.run_after > datetime.datetime.now(tz=LONDON)
    # The tick running on the worker queues the next one; the row it runs from is RUNNING by then.
    DBTaskResult.objects.filter(pk=waiting.pk).update(status="RUNNING")
    daily_jobs.tick(at(2, 0))
    assert DBTaskResult.objects.filter(task_path=daily_jobs.TICK_TASK, status="READY").count() == 1
