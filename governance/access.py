"""Which partnership a signed-in person is working in."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from .models import Meeting, Membership, Partnership
from .permissions import can

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


def get_partnership_for_user(request: HttpRequest, *, record: bool = False) -> Partnership:
    """The partnership whose governance records the person reads; with record=True, keeps. 403 otherwise."""
    partnership = current_partnership(request)
    if partnership is None or not can(request.user, "governance.view_governance", partnership):
        raise PermissionDenied("You do not have a role in any partnership yet.")
    if record and not can(request.user, "governance.record_meetings", partnership):
        raise PermissionDenied("Only partnership admins and the board secretary keep the governance records.")
    return partnership


def get_meeting_for_user(request: HttpRequest, pk: int, *, record: bool = False) -> Meeting:
    """A meeting of one of the person's partnerships (404 for others'); record=True to change it (403)."""
    meeting = get_object_or_404(Meeting.objects.select_related("board__partnership"), pk=pk)
    partnership = meeting.board.partnership
    if not can(request.user, "governance.view_governance", partnership):
        raise Http404("Not found.")
    if record and not can(request.user, "governance.record_meetings", partnership):
        raise PermissionDenied("Only partnership admins and the board secretary keep the governance records.")
    return meeting
