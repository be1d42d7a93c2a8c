"""The evening summary: each person's lines of the day (updates submitted, accepted) in one email.

send_digests (a daily job, 17:30 by default) gathers every waiting DigestLine by person and
partnership, queues one email for each in the outbox and deletes the lines it used, all in one
transaction: a line is in exactly one summary. The key names the last line, so running it twice
queues nothing twice, and lines written after a run wait for the next.
"""

from collections import defaultdict

from django.db import transaction

from .models import DigestLine, OutboxMessage
from .outbox import queue_email, wants


@transaction.atomic
def send_digests() -> int:
    """Queue one summary per person and partnership with lines waiting. Returns how many."""
    waiting = DigestLine.objects.select_for_update().select_related("recipient", "partnership").order_by("id")
    grouped: dict[tuple[int, int], list[DigestLine]] = defaultdict(list)
    for line in waiting:
        grouped[(line.recipient_id, line.partnership_id)].append(line)
    queued = 0
    for lines in grouped.values():
        recipient, partnership = lines[0].recipient, lines[0].partnership
        if recipient.memberships.filter(partnership=partnership).exists() and wants(recipient, "digests"):
            message = queue_email(
                key=f"digest:to {recipient.pk}:partnership {partnership.pk}:line {lines[-1].pk}",
                kind=OutboxMessage.Kind.DIGEST,
                recipient=recipient,
                partnership=partnership,
                template="email/digest",
                context={"lines": lines},
                preference="digests",
            )
            queued += message is not None
    waiting.filter(pk__in=[line.pk for lines in grouped.values() for line in lines]).delete()
    return queued
