"""What goes into the security log by itself: sign-ins, sign-outs, failures and lockouts.

Connected when the governance app is ready (governance/apps.py). Kept apart from
swp/security_log.py, which the logging configuration imports before any app is loaded.
"""

import logging

from axes.signals import user_locked_out
from django.contrib.auth import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .security_log import security_event


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    security_event("sign_in", request=request, user=user)


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    security_event("sign_out", request=request, user=user)


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    # `credentials` has the password masked by Django, but only the username is ever written.
    username = credentials.get("username") or credentials.get("email") or ""
    security_event("sign_in_failed", request=request, username=username[:150], level=logging.WARNING)


@receiver(user_locked_out)
def _locked_out(sender, request, username, ip_address, **kwargs):
    security_event(
        "lockout",
        request=request,
        username=(username or "")[:150],
        reason="too many failed sign-ins",
        level=logging.WARNING,
    )
