import argparse
from datetime import date, datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from actions.reminders import send_reminders


def _date(value: str) -> date:
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2020-10-14.") from None


def _reminders(n: int) -> str:
    return f"{n} reminder{'' if n == 1 else 's'}"


class Command(BaseCommand):
    help = (
        "Email people who owe quarterly updates, the leads of their priorities and, once the deadline "
        "has passed, the secretaries. The worker runs it daily (SWP_DAILY_JOBS); a second run on the "
        "same day queues nothing again. Emails go through the outbox, which retries them if sending fails."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", type=_date, help="Act as if today were this date (YYYY-MM-DD).")
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be emailed; send and record nothing."
        )

    def handle(self, *args, today, dry_run, verbosity, **options):
        result = send_reminders(today=today or timezone.localdate(), dry_run=dry_run)
        if dry_run:
            for reminder in result.sent:
                self.stdout.write(f"Would email {reminder.describe()}")
            self.stdout.write(
                f"Would send {_reminders(len(result.sent))} ({len(result.already_sent)} already sent today)"
            )
            return
        if verbosity > 1:
            for reminder in result.sent:
                self.stdout.write(f"Queued {reminder.describe()}")
        for reminder, error in result.failed:
            self.stderr.write(f"Could not email {reminder.describe()}: {error}")
        self.stdout.write(
            f"Queued {_reminders(len(result.sent))} ({len(result.already_sent)} already sent today)"
        )
        if result.failed:
            raise CommandError(
                f"{_reminders(len(result.failed))} could not be written. Nothing was queued for them, "
                "so the next run will try again."
            )
