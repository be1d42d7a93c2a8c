"""Which partnership a signed-in person is working in, and the access helpers for governance pages.

404 for another partnership's meeting (the same as for one that doesn't exist), 403 for a member
whose role doesn't allow the change; each refusal is logged once (swp/access.py: not_found, forbidden).
Rules live in governance/rules.py.
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from swp.access import forbidden, not_found

from .models import Invitation, Meeting, Membership, Partnership
from .permissions import can
from .two_factor import must_use_two_factor

SESSION_KEY = "partnership_id"
NO_ROLE = "You do not have a role in any partnership yet."
KEEPERS_ONLY = "Only partnership admins and the board secretary keep the governance records."


def memberships_of(request: HttpRequest) -> list[Membership]:
    """The person's roles, one per partnership, fetched once per request."""
    if not request.user.is_authenticated:
        return []
    if not hasattr(request, "_memberships"):
        request._memberships = list(
            Membership.objects.current()
            .filter(user=request.user)
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


def get_current_partnership_for_user(
    request: HttpRequest, *, perm: str = "governance.view_plan_data"
) -> Partnership:
    """The partnership the person works in, if their role there has `perm`; 403 with no role at all."""
    partnership = current_partnership(request)
    if partnership is None or not can(request.user, perm, partnership):
        forbidden(request, NO_ROLE, obj=partnership)
    return partnership


def get_partnership_for_admin(request: HttpRequest, *, refusal: str) -> Partnership:
    """The person's partnership, for its admin only: 403 for any other role, saying `refusal`."""
    partnership = get_current_partnership_for_user(request)
    if not can(request.user, "governance.manage_partnership", partnership):
        forbidden(request, refusal, obj=partnership)
    return partnership


def get_partnership_for_user(request: HttpRequest, *, record: bool = False) -> Partnership:
    """The partnership whose governance records the person reads; with record=True, keeps. 403 otherwise."""
    partnership = get_current_partnership_for_user(request, perm="governance.view_governance")
    if record and not can(request.user, "governance.record_meetings", partnership):
        forbidden(request, KEEPERS_ONLY, obj=partnership)
    return partnership


def get_meeting_for_user(request: HttpRequest, pk: int, *, record: bool = False) -> Meeting:
    """A meeting of one of the person's partnerships (404 for others'); record=True to change it (403)."""
    meeting = get_object_or_404(Meeting.objects.select_related("board__partnership"), pk=pk)
    partnership = meeting.board.partnership
    if not can(request.user, "governance.view_governance", partnership):
        not_found(request, obj=meeting)
    if record and not can(request.user, "governance.record_meetings", partnership):
        forbidden(request, KEEPERS_ONLY, obj=meeting)
    return meeting


def check_two_factor_may_be_turned_off(request: HttpRequest) -> None:
    """403 for someone whose role (or staff status) requires two-factor authentication."""
    if must_use_two_factor(request.user):
        forbidden(request, "Your role needs two-factor authentication, so it cannot be turned off.")


PEOPLE_ADMINS_ONLY = "Only partnership admins invite and manage the partnership's people."
SITE_ADMINS_ONLY = "Only the installation's site administrators create partnerships."


def get_partnership_for_people(request: HttpRequest) -> Partnership:
    """The person's partnership, whose people they manage: its admins only (403 otherwise)."""
    partnership = get_current_partnership_for_user(request)
    if not can(request.user, "governance.manage_people", partnership):
        forbidden(request, PEOPLE_ADMINS_ONLY, obj=partnership)
    return partnership


def get_invitation_for_admin(request: HttpRequest, pk: int) -> Invitation:
    """An invitation to the admin's own partnership: 404 for another partnership's, 403 for non-admins."""
    invitation = get_object_or_404(Invitation.objects.select_related("partnership"), pk=pk)
    if not can(request.user, "governance.view_plan_data", invitation.partnership):
        not_found(request, obj=invitation)
    if not can(request.user, "governance.manage_people", invitation.partnership):
        forbidden(request, PEOPLE_ADMINS_ONLY, obj=invitation)
    return invitation


def get_membership_for_admin(request: HttpRequest, pk: int) -> Membership:
    """A role in the admin's own partnership: 404 for another partnership's, 403 for non-admins."""
    membership = get_object_or_404(Membership.objects.select_related("partnership", "user"), pk=pk)
    if not can(request.user, "governance.view_plan_data", membership.partnership):
        not_found(request, obj=membership)
    if not can(request.user, "governance.manage_people", membership.partnership):
        forbidden(request, PEOPLE_ADMINS_ONLY, obj=membership)
    return membership


def check_site_admin(request: HttpRequest) -> None:
    """Creating partnerships spans the installation, like the Django admin: superusers only."""
    if not (request.user.is_active and request.user.is_superuser):
        forbidden(request, SITE_ADMINS_ONLY)
