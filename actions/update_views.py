"""Leads and owners giving their quarterly updates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from priorities.access import get_current_plan_for_user

from . import notifications, services
from .access import get_action_and_period_for_user, get_update_for_user
from .evidence import EvidenceForm
from .forms import SAVE_DRAFT, CommentForm, UpdateForm
from .models import ActionUpdate
from .review_context import lead_context
from .selectors import my_updates as select_my_updates
from .selectors import reporting_period_for_updates


@login_required
def my_updates(request: HttpRequest) -> HttpResponse:
    plan = get_current_plan_for_user(request)
    period = reporting_period_for_updates(plan=plan)
    mine = select_my_updates(user=request.user, plan=plan, period=period) if period else None
    # A priority's lead officer also writes its commentary for the board each quarter.
    writes_commentary = period is not None and plan.priorities.filter(lead_officer=request.user).exists()
    context = {"plan": plan, "period": period, "mine": mine, "writes_commentary": writes_commentary}
    return render(request, "actions/my_updates.html", context)


def _existing_update(action, period) -> ActionUpdate | None:
    return (
        ActionUpdate.objects.filter(action=action, period=period)
        .select_related("submitted_by", "reviewed_by")
        .prefetch_related("comments__author", "evidence__uploaded_by")
        .first()
    )


@login_required
def edit_update(request: HttpRequest, pk: int, period_pk: int) -> HttpResponse:
    action, period = get_action_and_period_for_user(request, pk, period_pk, perm="actions.edit_update")
    update = _existing_update(action, period)
    problem = services.editable_problem(update, period)
    submitting = SAVE_DRAFT not in request.POST
    form = UpdateForm(
        request.POST if request.method == "POST" and not problem else None,
        action=action,
        submitting=submitting,
        initial=UpdateForm.initial_from(update),
    )
    context = {
        "action": action,
        "period": period,
        "update": update,
        "form": form,
        "problem": problem,
        "before": lead_context(action, period),
    }
    if request.method == "POST" and problem:
        return render(request, "actions/edit_update.html", context, status=403)
    if form.is_bound and form.is_valid():
        try:
            services.save_update(
                action=action,
                period=period,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                data=form.to_input(),
                submit=submitting,
            )
        except services.Conflict as conflict:
            return _conflict(request, context, form, conflict.current)
        except services.NotAllowedNow as refusal:
            return render(
                request, "actions/edit_update.html", {**context, "problem": str(refusal)}, status=403
            )
        messages.success(
            request, f"{action.reference} {'submitted for review' if submitting else 'saved as a draft'}"
        )
        return redirect("actions:my_updates")
    context.update(
        evidence_form=EvidenceForm(),
        can_edit_evidence=not problem,
        comment_form=CommentForm(update=update, back_to=request.path) if update else None,
    )
    return render(request, "actions/edit_update.html", context)


def _conflict(request, context, form, current: ActionUpdate | None) -> HttpResponse:
    """Someone saved first: show both versions, keep what this person typed, and let them choose."""
    retry = UpdateForm(
        initial={**form.cleaned_data, "version": current.version if current else 0},
        action=context["action"],
    )
    return render(
        request,
        "actions/update_conflict.html",
        {**context, "form": retry, "current": current, "mine": form.cleaned_data},
        status=409,
    )


@login_required
@require_POST
def add_comment(request: HttpRequest, pk: int) -> HttpResponse:
    update = get_update_for_user(request, pk, perm="actions.comment_on_update")
    form = CommentForm(request.POST, update=update, author=request.user)
    if not form.is_valid():
        messages.error(request, form.errors["body"][0] if "body" in form.errors else "Enter a comment")
    else:
        with transaction.atomic():
            comment = form.save()
            notifications.comment_added(comment=comment)
        messages.success(request, "Comment added")
    # Comments are added from the update page and from the secretary's review page: go back there.
    back = form.data.get("next", "")
    if url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    return redirect("actions:edit_update", update.action_id, update.period_id)
