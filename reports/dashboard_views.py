"""The dashboard, and the partner and theme pages it links to. Read only: any member may see them."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from priorities.access import get_current_plan_for_user

from . import dashboard as read
from .access import QUARTER, get_partner_for_user, get_quarter_for_user, get_theme_for_user


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
    plan, organisation = get_partner_for_user(request, pk)
    period, periods = get_quarter_for_user(request, plan)
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
    theme = get_theme_for_user(request, pk)
    period, periods = get_quarter_for_user(request, theme.plan)
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
