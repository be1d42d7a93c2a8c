"""The annual roll-forward, for a partnership admin: preview next year's draft, make it, or undo it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from governance.permissions import can
from priorities.access import get_current_plan_for_user
from priorities.models import Plan

from . import roll_forward as service


def _plan_for_admin(request: HttpRequest) -> Plan:
    plan = get_current_plan_for_user(request)
    if not can(request.user, "governance.manage_partnership", plan.partnership):
        raise PermissionDenied("Only the partnership's admin can roll the plan forward.")
    return plan


def _drafts(plan: Plan) -> list[tuple[Plan, str | None]]:
    drafts = Plan.objects.filter(partnership_id=plan.partnership_id, status=Plan.Status.DRAFT)
    return [(draft, service.can_undo(draft)) for draft in drafts.order_by("-period_start")]


@login_required
@require_http_methods(["GET", "POST"])
def roll_forward(request: HttpRequest) -> HttpResponse:
    plan = _plan_for_admin(request)
    summary = service.preview(plan=plan)
    if request.method == "POST":
        try:
            new = service.roll_forward(plan=plan, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"Created the draft “{new.title}”: {summary.priorities} priorities and "
                f"{len(summary.carried)} actions carried over. It now needs its own approvals.",
            )
        return redirect("actions:roll_forward")
    return render(
        request, "actions/roll_forward.html", {"plan": plan, "summary": summary, "drafts": _drafts(plan)}
    )


@login_required
@require_POST
def delete_draft(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_for_admin(request)
    draft = get_object_or_404(Plan, pk=pk, partnership_id=plan.partnership_id)
    problem = service.can_undo(draft)
    if problem:
        messages.error(request, problem)
    else:
        title = draft.title
        draft.delete()
        messages.success(request, f"Deleted the draft “{title}”. Nothing in “{plan.title}” was changed.")
    return redirect("actions:roll_forward")
