"""Reading the plan: where people land, the plan's actions, and one action with its history."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from governance.access import current_partnership
from governance.permissions import can
from priorities.access import get_current_plan_for_user

from .access import get_action_for_user
from .history import action_history
from .models import ActionUpdate, UpdateComment
from .selectors import latest_reported_update, priorities_with_actions, reports_on_something


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """After sign-in: the secretary to review, people who report to their updates, the rest to the plan."""
    partnership = current_partnership(request)
    if partnership is not None and can(request.user, "governance.run_cycle", partnership):
        return redirect("actions:review")
    if partnership is not None and reports_on_something(user=request.user, partnership=partnership):
        return redirect("actions:my_updates")
    return redirect("actions:plan")


@login_required
def plan_actions(request: HttpRequest) -> HttpResponse:
    plan = get_current_plan_for_user(request)
    priorities = list(priorities_with_actions(plan=plan))
    for priority in priorities:
        for action in priority.actions.all():
            action.latest_update = latest_reported_update(action)
    return render(request, "actions/plan_actions.html", {"plan": plan, "priorities": priorities})


@login_required
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_action_for_user(request, pk)
    comments = UpdateComment.objects.select_related("author")
    updates = (
        ActionUpdate.objects.filter(action=action)
        .select_related("period", "submitted_by", "reviewed_by")
        .prefetch_related(Prefetch("comments", queryset=comments), "evidence__uploaded_by")
        .order_by("period__start")
    )
    updates = list(updates)
    periods = action.plan.periods.order_by("start")
    return render(
        request,
        "actions/action_detail.html",
        {
            "action": action,
            "updates": updates,
            "reported_period_ids": {update.period_id for update in updates},
            "periods": periods,
            "organisations": action.responsible_organisations.all(),
            "themes": action.themes.all(),
            "history": action_history(action=action),
            "can_edit": can(request.user, "actions.edit_update", action),
        },
    )
