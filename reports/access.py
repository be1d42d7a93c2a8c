"""Access helpers for board packs, the dashboard's pages and the public plan: every reports view starts here.

404 for another partnership's quarter, pack, partner or theme (the same as for one that doesn't
exist), 403 for a member whose role may read packs but not issue them. Each refusal is logged
once (swp/access.py: not_found, forbidden). Rules live in reports/rules.py.
"""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from governance.models import Organisation
from governance.permissions import can
from priorities.access import get_current_plan_for_user
from priorities.models import Plan, ReportingPeriod, Theme
from priorities.selectors import published_plan
from swp.access import forbidden, not_found

from .dashboard import choose_period
from .models import IssuedPack

ISSUERS_ONLY = "Only the board secretary and partnership admins preview and issue board packs."
QUARTER = "quarter"  # the query parameter that picks the quarter on the dashboard's pages


def _check(request: HttpRequest, obj, *, issue: bool) -> None:
    if not can(request.user, "reports.view_packs", obj):
        not_found(request, obj=obj)
    if issue and not can(request.user, "reports.issue_pack", obj):
        forbidden(request, ISSUERS_ONLY, obj=obj)


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


def get_pack_to_download(request: HttpRequest, pk: int) -> IssuedPack:
    """An issued pack: one still being made, or that failed, has no file to download (404)."""
    pack = get_issued_pack_for_user(request, pk)
    if not pack.is_issued:
        raise Http404("This pack has not been issued.")
    return pack


# The dashboard's partner and theme pages -------------------------------------------------------


def get_partner_for_user(request: HttpRequest, pk: int) -> tuple[Plan, Organisation]:
    """The current plan and one of its partnership's organisations (403 without a role, 404 for others)."""
    plan = get_current_plan_for_user(request)
    organisation = get_object_or_404(Organisation, pk=pk)
    if organisation.partnership_id != plan.partnership_id:
        not_found(request, obj=organisation)
    return plan, organisation


def get_theme_for_user(request: HttpRequest, pk: int) -> Theme:
    """A theme of the current plan (403 without a role); 404 for any other, logged if elsewhere's."""
    plan = get_current_plan_for_user(request)
    theme = get_object_or_404(Theme.objects.select_related("plan"), pk=pk)
    if theme.plan.partnership_id != plan.partnership_id:
        not_found(request, obj=theme)
    if theme.plan_id != plan.pk:
        raise Http404("Not found.")  # one of the partnership's other plans: not a refusal, so not logged
    return theme


def get_quarter_for_user(request: HttpRequest, plan: Plan) -> tuple[ReportingPeriod, list[ReportingPeriod]]:
    """The quarter asked for (?quarter=), else the current one, and the choosable ones; 404 before any."""
    period, periods = choose_period(plan, request.GET.get(QUARTER))
    if period is None:
        raise Http404("No quarter of this plan has opened yet.")
    return period, periods


# The public pages ------------------------------------------------------------------------------


def get_published_plan(slug: str) -> Plan:
    """A partnership's latest published plan, for anyone; 404 when it has none."""
    plan = published_plan(partnership_slug=slug)
    if plan is None:
        raise Http404("No published plan for this partnership.")
    return plan
