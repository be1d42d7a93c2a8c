"""Access helpers for board packs: every pack view starts with one.

404 for another partnership's quarter or pack (the same as for one that doesn't exist), 403
for a member whose role may read packs but not issue them. Rules live in reports/rules.py.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from governance.permissions import can
from priorities.access import get_current_plan_for_user
from priorities.models import Plan, ReportingPeriod
from swp.security_log import refused_as_not_found

from .models import IssuedPack

ISSUERS_ONLY = "Only the board secretary and partnership admins preview and issue board packs."


def _check(request: HttpRequest, obj, *, issue: bool) -> None:
    if not can(request.user, "reports.view_packs", obj):
        refused_as_not_found(request, obj)
        raise Http404("Not found.")
    if issue and not can(request.user, "reports.issue_pack", obj):
        raise PermissionDenied(ISSUERS_ONLY)


def get_plan_for_packs(request: HttpRequest) -> Plan:
    """The current plan of the person's partnership (403 without a role, 404 with no plan yet)."""
    plan = get_current_plan_for_user(request)
    _check(request, plan, issue=False)
    return plan


def get_period_for_packs(request: HttpRequest, pk: int, *, issue: bool = False) -> ReportingPeriod:
    period = get_object_or_404(
        ReportingPeriod.objects.select_related("plan__partnership", "meeting__board"), pk=pk
    )
    _check(request, period, issue=issue)
    return period


def get_issued_pack_for_user(request: HttpRequest, pk: int, *, issue: bool = False) -> IssuedPack:
    pack = get_object_or_404(
        IssuedPack.objects.defer("read_model").select_related(
            "plan__partnership", "period", "meeting__board", "issued_by"
        ),
        pk=pk,
    )
    _check(request, pack, issue=issue)
    return pack
