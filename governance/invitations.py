"""Inviting people to a partnership, and what accepting, resending, revoking and deactivating do.

The link: the invitation's id and issue number, signed with the secret key (django.core.signing), so
it cannot be guessed or altered. It works while the invitation is open (not accepted, not revoked),
its issue is the current one (Resend makes a new issue, so an older email's link stops working) and
SWP_INVITATION_DAYS have not passed since that issue. Accepting closes the invitation: single use.

Accepting makes the account (or, for someone who already has one, adds the role to it) and signs the
person in; the two-factor middleware then holds anyone whose role needs two-factor sign-in on the
set-up page before anything else (governance/two_factor.py).

People are deactivated, never deleted: the membership keeps its row and history with `ended_at` set,
and a partnership must keep one active admin, counted under a row lock so that two admins
deactivating each other at the same moment leave one.
"""

from dataclasses import dataclass

from django.core import signing
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone

from swp.security_log import security_event

from .models import Invitation, Membership, Organisation, Partnership, Role, User
from .two_factor import MUST_USE_ROLES

SALT = "governance.invitation"
# Sent once a person has accepted, with `invitation` and `user`: higher apps give them what the
# invitation named them for (actions/named_people.py), as governance may not import them.
invitation_accepted = Signal()


class InvitationRefused(Exception):
    """Something a partnership admin asked for that cannot be done; the message says why, plainly."""


# --- The link ---------------------------------------------------------------------------------


def token_for(invitation: Invitation) -> str:
    return signing.Signer(salt=SALT).sign_object({"i": invitation.pk, "n": invitation.issue})


@dataclass(frozen=True)
class LinkCheck:
    invitation: Invitation | None
    problem: str  # empty when the link may be used


BROKEN = "This invitation link is not right. Check that you copied all of it from the email."
USED = "This invitation has already been accepted. Sign in with your email and password."
REVOKED = "This invitation was withdrawn. Ask your partnership admin to invite you again."
REPLACED = "A newer invitation was sent after this one. Use the link in the most recent email."
EXPIRED = "This invitation has expired. Ask your partnership admin to send it again."


def check_token(token: str) -> LinkCheck:
    """The invitation a link is for, and, if it cannot be used, why, in words for the person."""
    try:
        data = signing.Signer(salt=SALT).unsign_object(token)
        invitation = Invitation.objects.select_related("partnership", "organisation").get(pk=data["i"])
    except (signing.BadSignature, Invitation.DoesNotExist, KeyError, TypeError):
        return LinkCheck(None, BROKEN)
    if invitation.accepted_at:
        return LinkCheck(invitation, USED)
    if invitation.revoked_at:
        return LinkCheck(invitation, REVOKED)
    if data.get("n") != invitation.issue:
        return LinkCheck(invitation, REPLACED)
    if invitation.is_expired:
        return LinkCheck(invitation, EXPIRED)
    return LinkCheck(invitation, "")


# --- Inviting ---------------------------------------------------------------------------------


ALREADY_INVITED = "{email} has already been invited. Resend that invitation from the people page instead."


def check_may_invite(partnership: Partnership, email: str) -> None:
    """Refuse an invitation that would duplicate a current role or an open invitation."""
    membership = Membership.objects.filter(partnership=partnership, user__email__iexact=email).first()
    if membership is not None:
        if membership.ended_at:
            raise InvitationRefused(
                f"{email} was deactivated in this partnership. Reactivate them from the people page instead."
            )
        raise InvitationRefused(f"{email} already has a role in this partnership.")
    if Invitation.objects.open().filter(partnership=partnership, email__iexact=email).exists():
        raise InvitationRefused(ALREADY_INVITED.format(email=email))


def invite(
    *,
    partnership: Partnership,
    email: str,
    full_name: str,
    role: str,
    organisation: Organisation | None = None,
    named_as: str = "",
    by: User | None,
    request=None,
) -> Invitation:
    """Record the invitation and queue its email. Raises InvitationRefused for a duplicate."""
    from .invitation_emails import send_invitation  # here, as it imports this module for the link

    email = email.strip().lower()
    check_may_invite(partnership, email)
    try:
        # The invitation and its email are saved together: no email for an invitation that failed.
        with transaction.atomic():
            invitation = Invitation.objects.create(
                partnership=partnership,
                email=email,
                full_name=full_name.strip(),
                organisation=organisation,
                role=role,
                named_as=named_as,
                invited_by=by,
            )
            send_invitation(invitation)
    except IntegrityError:  # invited by someone else a moment ago, between the check and here
        raise InvitationRefused(ALREADY_INVITED.format(email=email)) from None
    security_event("invitation_sent", request=request, user=by, obj=invitation, role=role)
    return invitation


