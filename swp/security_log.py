"""The security log (SEC-17): one JSON line per security event, with no secrets in it.

Call `security_event("pack_issued", request=request, obj=pack)` wherever something an
information-governance team would ask about happens: sign-ins and failures, lockouts, refused
access, imports, exports, issued packs, permission changes. Every record on the "swp.security"
logger is written by JsonFormatter as one line: UTC time, event, user id, IP, request id,
object and details. JSON escapes CR and LF, so a username like "x\\r\\nFAKE" cannot forge a second
line, and only the fields named here are ever written: never passwords, one-time codes or
session keys.
"""

import json
import logging
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

from django.conf import settings

logger = logging.getLogger("swp.security")
_request_id: ContextVar[str] = ContextVar("request_id", default="")
# What a caller may pass as details; anything else is dropped rather than risk logging a secret.
ALLOWED_DETAILS = {
    "username", "reason", "path", "method", "status", "rows", "format", "revision", "role", "url",
    "changes", "period", "partnership", "filename", "sha256", "account",
}  # fmt: skip


def client_ip(request) -> str:
    """The client's address, for the security log and for counting failed sign-ins (django-axes).

    Behind SWP_PROXY_COUNT trusted proxies, each appends the address it saw to X-Forwarded-For, so
    the client is that many entries from the end; anything further left was written by the client
    and cannot be trusted. With no proxy, REMOTE_ADDR is the client.
    """
    if request is None:
        return ""
    proxies = settings.SWP_PROXY_COUNT
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def security_event(event: str, *, request=None, user=None, obj=None, level=logging.INFO, **details) -> None:
    if user is None and request is not None:
        user = getattr(request, "user", None)
    record = {
        "event": event,
        "user_id": user.pk if user is not None and getattr(user, "is_authenticated", False) else None,
        "ip": client_ip(request),
        "request_id": getattr(request, "request_id", "") or _request_id.get(),
        "object": f"{obj._meta.label}:{obj.pk}" if obj is not None and hasattr(obj, "_meta") else None,
        **{key: str(value) for key, value in details.items() if key in ALLOWED_DETAILS},
    }
    if request is not None:
        record.setdefault("path", request.path)
        record.setdefault("method", request.method)
    logger.log(level, event, extra={"security": record})


class JsonFormatter(logging.Formatter):
    """Formats any record as one JSON line; security_event's fields when present."""

    def format(self, record: logging.LogRecord) -> str:
        data = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        fields = getattr(record, "security", None)
        if fields is not None:
            data.update(fields)
        else:  # a plain message on the security logger, such as the PDF fetcher's refusals
            data["event"] = "message"
            data["message"] = record.getMessage()
            data["request_id"] = _request_id.get()
        return json.dumps(data, ensure_ascii=True, default=str)


class RequestIdMiddleware:
    """Gives each request an id, on the request, in the log and in the X-Request-ID response header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = uuid.uuid4().hex
        token = _request_id.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


# The two reasons a refusal is logged with: an object of a partnership the person has no role in
# (shown as "not found", so ids cannot be probed), and a role that does not allow the change (403).
ANOTHER_PARTNERSHIP = "another partnership"
NOT_ALLOWED = "role does not allow it"


def log_refusal(request, *, reason: str, obj=None) -> None:
    """One `access_refused` line for a refused request, with the object when there is one.

    The access helpers call it before they raise Http404 or PermissionDenied, and the 403 handler
    (swp/errors.py) calls it for a PermissionDenied raised anywhere else. A refusal ends its request,
    so the first call wins and any later one is skipped: one line per refusal, with the details of
    the helper that knew the object.
    """
    if getattr(request, "_refusal_logged", False):
        return
    request._refusal_logged = True
    security_event("access_refused", request=request, obj=obj, reason=reason, level=logging.WARNING)


def log_refusal_as(event: str, request, *, reason: str, **details) -> None:
    """A refusal logged under its own event (`import_refused`, `export_refused`), standing for the
    request's one refusal line: the 403 handler's `access_refused` is then skipped."""
    request._refusal_logged = True
    security_event(event, request=request, reason=reason, level=logging.WARNING, **details)
