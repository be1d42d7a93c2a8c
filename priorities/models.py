"""The plan: its reporting periods, the evidence behind it, priorities, themes and measures."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from governance.models import Meeting, Organisation, Partnership, User


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
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
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

    def clean(self) -> None:
        if self.strategic_assessment_id and self.partnership_id:
            if self.strategic_assessment.partnership_id != self.partnership_id:
                raise ValidationError(
                    {"strategic_assessment": "Choose a strategic assessment of this partnership."}
                )


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
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["plan", "order"], name="priority_order_unique_in_plan"),
            models.UniqueConstraint(fields=["plan", "title"], name="priority_title_unique_in_plan"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.lead_organisation_id and self.plan_id:
            if self.lead_organisation.partnership_id != self.plan.partnership_id:
                raise ValidationError(
                    {"lead_organisation": "Choose one of this partnership's organisations."}
                )


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
