"""Resetting a forgotten password by email, limited, without saying who has an account.

The journey is Django's (PasswordResetForm's one-use token in a link, PasswordResetConfirmView), in
our layout and words. What we add:

- **The same answer for everyone.** Asking for a link records the request and queues the task that
  may send the email, then shows "check your email", whether or not the address has an account and
  whether or not it is over a limit: the same page, the same queries, and no email sent inside the
  request. The task, on the worker, decides whether there is anyone to email.
- **Limits** (SWP_RESETS_PER_ADDRESS and SWP_RESETS_PER_CLIENT in SWP_RESET_WINDOW_MINUTES): links
  queued for one address, and from one client address (swp.security_log.client_ip, as the sign-in
  lockout counts them), over the window. Counted in the database, so every web process sees the same
  counts. Two requests at the same instant can both be let through: the limit is there to stop a
  flood of emails, not to count exactly.
- **The security log:** `password_reset_requested` or `password_reset_limited` (with a keyed hash of
  the address, never the address), `password_reset_sent` (to an account), `password_reset_completed`
  and `password_reset_link_refused`. Choosing a new password lifts a sign-in lockout on the account.
- **Organisations that sign in their own people.** For an address whose domain an enabled provider
  covers, no link is sent (but to a superuser's break-glass password), and the page says to continue
  with the provider instead: what it says depends on the domain only, never on the account.
"""

import datetime
import logging
import urllib.parse

from axes.utils import reset as lift_lockout
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_tasks import task

from swp.security_log import client_ip, security_event
from swp.session_timeout import describe_duration

from .models import IdentityProvider, PasswordResetRequest
from .oidc import provider_for_email
from .password_forms import NewPasswordForm, ResetRequestForm

# The session key for the provider that signs in for the address a link was asked for, if any.
COVERING_PROVIDER = "password_reset_provider"


def _key(kind: str, value: str) -> str:
    return salted_hmac("governance.password_reset", f"{kind}:{value}", algorithm="sha256").hexdigest()


def address_key(email: str) -> str:
    """The keyed hash an address is counted and logged by; a shell with the secret key can match one."""
    return _key("address", email.strip().casefold())


def link_lasts() -> str:
    return describe_duration(settings.PASSWORD_RESET_TIMEOUT)


def request_reset(request):
    form = ResetRequestForm(request.POST or None)
    if form.is_valid():
        email = form.cleaned_data["email"]
        ask_for_link(request, email=email)
        # Said of the address's domain, never of an account: the sign-in page says as much already.
        provider = provider_for_email(email)
        if provider:
            request.session[COVERING_PROVIDER] = provider.pk
        else:
            request.session.pop(COVERING_PROVIDER, None)
        return redirect("password_reset_done")
    return render(request, "registration/password_reset_form.html", {"form": form})


def ask_for_link(request, *, email: str) -> None:
    """Record the request, over a limit or not, and queue the task that decides whether to email."""
    now = timezone.now()
    address, client = address_key(email), _key("client", client_ip(request))
    since = now - datetime.timedelta(minutes=settings.SWP_RESET_WINDOW_MINUTES)
    queued = PasswordResetRequest.objects.filter(
        Q(address_key=address) | Q(client_key=client), requested_at__gt=since, limited=False
    ).aggregate(
        address=Count("pk", filter=Q(address_key=address)), client=Count("pk", filter=Q(client_key=client))
    )
    if queued["address"] >= settings.SWP_RESETS_PER_ADDRESS:
        limit = "too many links asked for this address"
    elif queued["client"] >= settings.SWP_RESETS_PER_CLIENT:
        limit = "too many links asked for from this client address"
    else:
        limit = ""
    asked = PasswordResetRequest.objects.create(
        requested_at=now, address_key=address, client_key=client, limited=bool(limit)
    )
    if limit:
        security_event(
            "password_reset_limited", request=request, account=address, reason=limit, level=logging.WARNING
        )
    else:
        security_event("password_reset_requested", request=request, account=address)
    send_reset_link.enqueue(asked.pk, email)


@task()
def send_reset_link(request_id: int, email: str) -> str:
    """Email a reset link to the active account with this address, if there is one and the request
    was within the limits. Returns what it did, for the task's result."""
    window = datetime.timedelta(minutes=settings.SWP_RESET_WINDOW_MINUTES)
    PasswordResetRequest.objects.filter(requested_at__lt=timezone.now() - window).delete()
    if PasswordResetRequest.objects.filter(pk=request_id, limited=True).exists():
        return "limited"
    form = ResetRequestForm({"email": email})
    users = list(form.get_users(email)) if form.is_valid() else []
    if not users:
        return "no account"
    site = urllib.parse.urlsplit(settings.SITE_URL)
    form.save(
        domain_override=site.netloc,
        use_https=site.scheme == "https",
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.txt",
        html_email_template_name="registration/password_reset_email.html",
        extra_email_context={
            "site_url": settings.SITE_URL,
            "service_name": settings.SERVICE_NAME,
            "link_lasts": link_lasts(),
        },
    )
    for user in users:
        security_event("password_reset_sent", user=user)
    return "sent"


def link_sent(request):
    provider_id = request.session.pop(COVERING_PROVIDER, None)
    provider = IdentityProvider.objects.filter(pk=provider_id, enabled=True).first() if provider_id else None
    return render(
        request,
        "registration/password_reset_done.html",
        {"link_lasts": link_lasts(), "per_address": settings.SWP_RESETS_PER_ADDRESS, "provider": provider},
    )


class ChooseNewPassword(auth_views.PasswordResetConfirmView):
    """Django's page behind the emailed link (the token moves from the address into the session
    before the form shows), with our form, and the outcome in the security log."""

    form_class = NewPasswordForm

    def dispatch(self, *args, **kwargs):
        response = super().dispatch(*args, **kwargs)
        if not self.validlink and response.status_code == 200:
            security_event(
                "password_reset_link_refused",
                request=self.request,
                reason="the link is wrong, expired or already used",
                level=logging.WARNING,
            )
        return response

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "link_lasts": link_lasts()}

    def form_valid(self, form):
        response = super().form_valid(form)
        # Whoever holds the emailed link may choose the password, so a lockout of wrong guesses at
        # the old one no longer protects anything.
        lift_lockout(username=form.user.email)
        security_event("password_reset_completed", request=self.request, user=form.user)
        return response
