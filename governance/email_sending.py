"""Sending what the outbox holds: each message at most once, retried with back-off when it fails.

A failed send waits 1, 5, 15 and 60 minutes, then every 4 hours; after 10 tries it is marked "Not
sent" and shows so on the outbox page. An hour without a mail server therefore delays email by
about an hour and loses none. The row is locked while it is sent, and sending a message that is
no longer waiting (sent, given up on, or cancelled) does nothing, so two workers (or a task and the
minute tick) never send it twice.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from .models import OutboxMessage

logger = logging.getLogger(__name__)

BACKOFF_MINUTES = (1, 5, 15, 60)
THEN_EVERY_MINUTES = 240
MAX_ATTEMPTS = 10

State = OutboxMessage.State


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failed try."""
    if attempts <= len(BACKOFF_MINUTES):
        return timedelta(minutes=BACKOFF_MINUTES[attempts - 1])
    return timedelta(minutes=THEN_EVERY_MINUTES)


def send_message(message_id: int) -> str:
    """Send one queued message now. Returns "sent", "retry", "failed" or "skipped"."""
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, state=State.QUEUED)
            .first()
        )
        if message is None:
            return "skipped"  # sent already, given up on, or being sent by another worker
        try:
            _email(message).send()
        except Exception as error:  # SMTP down, DNS, a refused address: try again later
            return _failed(message, error)
        message.state = State.SENT
        message.sent_at = timezone.now()
        message.attempts += 1
        message.last_error = ""
        message.save(update_fields=["state", "sent_at", "attempts", "last_error"])
        _record(message, "sent")
    logger.info("email_sent message=%s kind=%s", message.pk, message.kind)
    return "sent"


def send_due_messages(*, limit: int = 200) -> dict[str, int]:
    """Send every queued message whose time has come: retries, and any whose task was lost."""
    due = OutboxMessage.objects.filter(state=State.QUEUED, next_try_at__lte=timezone.now())
    counts: dict[str, int] = {}
    for message_id in due.order_by("next_try_at", "id").values_list("pk", flat=True)[:limit]:
        outcome = send_message(message_id)
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def _email(message: OutboxMessage) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to_address],
        # Lets a mail server or a reader's program drop a duplicate, should one ever get through.
        headers={"Message-ID": f"<outbox-{message.pk}@{_domain()}>"},
    )
    email.attach_alternative(message.html, "text/html")
    return email


def _record(message: OutboxMessage, outcome: str) -> None:
    """What a kind of email keeps elsewhere about its sending, in the same transaction: an invitation's
    "Sent" or "Email not delivered" on the people page."""
    if message.kind == OutboxMessage.Kind.INVITATION:
        from .invitation_emails import record_outcome  # here: it imports the invitation rules

        record_outcome(message, outcome)


def _domain() -> str:
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"


def _failed(message: OutboxMessage, error: Exception) -> str:
    message.attempts += 1
    message.last_error = f"{type(error).__name__}: {error}"[:1000]
    if message.attempts >= MAX_ATTEMPTS:
        message.state = State.FAILED
        outcome = "failed"
    else:
        message.next_try_at = timezone.now() + retry_delay(message.attempts)
        outcome = "retry"
    message.save(update_fields=["attempts", "last_error", "state", "next_try_at"])
    _record(message, outcome)
    logger.warning("email_not_sent message=%s attempts=%s error=%s", message.pk, message.attempts, error)
    return outcome
