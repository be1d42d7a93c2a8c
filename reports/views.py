"""Public pages: anyone may read a published plan. No officer names are ever shown here."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from priorities.selectors import published_plans

from .access import get_published_plan
from .public import public_progress, you_told_us_we_did


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/home.html", {"plans": published_plans()})


def public_plan(request: HttpRequest, slug: str) -> HttpResponse:
    """The published plan with its progress as the board approved it, for residents."""
    plan = get_published_plan(slug)
    progress = public_progress(plan=plan)
    return render(
        request,
        "reports/public_plan.html",
        {
            "plan": plan,
            "partnership": plan.partnership,
            "aims": plan.aims.all(),
            "progress": progress,
            "findings": you_told_us_we_did(plan=plan),
        },
    )
