"""The invitation email: sent by a task, off the request, retried when the mail server fails.

`send_invitation(invitation)` is the one way in, so the sending can later move onto an email outbox
without its callers changing. The task tries SWP_INVITATION_EMAIL_ATTEMPTS times in all, waiting
SWP_INVITATION_RETRY_SECONDS before each retry (1, 5 and 25 minutes by default). With the database
task backend each retry is a new task run after its wait; the immediate backend (development and
tests) cannot wait, so it retries at once. Each attempt sends only while the invitation is open and
its issue is still the current one, so a resent or revoked invitation's older task sends nothing.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import loader
from django.utils import timezone
from django_tasks import task

from swp.security_log import security_event

from .invitations import needs_two_factor, token_for
from .models import Invitation

logger = logging.getLogger(__name__)


def send_invitation(invitation: Invitation) -> None:
    deliver_invitation.enqueue(invitation.pk, invitation.issue, 1)


def accept_url(invitation: Invitation) -> str:
    from django.urls import reverse

    return settings.SITE_URL + reverse("invitation_link", args=[token_for(invitation)])


def message_for(invitation: Invitation) -> EmailMultiAlternatives:
    context = {
        "invitation": invitation,
        "recipient": invitation,
        "link": accept_url(invitation),
        "expires_at": invitation.expires_at,
        "days": settings.SWP_INVITATION_DAYS,
        "two_factor": needs_two_factor(invitation),
        "inviter": invitation.invited_by.full_name if invitation.invited_by else "",
        "service_name": settings.SERVICE_NAME,
    }
    subject = f"You are invited to {invitation.partnership.name} on the {settings.SERVICE_NAME}"
    context["subject"] = subject
    message = EmailMultiAlternatives(
        subject,
        loader.render_to_string("governance/email/invitation.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [invitation.email],
    )
    message.attach_alternative(
        loader.render_to_string("governance/email/invitation.html", context), "text/html"
    )
    return message


@task()
def deliver_invitation(invitation_id: int, issue: int, attempt: int) -> str:
    """Email the invitation's current link. Returns what it did, for the task's result."""
    invitation = (
        Invitation.objects.open()
        .select_related("partnership", "invited_by")
        .filter(pk=invitation_id, issue=issue)
        .first()
    )
    if invitation is None:
        return "skipped"  # accepted, revoked or resent since this was queued
    try:
        message_for(invitation).send()
    except Exception as error:  # any failure of the mail server or the network: try again later
        return _failed(invitation, attempt, error)
    Invitation.objects.filter(pk=invitation.pk, issue=issue).update(
        sent_at=timezone.now(), send_failed_at=None
    )
    return "sent"


def _failed(invitation: Invitation, attempt: int, error: Exception) -> str:
    logger.warning("invitation_email_failed invitation=%s attempt=%s: %s", invitation.pk, attempt, error)
    if attempt >= settings.SWP_INVITATION_EMAIL_ATTEMPTS:
        Invitation.objects.filter(pk=invitation.pk).update(send_failed_at=timezone.now())
        security_event(
            "invitation_email_failed",
            obj=invitation,
            reason=f"gave up after {attempt} attempts",
            level=logging.ERROR,
        )
        return "failed"
    waits = settings.SWP_INVITATION_RETRY_SECONDS
    wait = waits[min(attempt, len(waits)) - 1]
    retry = deliver_invitation
    if retry.get_backend().supports_defer:
        retry = retry.using(run_after=timezone.now() + datetime.timedelta(seconds=wait))
    retry.enqueue(invitation.pk, invitation.issue, attempt + 1)
    return "retrying"
