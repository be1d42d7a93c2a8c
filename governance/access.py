"""Which partnership a signed-in person is working in."""

from django.http import HttpRequest

from .models import Membership, Partnership

SESSION_KEY = "partnership_id"


def current_partnership(request: HttpRequest) -> Partnership | None:
    """The partnership this person works in: the one chosen this session, else their first."""
    if not request.user.is_authenticated:
        return None
    if not hasattr(request, "_current_partnership"):
        memberships = Membership.objects.filter(user=request.user).select_related("partnership")
        chosen = request.session.get(SESSION_KEY)
        membership = (chosen and memberships.filter(partnership_id=chosen).first()) or memberships.first()
        request._current_partnership = membership.partnership if membership else None
    return request._current_partnership
