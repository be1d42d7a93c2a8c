"""The handler for uncaught exceptions: a generic page with a reference, never a traceback (SEC-16).

Django calls handler500 from inside its `except` block, so the exception is still in hand: when it
is the database being unreachable the person gets a 503 "unavailable" page instead of "a problem",
from whichever layer it came (a view, the session or the sign-in middleware).
"""

import logging
import sys
import uuid

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views import defaults

from .security_log import NOT_ALLOWED, log_refusal

logger = logging.getLogger("swp.errors")
DATABASE_DOWN = (OperationalError, InterfaceError)


def server_error(request: HttpRequest) -> HttpResponse:
    reference = uuid.uuid4().hex[:12]
    error = sys.exc_info()[1]
    database_down = isinstance(error, DATABASE_DOWN)
    # Django has already logged the traceback; this line ties it to what the person was shown.
    logger.error(
        "Served a %s page, reference %s, for %s",
        503 if database_down else 500,
        reference,
        type(error).__name__,
    )
    template = "503.html" if database_down else "500.html"
    response = HttpResponse(loader.render_to_string(template, {"reference": reference}), status=500)
    if database_down:
        response.status_code = 503
        response["Retry-After"] = "60"
    return response


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The 403 page. An access helper has usually logged the refusal already; if not, it is logged here."""
    log_refusal(request, reason=NOT_ALLOWED)
    return defaults.permission_denied(request, exception)
