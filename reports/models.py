"""Issued board packs: the record of what the board was told, frozen once issued.

A pack is requested (queued), made by a task (making), and then either issued or failed. Once
issued, neither its row nor its PDF may change: save(), delete(), QuerySet.update() and
QuerySet.delete() all refuse, and so does the file field (and, on PostgreSQL, a trigger).
A correction is a new revision of the same quarter, with a reason, beside the old one.

The PDF is a file under MEDIA_ROOT (outside the web root, like evidence), served only through
the download view, which checks the reader's role and that the bytes still match pdf_sha256.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.db.models.fields.files import FieldFile

from governance.models import Meeting, User
from priorities.models import Plan, ReportingPeriod
from swp.model_fields import FreeTextField
from swp.text_limits import COMMENT


class IssuedPackIsFinal(Exception):
    """Something tried to change or delete an issued pack."""

    def __init__(self, what: str = "changed"):
        super().__init__(
            f"An issued board pack cannot be {what}: it is the record of what the board was told. "
            "To correct it, issue a new revision with a reason."
        )


class State(models.TextChoices):
    QUEUED = "queued", "Waiting to be made"
    MAKING = "making", "Being made"
    ISSUED = "issued", "Issued"
    FAILED = "failed", "Failed"


IN_PROGRESS = (State.QUEUED, State.MAKING)


class Marking(models.TextChoices):
    """Government Security Classifications: what the cover and every page header say."""

    OFFICIAL = "OFFICIAL", "OFFICIAL"
    OFFICIAL_SENSITIVE = "OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"


class IssuedPackQuerySet(models.QuerySet):
    """Bulk writes bypass save() and delete(), so they refuse here when they would touch an issued pack."""

    def update(self, **kwargs):
        if self.filter(state=State.ISSUED).exists():
            raise IssuedPackIsFinal("changed")
        return super().update(**kwargs)

    def delete(self):
        if self.filter(state=State.ISSUED).exists():
            raise IssuedPackIsFinal("deleted")
        return super().delete()

    def issued(self):
        return self.filter(state=State.ISSUED)


class FrozenFieldFile(FieldFile):
    """The stored PDF: written once, while the pack is being made; never replaced or removed after."""

    def save(self, name, content, save=True):
        if self.instance.is_issued_in_db():
            raise IssuedPackIsFinal("changed")
        super().save(name, content, save)

    def delete(self, save=True):
        if self.instance.is_issued_in_db():
            raise IssuedPackIsFinal("deleted")
        super().delete(save)


class PackFileField(models.FileField):
    attr_class = FrozenFieldFile


def _pdf_path(instance: "IssuedPack", filename: str) -> str:
    # A random name: the download's file name is made from the pack, never taken from disk.
    return f"packs/{instance.plan_id}/{uuid.uuid4().hex}.pdf"


class IssuedPack(models.Model):
    State = State
    Marking = Marking

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="issued_packs")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="issued_packs")
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="issued_packs",
        help_text="The board meeting the pack is for.",
    )
    revision = models.PositiveIntegerField(default=1)
    reissue_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        help_text="The issued revision this one corrects.",
    )
    reason = FreeTextField(
        blank=True, help_text="Why a correction was issued (revision 2 onwards).", max_length=COMMENT
    )
    protective_marking = models.CharField(max_length=20, choices=Marking.choices, default=Marking.OFFICIAL)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    failure_message = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)

    pdf = PackFileField(upload_to=_pdf_path, max_length=200, blank=True)
    pdf_sha256 = models.CharField("SHA-256 of the PDF", max_length=64, blank=True)
    pdf_size = models.PositiveIntegerField("PDF size in bytes", null=True, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    render_seconds = models.FloatField(null=True, blank=True, help_text="WeasyPrint's time to make the PDF.")
    read_model = models.JSONField(
        encoder=DjangoJSONEncoder,
        null=True,
        blank=True,
        help_text="The board_pack() read model the PDF was made from.",
    )

    issued_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", help_text="Who asked for the pack."
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    issued_at = models.DateTimeField(null=True, blank=True)

    objects = IssuedPackQuerySet.as_manager()

    class Meta:
        ordering = ["period_id", "revision", "id"]
        constraints = [
            # Failed attempts keep their number for the record; the next attempt may reuse it.
            models.UniqueConstraint(
                fields=["period", "revision"],
                condition=~Q(state="failed"),
                name="one_pack_per_revision_of_a_period",
            ),
            models.UniqueConstraint(
                fields=["period"],
                condition=Q(state__in=["queued", "making"]),
                name="one_pack_being_made_per_period",
            ),
            models.CheckConstraint(
                condition=Q(revision__gte=1),
                name="pack_revision_from_one",
            ),
            models.CheckConstraint(
                condition=Q(revision=1) | ~Q(reason=""),
                name="pack_correction_has_a_reason",
                violation_error_message="Enter why you are issuing a correction.",
            ),
            models.CheckConstraint(
                condition=~Q(state="issued") | (~Q(pdf="") & ~Q(pdf_sha256="") & Q(issued_at__isnull=False)),
                name="issued_pack_has_its_pdf",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period} board pack, revision {self.revision}"

    # The guard. Not business logic: the one rule every write path must obey, whoever calls it.
    def save(self, *args, **kwargs):
        if self.is_issued_in_db():
            raise IssuedPackIsFinal("changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_issued_in_db():
            raise IssuedPackIsFinal("deleted")
        return super().delete(*args, **kwargs)

    def clean(self) -> None:
        if self.revision > 1 and not self.reason.strip():
            raise ValidationError({"reason": "Enter why you are issuing a correction."})
        if self.plan_id and self.period_id and self.period.plan_id != self.plan_id:
            raise ValidationError({"period": "Choose a quarter of this plan."})
        if self.meeting_id and self.plan_id and self.meeting.board.partnership_id != self.plan.partnership_id:
            raise ValidationError({"meeting": "Choose a meeting of this partnership's boards."})

    def is_issued_in_db(self) -> bool:
        """Whether the stored row is issued (what matters is the record, not this copy of it)."""
        return self.pk is not None and type(self).objects.filter(pk=self.pk, state=State.ISSUED).exists()

    @property
    def is_issued(self) -> bool:
        return self.state == State.ISSUED

    @property
    def in_progress(self) -> bool:
        return self.state in IN_PROGRESS

    @property
    def short_hash(self) -> str:
        return self.pdf_sha256[:12]

    @property
    def hash_parts(self) -> list[str]:
        """The hash in sixteen-character parts, so a narrow screen can wrap it between them."""
        return [self.pdf_sha256[i : i + 16] for i in range(0, len(self.pdf_sha256), 16)]

    @property
    def is_correction(self) -> bool:
        return self.revision > 1


def _draft_path(instance: "PackDraft", filename: str) -> str:
    return f"pack-drafts/{instance.period.plan_id}/{uuid.uuid4().hex}.pdf"


class PackDraft(models.Model):
    """The current quarter's pack, rendered ahead of being asked for (reports/prerender.py).

    Not a record of anything: it is replaced whenever the plan changes, and an issued pack only
    copies its PDF when the read model it was made from is byte-for-byte the one being issued
    (`read_model_sha256`). `due_at` and `scheduled_for` debounce the renders: a change moves
    `due_at` to 30 seconds on, and one queued task (run at `scheduled_for`) waits until then.
    """

    period = models.OneToOneField(ReportingPeriod, on_delete=models.CASCADE, related_name="pack_draft")
    due_at = models.DateTimeField(
        null=True, blank=True, help_text="When to render: 30 s after the last change."
    )
    scheduled_for = models.DateTimeField(null=True, blank=True, help_text="When the queued render runs.")
    read_model_sha256 = models.CharField(max_length=64, blank=True)
    pdf = models.FileField(upload_to=_draft_path, max_length=200, blank=True)
    pdf_sha256 = models.CharField("SHA-256 of the PDF", max_length=64, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    render_seconds = models.FloatField(null=True, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.period} draft board pack"
