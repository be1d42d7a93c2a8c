"""Queue an email in the outbox, in the caller's transaction; the worker sends it.

Every notification goes through queue_email (an invitation, to someone with no account yet, through
queue_email_to_address): it renders the plain-text and HTML parts from one template name, writes
the row, and once the transaction commits asks the task worker to send it.
If the transaction rolls back, no email. If the worker or the mail server is down, the row waits
and the minute tick (governance/daily_jobs.py) sends it later. The key makes queuing idempotent:
a second call with the same key returns the first message and queues nothing.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.template.loader import render_to_string

from .models import DigestLine, EmailPreferences, OutboxMessage, Partnership, User

OPTIONAL = ("digests", "comments", "pack_issued")


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


def render_email(template: str, context: dict[str, Any]) -> RenderedEmail:
    """`template` names three files: <template>_subject.txt, <template>.txt and <template>.html."""
    context = {"service_name": settings.SERVICE_NAME, "site_url": settings.SITE_URL, **context}
    # A subject is one line, however the template wraps it.
    context["subject"] = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    return RenderedEmail(
        subject=context["subject"],
        text=render_to_string(f"{template}.txt", context),
        html=render_to_string(f"{template}.html", context),
    )


def wants(user: User, preference: str) -> bool:
    """Whether the person wants this optional email; everyone does until they say otherwise."""
    if preference not in OPTIONAL:
        raise ValueError(f"{preference!r} is not an optional email.")
    try:
        return getattr(user.email_preferences, preference)
    except EmailPreferences.DoesNotExist:
        return True


def queue_email(
    *,
    key: str,
    kind: str,
    recipient: User,
    partnership: Partnership,
    template: str,
    context: dict[str, Any],
    quarter: str = "",
    preference: str | None = None,
) -> OutboxMessage | None:
    """Write the email to the outbox; send it once the caller's transaction commits.

    None if the person switched this kind of email off, or has no address or no active account.
    """
    if not recipient.is_active or not recipient.email:
        return None
    if preference is not None and not wants(recipient, preference):
        return None
    return _write(
        key=key,
        kind=kind,
        partnership=partnership,
        quarter=quarter,
        recipient=recipient,
        to_address=recipient.email,
        template=template,
        context={"recipient": recipient, **context},
    )


def queue_email_to_address(
    *, key: str, kind: str, to_address: str, partnership: Partnership, template: str, context: dict[str, Any]
) -> OutboxMessage:
    """queue_email for someone with no account yet (an invitation): no preferences apply, as the
    email is not optional. `context` names whom the email greets as `recipient`."""
    return _write(
        key=key,
        kind=kind,
        partnership=partnership,
        quarter="",
        recipient=None,
        to_address=to_address,
        template=template,
        context=context,
    )


def cancel_waiting(messages: models.QuerySet[OutboxMessage]) -> int:
    """Stop messages that have not gone yet from going: the sender sends only waiting ones. A message
    being sent at this moment holds its row lock, so this waits for it and then leaves it be."""
    return messages.filter(state=OutboxMessage.State.QUEUED).update(state=OutboxMessage.State.CANCELLED)


def _write(
    *,
    key: str,
    kind: str,
    partnership: Partnership,
    quarter: str,
    recipient: User | None,
    to_address: str,
    template: str,
    context: dict[str, Any],
) -> OutboxMessage:
    existing = OutboxMessage.objects.filter(key=key).first()
    if existing is not None:
        return existing
    email = render_email(template, {"partnership": partnership, **context})
    message, created = OutboxMessage.objects.get_or_create(
        key=key,
        defaults={
            "kind": kind,
            "partnership": partnership,
            "quarter": quarter,
            "recipient": recipient,
            "to_address": to_address,
            "subject": email.subject,
            "text": email.text,
            "html": email.html,
        },
    )
    if created:
        transaction.on_commit(lambda: _enqueue(message.pk), robust=True)
    return message


def _enqueue(message_id: int) -> None:
    # Imported here: the task module imports the sending code, which the web process needs only
    # once something is queued.
    from .tasks import send_outbox_message

    send_outbox_message.enqueue(message_id)


def add_digest_lines(lines: list[DigestLine]) -> None:
    """Lines for this evening's summary emails (send_digests), in one insert, leaving out people
    who switched the summary off or whose account is."""
    users = {line.recipient.pk: line.recipient for line in lines}
    off = set(
        EmailPreferences.objects.filter(user_id__in=users, digests=False).values_list("user_id", flat=True)
    )
    DigestLine.objects.bulk_create(
        [line for line in lines if line.recipient.pk not in off and users[line.recipient.pk].is_active]
    )
