"""The two-factor pages: set up an authenticator app, give a code or a recovery code, manage it (SEC-10).

Who must use two-factor authentication, and the middleware that keeps everyone else out until they
have, are in governance/two_factor.py. Every outcome goes to the security log (two_factor_set_up,
two_factor_verified, two_factor_failed, recovery_code_used, ...) without the code or the key.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login

from swp.security_log import security_event

from . import two_factor
from .access import check_two_factor_may_be_turned_off
from .two_factor_forms import (
    AuthenticatorCodeForm,
    ConfirmAuthenticatorForm,
    NewRecoveryCodesForm,
    RecoveryCodeForm,
    TurnOffForm,
)

NEW_CODES = "swp_new_recovery_codes"  # shown once, on the page after they are made


def _next(request) -> str:
    """Where to go afterwards: a page on this site that asked for it, else the usual start page."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, require_https=request.is_secure()):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _with_next(request, name: str) -> str:
    next_url = request.POST.get("next") or request.GET.get("next")
    return two_factor.with_next(reverse(name), next_url)


def _signed_in_with(request, device) -> None:
    """The second factor is given: remember the device in the session, under a new session key."""
    otp_login(request, device)
    request.session.cycle_key()


def _log_failure(request, form, what: str) -> None:
    if form.outcome in ("wrong", "throttled"):
        reason = f"{what}: {'too many wrong codes' if form.outcome == 'throttled' else 'wrong code'}"
        security_event("two_factor_failed", request=request, reason=reason, level=logging.WARNING)


@login_required
def manage(request):
    user = request.user
    authenticator = two_factor.authenticator_of(user)
    recovery = two_factor.recovery_device_of(user)
    return render(
        request,
        "registration/two_factor/manage.html",
        {
            "authenticator": authenticator,
            "codes_left": recovery.token_set.count() if recovery else 0,
            "required": two_factor.must_use_two_factor(user),
            "requirement_on": settings.SWP_REQUIRE_TWO_FACTOR,
        },
    )


@login_required
def set_up(request):
    user = request.user
    if two_factor.authenticator_of(user) is not None:
        # Already set up: a code is what is missing, if anything.
        if two_factor.is_verified(request):
            return redirect("two_factor:manage")
        return redirect(_with_next(request, "two_factor:verify"))
    device = two_factor.pending_authenticator(user)
    form = ConfirmAuthenticatorForm(request.POST or None, user=user, device=device)
    if request.method == "POST":
        if form.is_valid():
            device.refresh_from_db()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            request.session[NEW_CODES] = two_factor.new_recovery_codes(user)
            _signed_in_with(request, device)
            request.session[two_factor.FACTS] = {
                **request.session.get(two_factor.FACTS, {}),
                "enrolled": True,
            }
            security_event(
                "two_factor_set_up", request=request, reason="authenticator app and recovery codes"
            )
            return redirect(_with_next(request, "two_factor:recovery_codes"))
        _log_failure(request, form, "set-up")
    return render(
        request,
        "registration/two_factor/set_up.html",
        {
            "form": form,
            "qr_code": two_factor.qr_code_svg(device),
            "secret": two_factor.secret_for_typing(device),
            "required": two_factor.must_use_two_factor(user) and settings.SWP_REQUIRE_TWO_FACTOR,
        },
    )


@login_required
def recovery_codes(request):
    """The new recovery codes, shown once: the session forgets them as the page is made."""
    codes = request.session.pop(NEW_CODES, None)
    if not codes:
        messages.info(request, "Recovery codes are shown only once. You can make new ones here.")
        return redirect("two_factor:manage")
    return render(
        request, "registration/two_factor/recovery_codes.html", {"codes": codes, "next_url": _next(request)}
    )


@login_required
def verify(request):
    user = request.user
    device = two_factor.authenticator_of(user)
    if device is None:  # taken away since sign-in (an admin reset it): set up again, if needed
        two_factor.remember_facts(request, user)
        if two_factor.state_of(request) == two_factor.SET_UP:
            return redirect(_with_next(request, "two_factor:set_up"))
        return redirect(_next(request))
    if two_factor.is_verified(request):
        return redirect(_next(request))
    form = AuthenticatorCodeForm(request.POST or None, user=user, device=device)
    if request.method == "POST":
        if form.is_valid():
            device.refresh_from_db()
            _signed_in_with(request, device)
            security_event("two_factor_verified", request=request, reason="authenticator app")
            return redirect(_next(request))
        _log_failure(request, form, "sign-in")
    return render(
        request,
        "registration/two_factor/verify.html",
        {"form": form, "recovery_url": _with_next(request, "two_factor:recovery")},
    )


@login_required
def recovery(request):
    user = request.user
    if two_factor.is_verified(request):
        return redirect(_next(request))
    device = two_factor.recovery_device_of(user)
    form = RecoveryCodeForm(request.POST or None, user=user, device=device)
    if request.method == "POST":
        if form.is_valid():
            device.refresh_from_db()
            _signed_in_with(request, device)
            left = device.token_set.count()
            security_event("recovery_code_used", request=request, reason=f"{left} recovery codes left")
            plural = "" if left == 1 else "s"
            note = f"You have {left} recovery code{plural} left."
            if left <= 3:
                note += " Make new recovery codes from your two-factor authentication page."
            messages.info(request, note)
            return redirect(_next(request))
        _log_failure(request, form, "recovery code")
    return render(
        request,
        "registration/two_factor/recovery.html",
        {"form": form, "verify_url": _with_next(request, "two_factor:verify")},
    )


def _confirmed_with_code(request, form_class, template: str):
    """A change to the person's second factor, confirmed with a code from their app (re-authentication)."""
    device = two_factor.authenticator_of(request.user)
    if device is None:
        return None, redirect("two_factor:manage")
    form = form_class(request.POST or None, user=request.user, device=device)
    if request.method == "POST":
        if form.is_valid():
            return form, None
        _log_failure(request, form, form.page_title.lower())
    return None, render(request, template, {"form": form})


@login_required
def new_recovery_codes(request):
    confirmed, response = _confirmed_with_code(
        request, NewRecoveryCodesForm, "registration/two_factor/confirm_change.html"
    )
    if response is not None:
        return response
    request.session[NEW_CODES] = two_factor.new_recovery_codes(request.user)
    security_event("recovery_codes_replaced", request=request)
    return redirect(two_factor.with_next(reverse("two_factor:recovery_codes"), reverse("two_factor:manage")))


@login_required
def turn_off(request):
    check_two_factor_may_be_turned_off(request)
    confirmed, response = _confirmed_with_code(
        request, TurnOffForm, "registration/two_factor/confirm_change.html"
    )
    if response is not None:
        return response
    two_factor.turn_off(request.user)
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    request.session[two_factor.FACTS] = {**request.session.get(two_factor.FACTS, {}), "enrolled": False}
    security_event("two_factor_turned_off", request=request)
    messages.success(request, "Two-factor authentication is now off.")
    return redirect("two_factor:manage")
