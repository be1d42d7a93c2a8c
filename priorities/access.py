"""Access helpers for plan content: every view that shows or changes a plan starts here.

404 for another partnership's objects (the same as for ones that don't exist); 403 for a
member whose role doesn't allow the change. Each refusal is logged once
(swp/access.py: not_found, forbidden). Rules live in priorities/rules.py.
"""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from governance.access import get_current_partnership_for_user
from governance.permissions import can
from swp.access import forbidden, not_found

from .models import Measure, Plan, ReportingPeriod
from .selectors import current_plan


def get_current_plan_for_user(request: HttpRequest) -> Plan:
    """The plan of the partnership the person works in. 403 without a role; 404 with no plan yet."""
    partnership = get_current_partnership_for_user(request)
    plan = current_plan(partnership=partnership)
    if plan is None:
        raise Http404("This partnership has no plan yet.")
    return plan


def _check(request: HttpRequest, perm: str | None, obj) -> None:
    if not can(request.user, "priorities.view_plan_content", obj):
        not_found(request, obj=obj)
    if perm and not can(request.user, perm, obj):
        forbidden(request, "Your role does not allow this.", obj=obj)


def get_plan_for_user(request: HttpRequest, pk: int) -> Plan:
    """Any plan of the partnership the person works in (403 without a role); 404 for any other plan."""
    partnership = get_current_partnership_for_user(request)
    plan = get_object_or_404(Plan.objects.select_related("partnership"), pk=pk)
    if plan.partnership_id != partnership.pk:
        not_found(request, obj=plan)
    return plan


def get_period_for_user(request: HttpRequest, pk: int, *, manage: bool = False) -> ReportingPeriod:
    period = get_object_or_404(
        ReportingPeriod.objects.select_related("plan__partnership", "meeting__board"), pk=pk
    )
    _check(request, "priorities.manage_period" if manage else None, period)
    return period


def get_measure_and_period_for_user(
    request: HttpRequest, pk: int, period_pk: int, *, write: bool = False
) -> tuple[Measure, ReportingPeriod]:
    measure = get_object_or_404(Measure.objects.select_related("priority__plan__partnership"), pk=pk)
    _check(request, "priorities.enter_reading" if write else None, measure)
    period = get_object_or_404(ReportingPeriod, pk=period_pk, plan=measure.priority.plan)
    return measure, period
