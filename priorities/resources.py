"""Spreadsheet import and export of priorities, measures and measure readings (admin; issue 6).

Every row names its partnership (by slug) and its plan (by ID); the plan must be that partnership's.
Everything else is found inside that plan, by the numbers and labels people use: priority 2,
measure 2.1, period "2020 Q3", a lead partner's name, a person's work email. So an import can never
attach a record to another partnership's priority, period, organisation or person.

Only the columns listed are read or written: never internal ids (other than the plan's), passwords
or version counters.
"""

from django.core.exceptions import ValidationError
from django.db.models import Model
from import_export import fields

from governance.models import Membership, Organisation, User
from governance.resources import PartnershipWidget, partnership_slug
from swp.import_export.resources import SafeModelResource, cached_lookup
from swp.import_export.widgets import (
    ChoiceWidget,
    LookupWidget,
    NumberWidget,
    TextWidget,
    UKDateTimeWidget,
    whole_number,
)
from swp.sheets.values import CellError, is_blank

from .models import Measure, MeasureReading, Plan, Priority, ReportingPeriod

PARTNERSHIP = "Partnership"
PLAN = "Plan ID"
PRIORITY = "Priority number"
MEASURE = "Measure number"
# The size of every amount column (baselines, targets, readings), so a number it cannot keep is refused
# at its row (issue 15 item 4).
AMOUNT = (
    MeasureReading._meta.get_field("value").max_digits,
    MeasureReading._meta.get_field("value").decimal_places,
)


def plan_of_row(row) -> Plan:
    """The plan a row names, which must belong to the partnership the row names."""
    slug = partnership_slug(row)
    if not slug:
        raise CellError(f"Enter the partnership in the “{PARTNERSHIP}” column, like safer-walsall")
    raw = row.get(PLAN)
    if is_blank(raw):
        raise CellError(f"Enter the plan's ID in the “{PLAN}” column")
    number = whole_number(raw, f"The “{PLAN}”")
    plans = Plan.objects.select_related("partnership")
    plan = cached_lookup(
        ("plan", number, slug.lower()),
        lambda: plans.filter(pk=number, partnership__slug__iexact=slug).first(),
    )
    if plan is None:
        raise CellError(f"{slug} has no plan with ID {number}")
    return plan


class PlanWidget(LookupWidget):
    def clean(self, value, row=None, **kwargs):
        return plan_of_row(row or {})

    def render(self, value, obj=None, **kwargs):
        return None if value is None else value.pk


class OrganisationInPartnershipWidget(LookupWidget):
    """One of the plan's partnership's organisations, by its name or short name."""

    def find(self, key, row):
        plan = plan_of_row(row)
        found = Organisation.objects.filter(partnership=plan.partnership, name__iexact=key).first()
        found = (
            found or Organisation.objects.filter(partnership=plan.partnership, short_name__iexact=key).get()
        )
        return found

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except Organisation.DoesNotExist:
            raise CellError(
                f"“{' '.join(str(value).split())}” is not one of this partnership's organisations"
            ) from None

    def key_of(self, obj):
        return obj.name


class MemberWidget(LookupWidget):
    """A person with a role in the plan's partnership, by their work email."""

    def find(self, key, row):
        plan = plan_of_row(row)
        member = cached_lookup(
            ("member", plan.partnership_id, key.lower()),
            lambda: User.objects.filter(
                email__iexact=key,
                pk__in=Membership.objects.current().filter(partnership=plan.partnership).values("user"),
            ).first(),
        )
        if member is None:
            raise CellError(f"“{key}” is not the work email of anyone in {plan.partnership}")
        return member

    def key_of(self, obj):
        return obj.email


class InPlanWidget(LookupWidget):
    """A record of the row's plan by one natural key (a priority number, a period label), once an import.

    Subclasses name the `model` and the `lookup` that matches the key ("label__iexact": the field,
    then how), and say what to write when nothing matches; `key_value` reads the key as the field
    holds it (the cell's text, by default).
    """

    model: type[Model]
    lookup: str

    def key_value(self, key: str):
        return key

    def missing(self, plan: Plan, key: str, value) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def find(self, key, row):
        plan = plan_of_row(row)
        value = self.key_value(key)
        found = cached_lookup(
            (self.model._meta.label, plan.pk, str(value).lower()),
            lambda: self.model.objects.filter(plan=plan, **{self.lookup: value}).first(),
        )
        if found is None:
            raise CellError(self.missing(plan, key, value))
        return found

    def key_of(self, obj):
        return getattr(obj, self.lookup.split("__")[0])


class PriorityInPlanWidget(InPlanWidget):
    """A priority of the row's plan, by its number."""

    model = Priority
    lookup = "order"

    def key_value(self, key: str) -> int:
        return whole_number(key, f"The “{PRIORITY}”")

    def missing(self, plan: Plan, key: str, value: int) -> str:
        return f"Plan {plan.pk} has no priority {value}"


class MeasureInPlanWidget(LookupWidget):
    """A measure of the row's priority, by its number within the priority."""

    def find(self, key, row):
        priority = PriorityInPlanWidget().clean(row.get(PRIORITY), row)
        if priority is None:
            raise CellError(f"Enter the “{PRIORITY}” the measure belongs to")
        number = whole_number(key, f"The “{MEASURE}”")
        measure = Measure.objects.filter(priority=priority, order=number).first()
        if measure is None:
            raise CellError(f"Priority {priority.order} has no measure {number}")
        return measure

    def key_of(self, obj):
        return obj.order


