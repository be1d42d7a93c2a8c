"""The people page: a partnership admin invites people and manages who has a role (issue 15).

Who is invited, who is active and who was deactivated, with Resend, Revoke, Deactivate and
Reactivate. Nobody is ever deleted: their history stays. The rules are in governance/invitations.py.
"""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import federated_sign_in, invitations
from .access import (
    get_invitation_for_admin,
    get_membership_for_admin,
    get_partnership_for_people,
)
from .models import FederatedIdentity, IdentityProviderDomain, Invitation, Membership, Role
from .oidc import domain_of
from .people_forms import InviteForm

ROLE_ORDER = Case(
    *[When(role=value, then=Value(rank)) for rank, value in enumerate(Role.values)],
    output_field=IntegerField(),
)


@login_required
@require_safe
def people(request: HttpRequest) -> HttpResponse:
    partnership = get_partnership_for_people(request)
    memberships = list(
        Membership.objects.filter(partnership=partnership)
        .select_related("user__organisation")
        .prefetch_related(
            Prefetch("user__federated_identities", FederatedIdentity.objects.select_related("provider"))
        )
        .alias(rank=ROLE_ORDER)
        .order_by("rank", "user__full_name", "user__email")
    )
    describe_sign_in(memberships)
    invited = list(
        Invitation.objects.open()
        .filter(partnership=partnership)
        .select_related("organisation")
        .order_by("full_name", "email")
    )
    return render(
        request,
        "governance/people/index.html",
        {
            "partnership": partnership,
            "invited": invited,
            "active": [m for m in memberships if m.ended_at is None],
            "deactivated": [m for m in memberships if m.ended_at is not None],
        },
    )


def describe_sign_in(memberships: list[Membership]) -> None:
    """Set each membership's `signs_in_with`: the provider it is linked to, else the provider that will
    link it at the next sign-in (its email's domain), else a password. One query for the domains."""
    covering = dict(
        IdentityProviderDomain.objects.filter(provider__enabled=True).values_list("domain", "provider__name")
    )
    for membership in memberships:
        user = membership.user
        identities = user.federated_identities.all()
        membership.linked_providers = [identity.provider.name for identity in identities]  # to unlink
        in_use = [identity.provider.name for identity in identities if identity.provider.enabled]
        if in_use:
            membership.signs_in_with = f"Signs in with {' and '.join(in_use)}"
        elif domain_of(user.email) in covering and not user.is_superuser:
            membership.signs_in_with = f"Will sign in with {covering[domain_of(user.email)]}"
        else:
            membership.signs_in_with = "Signs in with a password"


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    partnership = get_partnership_for_people(request)
    form = InviteForm(request.POST or None, partnership=partnership)
    if form.is_valid():
        data = form.cleaned_data
        try:
            invitation = invitations.invite(
                partnership=partnership,
                email=data["email"],
                full_name=data["full_name"],
                role=data["role"],
                organisation=data["organisation"],
                by=request.user,
                request=request,
            )
        except invitations.InvitationRefused as refused:
            form.add_error("email", str(refused))
        else:
            messages.success(request, f"Invitation sent to {invitation.full_name} at {invitation.email}")
            return redirect("governance:people")
    return render(request, "governance/people/invite.html", {"form": form, "partnership": partnership})


def _act(request: HttpRequest, act, target, done: str) -> HttpResponse:
    """Do one of the buttons' actions; say what happened, or plainly why it could not be done."""
    try:
        act(target, by=request.user, request=request)
    except invitations.InvitationRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, done)
    return redirect("governance:people")


@login_required
@require_POST
def resend(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_invitation_for_admin(request, pk)
    return _act(request, invitations.resend, invitation, f"Invitation sent again to {invitation.email}")


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_invitation_for_admin(request, pk)
    return _act(request, invitations.revoke, invitation, f"Invitation to {invitation.email} withdrawn")


@login_required
@require_POST
def deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_membership_for_admin(request, pk)
    name = membership.user.full_name or membership.user.email
    return _act(request, invitations.deactivate, membership, f"{name} deactivated")


@login_required
@require_POST
def reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_membership_for_admin(request, pk)
    name = membership.user.full_name or membership.user.email
    return _act(request, invitations.reactivate, membership, f"{name} reactivated")


@login_required
@require_http_methods(["GET", "POST"])
def unlink(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then forget the person's link to their organisation's sign-in."""
    membership = get_membership_for_admin(request, pk)
    describe_sign_in([membership])
    if not membership.linked_providers:
        messages.error(
            request, f"{membership.user.full_name or membership.user.email} is not linked to a provider"
        )
        return redirect("governance:people")
    if request.method == "POST":
        federated_sign_in.unlink(membership=membership, by=request.user, request=request)
        name = membership.user.full_name or membership.user.email
        unlinked = f"{name} unlinked from {' and '.join(membership.linked_providers)}"
        if membership.user == request.user:  # stays signed in here, and nowhere else
            update_session_auth_hash(request, membership.user)
            messages.success(request, unlinked)
        else:
            messages.success(request, f"{unlinked} and signed out")
        return redirect("governance:people")
    return render(request, "governance/people/unlink.html", {"membership": membership})
