"""What goes into the security log by itself: sign-ins, sign-outs, failures and lockouts.

Plain receivers, connected with the project's other receivers in governance/apps.py. Kept apart
from swp/security_log.py, which the logging configuration imports before any app is loaded.
"""

import logging

from .security_log import security_event


def signed_in(sender, request, user, **kwargs) -> None:
    security_event("sign_in", request=request, user=user)


def signed_out(sender, request, user, **kwargs) -> None:
    security_event("sign_out", request=request, user=user)


def sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    # `credentials` has the password masked by Django, but only the username is ever written.
    username = credentials.get("username") or credentials.get("email") or ""
    security_event("sign_in_failed", request=request, username=username[:150], level=logging.WARNING)


def locked_out(sender, request, username, ip_address, **kwargs) -> None:
    security_event(
        "lockout",
        request=request,
        username=(username or "")[:150],
        reason="too many failed sign-ins",
        level=logging.WARNING,
    )
