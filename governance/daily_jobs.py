"""Daily jobs without cron: a one-minute tick on the task worker.

No scheduling library fits this stack (django-periodic-tasks needs Python 3.13; django-scheduled-
tasks and crontask need Django 6), so the worker runs a small loop of its own: the `tick` task
sends what the outbox has due, runs each job in SWP_DAILY_JOBS whose time (Europe/London) has come
and that has not run today, then queues itself again a minute later. A DailyJobRun row, unique on
job and date, is taken before a job runs, so a job runs at most once a day however many workers
tick; a job whose time passed while the worker was down runs at the next tick (like a systemd
timer's Persistent=true). `manage.py schedule_daily_jobs` starts the loop; it is safe to run at
every worker start. Each job is also a management command that can be run by hand.
"""

import logging
from datetime import timedelta
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from .email_sending import send_due_messages
from .models import DailyJobRun

logger = logging.getLogger(__name__)

TICK_SECONDS = 60
TICK_TASK = "governance.tasks.tick"


def jobs_due(now=None) -> list[str]:
    """The jobs whose time today has come and that have not run today, earliest first."""
    local = timezone.localtime(now)
    ran = set(DailyJobRun.objects.filter(date=local.date()).values_list("job", flat=True))
    return [
        job
        for job, at in sorted(settings.DAILY_JOBS.items(), key=lambda i: i[1])
        if at <= local.time() and job not in ran
    ]


def run_job(job: str, *, now=None) -> DailyJobRun | None:
    """Run a job once for today. None if it has run (or is running) today already."""
    today = timezone.localdate(now)
    try:
        with transaction.atomic():
            run = DailyJobRun.objects.create(job=job, date=today)
    except IntegrityError:
        return None
    out = StringIO()
    try:
        call_command(job, stdout=out, stderr=out)
        run.succeeded = True
    except Exception as error:  # one failing job must not stop the others, nor the tick
        logger.exception("daily_job_failed job=%s", job)
        out.write(f"\n{type(error).__name__}: {error}")
        run.succeeded = False
    run.outcome = out.getvalue()[-4000:]
    run.finished_at = timezone.now()
    run.save(update_fields=["succeeded", "outcome", "finished_at"])
    return run


def tick(now=None) -> str:
    sent = send_due_messages()
    ran = [run.job for job in jobs_due(now) if (run := run_job(job, now=now)) is not None]
    schedule_next_tick()
    return f"sent {sent}; ran {ran}"


def schedule_next_tick() -> bool:
    """Queue the next tick a minute from now, unless one is queued already or the backend cannot
    defer tasks (the immediate backend of development and tests, where there is no worker)."""
    from django_tasks import default_task_backend
    from django_tasks_db.models import DBTaskResult

    from .tasks import tick as tick_task

    if not default_task_backend.supports_defer:
        return False
    if DBTaskResult.objects.filter(task_path=TICK_TASK, status="READY").exists():
        return False
    tick_task.using(run_after=timezone.now() + timedelta(seconds=TICK_SECONDS)).enqueue()
    return True
