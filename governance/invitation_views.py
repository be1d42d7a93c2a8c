"""Accepting an invitation: the emailed link, then choosing a password (or, with an account, a button).

As with Django's password reset, the link's token moves into the session and the page is shown at an
address without it, so the token does not leak in the Referer of anything the page loads. After
accepting, the person is signed in; whoever's role needs two-factor sign-in is held on its set-up
page by the two-factor middleware before anything else.
"""

import logging

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from swp.security_log import security_event

from . import invitations
from .access import choose_partnership
from .models import Role
from .people_forms import AcceptInvitationForm
from .two_factor import remember_facts

SESSION_TOKEN = "invitation_token"
BACKEND = "django.contrib.auth.backends.ModelBackend"


@require_safe
def invitation_link(request: HttpRequest, token: str) -> HttpResponse:
    request.session[SESSION_TOKEN] = token
    return redirect("invitation_accept")


@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest) -> HttpResponse:
    check = invitations.check_token(request.session.get(SESSION_TOKEN, ""))
    if check.problem:
        return _unusable(request, check)
    invitation = check.invitation
    account = invitations.existing_account(invitation)
    signed_in = request.user if request.user.is_authenticated else None
    if signed_in and signed_in.email.casefold() != invitation.email.casefold():
        return render(request, "governance/people/accept_signed_in_as_other.html", {"invitation": invitation})
    if account is not None and account.is_active:
        if signed_in is None:  # they sign in, and come back here: the token stays in the session
            return render(request, "governance/people/accept_sign_in_first.html", {"invitation": invitation})
        if request.method == "POST":
            return _accepted(request, invitation, user=signed_in)
        return render(request, "governance/people/accept_with_account.html", {"invitation": invitation})
    form = AcceptInvitationForm(request.POST or None, invitation=invitation)
    if form.is_valid():
        return _accepted(request, invitation, user=account, password=form.cleaned_data["new_password1"])
    return render(
        request,
        "governance/people/accept.html",
        {"form": form, "invitation": invitation, "two_factor": invitations.needs_two_factor(invitation)},
    )


def _accepted(request: HttpRequest, invitation, *, user, password: str = "") -> HttpResponse:
    try:
        user = invitations.accept(invitation, user=user, password=password, request=request)
    except invitations.InvitationRefused as refused:  # accepted or revoked a moment ago
        return _unusable(request, invitations.LinkCheck(invitation, str(refused)))
    request.session.pop(SESSION_TOKEN, None)
    if request.user.is_authenticated:
        remember_facts(request, user)  # the new role may need two-factor sign-in from now on
    else:
        login(request, user, backend=BACKEND)  # the sign-in signal notes the two-factor facts
    choose_partnership(request, invitation.partnership)
    messages.success(request, f"Welcome to {invitation.partnership.name}")
    # A new partnership's admin starts by inviting its people; everyone else where their role starts.
    return redirect("governance:people" if invitation.role == Role.ADMIN else "actions:start")


def _unusable(request: HttpRequest, check: invitations.LinkCheck) -> HttpResponse:
    security_event(
        "invitation_link_refused",
        request=request,
        obj=check.invitation,
        reason=check.problem,
        level=logging.WARNING,
    )
    return render(request, "governance/people/accept_unusable.html", {"problem": check.problem})
