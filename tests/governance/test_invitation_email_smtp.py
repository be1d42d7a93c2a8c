"""The invitation email, sent by the outbox through a real SMTP server on loopback (aiosmtpd): its
parts, and its link, which a new person follows to choose a password and is then signed in."""

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth import SESSION_KEY

from governance import invitations
from governance.models import OutboxMessage, Role, User
from tests.governance.invitation_helpers import GOOD_PASSWORD, LINK, accept
from tests.governance.test_password_reset_email import SITE, Inbox, free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings):
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


def test_the_emailed_link_makes_the_account(
    client, walsall, admin_user, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends once the invitation commits
        invitation = invitations.invite(
            partnership=walsall,
            email="nadia@example.org",
            full_name="Nadia Newcomer",
            role=Role.SECRETARY,
            by=admin_user,
        )

    [message] = smtp.messages
    sent = OutboxMessage.objects.get(key=f"invitation:{invitation.pk}:1")
    assert (
        sent.state == OutboxMessage.State.SENT
        and message["Message-ID"] == f"<outbox-{sent.pk}@example.gov.uk>"
    )
    assert message["To"] == "nadia@example.org" and message["From"] == "plans@example.gov.uk"
    assert message["Subject"] == "You are invited to Safer Test Partnership on the Partnership plan manager"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    [link] = LINK.findall(text)
    assert link.startswith(f"{SITE}/accounts/invitation/") and f'href="{link}"' in html
    assert "as board secretary" in text and "two-factor sign-in" in text

    accept(client, link)

    nadia = User.objects.get(email="nadia@example.org")
    assert nadia.check_password(GOOD_PASSWORD) and int(client.session[SESSION_KEY]) == nadia.pk