@transaction.atomic
def resend(invitation: Invitation, *, by: User, request=None) -> Invitation:
    """A new link, good for another SWP_INVITATION_DAYS; the old one stops working, and its email,
    if still waiting to go, is cancelled."""
    from .invitation_emails import cancel_emails, send_invitation

    if not invitation.is_open:
        raise InvitationRefused("This invitation was already accepted or withdrawn, so it cannot be resent.")
    cancel_emails(invitation)  # before the invitation's row, as the sender locks them in that order
    invitation.issue += 1
    invitation.issued_at = timezone.now()
    invitation.sent_at = invitation.send_failed_at = None
    invitation.save(update_fields=["issue", "issued_at", "sent_at", "send_failed_at"])
    send_invitation(invitation)
    security_event("invitation_resent", request=request, user=by, obj=invitation, role=invitation.role)
    return invitation


@transaction.atomic
def revoke(invitation: Invitation, *, by: User, request=None) -> None:
    """Withdraw the invitation: its link stops working and its email, if not gone yet, never goes."""
    from .invitation_emails import cancel_emails

    if not invitation.is_open:
        raise InvitationRefused("This invitation was already accepted or withdrawn.")
    cancel_emails(invitation)  # before the invitation's row, as the sender locks them in that order
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    security_event("invitation_revoked", request=request, user=by, obj=invitation, role=invitation.role)


# --- Accepting --------------------------------------------------------------------------------


def existing_account(invitation: Invitation) -> User | None:
    return User.objects.filter(email__iexact=invitation.email).first()


@transaction.atomic
def accept(
    invitation: Invitation, *, user: User | None = None, password: str | None = "", request=None
) -> User:
    """Close the invitation and give its role: to `user`, who already has an account (signed in as the
    invited address, or deactivated and choosing a new password), or to a new account with
    `password` (already checked by the form). With `password=None` (signing in with their own
    organisation's account) a new account gets no usable password and an existing one keeps its own."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:  # a second click on the same link, a moment later
        raise InvitationRefused(USED if invitation.accepted_at else REVOKED)
    if user is None:
        user = User.objects.create_user(
            email=invitation.email,
            password=password,
            full_name=invitation.full_name,
            organisation=invitation.organisation,
        )
    elif not user.is_active:  # deactivated everywhere before: the emailed link proves the address
        user.is_active = True
        if password is not None:
            user.set_password(password)
        user.save(update_fields=["is_active", "password"])
    Membership.objects.update_or_create(
        partnership=invitation.partnership, user=user, defaults={"role": invitation.role, "ended_at": None}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    security_event("invitation_accepted", request=request, user=user, obj=invitation, role=invitation.role)
    invitation_accepted.send(sender=Invitation, invitation=invitation, user=user)
    return user


def needs_two_factor(invitation: Invitation) -> bool:
    return invitation.role in MUST_USE_ROLES


# --- Deactivating and reactivating ------------------------------------------------------------

LAST_ADMIN = (
    "{name} is the partnership's only active admin, so they cannot be deactivated. "
    "Make someone else an admin first."
)


@transaction.atomic
def deactivate(membership: Membership, *, by: User, request=None) -> None:
    """End the role, keeping the row. The partnership's active admins are locked and counted first,
    so of two admins deactivating each other at once, the second waits and is then refused."""
    admins = list(
        Membership.objects.current()
        .select_for_update()
        .filter(partnership_id=membership.partnership_id, role=Role.ADMIN)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    membership = Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)
    if membership.ended_at:
        return
    if membership.pk in admins and len(admins) <= 1:
        raise InvitationRefused(LAST_ADMIN.format(name=membership.user.full_name or membership.user.email))
    membership.ended_at = timezone.now()
    membership.save(update_fields=["ended_at"])
    user = membership.user
    # Someone with no role left anywhere cannot sign in at all (a superuser keeps the Django admin).
    if not user.is_superuser and not Membership.objects.current().filter(user=user).exists():
        user.is_active = False
        user.save(update_fields=["is_active"])
    security_event("member_deactivated", request=request, user=by, obj=membership, role=membership.role)


@transaction.atomic
def reactivate(membership: Membership, *, by: User, request=None) -> None:
    membership = Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)
    if membership.ended_at is None:
        return
    membership.ended_at = None
    membership.save(update_fields=["ended_at"])
    if not membership.user.is_active:
        membership.user.is_active = True
        membership.user.save(update_fields=["is_active"])
    security_event("member_reactivated", request=request, user=by, obj=membership, role=membership.role)
