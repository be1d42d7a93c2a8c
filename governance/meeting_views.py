"""Meetings by board, one meeting's record, the decisions log, and recording decisions and attendance."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import BooleanField, Count, ExpressionWrapper, Max, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from swp.history import save_as

from .access import get_meeting_for_user, get_partnership_for_user
from .forms import AttendanceForm, DecisionForm, DecisionSearchForm
from .models import Attendance, Decision, Meeting
from .permissions import can

DECISIONS_PER_PAGE = 25


@login_required
def meetings(request: HttpRequest) -> HttpResponse:
    partnership = get_partnership_for_user(request)
    boards = list(partnership.boards.order_by("order", "name"))
    found = (
        Meeting.objects.filter(board__partnership=partnership)
        .defer("notes", "minutes")
        .annotate(
            has_minutes=ExpressionWrapper(~Q(minutes=""), output_field=BooleanField()),
            decision_count=Count("decisions", distinct=True),
            present_count=Count(
                "attendance", filter=Q(attendance__status=Attendance.Status.PRESENT), distinct=True
            ),
        )
        .order_by("board_id", "-date")
    )
    by_board = {board_id: list(group) for board_id, group in groupby(found, key=lambda m: m.board_id)}
    return render(
        request,
        "governance/meetings.html",
        {
            "partnership": partnership,
            "sections": [(board, by_board.get(board.pk, [])) for board in boards],
            "governance_page": "meetings",
        },
    )


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    attendance = list(meeting.attendance.select_related("organisation").order_by("id"))
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda": list(meeting.agenda_items.order_by("order")),
            "present": [a for a in attendance if a.status == Attendance.Status.PRESENT],
            "apologies": [a for a in attendance if a.status == Attendance.Status.APOLOGIES],
            "absent": [a for a in attendance if a.status == Attendance.Status.ABSENT],
            "decisions": list(meeting.decisions.select_related("agenda_item").order_by("order", "id")),
            "packs": _issued_packs(meeting),
            "can_record": can(request.user, "governance.record_meetings", meeting.board.partnership),
            "governance_page": "meetings",
        },
    )


def _issued_packs(meeting: Meeting) -> list:
    """The board packs issued for this meeting, if the reports app records them.

    governance may not import reports, so this follows the reverse relation reports.IssuedPack.meeting
    (related_name "issued_packs") when it exists, and shows nothing when it doesn't.
    """
    packs = getattr(meeting, "issued_packs", None)
    if packs is None:
        return []
    return list(packs.filter(state="issued").select_related("period").order_by("period__start", "revision"))


@login_required
def decisions(request: HttpRequest) -> HttpResponse:
    """Every decision, resolution and action of the partnership's meetings, searchable, newest first."""
    partnership = get_partnership_for_user(request)
    form = DecisionSearchForm(request.GET or None, partnership=partnership)
    found = (
        Decision.objects.filter(meeting__board__partnership=partnership)
        .select_related("meeting__board", "agenda_item")
        .order_by("-meeting__date", "meeting_id", "order", "id")
    )
    searched = False
    if form.is_bound:
        if form.is_valid():
            found, searched = _search(found, form.cleaned_data)
        else:
            found = found.none()
    page = Paginator(found, DECISIONS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "governance/decisions.html",
        {
            "form": form,
            "page": page,
            "page_range": list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)),
            "query": query.urlencode(),
            "searched": searched,
            "governance_page": "decisions",
        },
    )


def _search(found, data: dict):
    searched = False
    if text := data.get("q", "").strip():
        found = found.filter(
            Q(text__icontains=text)
            | Q(reference__icontains=text)
            | Q(owner__icontains=text)
            | Q(meeting__title__icontains=text)
            | Q(agenda_item__title__icontains=text)
        )
        searched = True
    for name, lookup in (
        ("board", "meeting__board"),
        ("kind", "kind"),
        ("date_from", "meeting__date__gte"),
        ("date_to", "meeting__date__lte"),
    ):
        if data.get(name):
            found = found.filter(**{lookup: data[name]})
            searched = True
    return found, searched


@login_required
def record_decision(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk, record=True)
    form = DecisionForm(request.POST or None, meeting=meeting)
    if form.is_valid():
        decision = form.save(commit=False)
        decision.order = (meeting.decisions.aggregate(last=Max("order"))["last"] or 0) + 1
        decision.recorded_by = request.user
        return _recorded(request, decision, f"{decision.get_kind_display()} recorded", anchor="decisions")
    return _record_page(request, form, meeting)


@login_required
def record_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk, record=True)
    form = AttendanceForm(request.POST or None, meeting=meeting)
    if form.is_valid():
        attendance = form.save(commit=False)
        status = attendance.get_status_display().lower()
        return _recorded(request, attendance, f"{attendance.name} recorded as {status}", anchor="attendance")
    return _record_page(request, form, meeting)


def _recorded(
    request: HttpRequest, record: Decision | Attendance, message: str, *, anchor: str
) -> HttpResponse:
    """Save what was recorded on the meeting page, say so, and go back to its part of the meeting."""
    save_as(record, by=request.user, reason="Recorded on the meeting page")
    messages.success(request, message)
    return redirect(reverse("governance:meeting", args=[record.meeting_id]) + f"#{anchor}")


def _record_page(request: HttpRequest, form: DecisionForm | AttendanceForm, meeting: Meeting) -> HttpResponse:
    return render(
        request,
        "governance/meeting_form.html",
        {"form": form, "meeting": meeting, "governance_page": "meetings"},
    )
