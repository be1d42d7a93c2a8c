"""The dashboard, and the partner and theme pages it links to. Read only: any member may see them."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from governance.models import Organisation
from priorities.access import get_current_plan_for_user
from priorities.models import Plan, ReportingPeriod, Theme

from . import dashboard as read

QUARTER = "quarter"


def _period_or_404(plan: Plan, request: HttpRequest) -> tuple[ReportingPeriod, list[ReportingPeriod]]:
    period, periods = read.choose_period(plan, request.GET.get(QUARTER))
    if period is None:
        raise Http404("No quarter of this plan has opened yet.")
    return period, periods


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    plan = get_current_plan_for_user(request)
    period, periods = read.choose_period(plan, request.GET.get(QUARTER))
    if period is None:
        return render(request, "reports/dashboard/no_quarter.html", {"plan": plan})
    board = read.dashboard(plan=plan, period=period, periods=periods)
    return render(request, "reports/dashboard/dashboard.html", {"plan": plan, "board": board})


@login_required
def partner(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_current_plan_for_user(request)  # 403 without a role in the partnership
    organisation = get_object_or_404(Organisation, pk=pk, partnership_id=plan.partnership_id)
    period, periods = _period_or_404(plan, request)
    pack, progress = read.partner_view(plan=plan, period=period, organisation=organisation)
    return render(
        request,
        "reports/dashboard/partner.html",
        {
            "plan": plan,
            "organisation": organisation,
            "pack": pack,
            "partner": progress,
            "periods": periods,
            "period": period,
            "query": urlencode({"organisation": organisation.pk, "quarter": period.pk}),
        },
    )


@login_required
def theme(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_current_plan_for_user(request)
    theme = get_object_or_404(Theme.objects.select_related("plan"), pk=pk, plan=plan)
    period, periods = _period_or_404(theme.plan, request)
    view = read.theme_view(theme=theme, period=period)
    return render(
        request,
        "reports/dashboard/theme.html",
        {
            "plan": theme.plan,
            "theme": theme,
            "view": view,
            "periods": periods,
            "period": period,
            "query": urlencode({"theme": theme.pk, "quarter": period.pk}),
        },
    )
