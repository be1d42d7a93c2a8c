"""The performance delivery plan: actions and their quarterly updates."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from governance.models import IMPORT_EXPORT_PERMISSIONS, Organisation, User
from priorities.models import ConsultationFinding, Plan, Priority, ReportingPeriod, Theme
from swp.model_fields import FreeTextField
from swp.text_limits import COMMENT, NARRATIVE


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


class Action(models.Model):
    """A row of the performance delivery plan (an "over the coming year" commitment, say)."""

    class Horizon(models.TextChoices):
        ONE_YEAR = "one_year", "Over the coming year"
        THREE_YEARS = "three_years", "Over the next three years"
        # Strategies that run longer (issue 15): a ten-year commitment is not squeezed into three.
        LONGER = "longer", "Over more than three years"

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETE = "complete", "Complete"
        CANCELLED = "cancelled", "Cancelled"

    # The plan is the priority's plan, held here too so references are unique per plan in the database.
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions", editable=False)
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="actions")
    reference = models.CharField("item number", max_length=20, help_text="For example, 1.4.")
    order = models.PositiveSmallIntegerField(default=0)
    overall_objective = FreeTextField(max_length=NARRATIVE)
    objective = FreeTextField(
        blank=True, help_text="The specific objective the lead will deliver.", max_length=NARRATIVE
    )
    horizon = models.CharField(max_length=20, choices=Horizon.choices)
    responsible_officer = models.CharField(
        max_length=150, blank=True, help_text="As the delivery plan names them; need not have an account."
    )
    responsible_organisations = models.ManyToManyField(Organisation, blank=True, related_name="actions")
    owner = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_actions",
        help_text="The person who reports this action's progress each quarter.",
    )
    start_date = models.DateField(null=True, blank=True)
    deadline = models.DateField(null=True, blank=True)
    # Plans often give a timescale rather than a date ("Ongoing", "March 2021", "2021/22"): kept as
    # written; `deadline` holds a date only when the plan gives an unambiguous one.
    timescale = models.CharField(
        "timescale as written",
        max_length=100,
        blank=True,
        help_text="The deadline as the plan words it, when it is not a date, such as Ongoing or 2021/22.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    themes = models.ManyToManyField(Theme, blank=True, related_name="actions")
    answers = models.ManyToManyField(
        ConsultationFinding,
        blank=True,
        related_name="answered_by",
        verbose_name="consultation findings it answers",
        help_text="What residents and partners told us that this action responds to: “you told us, we did”.",
    )
    carried_over_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="carried_over_to",
        help_text="The same commitment in last year's plan, when it was carried over unfinished.",
    )
    # Bumped on every edit so a stale form cannot overwrite someone else's change.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[responsible_organisations, themes, answers])

    class Meta:
        # import and export: the admin's spreadsheet permissions (django-import-export, SEC-12).
        default_permissions = IMPORT_EXPORT_PERMISSIONS
        ordering = ["plan", "priority__order", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "reference"], name="action_reference_unique_in_plan"),
            models.CheckConstraint(
                condition=Q(deadline__isnull=True)
                | Q(start_date__isnull=True)
                | Q(deadline__gte=F("start_date")),
                name="action_deadline_not_before_start",
                violation_error_message="The deadline must be on or after the start date.",
            ),
        ]
        indexes = [
            models.Index(fields=["priority", "order"]),
            # The actions list's filters (actions/filters.py): deadline ranges and status within a plan.
            models.Index(fields=["plan", "deadline"], name="action_plan_deadline_idx"),
            models.Index(fields=["plan", "status"], name="action_plan_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.short_title}"

    @property
    def short_title(self) -> str:
        text = self.objective or self.overall_objective
        return text if len(text) <= 90 else text[:87].rstrip() + "…"

    def clean(self) -> None:
        # Forms never show the plan: it always follows the priority.
        if self.priority_id:
            self.plan_id = self.priority.plan_id
            clash = Action.objects.filter(plan_id=self.plan_id, reference=self.reference).exclude(pk=self.pk)
            if self.reference and clash.exists():
                raise ValidationError({"reference": f"Item {self.reference} already exists in this plan."})
        if self.start_date and self.deadline and self.deadline < self.start_date:
            raise ValidationError({"deadline": "The deadline must be on or after the start date."})


class ActionUpdate(models.Model):
    """An action's progress report for one reporting period."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        ACCEPTED = "accepted", "Accepted"
        RETURNED = "returned", "Returned"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="action_updates")
    rag = models.CharField("RAG rating", max_length=10, choices=Rag.choices, blank=True)
    progress = FreeTextField("progress narrative", blank=True, max_length=NARRATIVE)
    recovery_plan = FreeTextField(
        "what is being done",
        blank=True,
        help_text="For a red or amber rating: how it will get back on track.",
        max_length=NARRATIVE,
    )
    outcomes = FreeTextField("actual outcomes", blank=True, max_length=NARRATIVE)
    marks_complete = models.BooleanField("action complete", default=False)
    proposed_deadline = models.DateField("proposed new deadline", null=True, blank=True)
    deadline_change_reason = FreeTextField("why the deadline should change", blank=True, max_length=COMMENT)
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    submitted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = FreeTextField(
        blank=True, help_text="Why the secretary returned it, shown to the owner.", max_length=COMMENT
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        # import and export: the admin's spreadsheet permissions (django-import-export, SEC-12).
        default_permissions = IMPORT_EXPORT_PERMISSIONS
        ordering = ["action", "period__start"]
        constraints = [
            models.UniqueConstraint(fields=["action", "period"], name="one_update_per_action_per_period"),
            # Once submitted, an update always says how the action is doing, and who said so when.
            models.CheckConstraint(
                condition=Q(state="draft") | (~Q(rag="") & Q(submitted_at__isnull=False)),
                name="submitted_update_has_rag_and_time",
                violation_error_message=(
                    "A submitted update needs a RAG rating and the time it was submitted."
                ),
            ),
            # The board must be told what is being done about anything off track.
            models.CheckConstraint(
                condition=Q(state="draft") | Q(rag="green") | ~Q(recovery_plan=""),
                name="red_or_amber_update_says_what_is_being_done",
                violation_error_message="Say what is being done to get a red or amber action back on track.",
            ),
            models.CheckConstraint(
                condition=Q(proposed_deadline__isnull=True) | ~Q(deadline_change_reason=""),
                name="proposed_deadline_has_a_reason",
                violation_error_message="Give a reason for the new deadline.",
            ),
        ]
        indexes = [models.Index(fields=["period", "state"])]

    def __str__(self) -> str:
        return f"{self.action.reference} – {self.period}"

    def clean(self) -> None:
        if self.action_id and self.period_id and self.action.plan_id != self.period.plan_id:
            raise ValidationError({"period": "Choose a reporting period of this action's plan."})


class UpdateComment(models.Model):
    """A message on an update's thread, between its owner, the lead and the secretary. Never edited."""

    update = models.ForeignKey(ActionUpdate, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    body = FreeTextField(max_length=COMMENT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["update", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.author} on {self.update}"


def _evidence_path(instance: "UpdateEvidence", filename: str) -> str:
    # A random name: the uploader's file name is kept in the database, never on disk.
    return f"evidence/{instance.update.period.plan_id}/{uuid.uuid4().hex}"


class UpdateEvidence(models.Model):
    """A file backing up an update: stored outside the web root, served only through an access check."""

    update = models.ForeignKey(ActionUpdate, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=_evidence_path, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(
        max_length=100, help_text="As found from the file's content, not its name."
    )
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["update", "uploaded_at", "id"]
        verbose_name_plural = "update evidence"

    def __str__(self) -> str:
        return self.original_name


class BoardNote(models.Model):
    """Words written for the board each quarter, reviewed like an update: a priority lead's commentary
    on their priority, or the secretary's asks of the board (decisions and escalations).

    Printed in the board pack where the board reads them: commentary at the top of its priority's
    section, the asks on the plan at a glance and in the decisions section.
    """

    class Kind(models.TextChoices):
        COMMENTARY = "commentary", "Lead's commentary"
        ASKS = "asks", "Asks of the board"

    State = ActionUpdate.State  # drafted, submitted, then accepted or returned, as an update is

    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="board_notes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    priority = models.ForeignKey(
        Priority, on_delete=models.CASCADE, null=True, blank=True, related_name="board_notes"
    )
    text = FreeTextField(blank=True, max_length=NARRATIVE)
    state = models.CharField(
        max_length=20, choices=ActionUpdate.State.choices, default=ActionUpdate.State.DRAFT
    )
    written_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = FreeTextField(
        blank=True, help_text="Why the reviewer returned it, shown to its writer.", max_length=COMMENT
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["period", "priority"],
                condition=Q(kind="commentary"),
                name="one_commentary_per_priority_per_period",
            ),
            models.UniqueConstraint(fields=["period"], condition=Q(kind="asks"), name="one_asks_per_period"),
            # Commentary is on a priority; the asks are the whole board's.
            models.CheckConstraint(
                condition=(Q(kind="commentary") & Q(priority__isnull=False))
                | (Q(kind="asks") & Q(priority__isnull=True)),
                name="commentary_has_a_priority_asks_have_none",
            ),
            models.CheckConstraint(
                condition=Q(state="draft") | (~Q(text="") & Q(submitted_at__isnull=False)),
                name="submitted_note_has_text_and_time",
                violation_error_message="A submitted note needs its text and the time it was submitted.",
            ),
        ]

    def __str__(self) -> str:
        about = f" on {self.priority}" if self.priority_id else ""
        return f"{self.get_kind_display()}{about}, {self.period}"
