"""The invitation email, through the outbox like every other email (governance/outbox.py).

`send_invitation(invitation)` writes the email in the caller's transaction with the key
"invitation:<id>:<issue>", so it is kept, listed on the outbox page, sent once and retried with the
outbox's back-off (governance/email_sending.py). Resending makes a new issue and so a new email;
resending or revoking first cancels the older email if it has not gone yet, as its link no longer
works. The sender reports back (record_outcome), so the people page's "Sent" and "Email not
delivered" say what happened to the current issue's email.
"""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from swp.security_log import security_event

from .invitations import needs_two_factor, token_for
from .models import Invitation, OutboxMessage
from .outbox import cancel_waiting, queue_email_to_address

logger = logging.getLogger(__name__)
PREFIX = "invitation"


def key_for(invitation: Invitation) -> str:
    return f"{PREFIX}:{invitation.pk}:{invitation.issue}"


def send_invitation(invitation: Invitation) -> OutboxMessage:
    """Queue the current issue's email; the caller has cancelled any older one (cancel_emails)."""
    return queue_email_to_address(
        key=key_for(invitation),
        kind=OutboxMessage.Kind.INVITATION,
        to_address=invitation.email,
        partnership=invitation.partnership,
        template="governance/email/invitation",
        context={
            "invitation": invitation,
            "recipient": invitation,
            "link": accept_url(invitation),
            "expires_at": invitation.expires_at,
            "days": settings.SWP_INVITATION_DAYS,
            "two_factor": needs_two_factor(invitation),
            "inviter": invitation.invited_by.full_name if invitation.invited_by else "",
        },
    )


def cancel_emails(invitation: Invitation) -> int:
    """Keep the invitation's unsent emails from going: their links stop working once it is resent
    or revoked. Returns how many were cancelled."""
    return cancel_waiting(
        OutboxMessage.objects.filter(
            kind=OutboxMessage.Kind.INVITATION, key__startswith=f"{PREFIX}:{invitation.pk}:"
        )
    )


def accept_url(invitation: Invitation) -> str:
    return settings.SITE_URL + reverse("invitation_link", args=[token_for(invitation)])


def record_outcome(message: OutboxMessage, outcome: str) -> None:
    """Called by the sender for an invitation email: "sent", "retry" or "failed" (after its last try)."""
    _, invitation_id, issue = message.key.split(":")
    current = Invitation.objects.filter(
        pk=invitation_id, issue=issue
    )  # an older issue's email changes nothing
    if outcome == "sent":
        current.update(sent_at=message.sent_at, send_failed_at=None)
    elif outcome == "failed":
        if current.update(send_failed_at=timezone.now()):
            security_event(
                "invitation_email_failed",
                obj=current.get(),
                reason=f"gave up after {message.attempts} attempts",
                level=logging.ERROR,
            )
