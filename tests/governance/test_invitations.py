"""Invitations (issue 15, item 2): the emailed link, accepting it once, expiry, resend, revoke, the
two-factor-first rule, the email through the outbox (kept, retried, cancelled when replaced or
withdrawn), and the security log."""

import datetime
import io
import json
import logging

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from governance import email_sending, invitations
from governance.invitation_emails import record_outcome
from governance.models import Invitation, Membership, OutboxMessage, Role, User
from swp.security_log import JsonFormatter
from tests import factories
from tests.governance.invitation_helpers import GOOD_PASSWORD, accept, last_link, path_of

pytestmark = pytest.mark.django_db
ACCEPT = "/accounts/invitation/"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs an invitation change as the page does: its transaction commits, then the email is sent."""

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run


@pytest.fixture
def invite(walsall, admin_user, committed):
    def make(email="nadia@example.org", role=Role.CONTRIBUTOR, **fields):
        fields.setdefault("full_name", "Nadia Newcomer")
        return committed(
            invitations.invite, partnership=walsall, email=email, role=role, by=admin_user, **fields
        )

    return make


def events(caplog) -> list[dict]:
    return [json.loads(JsonFormatter().format(r)) for r in caplog.records if r.name == "swp.security"]


def test_accepting_makes_the_account_with_the_role_and_signs_in(client, walsall, invite, police, caplog):
    caplog.set_level(logging.INFO, logger="swp.security")
    invitation = invite(organisation=police)

    response = accept(client, last_link())

    assert response.status_code == 302
    nadia = User.objects.get(email="nadia@example.org")
    assert nadia.full_name == "Nadia Newcomer" and nadia.organisation == police
    assert nadia.check_password(GOOD_PASSWORD)
    assert Membership.objects.get(user=nadia, partnership=walsall).role == Role.CONTRIBUTOR
    assert int(client.session[SESSION_KEY]) == nadia.pk
    invitation.refresh_from_db()
    assert invitation.accepted_at and invitation.accepted_by == nadia
    assert [e["event"] for e in events(caplog)][:1] == ["invitation_sent"]
    assert "invitation_accepted" in [e["event"] for e in events(caplog)]


def test_the_link_works_once(client, invite):
    invite()
    link = last_link()
    accept(client, link)
    client.post(reverse("logout"))

    page = client.get(path_of(link), follow=True)

    assert "already been accepted" in page.content.decode()
    assert User.objects.filter(email="nadia@example.org").count() == 1


def test_the_link_does_not_sit_in_the_address_of_the_form(client, invite):
    invite()
    response = client.get(path_of(last_link()))
    assert response.status_code == 302 and response.url == ACCEPT
    page = client.get(ACCEPT)
    assert "Choose a password" in page.content.decode()


def test_an_expired_link_is_refused_and_creates_nothing(client, invite, settings, caplog):
    caplog.set_level(logging.INFO, logger="swp.security")
    invitation = invite()
    Invitation.objects.filter(pk=invitation.pk).update(
        issued_at=timezone.now() - datetime.timedelta(days=settings.SWP_INVITATION_DAYS, minutes=1)
    )

    response = accept(client, last_link())

    assert "This invitation has expired" in response.content.decode()
    assert not User.objects.filter(email="nadia@example.org").exists()
    assert "invitation_link_refused" in [e["event"] for e in events(caplog)]


def test_a_link_just_inside_its_days_still_works(client, invite, settings):
    invitation = invite()
    Invitation.objects.filter(pk=invitation.pk).update(
        issued_at=timezone.now() - datetime.timedelta(days=settings.SWP_INVITATION_DAYS, minutes=-1)
    )
    assert accept(client, last_link()).status_code == 302
    assert User.objects.filter(email="nadia@example.org").exists()


def test_resending_makes_a_new_link_and_the_old_one_stops_working(client, invite, admin_user, committed):
    invitation = invite()
    old = last_link()
    committed(invitations.resend, invitation, by=admin_user)
    new = last_link()
    assert new != old and len(mail.outbox) == 2

    refused = accept(client, old)
    assert "A newer invitation was sent" in refused.content.decode()
    assert not User.objects.filter(email="nadia@example.org").exists()
    assert accept(client, new).status_code == 302


def test_a_revoked_invitation_cannot_be_accepted(client, invite, admin_user, caplog):
    caplog.set_level(logging.INFO, logger="swp.security")
    invitation = invite()
    invitations.revoke(invitation, by=admin_user)

    response = accept(client, last_link())

    assert "This invitation was withdrawn" in response.content.decode()
    assert not User.objects.filter(email="nadia@example.org").exists()
    assert "invitation_revoked" in [e["event"] for e in events(caplog)]


def test_a_tampered_link_is_refused(client, invite):
    invite()
    link = last_link()
    response = accept(client, link[:-3] + "xx/")
    assert "This invitation link is not right" in response.content.decode()
    assert not User.objects.filter(email="nadia@example.org").exists()


def test_a_weak_password_is_refused_with_the_rules_and_nothing_is_made(client, invite):
    invite()
    response = accept(client, last_link(), password="password123")
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert not User.objects.filter(email="nadia@example.org").exists()
    assert Invitation.objects.get().accepted_at is None


def test_an_admin_sets_up_two_factor_before_anything_else(client, invite, settings):
    settings.SWP_REQUIRE_TWO_FACTOR = True
    invite(email="amir@example.org", full_name="Amir Admin", role=Role.ADMIN)
    assert "two-factor sign-in" in mail.outbox[-1].body

    response = accept(client, last_link())
    assert response.status_code == 302

    for page in (reverse("governance:people"), reverse("actions:plan"), reverse("reports:dashboard")):
        held = client.get(page)
        assert held.status_code == 302 and held.url.startswith(reverse("two_factor:set_up")), page


def test_a_partner_officer_is_not_held_for_two_factor(client, invite, settings):
    settings.SWP_REQUIRE_TWO_FACTOR = True
    invite()
    accept(client, last_link())
    assert client.get(reverse("governance:structure")).status_code == 200


def test_someone_with_an_account_signs_in_and_accepts_with_a_button(client, invite, elsewhere):
    existing = factories.make_user(elsewhere, Role.VIEWER, email="nadia@example.org", full_name="Nadia")
    invite()
    client.get(path_of(last_link()))
    assert "Sign in to accept your invitation" in client.get(ACCEPT).content.decode()

    client.force_login(existing)
    assert "Accept your invitation" in client.get(ACCEPT).content.decode()
    assert client.post(ACCEPT).status_code == 302

    assert {m.partnership.name for m in existing.memberships.all()} == {
        "Elsewhere Partnership",
        "Safer Test Partnership",
    }
    assert existing.check_password(factories.PASSWORD)  # untouched


def test_signed_in_as_someone_else_changes_nothing(client, invite, viewer):
    invite()
    client.get(path_of(last_link()))
    client.force_login(viewer)
    page = client.post(ACCEPT, {"new_password1": GOOD_PASSWORD, "new_password2": GOOD_PASSWORD})
    assert "This invitation is for someone else" in page.content.decode()
    assert Invitation.objects.get().accepted_at is None


def test_inviting_someone_who_already_has_a_role_or_an_invitation_is_refused(invite, viewer):
    with pytest.raises(invitations.InvitationRefused, match="already has a role"):
        invite(email=viewer.email.upper())
    invite()
    with pytest.raises(invitations.InvitationRefused, match="already been invited"):
        invite()
    assert Invitation.objects.count() == 1


# --- The email ----------------------------------------------------------------------------------


def test_the_email_says_who_where_as_what_and_until_when(invite, police, settings):
    settings.SITE_URL = "https://plans.example.gov.uk"
    invitation = invite(organisation=police)
    [message] = mail.outbox
    assert message.to == ["nadia@example.org"]
    assert message.subject == "You are invited to Safer Test Partnership on the Partnership plan manager"
    for text in (message.body, message.alternatives[0][0]):
        assert "Ada Admin has invited you to Safer Test Partnership" in text
        assert "as partner officer for Test Police" in text
        assert invitation.expires_at.strftime("%-d %B %Y") in text
        assert "https://plans.example.gov.uk/accounts/invitation/" in text
    assert message.alternatives[0][1] == "text/html"
    invitation.refresh_from_db()
    assert invitation.sent_at is not None


class FlakyMail:
    """Makes the first `failures` sends fail, as a mail server that is down would."""

    def __init__(self, failures: int):
        self.failures, self.calls = failures, 0

    def patch(self, monkeypatch) -> "FlakyMail":
        def send(message, fail_silently=False):
            self.calls += 1
            if self.calls <= self.failures:
                raise ConnectionRefusedError("mail server down")
            return 1

        monkeypatch.setattr("django.core.mail.message.EmailMessage.send", send)
        return self


def emails_of(invitation) -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(to_address=invitation.email).order_by("pk"))


def due_now(message) -> None:
    """As if the retry's wait had passed."""
    OutboxMessage.objects.filter(pk=message.pk).update(next_try_at=timezone.now())


