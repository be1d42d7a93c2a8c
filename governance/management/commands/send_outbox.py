from django.core.management.base import BaseCommand

from governance.email_sending import send_due_messages


class Command(BaseCommand):
    help = "Send every email in the outbox whose time has come (the worker does this every minute)."

    def handle(self, *args, **options):
        counts = send_due_messages(limit=10_000)
        self.stdout.write(
            f"Sent {counts.get('sent', 0)}; {counts.get('retry', 0)} to try again later; "
            f"{counts.get('failed', 0)} given up on"
        )
