"""Evidence files attached to an update, while the update can still be changed."""

import hashlib

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from governance.models import User
from swp.history import save_as

from ..models import ActionUpdate, UpdateEvidence
from .refusals import NotAllowedNow, editable_problem


def sha256_of(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def same_file_on(update: ActionUpdate, upload: UploadedFile) -> UpdateEvidence | None:
    """The evidence already on the update with exactly this content, if any (whatever its name)."""
    return update.evidence.select_related("uploaded_by").filter(sha256=sha256_of(upload)).first()


@transaction.atomic
def add_evidence(
    *, update: ActionUpdate, by: User, upload: UploadedFile, content_type: str
) -> UpdateEvidence:
    """Store a file already checked by EvidenceForm. content_type is what its content was found to be."""
    problem = editable_problem(update, update.period)
    if problem:
        raise NotAllowedNow(problem)
    evidence = UpdateEvidence(
        update=update,
        original_name=upload.name[-200:],
        content_type=content_type,
        size=upload.size,
        sha256=sha256_of(upload),
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
