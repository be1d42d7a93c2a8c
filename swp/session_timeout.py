"""The idle timeout and the absolute session lifetime (SEC-09, A11Y-09).

The session keeps two stamps (seconds since the epoch): when the person signed in and when they
last made a request. A request after SWP_IDLE_TIMEOUT_SECONDS without one, or after
SWP_SESSION_MAX_SECONDS since signing in, signs them out, writes `session_expired` to the security
log and sends them to the sign-in page with a plain message. The last-activity stamp is written at
most once a minute (or a thirtieth of the timeout, if that is shorter), so most requests do not
save the session.

Pages for a signed-in person include templates/includes/session_timeout.html, which gives
static/js/session-timeout.js the idle time and when the session ends at the latest (the same on
every page, so pages stay comparable). The script asks `session:status` for the seconds really left
and warns SWP_IDLE_WARNING_SECONDS before the end; only a person's own action ("Stay signed in",
or Escape) extends the session, by a POST to `session:extend`. Asking `session:status` does not count
as activity; the script asks so that a person active in another tab is not signed out here.
"""

import logging
import math
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from .security_log import security_event

LAST_ACTIVITY = "swp_last_activity"
SIGNED_IN_AT = "swp_signed_in_at"


def idle_timeout() -> int:
    return settings.SWP_IDLE_TIMEOUT_SECONDS


def describe_duration(seconds: int) -> str:
    """30 minutes, 1 hour, 12 hours, 8 seconds: for messages people read."""
    for unit, size in (("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{seconds} second{'s' if seconds != 1 else ''}"


def _stamp_interval() -> float:
    """How stale the last-activity stamp may be: the warning's first check allows for this."""
    return min(60.0, idle_timeout() / 30, settings.SWP_IDLE_WARNING_SECONDS / 4)


def seconds_left(request: HttpRequest, now: float | None = None) -> int:
    """How long the signed-in session has before it is signed out, whichever limit comes first."""
    now = time.time() if now is None else now
    session = request.session
    idle_left = session.get(LAST_ACTIVITY, now) + idle_timeout() - now
    lifetime_left = session.get(SIGNED_IN_AT, now) + settings.SWP_SESSION_MAX_SECONDS - now
    return max(0, math.ceil(min(idle_left, lifetime_left)))


def stamp_sign_in(sender, request, user, **kwargs) -> None:
    """Receives user_logged_in (connected in governance/apps.py)."""
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_ACTIVITY] = now


def session_started(request) -> float:
    return request.session.get(SIGNED_IN_AT, time.time())


def _not_stamped() -> set[str]:  # URLs can be reversed only once the URLconf is loaded
    return {reverse("session:status"), reverse("session:extend")}


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


class IdleTimeoutMiddleware:
    """Signs out a session left idle too long, or signed in for too long; else records the activity."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            response = self.check(request)
            if response is not None:
                return response
            # For templates/includes/session_timeout.html: the warning's timing.
            warning = settings.SWP_IDLE_WARNING_SECONDS
            # The same on every page of a session (nothing that changes from one request to the next).
            request.session_timeout = {
                "idle_seconds": idle_timeout(),
                "ends_at": int(session_started(request) + settings.SWP_SESSION_MAX_SECONDS),
                "warning_seconds": warning,
                "warning_text": describe_duration(warning),
            }
        return self.get_response(request)

    def check(self, request):
        session, now = request.session, time.time()
        last = session.get(LAST_ACTIVITY)
        if last is None:  # a session from before this was deployed
            session[LAST_ACTIVITY] = session[SIGNED_IN_AT] = now
            return None
        if now - last >= idle_timeout():
            return self.expire(request, f"after {describe_duration(idle_timeout())} without activity")
        if now - session.get(SIGNED_IN_AT, now) >= settings.SWP_SESSION_MAX_SECONDS:
            return self.expire(request, f"because you signed in {settings.SWP_SESSION_MAX_HOURS} hours ago")
        # Asking how long is left is not activity, and "Stay signed in" stamps it itself once its
        # CSRF check has passed: only a person's own requests keep the session.
        if request.path not in _not_stamped() and now - last >= _stamp_interval():
            session[LAST_ACTIVITY] = now
        return None

    def expire(self, request, why: str):
        security_event("session_expired", request=request, reason=why, level=logging.INFO)
        logout(request)
        messages.info(request, f"You were signed out {why}. Sign in again to carry on.")
        if wants_json(request):
            return JsonResponse({"signed_in": False, "seconds_left": 0}, status=401)
        return redirect_to_login(request.get_full_path() if request.method == "GET" else request.path)


def _answer(request, *, extended: bool):
    if not request.user.is_authenticated:
        if wants_json(request):
            return JsonResponse({"signed_in": False, "seconds_left": 0}, status=401)
        return redirect_to_login(reverse("actions:start"))
    if extended:
        request.session[LAST_ACTIVITY] = time.time()
    if wants_json(request) or not extended:
        return JsonResponse({"signed_in": True, "seconds_left": seconds_left(request)})
    # Without JavaScript the warning never shows, but a posted form still works: back to the page.
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        next_url = reverse("actions:start")
    return redirect(next_url)


@never_cache
def extend(request):
    """ "Stay signed in": POST only, with the CSRF token, for a signed-in person."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return _answer(request, extended=True)


@never_cache
def status(request):
    """How many seconds the session has left; asking does not extend it."""
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return _answer(request, extended=False)
