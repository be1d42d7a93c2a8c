"""End to end through a real SMTP server on loopback (aiosmtpd): a returned update's emails leave
the outbox over SMTP and are read back as a mail program would; with the server down they wait,
and go once it is back."""

import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.db import connection
from django.utils import timezone

from actions import services
from actions.models import Rag
from actions.services import UpdateInput
from governance.email_sending import send_due_messages
from governance.models import OutboxMessage
from tests import factories


class Inbox:
    """aiosmtpd handler: keeps every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=policy.default))
        )
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(settings):
    inbox = Inbox()
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "plans@example.org"
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    inbox.start, inbox.stop = controller.start, controller.stop
    yield inbox
    try:
        controller.stop()
    except AssertionError:  # stopped already by the test
        pass


def run_on_commit():
    while connection.run_on_commit:
        _, callback, _ = connection.run_on_commit.pop(0)
        callback()


@pytest.fixture
def returned(p1, period, secretary, walsall, lead_a):
    owner = factories.make_user(walsall, full_name="Olive Owner", email="olive@example.org")
    action = factories.make_action(p1, "1.2", objective="Map knife crime hotspots", owner=owner)
    update = services.save_update(
        action=action,
        period=period,
        by=owner,
        expected_version=0,
        data=UpdateInput(rag=Rag.GREEN, progress="Mapped"),
        submit=True,
    )

    def give_back():
        services.return_update(
            update=update,
            by=secretary,
            expected_version=update.version,
            comment="Which wards? Café notes too.",
        )

    return owner, lead_a, give_back


def test_emails_go_over_smtp_and_read_back_whole(smtp, returned):
    owner, lead, give_back = returned
    smtp.start()
    give_back()
    run_on_commit()
    assert sorted(to for to, _ in smtp.messages) == sorted([[owner.email], [lead.email]])
    [(_, message)] = [(to, m) for to, m in smtp.messages if to == [owner.email]]
    assert message["Subject"] == "1.2 returned for changes: 2020 Q1 update"
    assert message["From"] == "plans@example.org" and message["To"] == owner.email
    assert message["Message-ID"].startswith("<outbox-")
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Which wards? Café notes too." in text and "Which wards? Café notes too." in html
    assert OutboxMessage.objects.filter(state="sent").count() == 2


def test_with_the_server_down_emails_wait_and_go_when_it_is_back(smtp, returned):
    owner, lead, give_back = returned
    give_back()  # nothing is listening yet
    run_on_commit()
    waiting = OutboxMessage.objects.filter(recipient=owner).get()
    assert waiting.state == "queued" and waiting.attempts == 1 and waiting.last_error
    smtp.start()
    OutboxMessage.objects.update(next_try_at=timezone.now())
    assert send_due_messages() == {"sent": 2}
    assert len(smtp.messages) == 2
    assert send_due_messages() == {}  # and never twice
