"""The people page: a partnership admin invites people and manages who has a role (issue 15).

Who is invited, who is active and who was deactivated, with Resend, Revoke, Deactivate and
Reactivate. Nobody is ever deleted: their history stays. The rules are in governance/invitations.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import invitations
from .access import (
    get_invitation_for_admin,
    get_membership_for_admin,
    get_partnership_for_people,
)
from .models import Invitation, Membership, Role
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
        .alias(rank=ROLE_ORDER)
        .order_by("rank", "user__full_name", "user__email")
    )
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
