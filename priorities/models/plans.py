"""The plan itself, its aims and its reporting periods (the quarters leads report in)."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from governance.models import Meeting, Partnership
from swp.model_fields import FreeTextField
from swp.text_limits import COMMENT, NARRATIVE

from .approvals import APPROVING_BODY_FIXED, FINAL_APPROVAL_STAGES, STATUS_BY_TRAIL_ONLY, ApprovalStage
from .evidence import StrategicAssessment


class PlanQuerySet(models.QuerySet):
    """Bulk updates bypass save(), so they refuse to touch the fields the approvals trail owns."""

    def update(self, **kwargs):
        if "status" in kwargs:
            raise ValidationError(STATUS_BY_TRAIL_ONLY)
        if "final_approval_stage" in kwargs:
            raise ValidationError(APPROVING_BODY_FIXED)
        return super().update(**kwargs)


class Plan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"
        ACTIVE = "active", "Active"
        ARCHIVED = "archived", "Archived"

    class QuarterScheme(models.TextChoices):
        CALENDAR = "calendar", "Calendar year (January to March is Q1)"
        FINANCIAL = "financial", "Financial year (April to June is Q1)"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="plans")
    title = models.CharField(max_length=200)
    period_start = models.DateField()
    period_end = models.DateField()
    vision = FreeTextField(blank=True, max_length=NARRATIVE)
    # Set only by priorities/approvals.py from the approvals trail; see Plan.save().
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    final_approval_stage = models.CharField(
        "approved by",
        max_length=20,
        choices=FINAL_APPROVAL_STAGES,
        default=ApprovalStage.COUNCIL,
        help_text="The body whose approval makes the plan approved. Most community safety plans "
        "go to full council; some partnerships' boards approve their own plan.",
    )
    is_published = models.BooleanField(
        "published", default=False, help_text="Show this plan on the public pages."
    )
    quarter_scheme = models.CharField(
        max_length=20, choices=QuarterScheme.choices, default=QuarterScheme.CALENDAR
    )
    strategic_assessment = models.ForeignKey(
        StrategicAssessment, on_delete=models.PROTECT, null=True, blank=True, related_name="plans"
    )
    # What each RAG colour means in this plan, printed beside every rating and in the pack.
    rag_red_definition = FreeTextField(
        "red means",
        default="Off track: the action will not be delivered by its deadline without intervention.",
        max_length=COMMENT,
    )
    rag_amber_definition = FreeTextField(
        "amber means",
        default="At risk: there are problems, but the lead has a plan to bring the action back on track.",
        max_length=COMMENT,
    )
    rag_green_definition = FreeTextField(
        "green means",
        default="On track: the action is progressing as planned and will meet its deadline.",
        max_length=COMMENT,
    )
    history = HistoricalRecords()

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["partnership", "-period_start"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "title"], name="plan_title_unique_in_partnership"),
            models.CheckConstraint(
                condition=Q(period_end__gt=F("period_start")),
                name="plan_ends_after_it_starts",
                violation_error_message="The plan must end after it starts.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    # The guard. Not business logic: the one rule every write path must obey (a form, the admin, a
    # script calling save()), so that the trail is the only way a plan is approved or archived.
    # priorities/approvals.py, and only it, sets _status_from_trail for the one save it makes.
    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"status", "final_approval_stage"} & set(update_fields):
            errors = self._trail_owned_changes()
            if errors:
                raise ValidationError(errors)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        # Not tied to the fields: forms don't offer them, so the message goes at the top of the form.
        errors: dict[str, list[str]] = {NON_FIELD_ERRORS: list(self._trail_owned_changes().values())}
        if self.strategic_assessment_id and self.partnership_id:
            if self.strategic_assessment.partnership_id != self.partnership_id:
                errors["strategic_assessment"] = ["Choose a strategic assessment of this partnership."]
        errors = {field: messages for field, messages in errors.items() if messages}
        if errors:
            raise ValidationError(errors)

    def _trail_owned_changes(self) -> dict[str, str]:
        """The fields the approvals trail owns that this copy would change in the stored plan.

        A new plan may start in any status: creating one writes no approval (imports, fixtures,
        and next year's draft from the roll-forward); no form offers the field.
        """
        if self.pk is None or getattr(self, "_status_from_trail", False):
            return {}
        stored = Plan.objects.filter(pk=self.pk).values("status", "final_approval_stage").first()
        if stored is None:
            return {}
        errors = {}
        if stored["status"] != self.status:
            errors["status"] = STATUS_BY_TRAIL_ONLY
        if (
            stored["status"] != self.Status.DRAFT
            and stored["final_approval_stage"] != self.final_approval_stage
        ):
            errors["final_approval_stage"] = APPROVING_BODY_FIXED
        return errors


class PlanAim(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="aims")
    order = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "order"], name="aim_order_unique_in_plan")]

    def __str__(self) -> str:
        return self.text


class ReportingPeriod(models.Model):
    """A quarter of the plan year, in which leads report progress for one board meeting."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Not yet open"
        OPEN = "open", "Open for updates"
        LOCKED = "locked", "Locked"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="periods")
    label = models.CharField(max_length=40, help_text="For example, 2020 Q1.")
    start = models.DateField()
    end = models.DateField()
    update_deadline = models.DateField(help_text="The last day leads can submit updates.")
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reporting_periods",
        help_text="The board meeting these updates are reported to.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "start"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "label"], name="period_label_unique_in_plan"),
            models.UniqueConstraint(fields=["plan", "start"], name="period_start_unique_in_plan"),
            models.CheckConstraint(
                condition=Q(end__gt=F("start")),
                name="period_ends_after_it_starts",
                violation_error_message="The reporting period must end after it starts.",
            ),
            models.CheckConstraint(
                condition=Q(update_deadline__gte=F("start")),
                name="period_deadline_not_before_start",
                violation_error_message="The update deadline must be on or after the start of the period.",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.meeting_id and self.plan_id and self.meeting.board.partnership_id != self.plan.partnership_id:
            raise ValidationError({"meeting": "Choose a meeting of this partnership's boards."})
