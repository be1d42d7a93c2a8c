"""Which partnership a signed-in person is working in."""

from django.http import HttpRequest

from .models import Membership, Partnership

SESSION_KEY = "partnership_id"


def memberships_of(request: HttpRequest) -> list[Membership]:
    """The person's roles, one per partnership, fetched once per request."""
    if not request.user.is_authenticated:
        return []
    if not hasattr(request, "_memberships"):
        request._memberships = list(
            Membership.objects.filter(user=request.user)
            .select_related("partnership")
            .order_by("partnership__name")
        )
    return request._memberships


def current_partnership(request: HttpRequest) -> Partnership | None:
    """The partnership this person works in: the one chosen this session, else their first."""
    memberships = memberships_of(request)
    chosen = request.session.get(SESSION_KEY)
    for membership in memberships:
        if membership.partnership_id == chosen:
            return membership.partnership
    return memberships[0].partnership if memberships else None


def choose_partnership(request: HttpRequest, partnership: Partnership) -> None:
    request.session[SESSION_KEY] = partnership.pk