def test_the_email_is_kept_in_the_outbox_with_its_key(invite, walsall):
    invitation = invite()
    [message] = emails_of(invitation)
    assert message.key == f"invitation:{invitation.pk}:1" and message.kind == OutboxMessage.Kind.INVITATION
    assert message.partnership == walsall and message.recipient is None
    assert message.state == OutboxMessage.State.SENT and message.subject == mail.outbox[-1].subject
    invitation.refresh_from_db()
    assert invitation.sent_at == message.sent_at


def test_an_invitation_that_fails_to_save_queues_no_email(invite, monkeypatch):
    invite()
    # Two admins inviting the same address at once: the second's invitation and email both roll back.
    monkeypatch.setattr(invitations, "check_may_invite", lambda partnership, email: None)
    with pytest.raises(invitations.InvitationRefused):
        invite(role=Role.VIEWER)
    assert OutboxMessage.objects.count() == 1 and len(mail.outbox) == 1


def test_a_failed_email_is_tried_again_by_the_outbox_and_sent(invite, monkeypatch):
    flaky = FlakyMail(failures=1).patch(monkeypatch)
    before = timezone.now()

    invitation = invite()

    [message] = emails_of(invitation)
    assert flaky.calls == 1 and message.state == OutboxMessage.State.QUEUED and message.attempts == 1
    # The outbox's back-off: the next try is a minute later, not at once.
    assert (
        before + datetime.timedelta(seconds=55) < message.next_try_at < before + datetime.timedelta(minutes=2)
    )
    assert email_sending.send_due_messages() == {}
    invitation.refresh_from_db()
    assert invitation.sent_at is None and invitation.send_failed_at is None  # "Being sent"

    due_now(message)
    assert email_sending.send_due_messages() == {"sent": 1}

    assert flaky.calls == 2
    invitation.refresh_from_db()
    assert invitation.sent_at is not None and invitation.send_failed_at is None


