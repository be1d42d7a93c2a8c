"""Spreadsheets uploaded for a preview, held until their uploader confirms or abandons them."""

import datetime
import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone

from .partnership import Partnership, User


class PendingImportQuerySet(models.QuerySet):
    def for_user(self, *, user, partnership, kind: str) -> "PendingImportQuerySet":
        """Only the uploader's own, unapplied uploads of this kind in this partnership."""
        return self.filter(created_by=user, partnership=partnership, kind=kind, applied_at__isnull=True)

    def discard_stale(self, *, older_than: datetime.timedelta = datetime.timedelta(days=1)) -> int:
        """Delete uploads nobody confirmed within a day, and applied ones: they are not needed again."""
        cutoff = timezone.now() - older_than
        deleted, _ = self.filter(Q(created_at__lt=cutoff) | Q(applied_at__isnull=False)).delete()
        return deleted


class PendingImport(models.Model):
    """A spreadsheet uploaded for a preview, kept until its uploader confirms it or walks away.

    Confirming re-reads these stored bytes, never a file name or path sent back by the browser, and
    only the person who uploaded it, in the same partnership, can confirm it (INT-06): views load it
    with `PendingImport.objects.for_user(...)`. Old ones are discarded (see `discard_stale`).
    """

    class Kind(models.TextChoices):
        UPDATE_SHEET = "update_sheet", "Quarterly update sheet"
        PLAN_WORKBOOK = "plan_workbook", "Whole-plan workbook"

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel workbook (.xlsx)"

    # Random, so one person cannot guess another's pending upload.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    original_name = models.CharField(max_length=200)
    file_format = models.CharField(max_length=4, choices=Format.choices)
    # The upload itself: already size-checked (swp/sheets/uploads.py), so a few megabytes at most.
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    # What it was uploaded for, e.g. {"plan": 3, "period": 7}: the confirm step must match it.
    context = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    objects = PendingImportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["created_by", "kind", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"
