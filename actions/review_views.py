"""The board secretary's review: who has submitted, accept or return, and running the quarter."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from priorities import services as period_services
from priorities.access import get_period_for_user
from priorities.forms import DeadlineForm, LockPeriodForm, OpenPeriodForm, ReopenPeriodForm
from priorities.models import ReportingPeriod

from . import notifications, services
from .access import get_plan_for_review, get_update_for_user
from .forms import CommentForm, ReviewForm
from .review_context import add_context, quarter_before, update_context
from .review_queue import QueueFilterForm
from .selectors import quarter_to_review, review_board


@login_required
def review(request: HttpRequest) -> HttpResponse:
    plan = get_plan_for_review(request)
    period = quarter_to_review(list(plan.periods.order_by("start")), today=timezone.localdate())
    if period is None:
        return render(request, "actions/review_no_periods.html", {"plan": plan})
    return redirect("actions:review_period", period.pk)


@login_required
def review_period(request: HttpRequest, period_pk: int) -> HttpResponse:
    period = get_period_for_user(request, period_pk, manage=True)
    board = review_board(period=period)
    periods = list(period.plan.periods.order_by("start"))
    filters = QueueFilterForm(request.GET, period=period)
    queue = filters.keep(board.actions)
    add_context(queue, quarter_before(period, periods))
    return render(
        request,
        "actions/review_period.html",
        {
            "period": period,
            "board": board,
            "periods": periods,
            "filters": filters,
            "queue": queue,
            "query": filters.query,
            "can_accept": period.status != ReportingPeriod.Status.LOCKED,
        },
    )


@login_required
def review_update(request: HttpRequest, pk: int) -> HttpResponse:
    update = get_update_for_user(request, pk, perm="actions.review_update")
    filters = QueueFilterForm(request.GET, period=update.period)
    form = ReviewForm(request.POST or None, initial={"version": update.version})
    if form.is_valid():
        decision, version = form.cleaned_data["decision"], form.cleaned_data["version"]
        try:
            if decision == ReviewForm.ACCEPT:
                services.accept_update(update=update, by=request.user, expected_version=version)
            else:
                services.return_update(
                    update=update,
                    by=request.user,
                    expected_version=version,
                    comment=form.cleaned_data["comment"],
                )
        except services.Conflict:
            messages.error(
                request, "The owner changed this update while you were reviewing it. Check it again."
            )
            return redirect("actions:review_update", update.pk)
        except services.NotAllowedNow as refusal:
            messages.error(request, str(refusal))
            return redirect("actions:review_update", update.pk)
        verb = "accepted" if decision == ReviewForm.ACCEPT else "returned to its owner"
        return _next_in_queue(request, update, filters, done=f"{update.action.reference} {verb}")
    return render(
        request,
        "actions/review_update.html",
        {
            "update": update,
            "action": update.action,
            "period": update.period,
            "form": form,
            "compared": update_context(update),
            "query": filters.query,
            "can_decide": update.state == update.State.SUBMITTED
            and update.period.status != ReportingPeriod.Status.LOCKED,
            "comment_form": CommentForm(update=update, back_to=request.path),
            "comments": update.comments.select_related("author"),
            "evidence": update.evidence.select_related("uploaded_by"),
        },
    )


def _next_in_queue(request: HttpRequest, update, filters: QueueFilterForm, *, done: str) -> HttpResponse:
    """After a decision, the next submitted update in the (filtered) queue, else back to the queue."""
    query = f"?{filters.query}" if filters.query else ""
    following = filters.next_to_review(update)
    if following is not None:
        messages.success(request, f"{done}. This is the next update waiting for review.")
        return redirect(reverse("actions:review_update", args=[following]) + query)
    messages.success(request, f"{done}. No more updates are waiting for review here.")
    return redirect(reverse("actions:review_period", args=[update.period_id]) + query)


PERIOD_FORMS = {
    form.operation: form for form in (OpenPeriodForm, DeadlineForm, LockPeriodForm, ReopenPeriodForm)
}
FORMS_BY_STATUS = {
    ReportingPeriod.Status.PLANNED: [OpenPeriodForm],
    ReportingPeriod.Status.OPEN: [DeadlineForm, LockPeriodForm],
    ReportingPeriod.Status.LOCKED: [ReopenPeriodForm],
}


@login_required
def manage_period(request: HttpRequest, period_pk: int) -> HttpResponse:
    period = get_period_for_user(request, period_pk, manage=True)
    posted = next((op for op in PERIOD_FORMS if request.method == "POST" and op in request.POST), None)
    forms = [
        cls(
            request.POST if cls.operation == posted else None,
            period=period,
            initial={"update_deadline": period.update_deadline},
        )
        for cls in FORMS_BY_STATUS[period.status]
    ]
    bound = next((form for form in forms if form.is_bound), None)
    if request.method == "POST" and bound is None:
        messages.error(
            request, f"{period.label} is {period.get_status_display().lower()}: that can't be done now."
        )
        return redirect("actions:manage_period", period.pk)
    if bound is not None and bound.is_valid():
        try:
            _apply(bound, period, request.user)
        except period_services.PeriodNotOpen as refusal:
            messages.error(request, str(refusal))
            return redirect("actions:manage_period", period.pk)
        messages.success(request, f"{period.label}: {bound.submit_label.lower()} – done")
        return redirect("actions:manage_period", period.pk)
    history = period.history.select_related("history_user").order_by("-history_date")
    return render(
        request,
        "actions/manage_period.html",
        {"period": period, "forms": forms, "bound": bound, "history": history},
    )


@transaction.atomic
def _apply(form, period: ReportingPeriod, by) -> None:
    data = form.cleaned_data
    if form.operation == "open":
        period = period_services.open_period(period=period, by=by, update_deadline=data["update_deadline"])
        # Priorities cannot import actions, so the people who owe updates are told from here.
        notifications.quarter_opened(period=period)
    elif form.operation == "deadline":
        period_services.set_deadline(period=period, by=by, update_deadline=data["update_deadline"])
    elif form.operation == "lock":
        period_services.lock_period(period=period, by=by)
    else:
        period_services.reopen_period(period=period, by=by, reason=data["reason"])
