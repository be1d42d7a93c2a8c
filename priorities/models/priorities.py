"""A plan's priorities, the themes that cut across them, and the measures with their readings."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from governance.models import IMPORT_EXPORT_PERMISSIONS, Organisation, User
from swp.hierarchy import parent_chain_loops
from swp.model_fields import FreeTextField
from swp.text_limits import COMMENT, DOCUMENT, NARRATIVE

from ..measure_periods import ValueCovers
from .evidence import BaselineStatistic
from .plans import Plan, ReportingPeriod


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
    you_told_us = FreeTextField("you told us", blank=True, max_length=DOCUMENT)
    why = FreeTextField("why it is a priority", blank=True, max_length=DOCUMENT)
    aim = FreeTextField(blank=True, max_length=NARRATIVE)
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
            elif self.pk and parent_chain_loops(self):
                errors["parent"] = "A priority cannot be part of one of its own sub-priorities."
        if errors:
            raise ValidationError(errors)


class Theme(models.Model):
    """A concern that cuts across priorities, such as domestic abuse."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(max_length=200)
    description = FreeTextField(blank=True, max_length=NARRATIVE)
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
    baseline_note = FreeTextField(
        blank=True, help_text="Caveats, or why there is no baseline.", max_length=COMMENT
    )
    baseline_statistic = models.ForeignKey(
        BaselineStatistic,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measures",
        help_text="The strategic assessment figure this baseline comes from.",
    )
    target_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    target_description = FreeTextField(
        blank=True, help_text="The target in words, when it is not a number.", max_length=COMMENT
    )
    # What each reading covers (a quarter, a rolling year...), so the reading form asks for the
    # right figure and charts say, and place, what each value is (priorities/measure_periods.py).
    value_covers = models.CharField(
        "Each reading covers",
        max_length=20,
        choices=ValueCovers.choices,
        blank=True,
        default=ValueCovers.NOT_STATED,
        help_text="The period one reading's value covers, such as the 12 months to the end of the quarter.",
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
    narrative = FreeTextField(blank=True, max_length=NARRATIVE)
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
