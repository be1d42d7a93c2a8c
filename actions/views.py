from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from priorities.access import get_current_plan_for_user

from .selectors import latest_reported_update, priorities_with_actions


@login_required
def plan_actions(request: HttpRequest) -> HttpResponse:
    plan = get_current_plan_for_user(request)
    priorities = list(priorities_with_actions(plan=plan))
    for priority in priorities:
        for action in priority.actions.all():
            action.latest_update = latest_reported_update(action)
    return render(request, "actions/plan_actions.html", {"plan": plan, "priorities": priorities})
