from django.conf import settings
from django.core.management.base import BaseCommand

from governance.daily_jobs import schedule_next_tick


class Command(BaseCommand):
    help = (
        "Start the worker's one-minute tick, which sends the outbox and runs the daily jobs "
        "(SWP_DAILY_JOBS). Safe to run at every worker start: it queues nothing if a tick is waiting."
    )

    def handle(self, *args, **options):
        jobs = ", ".join(
            f"{job} at {at:%H:%M}" for job, at in sorted(settings.DAILY_JOBS.items(), key=lambda i: i[1])
        )
        if schedule_next_tick():
            self.stdout.write(f"Tick queued. Daily jobs: {jobs}")
        else:
            self.stdout.write(
                "Nothing queued: a tick is already waiting, or the task backend has no worker "
                f"(set SWP_TASKS_BACKEND=database). Daily jobs: {jobs}"
            )
