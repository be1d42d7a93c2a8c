"""The secretary chases who still owes updates: the list, a preview of each email, and sending."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from priorities.access import get_period_for_user
from priorities.models import ReportingPeriod
from swp.security_log import security_event

from . import chase as chasing

NOT_OPEN = "{label} is {status}: reminders go only while a quarter is open."
NOBODY = "Nobody there still owes an update for {label} and can be sent a reminder. Choose from the list."


@login_required
def chase_list(request: HttpRequest, period_pk: int) -> HttpResponse:
    period = get_period_for_user(request, period_pk, manage=True)
    return render(
        request,
        "actions/chase_list.html",
        {"period": period, "chase": chasing.chase_list(period=period), "is_open": _is_open(period)},
    )


@login_required
def chase_send(request: HttpRequest, period_pk: int) -> HttpResponse:
    period = get_period_for_user(request, period_pk, manage=True)
    back = redirect("actions:chase", period.pk)
    if not _is_open(period):
        messages.error(
            request, NOT_OPEN.format(label=period.label, status=period.get_status_display().lower())
        )
        return back
    listed = chasing.chase_list(period=period)
    who, chosen = _chosen(request, listed)
    if not chosen:
        messages.error(request, NOBODY.format(label=period.label))
        return back
    if request.method == "POST":
        with transaction.atomic():
            reminded, skipped = chasing.chase(period=period, user_ids={o.person.pk for o in chosen})
        security_event(
            "reminders_chased", request=request, obj=period, period=period.label, rows=len(reminded)
        )
        if reminded:
            messages.success(request, f"Reminder sent to {_names(reminded)}")
        if skipped:
            messages.error(request, f"Already reminded today, so not sent again: {_names(skipped)}")
        return back
    due = {o.person.pk for o in chosen if not o.reminded_today}
    if not due:
        messages.error(
            request, f"Already reminded today, so not sent again: {_names(o.person for o in chosen)}"
        )
        return back
    reminders = chasing.reminders_for(period=period, user_ids=due)
    return render(
        request,
        "actions/chase_send.html",
        {
            "period": period,
            "who": who,
            "emails": [(r.recipient, chasing.preview(r)) for r in reminders],
            "already": [o.person for o in chosen if o.reminded_today],
            "action_url": request.get_full_path(),
            "back_url": reverse("actions:chase", args=[period.pk]),
        },
    )


def _is_open(period: ReportingPeriod) -> bool:
    return period.status == ReportingPeriod.Status.OPEN


def _chosen(request: HttpRequest, listed: chasing.ChaseList) -> tuple[str, list[chasing.Owing]]:
    """Who the secretary chose (?person=ID or ?organisation=ID), among those who can be chased."""
    person, organisation = request.GET.get("person", ""), request.GET.get("organisation", "")
    if person.isdigit() and int(person) in listed.people:
        owing = listed.people[int(person)]
        return str(owing.person), [owing]
    for group in listed.organisations:
        if organisation.isdigit() and group.pk == int(organisation):
            return f"everyone at {group.name} who still owes updates", group.people
    return "", []


def _names(people) -> str:
    names = [str(person) for person in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
