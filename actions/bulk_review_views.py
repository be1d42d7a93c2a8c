"""Accepting several submitted updates at once, after a page that lists them (issue 16, item 6).

The queue's tick boxes send each update's id with the version the secretary saw. The confirmation
page lists those still as they were; one that changed or stopped waiting for review since is set
aside with a link to review it on its own, never accepted unseen. Confirming accepts them all in
one transaction, or, if any changed in the meantime, none, and shows the list again.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from priorities.access import get_period_for_user
from priorities.models import ReportingPeriod
from swp.wording import count

from . import services
from .models import ActionUpdate
from .review_context import add_context, quarter_before
from .review_queue import QueueFilterForm


def _chosen(request: HttpRequest) -> dict[int, int] | None:
    """The updates ticked, as {id: version seen}; None when a value is not one the page drew."""
    versions = {}
    for token in request.POST.getlist("updates"):
        pk, _, version = token.partition(":")
        if not (pk.isdigit() and version.isdigit()):
            return None
        versions[int(pk)] = int(version)
    return versions


def _updates(period: ReportingPeriod, versions: dict[int, int]) -> list[ActionUpdate]:
    updates = (
        ActionUpdate.objects.filter(pk__in=versions, period=period)
        .select_related(
            "action__priority__lead_officer__organisation", "action__owner__organisation", "submitted_by"
        )
        .order_by("action__priority__order", "action__order", "action_id")
    )
    return list(updates)


@login_required
@require_POST
def bulk_accept(request: HttpRequest, period_pk: int) -> HttpResponse:
    period = get_period_for_user(request, period_pk, manage=True)
    query = QueueFilterForm(request.GET, period=period).query
    back = reverse("actions:review_period", args=[period.pk]) + (f"?{query}" if query else "")
    versions = _chosen(request)
    updates = _updates(period, versions) if versions else []
    if not versions or len(updates) != len(versions):
        messages.error(request, "Choose at least one submitted update from the list to accept")
        return redirect(back)
    if period.status == ReportingPeriod.Status.LOCKED:
        messages.error(request, f"{period.label} is locked. Reopen it to review updates.")
        return redirect(back)
    ready = [u for u in updates if u.state == ActionUpdate.State.SUBMITTED and u.version == versions[u.pk]]
    if "confirm" in request.POST and len(ready) == len(updates):
        try:
            accepted = services.accept_updates(versions=versions, period=period, by=request.user)
        except services.NotAllowedNow as refusal:
            messages.error(request, str(refusal))
            return redirect(back)
        except services.ChangedSinceChosen:
            pass  # drawn again below, from the updates as they now are
        else:
            references = ", ".join(update.action.reference for update in accepted)
            messages.success(request, f"{count(len(accepted), 'update')} accepted: {references}")
            return redirect(back)
        updates = _updates(period, versions)
        ready = [
            u for u in updates if u.state == ActionUpdate.State.SUBMITTED and u.version == versions[u.pk]
        ]
    return _confirmation(request, period, updates, ready, query=query, refused="confirm" in request.POST)


def _confirmation(request, period, updates, ready, *, query: str, refused: bool) -> HttpResponse:
    actions = []
    for update in updates:
        update.action.this_update = update
        actions.append(update.action)
    add_context(actions, quarter_before(period))
    ready_ids = {u.pk for u in ready}
    return render(
        request,
        "actions/review/bulk_accept.html",
        {
            "period": period,
            "ready": [u for u in updates if u.pk in ready_ids],
            "set_aside": [u for u in updates if u.pk not in ready_ids],
            "query": query,
            "refused": refused,
        },
        status=409 if refused else 200,
    )
