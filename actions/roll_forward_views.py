"""The annual roll-forward, for a partnership admin: preview next year's draft, make it, or undo it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from priorities.models import Plan
from swp.wording import count

from . import roll_forward as service
from .access import get_draft_for_roll_forward, get_plan_for_roll_forward


def _drafts(plan: Plan) -> list[tuple[Plan, str | None]]:
    drafts = Plan.objects.filter(partnership_id=plan.partnership_id, status=Plan.Status.DRAFT)
    return [(draft, service.can_undo(draft)) for draft in drafts.order_by("-period_start")]


@login_required
@require_http_methods(["GET", "POST"])
def roll_forward(request: HttpRequest) -> HttpResponse:
    plan = get_plan_for_roll_forward(request)
    summary = service.preview(plan=plan)
    if request.method == "POST":
        try:
            new = service.roll_forward(plan=plan, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            # Counted in the new draft, not the preview drawn before the click: what was actually made.
            priorities = count(new.priorities.count(), "priority", "priorities")
            carried = count(new.actions.count(), "action")
            messages.success(
                request,
                f"Created the draft “{new.title}”: {priorities} and {carried} carried over. "
                "It now needs its own approvals.",
            )
        return redirect("actions:roll_forward")
    return render(
        request, "actions/roll_forward.html", {"plan": plan, "summary": summary, "drafts": _drafts(plan)}
    )


@login_required
@require_POST
def delete_draft(request: HttpRequest, pk: int) -> HttpResponse:
    plan, draft = get_draft_for_roll_forward(request, pk)
    problem = service.can_undo(draft)
    if problem:
        messages.error(request, problem)
    else:
        title = draft.title
        draft.delete()
        messages.success(request, f"Deleted the draft “{title}”. Nothing in “{plan.title}” was changed.")
    return redirect("actions:roll_forward")