class PeriodInPlanWidget(InPlanWidget):
    """A reporting period of the row's plan, by its label (e.g. 2020 Q3)."""

    model = ReportingPeriod
    lookup = "label__iexact"

    def missing(self, plan: Plan, key: str, value: str) -> str:
        labels = ", ".join(plan.periods.order_by("start").values_list("label", flat=True)) or "none yet"
        return f"Plan {plan.pk} has no period “{key}” (its periods: {labels})"


def partnership_field(attribute: str) -> fields.Field:
    return fields.Field(attribute, PARTNERSHIP, PartnershipWidget(), readonly=True)


class PriorityResource(SafeModelResource):
    partnership = partnership_field("plan__partnership")
    plan = fields.Field("plan", PLAN, PlanWidget())
    order = fields.Field("order", PRIORITY, NumberWidget(whole=True))
    title = fields.Field("title", "Title", TextWidget())
    lead_organisation = fields.Field("lead_organisation", "Lead partner", OrganisationInPartnershipWidget())
    lead_officer = fields.Field("lead_officer", "Lead officer email", MemberWidget())
    lead_support_officer = fields.Field("lead_support_officer", "Support officer email", MemberWidget())
    you_told_us = fields.Field("you_told_us", "You told us", TextWidget())
    why = fields.Field("why", "Why it is a priority", TextWidget())
    aim = fields.Field("aim", "Aim", TextWidget())

    class Meta(SafeModelResource.Meta):
        model = Priority
        fields = (
            "partnership", "plan", "order", "title", "lead_organisation", "lead_officer",
            "lead_support_officer", "you_told_us", "why", "aim",
        )  # fmt: skip
        import_id_fields = ("plan", "order")

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("plan__partnership", "lead_organisation", "lead_officer", "lead_support_officer")
        )


class MeasureResource(SafeModelResource):
    partnership = partnership_field("priority__plan__partnership")
    plan = fields.Field("priority__plan", PLAN, PlanWidget(), readonly=True)
    priority = fields.Field("priority", PRIORITY, PriorityInPlanWidget())
    order = fields.Field("order", MEASURE, NumberWidget(whole=True))
    title = fields.Field("title", "Title", TextWidget())
    kind = fields.Field("kind", "Kind", ChoiceWidget(Measure.Kind.choices))
    unit = fields.Field("unit", "Unit", TextWidget())
    unit_type = fields.Field(
        "unit_type", "Unit type", ChoiceWidget(Measure.UnitType.choices), default=Measure.UnitType.COUNT
    )
    direction = fields.Field("direction", "Direction", ChoiceWidget(Measure.Direction.choices))
    baseline_value = fields.Field("baseline_value", "Baseline value", NumberWidget(digits=AMOUNT))
    baseline_period = fields.Field("baseline_period", "Baseline period", TextWidget())
    baseline_source = fields.Field("baseline_source", "Baseline source", TextWidget())
    baseline_note = fields.Field("baseline_note", "Baseline note", TextWidget())
    target_value = fields.Field("target_value", "Target value", NumberWidget(digits=AMOUNT))
    target_description = fields.Field("target_description", "Target description", TextWidget())

    class Meta(SafeModelResource.Meta):
        model = Measure
        fields = (
            "partnership", "plan", "priority", "order", "title", "kind", "unit", "unit_type", "direction",
            "baseline_value", "baseline_period", "baseline_source", "baseline_note", "target_value",
            "target_description",
        )  # fmt: skip
        import_id_fields = ("plan", "priority", "order")

    def get_queryset(self):
        return super().get_queryset().select_related("priority__plan__partnership")


class MeasureReadingResource(SafeModelResource):
    partnership = partnership_field("measure__priority__plan__partnership")
    plan = fields.Field("measure__priority__plan", PLAN, PlanWidget(), readonly=True)
    priority = fields.Field("measure__priority", PRIORITY, PriorityInPlanWidget(), readonly=True)
    measure = fields.Field("measure", MEASURE, MeasureInPlanWidget())
    period = fields.Field("period", "Period", PeriodInPlanWidget())
    value = fields.Field("value", "Value", NumberWidget(digits=AMOUNT))
    narrative = fields.Field("narrative", "Narrative", TextWidget())
    entered_by = fields.Field("entered_by", "Entered by email", MemberWidget())
    entered_at = fields.Field("entered_at", "Entered at", UKDateTimeWidget())

    class Meta(SafeModelResource.Meta):
        model = MeasureReading
        fields = (
            "partnership", "plan", "priority", "measure", "period", "value", "narrative", "entered_by",
            "entered_at",
        )  # fmt: skip
        import_id_fields = ("plan", "priority", "measure", "period")

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("measure__priority__plan__partnership", "period", "entered_by")
        )

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # The web form's rule: a value must fit the measure's unit (a count is whole, a % is 0 to 100).
        errors = dict(import_validation_errors or {})
        if instance.value is not None and instance.measure_id and "value" not in errors:
            problem = instance.measure.value_problem(instance.value)
            if problem:
                errors["value"] = [ValidationError(problem)]
        super().validate_instance(instance, errors or None, validate_unique)
