"""The plan: its reporting periods, the evidence behind it, priorities, themes and measures.

Also the statutory records around a plan: its approvals trail (which alone moves Plan.status,
through priorities/approvals.py), the consultation whose findings become "you told us", and the
Equality Impact Assessment with its action and monitoring plan.
"""

from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from governance.models import IMPORT_EXPORT_PERMISSIONS, Meeting, Organisation, Partnership, User


class StrategicAssessment(models.Model):
    """The annual assessment of crime and disorder data that the plan is built on."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="strategic_assessments"
    )
    title = models.CharField(max_length=200)
    completed_on = models.DateField(help_text="When the assessment was carried out.")
    summary = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-completed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "title"], name="assessment_title_unique_in_partnership"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class BaselineStatistic(models.Model):
    """A figure the plan relies on, with the period it covers and where it came from."""

    assessment = models.ForeignKey(StrategicAssessment, on_delete=models.CASCADE, related_name="statistics")
    order = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(
        max_length=300, help_text="For example, recorded crimes of public place violence."
    )
    value = models.DecimalField(max_digits=14, decimal_places=2)
    unit = models.CharField(max_length=60, help_text="For example, offences, people or %.")
    period = models.CharField(max_length=60, help_text="For example, 2018/19.")
    source = models.CharField(max_length=300)
    note = models.TextField(blank=True, help_text="Caveats, such as a different figure stated elsewhere.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "order", "id"]

    def __str__(self) -> str:
        return f"{self.label}: {self.value.normalize():f} {self.unit} ({self.period})"


class ApprovalStage(models.TextChoices):
    """The bodies a plan goes through on its way to approval, in the order councils usually use."""

    WORKING_PARTY = "working_party", "Working party sign-off"
    SCRUTINY = "scrutiny", "Scrutiny and overview committee"
    BOARD = "board", "Partnership board"
    EXECUTIVE_DIRECTOR = "executive_director", "Executive director"
    CMT = "cmt", "Corporate management team"
    CABINET = "cabinet", "Cabinet"
    COUNCIL = "council", "Full council"
    OTHER = "other", "Other"
    # Not an approval: the annual review's decision that the plan has run its course.
    CLOSE = "close", "Close the plan (annual review)"


# The bodies whose approval can be the one that makes a plan approved (Plan.final_approval_stage).
FINAL_APPROVAL_STAGES = [
    (ApprovalStage.COUNCIL.value, ApprovalStage.COUNCIL.label),
    (ApprovalStage.CABINET.value, ApprovalStage.CABINET.label),
    (ApprovalStage.BOARD.value, ApprovalStage.BOARD.label),
]

STATUS_BY_TRAIL_ONLY = (
    "A plan's status changes only through its approvals trail. Record the approval step instead "
    "(Governance, then Plan approvals)."
)
APPROVING_BODY_FIXED = "The body that approves the plan cannot change once the plan has been approved."


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
    vision = models.TextField(blank=True)
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
    rag_red_definition = models.TextField(
        "red means",
        default="Off track: the action will not be delivered by its deadline without intervention.",
    )
    rag_amber_definition = models.TextField(
        "amber means",
        default="At risk: there are problems, but the lead has a plan to bring the action back on track.",
    )
    rag_green_definition = models.TextField(
        "green means", default="On track: the action is progressing as planned and will meet its deadline."
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


class ApprovalStep(models.Model):
    """One step of the plan's approvals trail: a body's decision on the plan, on a date."""

    Stage = ApprovalStage

    class Outcome(models.TextChoices):
        APPROVED = "approved", "Approved"
        APPROVED_WITH_CHANGES = "approved_with_changes", "Approved with changes"
        DEFERRED = "deferred", "Deferred"
        REJECTED = "rejected", "Rejected"
        NOTED = "noted", "Noted"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="approval_steps")
    order = models.PositiveSmallIntegerField()
    stage = models.CharField(max_length=20, choices=ApprovalStage.choices)
    body = models.CharField(
        max_length=200,
        blank=True,
        help_text="The body as the papers name it, such as Safer Walsall Partnership Board.",
    )
    date = models.DateField()
    outcome = models.CharField(max_length=30, choices=Outcome.choices)
    notes = models.TextField(blank=True)
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="approval_steps"
    )
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "order"], name="approval_step_order_unique_in_plan"),
        ]

    def __str__(self) -> str:
        return f"{self.body or self.get_stage_display()}, {self.date:%-d %B %Y}: {self.get_outcome_display()}"

    @property
    def body_name(self) -> str:
        return self.body or self.get_stage_display()

    @property
    def is_approval(self) -> bool:
        return self.outcome in (self.Outcome.APPROVED, self.Outcome.APPROVED_WITH_CHANGES)

    def clean(self) -> None:
        if self.meeting_id and self.plan_id and self.meeting.board.partnership_id != self.plan.partnership_id:
            raise ValidationError({"meeting": "Choose a meeting of this partnership's boards."})


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


class Priority(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    lead_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_priorities",
        verbose_name="lead partner",
    )
    lead_officer = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_priorities",
        help_text="Reports this priority's progress to the board.",
    )
    lead_support_officer = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supported_priorities",
    )
    you_told_us = models.TextField("you told us", blank=True)
    why = models.TextField("why it is a priority", blank=True)
    aim = models.TextField(blank=True)
    cites = models.ManyToManyField(
        BaselineStatistic,
        blank=True,
        related_name="cited_by",
        verbose_name="statistics it cites",
        help_text="The strategic assessment figures this priority rests on.",
    )
    # As real plans write them (issue 6): numbered priorities with sub-priorities (1, 1.1, 1.1.1),
    # led jointly by several partners, by a group rather than an organisation, or by no single body.
    reference = models.CharField(
        max_length=20,
        blank=True,
        help_text="The plan's own number for it, such as 1 or 1.2. Blank: its order is its number.",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sub_priorities",
        verbose_name="part of",
        help_text="For a sub-priority: the priority it belongs to.",
    )
    co_lead_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="co_led_priorities",
        verbose_name="joint lead partners",
        help_text="Further lead partners, when the plan names more than one; the first is the lead partner.",
    )
    lead_groups = models.ManyToManyField(
        "governance.Board",
        blank=True,
        related_name="led_priorities",
        verbose_name="lead groups",
        help_text="Groups of the partnership that lead it, such as a violence reduction group.",
    )
    lead_as_written = models.CharField(
        "lead as written",
        max_length=300,
        blank=True,
        help_text=(
            "The lead exactly as the plan words it, such as “All partners” or “Joint: police and council”."
        ),
    )
    lead_officer_name = models.CharField(
        "lead officer as written",
        max_length=150,
        blank=True,
        help_text="As the plan names them; need not have an account.",
    )
    lead_support_officer_name = models.CharField(
        "lead support officer as written", max_length=150, blank=True
    )
    history = HistoricalRecords(m2m_fields=[cites, co_lead_organisations, lead_groups])

    class Meta:
        # import and export: the admin's spreadsheet permissions (django-import-export, SEC-12).
        default_permissions = IMPORT_EXPORT_PERMISSIONS
        ordering = ["plan", "order"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["plan", "order"], name="priority_order_unique_in_plan"),
            models.UniqueConstraint(fields=["plan", "title"], name="priority_title_unique_in_plan"),
            models.UniqueConstraint(
                fields=["plan", "reference"],
                condition=~Q(reference=""),
                name="priority_reference_unique_in_plan",
                violation_error_message="Another priority of this plan has this number.",
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("id")),
                name="priority_not_its_own_parent",
                violation_error_message="A priority cannot be part of itself.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def number(self) -> str:
        """The plan's number for it: its reference, else its order."""
        return self.reference or str(self.order)

    def clean(self) -> None:
        errors = {}
        if self.lead_organisation_id and self.plan_id:
            if self.lead_organisation.partnership_id != self.plan.partnership_id:
                errors["lead_organisation"] = "Choose one of this partnership's organisations."
        if self.parent_id and self.plan_id:
            if self.parent.plan_id != self.plan_id:
                errors["parent"] = "Choose a priority of the same plan."
            elif self.pk:
                seen, priority = {self.pk}, self.parent
                while priority is not None:
                    if priority.pk in seen:
                        errors["parent"] = "A priority cannot be part of one of its own sub-priorities."
                        break
                    seen.add(priority.pk)
                    priority = priority.parent
        if errors:
            raise ValidationError(errors)


