"""The people page (issue 15, item 2): invite, resend, revoke, deactivate and reactivate, for the
partnership admin; the last admin kept; a deactivated person's role giving nothing."""

import json
import logging

import pytest
from django.core import mail
from django.urls import reverse

from governance import email_sending, invitations
from governance.models import Invitation, Membership, OutboxMessage, Role
from governance.rules import role_of
from swp.security_log import JsonFormatter
from tests import factories

pytestmark = pytest.mark.django_db
PEOPLE = reverse("governance:people")
INVITE = reverse("governance:invite")


def events(caplog) -> list[str]:
    return [
        json.loads(JsonFormatter().format(r))["event"] for r in caplog.records if r.name == "swp.security"
    ]


def invite_payload(**changes) -> dict:
    return {"full_name": "Nadia Newcomer", "email": "nadia@example.org", "role": Role.CONTRIBUTOR, **changes}


@pytest.fixture
def as_admin(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_admin_invites_someone_and_sees_them_as_invited(
    as_admin, police, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the email goes once the invitation commits
        response = as_admin.post(INVITE, invite_payload(organisation=police.pk))

    assert response.status_code == 302 and response.url == PEOPLE
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.organisation) == (
        "nadia@example.org",
        Role.CONTRIBUTOR,
        police,
    )
    assert mail.outbox[-1].to == ["nadia@example.org"]
    page = as_admin.get(PEOPLE).content.decode()
    assert "Invitation sent to Nadia Newcomer at nadia@example.org" in page
    assert "Invited (1)" in page and "Nadia Newcomer" in page and "works until" in page


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"email": "not an email"}, "Enter a work email in the right format"),
        ({"email": ""}, "Enter their work email"),
        ({"full_name": ""}, "Enter their full name"),
        ({"role": "overlord"}, "Choose one of the roles"),
        ({"organisation": "999999"}, "Choose one of the partnership&#x27;s organisations"),
    ],
)
def test_bad_input_says_what_is_wrong_and_invites_nobody(as_admin, changes, message):
    response = as_admin.post(INVITE, invite_payload(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Invitation.objects.exists() and mail.outbox == []


def test_another_partnerships_organisation_cannot_be_chosen(as_admin, elsewhere):
    theirs = factories.make_organisation(elsewhere, "Their Police")
    response = as_admin.post(INVITE, invite_payload(organisation=theirs.pk))
    assert "Choose one of the partnership" in response.content.decode()
    assert not Invitation.objects.exists()


def test_inviting_a_current_member_says_so(as_admin, viewer):
    response = as_admin.post(INVITE, invite_payload(email=viewer.email))
    assert f"{viewer.email} already has a role in this partnership" in response.content.decode()
    assert not Invitation.objects.exists()


def test_resend_and_revoke_from_the_page(as_admin, caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.INFO, logger="swp.security")
    with django_capture_on_commit_callbacks(execute=True):
        as_admin.post(INVITE, invite_payload())
    invitation = Invitation.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        as_admin.post(reverse("governance:resend_invitation", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.issue == 2 and len(mail.outbox) == 2

    as_admin.post(reverse("governance:revoke_invitation", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    page = as_admin.get(PEOPLE).content.decode()
    assert "Invited (0)" in page

    with django_capture_on_commit_callbacks(execute=True):
        again = as_admin.post(reverse("governance:resend_invitation", args=[invitation.pk]), follow=True)
    assert "already accepted or withdrawn, so it cannot be resent" in again.content.decode()
    assert len(mail.outbox) == 2
    assert {"invitation_sent", "invitation_resent", "invitation_revoked"} <= set(events(caplog))


def test_the_page_says_what_the_outbox_did_with_the_email(
    as_admin, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.governance.broken_mail.MailServerDown"
    with django_capture_on_commit_callbacks(execute=True):
        as_admin.post(INVITE, invite_payload())
    assert "Being sent" in as_admin.get(PEOPLE).content.decode()  # tried once, waiting for its retry

    message = OutboxMessage.objects.get(kind=OutboxMessage.Kind.INVITATION)
    while message.state == OutboxMessage.State.QUEUED:
        email_sending.send_message(message.pk)  # each retry, as the minute tick would once it is due
        message.refresh_from_db()
    page = as_admin.get(PEOPLE).content.decode()
    assert "Email not delivered" in page and "Being sent" not in page

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    invitation = Invitation.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        as_admin.post(reverse("governance:resend_invitation", args=[invitation.pk]))
    page = as_admin.get(PEOPLE).content.decode()
    assert "Email not delivered" not in page and "works until" in page


def test_deactivating_ends_the_role_keeps_the_person_and_reactivating_restores_it(
    as_admin, walsall, viewer, caplog
):
    caplog.set_level(logging.INFO, logger="swp.security")
    membership = Membership.objects.get(user=viewer)

    as_admin.post(reverse("governance:deactivate_member", args=[membership.pk]))

    membership.refresh_from_db()
    viewer.refresh_from_db()
    assert membership.ended_at is not None and not viewer.is_active
    assert role_of(viewer, walsall) is None
    page = as_admin.get(PEOPLE).content.decode()
    assert "Deactivated (1)" in page and "Vic Viewer" in page
    assert "member_deactivated" in events(caplog)

    as_admin.post(reverse("governance:reactivate_member", args=[membership.pk]))
    membership.refresh_from_db()
    viewer.refresh_from_db()
    assert membership.ended_at is None and viewer.is_active
    assert "member_reactivated" in events(caplog)


def test_a_deactivated_person_cannot_sign_in(client, as_admin, viewer):
    membership = Membership.objects.get(user=viewer)
    as_admin.post(reverse("governance:deactivate_member", args=[membership.pk]))
    other = client.__class__()
    response = other.post(reverse("login"), {"username": viewer.email, "password": factories.PASSWORD})
    assert response.status_code == 200  # the form again, not a redirect into the app


def test_someone_with_a_role_elsewhere_stays_able_to_sign_in_there(as_admin, walsall, elsewhere, viewer):
    Membership.objects.create(partnership=elsewhere, user=viewer, role=Role.VIEWER)
    as_admin.post(
        reverse(
            "governance:deactivate_member", args=[Membership.objects.get(user=viewer, partnership=walsall).pk]
        )
    )
    viewer.refresh_from_db()
    assert viewer.is_active and role_of(viewer, elsewhere) == Role.VIEWER and role_of(viewer, walsall) is None


def test_the_last_active_admin_cannot_be_deactivated(client, walsall, admin_user, viewer):
    other_admin = factories.make_user(walsall, Role.ADMIN, full_name="Second Admin")
    client.force_login(other_admin)
    client.post(reverse("governance:deactivate_member", args=[Membership.objects.get(user=admin_user).pk]))

    only = Membership.objects.get(user=other_admin)
    with pytest.raises(invitations.InvitationRefused, match="only active admin"):
        invitations.deactivate(only, by=other_admin)
    only.refresh_from_db()
    assert only.ended_at is None


def test_the_page_says_why_the_last_admin_stays(client, walsall, admin_user):
    second = factories.make_user(walsall, Role.ADMIN, full_name="Second Admin")
    client.force_login(second)
    client.post(reverse("governance:deactivate_member", args=[Membership.objects.get(user=admin_user).pk]))
    client.force_login(admin_user)  # deactivated: they cannot act any more
    assert client.get(PEOPLE).status_code in (302, 403)
    client.force_login(second)
    response = client.post(
        reverse("governance:deactivate_member", args=[Membership.objects.get(user=second).pk]), follow=True
    )
    assert "Second Admin is the partnership&#x27;s only active admin" in response.content.decode()
    assert Membership.objects.get(user=second).ended_at is None


def test_the_page_lists_everyone_in_a_fixed_number_of_queries(
    as_admin, walsall, django_assert_max_num_queries
):
    for n in range(15):
        factories.make_user(walsall, Role.CONTRIBUTOR, full_name=f"Person {n}")
        Invitation.objects.create(
            partnership=walsall, email=f"p{n}@example.org", full_name=f"P {n}", role="viewer"
        )
    as_admin.get(PEOPLE)  # warm the session
    with django_assert_max_num_queries(12):
        page = as_admin.get(PEOPLE)
    assert page.content.decode().count("Person 1") >= 1 and "Invited (15)" in page.content.decode()


def test_people_pages_are_the_admins_only(client, secretary, viewer):
    for person in (secretary, viewer):
        client.force_login(person)
        assert client.get(PEOPLE).status_code == 403
        assert client.post(INVITE, invite_payload()).status_code == 403
    assert not Invitation.objects.exists()


def test_another_partnerships_invitation_or_person_is_not_found(as_admin, elsewhere, outsider):
    theirs = Invitation.objects.create(
        partnership=elsewhere, email="x@example.org", full_name="X", role="viewer"
    )
    their_member = Membership.objects.get(user=outsider)
    for url in (
        reverse("governance:revoke_invitation", args=[theirs.pk]),
        reverse("governance:resend_invitation", args=[theirs.pk]),
        reverse("governance:deactivate_member", args=[their_member.pk]),
    ):
        assert as_admin.post(url).status_code == 404
    theirs.refresh_from_db()
    their_member.refresh_from_db()
    assert theirs.revoked_at is None and theirs.issue == 1 and their_member.ended_at is None


def test_inviting_someone_deactivated_says_to_reactivate_them(as_admin, viewer):
    as_admin.post(reverse("governance:deactivate_member", args=[Membership.objects.get(user=viewer).pk]))
    response = as_admin.post(INVITE, invite_payload(email=viewer.email))
    assert "was deactivated in this partnership. Reactivate them" in response.content.decode()
    assert not Invitation.objects.exists()
