"""Every write to actions and their updates goes through here.

Each function is keyword-only, takes the acting user, runs in one transaction and saves with
save(), so django-simple-history records who changed what. Lost updates are prevented by a
version number checked under select_for_update(): a caller passes the version its form was
built from, and if someone else saved in the meantime it gets a Conflict carrying the row as
it now is, and nothing is written.
"""

import hashlib
from dataclasses import dataclass
from datetime import date

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from governance.models import User
from priorities.models import ReportingPeriod
from swp.history import save_as

from .models import Action, ActionUpdate, Rag, UpdateComment, UpdateEvidence


class Conflict(Exception):
    """Someone else saved first. `current` is the row as it now is (None if it was never saved)."""

    def __init__(self, current: ActionUpdate | None):
        super().__init__("Someone else saved this update after you opened it.")
        self.current = current


class NotAllowedNow(Exception):
    """The workflow does not allow this now (a locked quarter, an accepted update); message says why."""


@dataclass(frozen=True)
class UpdateInput:
    rag: str
    progress: str
    recovery_plan: str = ""
    outcomes: str = ""
    marks_complete: bool = False
    proposed_deadline: date | None = None
    deadline_change_reason: str = ""


def _lock_update(update: ActionUpdate, expected_version: int) -> ActionUpdate:
    locked = ActionUpdate.objects.select_for_update().select_related("action", "period").get(pk=update.pk)
    if locked.version != expected_version:
        raise Conflict(locked)
    return locked


def editable_problem(update: ActionUpdate | None, period: ReportingPeriod) -> str | None:
    """Why the owner cannot change this quarter's update now, or None if they can."""
    if period.status == ReportingPeriod.Status.PLANNED:
        return f"{period.label} is not open for updates yet."
    if period.status == ReportingPeriod.Status.LOCKED:
        return f"{period.label} is locked: updates can no longer be changed."
    if update is not None and update.state == ActionUpdate.State.ACCEPTED:
        return "The secretary has accepted this update, so it can no longer be changed."
    return None


@transaction.atomic
def save_update(
    *,
    action: Action,
    period: ReportingPeriod,
    by: User,
    expected_version: int,
    data: UpdateInput,
    submit: bool,
) -> ActionUpdate:
    """Save the quarter's update as a draft or submit it for review. expected_version is 0 for a new one."""
    # Locking the action serialises every write to its updates, including the first one.
    action = Action.objects.select_for_update().get(pk=action.pk)
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    update = ActionUpdate.objects.filter(action=action, period=period).first()
    if (update.version if update else 0) != expected_version:
        raise Conflict(update)
    problem = editable_problem(update, period)
    if problem:
        raise NotAllowedNow(problem)
    if update is None:
        update = ActionUpdate(action=action, period=period, version=0)
    for field, value in data.__dict__.items():
        setattr(update, field, value)
    if data.rag == Rag.GREEN:
        update.recovery_plan = ""
    if not data.proposed_deadline:
        update.deadline_change_reason = ""
    update.version += 1
    if submit:
        update.state = ActionUpdate.State.SUBMITTED
        update.submitted_by = by
        update.submitted_at = timezone.now()
    else:
        # A returned or submitted update saved as a draft goes back to its owner's desk.
        update.state = ActionUpdate.State.DRAFT
    save_as(update, by=by)
    if submit and action.status == Action.Status.NOT_STARTED:
        action.status = Action.Status.IN_PROGRESS
        action.version += 1
        save_as(action, by=by, reason=f"First update submitted for {period.label}")
    return update


@transaction.atomic
def accept_update(*, update: ActionUpdate, by: User, expected_version: int) -> ActionUpdate:
    """Accept a submitted update. A completion or new deadline it proposes then takes effect on the action."""
    update = _lock_update(update, expected_version)
    if update.state != ActionUpdate.State.SUBMITTED:
        raise NotAllowedNow("Only a submitted update can be accepted.")
    if update.period.status == ReportingPeriod.Status.LOCKED:
        raise NotAllowedNow(f"{update.period.label} is locked. Reopen it to review updates.")
    update.state = ActionUpdate.State.ACCEPTED
    update.reviewed_by = by
    update.reviewed_at = timezone.now()
    update.version += 1
    save_as(update, by=by)
    action = Action.objects.select_for_update().get(pk=update.action_id)
    reasons = []
    if update.marks_complete and action.status != Action.Status.COMPLETE:
        action.status = Action.Status.COMPLETE
        reasons.append(f"Marked complete in the accepted {update.period.label} update")
    if update.proposed_deadline and update.proposed_deadline != action.deadline:
        action.deadline = update.proposed_deadline
        reasons.append(
            f"Deadline revised in the accepted {update.period.label} update: {update.deadline_change_reason}"
        )
    if reasons:
        action.version += 1
        save_as(action, by=by, reason="; ".join(reasons))
    return update


@transaction.atomic
def return_update(*, update: ActionUpdate, by: User, expected_version: int, comment: str) -> ActionUpdate:
    """Send a submitted update back to its owner with the secretary's comment, which joins its thread."""
    update = _lock_update(update, expected_version)
    if update.state != ActionUpdate.State.SUBMITTED:
        raise NotAllowedNow("Only a submitted update can be returned.")
    if update.period.status == ReportingPeriod.Status.LOCKED:
        raise NotAllowedNow(f"{update.period.label} is locked. Reopen it to review updates.")
    update.state = ActionUpdate.State.RETURNED
    update.review_comment = comment
    update.reviewed_by = by
    update.reviewed_at = timezone.now()
    update.version += 1
    save_as(update, by=by)
    UpdateComment.objects.create(update=update, author=by, body=f"Returned: {comment}")
    return update


@transaction.atomic
def add_comment(*, update: ActionUpdate, by: User, body: str) -> UpdateComment:
    comment = UpdateComment(update=update, author=by, body=body.strip())
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def add_evidence(
    *, update: ActionUpdate, by: User, upload: UploadedFile, content_type: str
) -> UpdateEvidence:
    """Store a file already checked by EvidenceForm. content_type is what its content was found to be."""
    problem = editable_problem(update, update.period)
    if problem:
        raise NotAllowedNow(problem)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    evidence = UpdateEvidence(
        update=update,
        original_name=upload.name[-200:],
        content_type=content_type,
        size=upload.size,
        sha256=digest.hexdigest(),
        uploaded_by=by,
    )
    evidence.file.save(upload.name, upload, save=False)
    save_as(evidence, by=by)
    return evidence


@transaction.atomic
def remove_evidence(*, evidence: UpdateEvidence, by: User) -> None:
    problem = editable_problem(evidence.update, evidence.update.period)
    if problem:
        raise NotAllowedNow(problem)
    stored = evidence.file
    evidence._history_user = by
    evidence.delete()
    # The file goes only once the row's removal is committed, so a rollback never loses it.
    transaction.on_commit(lambda: stored.storage.delete(stored.name))