class Theme(models.Model):
    """A concern that cuts across priorities, such as domestic abuse."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    priorities = models.ManyToManyField(Priority, blank=True, related_name="themes")
    history = HistoricalRecords(m2m_fields=[priorities])

    class Meta:
        ordering = ["plan", "name"]
        constraints = [models.UniqueConstraint(fields=["plan", "name"], name="theme_name_unique_in_plan")]

    def __str__(self) -> str:
        return self.name


class Measure(models.Model):
    """How success is measured: a number against a baseline and target, or a described outcome."""

    class Kind(models.TextChoices):
        NUMERIC = "numeric", "Numeric indicator"
        QUALITATIVE = "qualitative", "Qualitative outcome"

    class Direction(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"

    class UnitType(models.TextChoices):
        """What kind of number a reading is, so a value can be checked against it."""

        COUNT = "count", "A count (a whole number, such as offences or people)"
        PERCENTAGE = "percentage", "A percentage (0 to 100)"
        RATE = "rate", "A rate or other number (0 or more, up to 2 decimal places)"
        MONEY = "money", "An amount in pounds"

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="measures")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    unit = models.CharField(max_length=60, blank=True, help_text="For example, offences, people or %.")
    unit_type = models.CharField(max_length=20, choices=UnitType.choices, default=UnitType.COUNT)
    direction = models.CharField(max_length=10, choices=Direction.choices, blank=True)
    baseline_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_period = models.CharField(max_length=60, blank=True)
    baseline_source = models.CharField(max_length=300, blank=True)
    baseline_note = models.TextField(blank=True, help_text="Caveats, or why there is no baseline.")
    baseline_statistic = models.ForeignKey(
        BaselineStatistic,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measures",
        help_text="The strategic assessment figure this baseline comes from.",
    )
    target_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    target_description = models.TextField(
        blank=True, help_text="The target in words, when it is not a number."
    )
    history = HistoricalRecords()

    class Meta:
        # import and export: the admin's spreadsheet permissions (django-import-export, SEC-12).
        default_permissions = IMPORT_EXPORT_PERMISSIONS
        ordering = ["priority", "order"]
        constraints = [
            models.UniqueConstraint(fields=["priority", "order"], name="measure_order_unique_in_priority"),
            # A described outcome has no numbers to compare, so it carries none.
            models.CheckConstraint(
                condition=Q(kind="numeric") | Q(baseline_value__isnull=True, target_value__isnull=True),
                name="qualitative_measure_has_no_numbers",
                violation_error_message=(
                    "An outcome measure has no baseline or target value; "
                    "make it a numeric indicator to set numbers."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kind="qualitative") | ~Q(direction=""),
                name="numeric_measure_has_direction",
                violation_error_message="Say whether higher or lower is better for a numeric indicator.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_numeric(self) -> bool:
        return self.kind == self.Kind.NUMERIC

    def value_problem(self, value: Decimal) -> str | None:
        """Why a reading's value does not fit this measure's unit, in plain English; None if it fits."""
        unit = f" {self.unit}" if self.unit else ""
        if value < 0:
            return f"Enter a value of 0{unit} or more"
        if self.unit_type == self.UnitType.COUNT and value != value.to_integral_value():
            return f"Enter a whole number{unit}, like 12"
        if self.unit_type == self.UnitType.PERCENTAGE and value > 100:
            return "Enter a percentage between 0 and 100"
        return None


class MeasureReading(models.Model):
    """A measure's value (or, for an outcome, a narrative) for one reporting period."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="readings")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="readings")
    value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    narrative = models.TextField(blank=True)
    entered_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    entered_at = models.DateTimeField(null=True, blank=True)
    # Bumped on every edit so a stale form cannot overwrite someone else's reading.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        # import and export: the admin's spreadsheet permissions (django-import-export, SEC-12).
        default_permissions = IMPORT_EXPORT_PERMISSIONS
        ordering = ["measure", "period__start"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "period"], name="one_reading_per_measure_per_period"),
            models.CheckConstraint(
                condition=Q(value__isnull=False) | ~Q(narrative=""),
                name="reading_has_value_or_narrative",
                violation_error_message="Enter a value or describe progress.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure} – {self.period}"

    def clean(self) -> None:
        if self.measure_id and self.period_id and self.measure.priority.plan_id != self.period.plan_id:
            raise ValidationError({"period": "Choose a reporting period of this measure's plan."})
        if self.measure_id and not self.measure.is_numeric and self.value is not None:
            raise ValidationError(
                {"value": "This measure is an outcome: describe it in the narrative instead."}
            )


class Consultation(models.Model):
    """A consultation the partnership held, such as a residents' survey, whose findings shape a plan."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="consultations")
    plan = models.ForeignKey(
        Plan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultations",
        help_text="The plan it informed.",
    )
    title = models.CharField(max_length=200)
    held_from = models.DateField()
    held_to = models.DateField()
    method = models.TextField(blank=True, help_text="How people were asked: online, on paper, in groups.")
    participants = models.TextField("who took part", blank=True)
    respondents = models.PositiveIntegerField(
        "number of respondents", null=True, blank=True, help_text="Leave blank if it was not recorded."
    )
    summary = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "-held_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "title"], name="consultation_title_unique_in_partnership"
            ),
            models.CheckConstraint(
                condition=Q(held_to__gte=F("held_from")),
                name="consultation_ends_on_or_after_it_starts",
                violation_error_message="The consultation must end on or after the day it starts.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.plan_id and self.partnership_id and self.plan.partnership_id != self.partnership_id:
            raise ValidationError({"plan": "Choose a plan of this partnership."})


class ConsultationFinding(models.Model):
    """Something people said ("you told us"), with where it came from and the priorities it shaped.

    Actions say which findings they answer (actions.models.Action.answers), for "you told us, we did".
    """

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="findings")
    order = models.PositiveSmallIntegerField()
    text = models.TextField("you told us")
    source = models.CharField(
        max_length=300, blank=True, help_text="Where it was said or written, such as the residents' survey."
    )
    heard_on = models.DateField(
        "date", null=True, blank=True, help_text="Leave blank if only the consultation's dates are known."
    )
    priorities = models.ManyToManyField(
        Priority, blank=True, related_name="consultation_findings", help_text="The priorities it shaped."
    )
    history = HistoricalRecords(m2m_fields=[priorities])

    class Meta:
        ordering = ["consultation", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "order"], name="finding_order_unique_in_consultation"
            )
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else f"{self.text[:79]}…"


class EqualityImpactAssessment(models.Model):
    """A plan's Equality Impact Assessment (EqIA), laid out as councils' EqIA forms are."""

    class ProposalType(models.TextChoices):
        POLICY = "policy", "Policy"
        PROCEDURE = "procedure", "Procedure"
        GUIDANCE = "guidance", "Guidance"
        SERVICE = "service", "Service"
        OTHER = "other", "Other"

    class NewOrRevision(models.TextChoices):
        NEW = "new", "New"
        REVISION = "revision", "Revision"

    class JustifiableAction(models.TextChoices):
        NO_MAJOR_CHANGE = "no_major_change", "No major change required"
        ADJUSTMENTS = "adjustments", "Adjustments needed to remove barriers or to better promote equality"
        CONTINUE = "continue", "Continue despite possible adverse impact"
        STOP = "stop", "Stop and rethink the proposal"

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="equality_impact_assessment")
    reference = models.CharField("reference number", max_length=60, blank=True)
    proposal_name = models.CharField(max_length=300)
    directorate = models.CharField(max_length=200, blank=True)
    service = models.CharField(max_length=200, blank=True)
    responsible_officer = models.CharField(max_length=150, blank=True)
    planning_started_on = models.DateField("proposal planning start", null=True, blank=True)
    proposal_starts_on = models.DateField("proposal start date (due or actual)", null=True, blank=True)
    proposal_type = models.CharField(max_length=20, choices=ProposalType.choices, blank=True)
    new_or_revision = models.CharField(max_length=20, choices=NewOrRevision.choices, blank=True)
    business_case = models.TextField(
        blank=True, help_text="The main purpose of the service, intended outcomes and reasons for change."
    )
    who_affected = models.TextField("who the proposal is likely to affect", blank=True)
    service_data = models.TextField("service data on protected characteristics", blank=True)
    consultation = models.ForeignKey(
        Consultation, on_delete=models.SET_NULL, null=True, blank=True, related_name="equality_assessments"
    )
    engagement = models.TextField("engagement and consultation carried out", blank=True)
    evidence_overview = models.TextField("overview of evidence, engagement and consultation", blank=True)
    cumulative_effect = models.TextField(
        "links with other proposals", blank=True, help_text="Proposals that may have a cumulative effect."
    )
    justifiable_action = models.CharField(max_length=20, choices=JustifiableAction.choices, blank=True)
    justifiable_action_detail = models.TextField(blank=True)
    signed_off_by = models.CharField(max_length=150, blank=True)
    signed_off_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Equality Impact Assessment"

    def __str__(self) -> str:
        return f"Equality Impact Assessment: {self.proposal_name}"

    def clean(self) -> None:
        if self.consultation_id and self.plan_id:
            if self.consultation.partnership_id != self.plan.partnership_id:
                raise ValidationError({"consultation": "Choose a consultation of this partnership."})


class EqiaImpact(models.Model):
    """The expected effect of the proposal on people with one protected characteristic."""

    class Characteristic(models.TextChoices):
        AGE = "age", "Age"
        DISABILITY = "disability", "Disability"
        GENDER_REASSIGNMENT = "gender_reassignment", "Gender reassignment"
        MARRIAGE = "marriage_civil_partnership", "Marriage and civil partnership"
        PREGNANCY = "pregnancy_maternity", "Pregnancy and maternity"
        RACE = "race", "Race"
        RELIGION = "religion_belief", "Religion or belief"
        SEX = "sex", "Sex"
        SEXUAL_ORIENTATION = "sexual_orientation", "Sexual orientation"
        OTHER = "other", "Other"

    class Effect(models.TextChoices):
        POSITIVE = "positive", "Positive"
        NEGATIVE = "negative", "Negative"
        NEUTRAL = "neutral", "Neutral"
        UNKNOWN = "unknown", "Not known"

    eqia = models.ForeignKey(EqualityImpactAssessment, on_delete=models.CASCADE, related_name="impacts")
    characteristic = models.CharField(max_length=30, choices=Characteristic.choices)
    detail = models.CharField(max_length=200, blank=True, help_text="For Other: which group.")
    effect = models.CharField(max_length=10, choices=Effect.choices)
    reasons = models.TextField(blank=True)
    action_needed = models.BooleanField(null=True, blank=True, help_text="Leave unset if not stated.")
    main_focus = models.BooleanField(
        "a main characteristic affected",
        default=False,
        help_text="The assessment names it as one of the main ones.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["eqia", "id"]
        verbose_name = "EqIA impact"
        constraints = [
            models.UniqueConstraint(
                fields=["eqia", "characteristic"],
                condition=~Q(characteristic="other"),
                name="one_impact_per_characteristic",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_characteristic_display()}: {self.get_effect_display()}"

    @property
    def sort_key(self) -> int:
        return list(self.Characteristic.values).index(self.characteristic)


class EqiaActionItem(models.Model):
    """A row of the EqIA's action and monitoring plan.

    Dates are kept as written ("Autumn", "6 months") and, where exact, as dates too.
    """

    eqia = models.ForeignKey(EqualityImpactAssessment, on_delete=models.CASCADE, related_name="action_items")
    order = models.PositiveSmallIntegerField()
    action_date_text = models.CharField(
        "action date as written", max_length=60, blank=True, help_text="For example, Autumn or 6 months."
    )
    action_date = models.DateField(null=True, blank=True)
    action = models.TextField()
    responsibility = models.CharField(max_length=200)
    outcome_date_text = models.CharField("outcome date as written", max_length=60, blank=True)
    outcome_date = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    done = models.BooleanField(default=False)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["eqia", "order"]
        verbose_name = "EqIA action"
        constraints = [
            models.UniqueConstraint(fields=["eqia", "order"], name="eqia_action_order_unique"),
            models.CheckConstraint(
                condition=Q(done=False, done_at__isnull=True) | Q(done=True, done_at__isnull=False),
                name="eqia_action_done_has_a_time",
                violation_error_message="An action marked done needs the time it was done, and only then.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action}: {self.outcome}" if self.outcome else self.action

    @property
    def when(self) -> str:
        return self.action_date_text or (f"{self.action_date:%-d %B %Y}" if self.action_date else "")

    @property
    def outcome_when(self) -> str:
        return self.outcome_date_text or (f"{self.outcome_date:%-d %B %Y}" if self.outcome_date else "")
