from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from governance.models import DailyJobRun, OutboxMessage


class Command(BaseCommand):
    help = (
        "Delete sent and cancelled emails and daily job records older than SWP_OUTBOX_KEEP_DAYS "
        "(default 400). Emails still waiting, and those not sent, are kept for someone to look at."
    )

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.OUTBOX_KEEP_DAYS)
        State = OutboxMessage.State
        sent = Q(state=State.SENT, sent_at__lt=cutoff)
        cancelled = Q(state=State.CANCELLED, created_at__lt=cutoff)  # never sent, so no sent_at
        emails, _ = OutboxMessage.objects.filter(sent | cancelled).delete()
        runs, _ = DailyJobRun.objects.filter(date__lt=cutoff.date()).delete()
        self.stdout.write(f"Deleted {emails} sent emails and {runs} daily job records")
