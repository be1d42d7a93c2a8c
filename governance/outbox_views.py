"""/outbox/: the emails the app wrote for the partnership, a quarter at a time, and whether each went.

For the secretary and admins, who answer "I never got the email". What each email said is shown only
with DEBUG on (`make run`, where nothing really leaves the machine): in production the page says who
was sent what and when, not the text, which may be about someone else's updates.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .access import get_current_partnership_for_user
from .models import OutboxMessage

MOST_SHOWN = 300
OTHER = "other"  # the summaries and anything else not about one quarter


@login_required
def outbox(request: HttpRequest) -> HttpResponse:
    partnership = get_current_partnership_for_user(request, perm="governance.run_cycle")
    messages = OutboxMessage.objects.filter(partnership=partnership)
    quarters = list(
        messages.values("quarter").annotate(count=Count("id"), latest=Max("created_at")).order_by("-latest")
    )
    labels = [q["quarter"] or OTHER for q in quarters]
    chosen = request.GET.get("quarter") or (labels[0] if labels else "")
    if chosen not in labels:
        chosen = labels[0] if labels else ""
    shown = messages.filter(quarter="" if chosen == OTHER else chosen).select_related("recipient")
    counts = dict(shown.values_list("state").annotate(n=Count("id")).order_by())
    return render(
        request,
        "governance/outbox.html",
        {
            "partnership": partnership,
            "quarters": [(label, q["count"]) for label, q in zip(labels, quarters, strict=True)],
            "chosen": chosen,
            "other": OTHER,
            "emails": shown.order_by("-created_at", "-id")[:MOST_SHOWN],
            "most_shown": MOST_SHOWN,
            "total": sum(counts.values()),
            "sent": counts.get(OutboxMessage.State.SENT, 0),
            "waiting": counts.get(OutboxMessage.State.QUEUED, 0),
            "failed": counts.get(OutboxMessage.State.FAILED, 0),
            "cancelled": counts.get(OutboxMessage.State.CANCELLED, 0),
            "show_bodies": settings.DEBUG,
        },
    )
