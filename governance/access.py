"""Which partnership a signed-in person is working in, and the checks every view starts with."""

from django.http import Http404, HttpRequest

from .models import Membership, Partnership

SESSION_KEY = "partnership_id"


def current_partnership(request: HttpRequest) -> Partnership | None:
    """The partnership this person is working in: the one chosen this session, else their first."""
    if not request.user.is_authenticated:
        return None
    if hasattr(request, "_current_partnership"):
        return request._current_partnership
    memberships = Membership.objects.filter(user=request.user).select_related("partnership")
    chosen = request.session.get(SESSION_KEY)
    membership = (chosen and memberships.filter(partnership_id=chosen).first()) or memberships.first()
    request._current_partnership = membership.partnership if membership else None
    return request._current_partnership


def get_membership_for_user(request: HttpRequest) -> Membership:
    """The person's membership of the partnership they are working in; 404 if they have none."""
    partnership = current_partnership(request)
    if partnership is None:
        raise Http404("You are not a member of any partnership.")
    return Membership.objects.select_related("partnership").get(partnership=partnership, user=request.user)
