"""Access helpers for plan content: every staff view that shows a plan starts here."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from governance.access import current_partnership

from .models import Plan
from .selectors import current_plan


def get_current_plan_for_user(request: HttpRequest) -> Plan:
    """The plan of the partnership the person works in. 403 without a role; 404 with no plan yet."""
    partnership = current_partnership(request)
    if partnership is None or not request.user.has_perm("governance.view_plan_data", partnership):
        raise PermissionDenied("You do not have a role in any partnership yet.")
    plan = current_plan(partnership=partnership)
    if plan is None:
        raise Http404("This partnership has no plan yet.")
    return plan
