"""Saving a previewed upload: all of it, in one transaction, or none of it.

The stored file is previewed again against the database as it is now, never trusting the browser,
and saved only if that preview has no errors and is the one the person saw (its digest). Every
change is saved through services.save_updates_in_bulk: the same rules, versions and history as the
web form's services.save_update. Any exception rolls everything back.
"""

from django.db import transaction
from django.utils import timezone

from governance.models import PendingImport, User
from priorities.models import Plan, ReportingPeriod

from .. import services
from ..models import ActionUpdate
from .preview import UploadPreview, pending_bytes, preview_upload


class PreviewOutOfDate(Exception):
    """The upload would now do something other than the preview showed; `preview` is what it would do."""

    def __init__(self, preview: UploadPreview):
        super().__init__("The updates have changed since the preview.")
        self.preview = preview


def apply_import(
    *, pending: PendingImport, user: User, plan: Plan, period: ReportingPeriod, expected_digest: str
) -> tuple[UploadPreview, list[ActionUpdate]]:
    """Preview the upload again and save every change in one transaction, or raise and save nothing.

    Returns the preview and the updates as saved, so what the person is told comes from the saves.

    PreviewOutOfDate if the preview has errors or differs from the one shown; services.Conflict or
    NotAllowedNow (or any database error) if a row cannot be saved: all roll back.
    """
    with transaction.atomic():
        preview = preview_upload(
            data=pending_bytes(pending), fmt=pending.file_format, user=user, plan=plan, period=period
        )
        if not preview.can_confirm or preview.digest() != expected_digest:
            raise PreviewOutOfDate(preview)
        saved = apply_changes(preview, by=user)
        pending.applied_at = timezone.now()
        pending.save(update_fields=["applied_at"])
    return preview, saved


def apply_changes(preview: UploadPreview, *, by: User) -> list[ActionUpdate]:
    """Save the preview's changed rows, each at the version it was previewed at."""
    items = [
        services.BulkUpdate(
            action=row.action, expected_version=row.expected_version, data=row.data, submit=row.submit
        )
        for row in preview.changes
    ]
    return services.save_updates_in_bulk(period=preview.period, by=by, items=items)
