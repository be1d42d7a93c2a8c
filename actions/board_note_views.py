"""Notes written for the board each quarter: the leads' commentary and the secretary's asks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from priorities.models import Priority, ReportingPeriod

from . import services
from .access import (
    get_commentary_for_user,
    get_note_for_review,
    get_period_for_asks,
    get_period_for_board_notes,
)
from .board_note_forms import NoteForm, NoteReviewForm
from .forms import SAVE_DRAFT
from .models import BoardNote
from .selectors import board_notes_for

TEMPLATE = "actions/edit_board_note.html"


@login_required
def board_notes(request: HttpRequest, period_pk: int) -> HttpResponse:
    period = get_period_for_board_notes(request, period_pk)
    return render(request, "actions/board_notes.html", board_notes_for(period=period, user=request.user))


@login_required
def edit_commentary(request: HttpRequest, period_pk: int, priority_pk: int) -> HttpResponse:
    period, priority = get_commentary_for_user(request, period_pk, priority_pk)
    return _edit(request, period=period, kind=BoardNote.Kind.COMMENTARY, priority=priority)


@login_required
def edit_asks(request: HttpRequest, period_pk: int) -> HttpResponse:
    period = get_period_for_asks(request, period_pk)
    return _edit(request, period=period, kind=BoardNote.Kind.ASKS, priority=None)


def _edit(
    request: HttpRequest, *, period: ReportingPeriod, kind: str, priority: Priority | None
) -> HttpResponse:
    """Write a note as a draft or submit it; both versions side by side if someone saved first."""
    note = services.find_note(period=period, kind=kind, priority=priority)
    problem = services.editable_problem(note, period, noun="note")
    submitting = SAVE_DRAFT not in request.POST
    initial = {"text": note.text if note else "", "version": note.version if note else 0}
    posted = request.POST if request.method == "POST" and not problem else None
    form = NoteForm(posted, kind=kind, submitting=submitting, initial=initial)
    context = {
        "period": period,
        "priority": priority,
        "kind": kind,
        "note": note,
        "form": form,
        "problem": problem,
    }
    if request.method == "POST" and problem:
        return render(request, TEMPLATE, context, status=403)
    if form.is_bound and form.is_valid():
        try:
            services.save_note(
                period=period,
                kind=kind,
                priority=priority,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                text=form.cleaned_data["text"],
                submit=submitting,
            )
        except services.Conflict as conflict:
            current = conflict.current
            retry = NoteForm(
                kind=kind,
                initial={"text": form.cleaned_data["text"], "version": current.version if current else 0},
            )
            return render(request, TEMPLATE, {**context, "form": retry, "current": current}, status=409)
        except services.NotAllowedNow as refusal:
            return render(request, TEMPLATE, {**context, "problem": str(refusal)}, status=403)
        what = "Commentary" if kind == BoardNote.Kind.COMMENTARY else "Asks of the board"
        messages.success(request, f"{what} {'submitted for review' if submitting else 'saved as a draft'}")
        return redirect("actions:board_notes", period.pk)
    return render(request, TEMPLATE, context)


@login_required
def review_note(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_note_for_review(request, pk)
    form = NoteReviewForm(request.POST or None, initial={"version": note.version})
    if form.is_valid():
        decision, version = form.cleaned_data["decision"], form.cleaned_data["version"]
        try:
            if decision == NoteReviewForm.ACCEPT:
                services.accept_note(note=note, by=request.user, expected_version=version)
            else:
                services.return_note(
                    note=note, by=request.user, expected_version=version, comment=form.cleaned_data["comment"]
                )
        except services.Conflict:
            messages.error(
                request, "Its writer changed this note while you were reviewing it. Check it again."
            )
            return redirect("actions:review_note", note.pk)
        except services.NotAllowedNow as refusal:
            messages.error(request, str(refusal))
            return redirect("actions:review_note", note.pk)
        verb = "accepted" if decision == NoteReviewForm.ACCEPT else "returned to its writer"
        messages.success(request, f"{note.get_kind_display()} {verb}")
        return redirect("actions:board_notes", note.period_id)
    wrote_it = note.written_by_id == request.user.pk
    can_decide = (
        note.state == BoardNote.State.SUBMITTED
        and note.period.status != ReportingPeriod.Status.LOCKED
        and not wrote_it
    )
    return render(
        request,
        "actions/review_board_note.html",
        {"note": note, "period": note.period, "form": form, "can_decide": can_decide, "wrote_it": wrote_it},
    )
