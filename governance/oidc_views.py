"""Signing in with your organisation's account: off to the provider, back to the callback, and out.

The callback reads the ID token's claims (Authlib has checked state, PKCE, nonce and the token's
signature) and keeps nothing of the tokens: only which provider signed the person in stays in the
session, for sign-out. Who may come in is decided in governance/federated_sign_in.py.
"""

import logging
from urllib.parse import urlencode

from authlib.integrations.base_client import MismatchingStateError
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from swp.security_log import security_event

from . import federated_sign_in as decisions
from . import two_factor
from .access import choose_partnership
from .models import IdentityProvider
from .oidc import asserts_mfa, client_for, end_session_endpoint

LOGIN_HINT = "swp_oidc_login_hint"  # the email typed on our sign-in page, offered to the provider
NEXT = "swp_oidc_next"
SIGNED_IN_WITH = "swp_oidc_provider"  # the provider's id: all that is kept of a federated sign-in
SIGNED_OUT_OF = "swp_oidc_signed_out_of"
BACKEND = "django.contrib.auth.backends.ModelBackend"

REFUSALS = {
    decisions.UNKNOWN_EMAIL: (
        "We could not find an invitation for you",
        "We could not find an invitation for {email}. Ask your partnership's admin to invite you.",
    ),
    decisions.DEACTIVATED: (
        "Your account has been switched off",
        "{provider} signed you in, but your account here has been switched off. If you still need it, "
        "ask your partnership admin to switch it back on.",
    ),
    decisions.UNVERIFIED_EMAIL: (
        "Your email address could not be confirmed",
        "{provider} did not confirm your email address, so we cannot sign you in with it. "
        "Ask your organisation's IT team to check your account, or ask your partnership admin.",
    ),
    decisions.WRONG_DOMAIN: (
        "You signed in with an account we cannot use here",
        "{provider} signed you in as {email}, which is not an address it signs in for here. "
        "Sign in again with your work account.",
    ),
    decisions.SUBJECT_TAKEN: (
        "Your account is linked to someone else here",
        "Your {provider} account is already linked to another person's account here. "
        "Ask your partnership admin to sort this out.",
    ),
    decisions.STATE_MISMATCH: (
        "Your sign-in could not be finished",
        "The sign-in did not start from this site, or was finished in another window or too late. "
        "Start again from the sign-in page.",
    ),
    decisions.PROVIDER_ERROR: (
        "Your sign-in could not be finished",
        "{provider} could not sign you in just now. Try again, or ask your organisation's IT team if it "
        "keeps happening.",
    ),
}


def _enabled_provider(slug: str) -> IdentityProvider:
    return get_object_or_404(IdentityProvider, slug=slug, enabled=True)


def _callback_url(request: HttpRequest, provider: IdentityProvider) -> str:
    return request.build_absolute_uri(reverse("oidc_callback", args=[provider.slug]))


@require_safe
def start(request: HttpRequest, slug: str) -> HttpResponse:
    provider = _enabled_provider(slug)
    next_url = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure())
    request.session[NEXT] = next_url if safe else ""
    hint = request.session.pop(LOGIN_HINT, "")
    try:
        return client_for(provider).authorize_redirect(
            request, _callback_url(request, provider), **({"login_hint": hint} if hint else {})
        )
    except Exception:  # noqa: BLE001 - the provider's discovery document could not be read
        return _refused(request, provider, decisions.PROVIDER_ERROR)


@require_safe
def callback(request: HttpRequest, slug: str) -> HttpResponse:
    provider = _enabled_provider(slug)
    if "error" in request.GET:  # the person cancelled, or the provider refused them
        return _refused(request, provider, decisions.PROVIDER_ERROR)
    try:
        token = client_for(provider).authorize_access_token(request)
    except MismatchingStateError:
        return _refused(request, provider, decisions.STATE_MISMATCH)
    except Exception:  # noqa: BLE001 - a bad code, a bad token or a provider that did not answer
        return _refused(request, provider, decisions.PROVIDER_ERROR)
    claims = dict(token.get("userinfo") or {})  # the ID token's claims; the tokens go no further
    if not claims:
        return _refused(request, provider, decisions.PROVIDER_ERROR)
    outcome = decisions.decide(provider=provider, claims=claims, request=request)
    if outcome.refusal:
        return _refused(request, provider, outcome.refusal, email=outcome.email, user=outcome.user)
    return _signed_in(request, provider, outcome, with_mfa=asserts_mfa(provider, claims))


def _signed_in(request, provider: IdentityProvider, outcome: decisions.Outcome, *, with_mfa: bool):
    next_url = request.session.pop(NEXT, "")
    if outcome.linked:
        security_event("federated_account_linked", request=request, user=outcome.user, obj=provider)
    login(request, outcome.user, backend=BACKEND)
    request.session[SIGNED_IN_WITH] = provider.pk
    if with_mfa:
        two_factor.trust_providers_second_factor(request)
    reason = "multi-factor" if with_mfa else "single factor"
    security_event("federated_sign_in", request=request, obj=provider, reason=reason)
    if outcome.invitation is not None:
        choose_partnership(request, outcome.invitation.partnership)
        messages.success(request, f"Welcome to {outcome.invitation.partnership.name}")
    return redirect(next_url or settings.LOGIN_REDIRECT_URL)


def _refused(request, provider: IdentityProvider, reason: str, *, email: str = "", user=None) -> HttpResponse:
    security_event(
        "federated_sign_in_refused",
        request=request,
        user=user,
        obj=provider,
        reason=reason,
        username=email,
        level=logging.WARNING,
    )
    title, message = REFUSALS[reason]
    context = {"title": title, "message": message.format(provider=provider.name, email=email)}
    return render(request, "registration/oidc_refused.html", context, status=403)


# --- Signing out ------------------------------------------------------------------------------


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    """Django's sign-out; after a federated sign-in, a page offering the provider's sign-out too."""
    provider_pk = request.session.get(SIGNED_IN_WITH)
    response = auth_views.LogoutView.as_view()(request)
    if provider_pk is None:
        return response
    request.session[SIGNED_OUT_OF] = provider_pk  # the new, signed-out session
    return redirect("signed_out")


@require_safe
def signed_out(request: HttpRequest) -> HttpResponse:
    provider = IdentityProvider.objects.filter(pk=request.session.get(SIGNED_OUT_OF), enabled=True).first()
    if provider is None:
        return redirect(settings.LOGOUT_REDIRECT_URL)
    endpoint = end_session_endpoint(provider)
    provider_sign_out = ""
    if endpoint:
        home = request.build_absolute_uri(reverse(settings.LOGOUT_REDIRECT_URL))
        separator = "&" if "?" in endpoint else "?"
        provider_sign_out = (
            endpoint
            + separator
            + urlencode({"client_id": provider.client_id, "post_logout_redirect_uri": home})
        )
    return render(
        request,
        "registration/signed_out.html",
        {"provider": provider, "provider_sign_out": provider_sign_out},
    )