def test_after_the_outbox_gives_up_the_email_is_marked_as_not_delivered(invite, monkeypatch, caplog):
    caplog.set_level(logging.INFO, logger="swp.security")
    flaky = FlakyMail(failures=99).patch(monkeypatch)

    invitation = invite()
    [message] = emails_of(invitation)
    for _ in range(email_sending.MAX_ATTEMPTS - 1):
        due_now(message)
        email_sending.send_due_messages()

    assert flaky.calls == email_sending.MAX_ATTEMPTS == 10
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.FAILED
    invitation.refresh_from_db()
    assert invitation.sent_at is None and invitation.send_failed_at is not None
    assert "invitation_email_failed" in [e["event"] for e in events(caplog)]


def test_resending_cancels_the_older_email_that_has_not_gone(invite, admin_user, monkeypatch, committed):
    flaky = FlakyMail(failures=1).patch(monkeypatch)
    invitation = invite()  # its email waits for a retry

    committed(invitations.resend, invitation, by=admin_user)

    old, new = emails_of(invitation)
    assert old.key == f"invitation:{invitation.pk}:1" and old.state == OutboxMessage.State.CANCELLED
    assert new.key == f"invitation:{invitation.pk}:2" and new.state == OutboxMessage.State.SENT
    # The minute tick, later, does not send the old one: the person gets only the working link.
    due_now(old)
    assert email_sending.send_due_messages() == {} and email_sending.send_message(old.pk) == "skipped"
    assert flaky.calls == 2 and len(mail.outbox) == 0  # FlakyMail stands in for the mail server
    invitation.refresh_from_db()
    assert invitation.issue == 2 and invitation.sent_at == new.sent_at


