"""Board notes: a lead's commentary on their priority and the secretary's asks of the board.

A note is saved as a draft or submitted, and then accepted or returned, as an update is: under a
version checked with the row locked (the quarter's row, for a note not yet written), with its
history, and with the update review's own helpers (review.py), so the two cannot drift apart.
Nobody reviews what they wrote: the asks a secretary writes are reviewed by another secretary or a
partnership admin.
"""

from django.db import transaction
from django.utils import timezone

from governance.models import User
from priorities.models import Priority, ReportingPeriod
from priorities.signals import announce_plan_changed
from swp.history import save_as

from ..models import BoardNote
from .refusals import Conflict, NotAllowedNow, editable_problem
from .review import lock_for_review, save_review

NOUN = "note"


def find_note(*, period: ReportingPeriod, kind: str, priority: Priority | None) -> BoardNote | None:
    return (
        BoardNote.objects.filter(period=period, kind=kind, priority=priority)
        .select_related("written_by", "reviewed_by")
        .first()
    )


@transaction.atomic
def save_note(
    *,
    period: ReportingPeriod,
    kind: str,
    priority: Priority | None,
    by: User,
    expected_version: int,
    text: str,
    submit: bool,
) -> BoardNote:
    """Save the quarter's note as a draft or submit it for review. expected_version is 0 for a new one."""
    # Locking the quarter serialises the first save of a note with any other.
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    note = find_note(period=period, kind=kind, priority=priority)
    if note is not None:
        note = BoardNote.objects.select_for_update().get(pk=note.pk)
    if (note.version if note else 0) != expected_version:
        raise Conflict(note)
    problem = editable_problem(note, period, noun=NOUN)
    if problem:
        raise NotAllowedNow(problem)
    if note is None:
        note = BoardNote(period=period, kind=kind, priority=priority, version=0)
    note.text = text
    note.version += 1
    note.written_by = by
    if submit:
        note.state = BoardNote.State.SUBMITTED
        note.submitted_at = timezone.now()
    else:
        note.state = BoardNote.State.DRAFT
    save_as(note, by=by)
    announce_plan_changed(plan_id=period.plan_id)  # a submitted note is in the pack, as an update is
    return note


def _lock(note: BoardNote, expected_version: int, *, verb: str, by: User) -> BoardNote:
    locked = lock_for_review(note, expected_version, verb=verb, noun=NOUN, related=())
    if locked.written_by_id == by.pk:
        raise NotAllowedNow("You wrote this, so someone else must review it.")
    return locked


@transaction.atomic
def accept_note(*, note: BoardNote, by: User, expected_version: int) -> BoardNote:
    note = _lock(note, expected_version, verb="accepted", by=by)
    save_review(note, BoardNote.State.ACCEPTED, by=by)
    return note


@transaction.atomic
def return_note(*, note: BoardNote, by: User, expected_version: int, comment: str) -> BoardNote:
    note = _lock(note, expected_version, verb="returned", by=by)
    note.review_comment = comment
    save_review(note, BoardNote.State.RETURNED, by=by)
    return note
