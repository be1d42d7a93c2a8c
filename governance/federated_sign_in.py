"""Who a provider's sign-in lets in: only people already invited here, or with an account here.

Given an ID token's claims (already validated by Authlib: signature, issuer, audience, expiry, nonce),
decide whose account it signs in to, or why nobody's. Nobody gets an account by signing in:

1. The provider must vouch for the email (`email_verified` true, or Entra ID's `xms_edov` true), and
   the email's domain must be one the provider signs in for here: a provider cannot speak for
   another organisation's addresses.
2. A subject linked before signs in to its linked account, even after an email change; a subject
   whose email now belongs to someone else's account, or an account linked to another subject at
   the same provider, is refused (subject_taken) rather than guessed at.
3. Otherwise the account with that email (case-insensitively). Open, unexpired invitations for
   the address are accepted as the invitation page would, but with no password of ours.
4. No account then: unknown_email. An account switched off (inactive, or with no current role)
   is refused (deactivated) even though the provider accepted the person.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from swp.security_log import security_event

from . import invitations
from .models import FederatedIdentity, IdentityProvider, Invitation, Membership, User
from .oidc import covers

UNVERIFIED_EMAIL = "unverified_email"
WRONG_DOMAIN = "wrong_domain"
SUBJECT_TAKEN = "subject_taken"
UNKNOWN_EMAIL = "unknown_email"
DEACTIVATED = "deactivated"
# Refused before any claims are read (governance/oidc_views.py).
STATE_MISMATCH = "state_mismatch"
PROVIDER_ERROR = "provider_error"


@dataclass(frozen=True)
class Outcome:
    email: str
    user: User | None = None
    refusal: str = ""  # one of the reason words above; empty when the person may sign in
    linked: bool = False  # this sign-in linked the provider's subject to the account
    invitation: Invitation | None = None  # the last invitation this sign-in accepted


def decide(*, provider: IdentityProvider, claims: dict, request=None) -> Outcome:
    email = str(claims.get("email") or "").strip().lower()
    subject = str(claims.get("sub") or "")
    if not email_vouched_for(claims):
        return Outcome(email, refusal=UNVERIFIED_EMAIL)
    if not subject or not covers(provider, email):
        return Outcome(email, refusal=WRONG_DOMAIN)
    try:
        with transaction.atomic():
            return _sign_in(provider=provider, email=email, subject=subject, request=request)
    except IntegrityError:  # the same subject linked a moment ago by a sign-in running beside this one
        return Outcome(email, refusal=SUBJECT_TAKEN)


def _sign_in(*, provider: IdentityProvider, email: str, subject: str, request) -> Outcome:
    identities = FederatedIdentity.objects.select_related("user")
    identity = identities.filter(provider=provider, subject=subject).first()
    by_email = User.objects.filter(email__iexact=email).first()
    if identity is not None:
        user = identity.user
        if by_email is not None and by_email != user:
            return Outcome(email, refusal=SUBJECT_TAKEN)
    else:
        user = by_email
        if user is not None and FederatedIdentity.objects.filter(provider=provider, user=user).exists():
            return Outcome(email, refusal=SUBJECT_TAKEN)
    accepted = None
    for invitation in open_invitations_for(email):
        user = invitations.accept(invitation, user=user, password=None, request=request)
        accepted = invitation
    if user is None:
        return Outcome(email, refusal=UNKNOWN_EMAIL)
    if not is_active_here(user):
        return Outcome(email, user=user, refusal=DEACTIVATED)
    if identity is None:
        FederatedIdentity.objects.create(user=user, provider=provider, subject=subject)
    return Outcome(email, user=user, linked=identity is None, invitation=accepted)


def email_vouched_for(claims: dict) -> bool:
    """`email_verified` true; or, from Microsoft Entra ID, which sends no email_verified for work
    accounts, its optional claim `xms_edov` true: the email's domain is one the tenant has proved it
    owns. The provider's domains here must still cover the address (see decide)."""
    return claims.get("email_verified") is True or claims.get("xms_edov") is True


def open_invitations_for(email: str) -> list[Invitation]:
    candidates = Invitation.objects.open().filter(email__iexact=email).select_related("partnership")
    return [invitation for invitation in candidates.order_by("created_at") if not invitation.is_expired]


def is_active_here(user: User) -> bool:
    """Switched on, and with a current role somewhere (a superuser needs none: the Django admin)."""
    if not user.is_active:
        return False
    return user.is_superuser or Membership.objects.current().filter(user=user).exists()


@transaction.atomic
def unlink(*, membership: Membership, by: User, request=None) -> list[str]:
    """Forget which provider accounts the person signs in with, and sign them out everywhere; the
    names of those providers.

    Their next sign-in through a provider links afresh by verified email, as a first sign-in does: for
    a provider account linked to the wrong person, or a person whose organisation gave them a new one.
    Whoever is signed in through the forgotten link is signed out: it may be the wrong person."""
    identities = list(FederatedIdentity.objects.filter(user=membership.user).select_related("provider"))
    if identities:
        membership.user.sign_out_everywhere()
    for identity in identities:
        identity.delete()
        security_event(
            "federated_account_unlinked",
            request=request,
            user=by,
            obj=membership,
            account=identity.provider.slug,
        )
    return [identity.provider.name for identity in identities]
