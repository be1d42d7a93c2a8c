"""Public pages: anyone may read a published plan. No officer names are ever shown here."""

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from actions.models import Action
from priorities.selectors import priorities_with_measures, published_plan, published_plans


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/home.html", {"plans": published_plans()})


def public_plan(request: HttpRequest, slug: str) -> HttpResponse:
    plan = published_plan(partnership_slug=slug)
    if plan is None:
        raise Http404("No published plan for this partnership.")
    commitments = Action.objects.exclude(status=Action.Status.CANCELLED).order_by("order", "id")
    priorities = priorities_with_measures(plan=plan).prefetch_related(
        Prefetch("actions", queryset=commitments, to_attr="commitments")
    )
    return render(
        request,
        "reports/public_plan.html",
        {
            "plan": plan,
            "partnership": plan.partnership,
            "aims": plan.aims.all(),
            "priorities": priorities,
            "horizons": Action.Horizon,
        },
    )
