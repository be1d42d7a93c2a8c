"""Resending or revoking an invitation while its email is being sent (PostgreSQL row locks): the
email that is going is left as sent, nothing deadlocks, and a resend's new email still goes."""

import threading
import time

import pytest
from django.core import mail
from django.db import connection, connections

from governance import email_sending, invitations
from governance.models import Invitation, OutboxMessage, Role


@pytest.fixture
def waiting_invitation(walsall, admin_user, settings):
    """An invitation whose first try failed, so its email waits in the outbox for its retry."""
    if connection.vendor != "postgresql":
        pytest.skip("Row locks need PostgreSQL; make test runs this on it")
    settings.EMAIL_BACKEND = "tests.governance.broken_mail.MailServerDown"
    invitation = invitations.invite(
        partnership=walsall,
        email="nadia@example.org",
        full_name="Nadia Newcomer",
        role=Role.VIEWER,
        by=admin_user,
    )
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return invitation


def slow_mail_server(monkeypatch) -> threading.Event:
    """Sending takes half a second; the event is set once a send has begun."""
    sending = threading.Event()
    send = mail.EmailMessage.send

    def slow_send(message, fail_silently=False):
        sending.set()
        time.sleep(0.5)
        return send(message, fail_silently)

    monkeypatch.setattr(mail.EmailMessage, "send", slow_send)
    return sending


def while_sending(message: OutboxMessage, sending: threading.Event, change) -> str:
    outcome: list[str] = []

    def send() -> None:
        try:
            outcome.append(email_sending.send_message(message.pk))
        finally:
            connections.close_all()

    sender = threading.Thread(target=send)
    sender.start()
    assert sending.wait(5)
    change()  # waits for the sender's row lock, then finds the email sent
    sender.join()
    return outcome[0]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_resending_while_the_email_is_going_leaves_it_sent_and_sends_the_new_one(
    waiting_invitation, admin_user, monkeypatch
):
    [old] = OutboxMessage.objects.all()
    sending = slow_mail_server(monkeypatch)

    assert (
        while_sending(old, sending, lambda: invitations.resend(waiting_invitation, by=admin_user)) == "sent"
    )

    old, new = OutboxMessage.objects.order_by("pk")
    assert old.state == new.state == OutboxMessage.State.SENT
    assert new.key == f"invitation:{waiting_invitation.pk}:2"
    invitation = Invitation.objects.get()
    assert invitation.issue == 2 and invitation.sent_at == new.sent_at


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_revoking_while_the_email_is_going_does_not_deadlock(waiting_invitation, admin_user, monkeypatch):
    [message] = OutboxMessage.objects.all()
    sending = slow_mail_server(monkeypatch)

    assert (
        while_sending(message, sending, lambda: invitations.revoke(waiting_invitation, by=admin_user))
        == "sent"
    )

    message.refresh_from_db()
    assert message.state == OutboxMessage.State.SENT
    assert Invitation.objects.get().revoked_at is not None
