"""Every page an error can land on, in plain words, with what to do next.

The handler for uncaught exceptions gives a generic page with a reference, never a traceback
(SEC-16). Django calls handler500 from inside its `except` block, so the exception is still in hand:
when it is the database being unreachable the person gets a 503 "unavailable" page instead of "a
problem", from whichever layer it came (a view, the session or the sign-in middleware).

The 403, the 400 (a request Django could not read), the failed CSRF check and django-axes' lockout
are refusals: each is logged once to the security log, with the reason and no detail of the request.
"""

import logging
import sys
import uuid
from urllib.parse import urlsplit

from axes.helpers import get_cool_off
from django.conf import settings
from django.core.exceptions import DisallowedHost, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults

from .security_log import NOT_ALLOWED, log_refusal
from .session_timeout import describe_duration

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


# What went wrong with a request Django could not read, as the 400 page and the security log put it.
UNREADABLE = {
    "host": "host not allowed",
    "too big": "request too large",
    "upload": "upload could not be read",
    "other": "request could not be read",
}


def _unreadable(exception: Exception) -> str:
    if isinstance(exception, DisallowedHost):
        return "host"
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent):
        return "too big"
    if isinstance(exception, MultiPartParserError):
        return "upload"  # in practice a file name too long for the part's headers (over 1,024 bytes)
    return "other"


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The 400 page: a bad Host header, a request over Django's size or field limits, an upload whose
    file name is too long to read, or anything else Django refuses as a bad request (with DEBUG off;
    an unreadable upload comes here with DEBUG on too)."""
    problem = _unreadable(exception)
    log_refusal(request, reason=f"bad request: {UNREADABLE[problem]}")
    context = {"problem": problem}
    if problem == "host" or not hasattr(request, "user"):
        # Refused before sign-in was read, and for a bad Host before anything else was: nothing of the
        # request goes into the page (not its host, session or user), so nothing can be made to
        # depend on a Host header someone chose.
        html = loader.render_to_string("400.html", {**context, "service_name": settings.SERVICE_NAME})
    else:
        html = loader.render_to_string("400.html", context, request=request)
    return HttpResponseBadRequest(html)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: what happened and how to get back to the form, where the browser has kept
    what the person typed (static/js/keep-typed-text.js)."""
    log_refusal(request, reason=f"CSRF check failed: {reason}")
    return render(request, "403_csrf.html", {"back_to": _page_before(request)}, status=403)


def _page_before(request: HttpRequest) -> str:
    """The page the form was on: the Referer, if it is this site's, else the page posted to (most of
    our forms post to their own page)."""
    referer = request.headers.get("Referer", "")
    if url_has_allowed_host_and_scheme(referer, {request.get_host()}, require_https=request.is_secure()):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return request.path


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: django-axes' lockout page, with the cool-off in words ("15 minutes",
    "1 hour", "90 minutes") where axes gives its templates an ISO 8601 duration ("PT15M")."""
    cool_off = get_cool_off(request)
    words = describe_duration(int(cool_off.total_seconds())) if cool_off else ""
    return render(
        request, "registration/locked_out.html", {"cool_off": words}, status=settings.AXES_HTTP_RESPONSE_CODE
    )
