"""How an access helper refuses a request: the refusal logged once, with its object, then 404 or 403.

Another partnership's object is "not found", the same answer as for one that does not exist, so ids
cannot be probed; a member whose role does not allow something gets 403 and a sentence saying why.
Each app's access.py decides whether to refuse; these say how, so the reason logged always matches
the answer given.
"""

from typing import NoReturn

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from .security_log import ANOTHER_PARTNERSHIP, NOT_ALLOWED, log_refusal


def not_found(request: HttpRequest, *, obj, message: str = "Not found.") -> NoReturn:
    log_refusal(request, obj=obj, reason=ANOTHER_PARTNERSHIP)
    raise Http404(message)


def forbidden(request: HttpRequest, refusal: str, *, obj=None) -> NoReturn:
    log_refusal(request, obj=obj, reason=NOT_ALLOWED)
    raise PermissionDenied(refusal)