def test_an_older_issue_that_fails_later_does_not_mark_the_current_one(
    invite, admin_user, monkeypatch, committed
):
    invitation = invite()
    committed(invitations.resend, invitation, by=admin_user)
    old, new = emails_of(invitation)
    # Were the old email's last try still running as the resend happened, its result leaves the new alone.
    record_outcome(old, "failed")
    invitation.refresh_from_db()
    assert invitation.send_failed_at is None and invitation.sent_at == new.sent_at


def test_revoking_cancels_an_email_that_has_not_gone(invite, admin_user, monkeypatch, committed):
    FlakyMail(failures=1).patch(monkeypatch)
    invitation = invite()

    committed(invitations.revoke, invitation, by=admin_user)

    [message] = emails_of(invitation)
    assert message.state == OutboxMessage.State.CANCELLED
    due_now(message)
    assert email_sending.send_due_messages() == {}


def test_revoking_leaves_a_sent_email_as_sent(invite, admin_user, committed):
    invitation = invite()
    committed(invitations.revoke, invitation, by=admin_user)
    [message] = emails_of(invitation)
    assert message.state == OutboxMessage.State.SENT


def test_the_outbox_page_lists_the_invitation_for_the_admin(
    client, invite, admin_user, committed, monkeypatch
):
    invitation = invite()
    FlakyMail(failures=99).patch(monkeypatch)
    committed(invitations.resend, invitation, by=admin_user)
    committed(invitations.revoke, invitation, by=admin_user)
    client.force_login(admin_user)

    page = client.get(reverse("governance:outbox")).content.decode()

    assert "Emails not about one quarter" in page and "nadia@example.org" in page
    assert "Invitation: You are invited to Safer Test Partnership" in page
    assert "1 sent, 0 waiting to be sent, 0 not sent, 1 cancelled." in page
    assert "<strong>Cancelled</strong>: not sent, as the invitation was sent again or withdrawn" in page


def test_the_database_keeps_one_open_invitation_per_address(walsall, invite, monkeypatch):
    invite()
    with pytest.raises(IntegrityError), transaction.atomic():
        Invitation.objects.create(
            partnership=walsall, email="NADIA@example.org", full_name="Nadia", role=Role.VIEWER
        )
    # Two admins inviting the same address at once: the second is told, in words, and nothing is made.
    monkeypatch.setattr(invitations, "check_may_invite", lambda partnership, email: None)
    with pytest.raises(invitations.InvitationRefused, match="has already been invited"):
        invite()
    assert Invitation.objects.count() == 1
    # Once that invitation is withdrawn, the address may be invited again.
    invitations.revoke(Invitation.objects.get(), by=None)
    invite()
    assert Invitation.objects.open().count() == 1


def test_pruning_the_outbox_deletes_old_cancelled_emails_and_keeps_recent_ones(
    invite, admin_user, monkeypatch, committed, settings
):
    FlakyMail(failures=99).patch(monkeypatch)
    old_invitation = invite()
    committed(invitations.revoke, old_invitation, by=admin_user)
    recent_invitation = invite(email="lee@example.org")
    committed(invitations.revoke, recent_invitation, by=admin_user)
    [old] = emails_of(old_invitation)
    OutboxMessage.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=settings.OUTBOX_KEEP_DAYS + 1)
    )

    call_command("prune_outbox", stdout=io.StringIO())

    assert not OutboxMessage.objects.filter(pk=old.pk).exists()
    [recent] = emails_of(recent_invitation)
    assert recent.state == OutboxMessage.State.CANCELLED
