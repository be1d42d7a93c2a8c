from django.core.management.base import BaseCommand

from governance.digests import send_digests


class Command(BaseCommand):
    help = (
        "Email each person one summary of the day's submitted and accepted updates they are part of. "
        "The worker runs it daily (SWP_DAILY_JOBS, 17:30 by default)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Queued {send_digests()} daily summaries")
