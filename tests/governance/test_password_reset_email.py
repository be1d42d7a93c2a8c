"""The reset email through a real SMTP server on loopback (aiosmtpd): open it, follow its link, choose
a new password and sign in with it."""

import email
import socket
from email import policy
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from django.test import Client
from django.urls import reverse
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished

from tests import factories

pytestmark = pytest.mark.django_db
SITE = "https://plans.example.gov.uk"
NEW_PASSWORD = "four words for a new password"


class Inbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """An SMTP server on loopback, and Django's SMTP backend pointed at it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    settings.SITE_URL = SITE
    settings.DEFAULT_FROM_EMAIL = "plans@example.gov.uk"
    yield inbox
    controller.stop()


@pytest.fixture
def task_outcomes():
    outcomes = []

    def finished(sender, task_result, **kwargs):
        outcomes.append(task_result.status)

    task_finished.connect(finished)
    yield outcomes
    task_finished.disconnect(finished)


def test_the_emailed_link_sets_a_new_password_and_it_signs_in(client, walsall, smtp):
    inbox = smtp
    yasmin = factories.make_user(walsall, full_name="Yasmin Example", email="yasmin@example.org")

    assert client.post(reverse("password_reset"), {"email": "yasmin@example.org"}).status_code == 302

    [message] = inbox.messages
    assert message["To"] == "yasmin@example.org" and message["From"] == "plans@example.gov.uk"
    assert message["Subject"] == "Reset your password for the Partnership plan manager"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    link = next(word for word in text.split() if word.startswith(f"{SITE}/accounts/reset/"))
    assert f'href="{link}"' in html
    assert "Dear Yasmin Example," in text and "works once, for 1 hour" in text

    chosen = client.get(urlsplit(link).path, follow=True)
    assert "Choose a new password" in chosen.content.decode()
    saved = client.post(
        chosen.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert saved.url == reverse("password_reset_complete")

    signed_in = Client().post(reverse("login"), {"username": yasmin.email, "password": NEW_PASSWORD})
    assert signed_in.status_code == 302 and signed_in.url == reverse("actions:start")


def test_when_the_mail_server_is_down_the_task_fails_and_the_page_is_the_same(
    client, walsall, settings, task_outcomes
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens there
    factories.make_user(walsall, email="zac@example.org")

    response = client.post(reverse("password_reset"), {"email": "zac@example.org"})

    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert task_outcomes == [TaskResultStatus.FAILED]
