import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from priorities.models import Measure, MeasureReading, Plan, ReportingPeriod
from tests import factories


def test_a_plan_must_end_after_it_starts(walsall):
    plan = Plan(
        partnership=walsall,
        title="Backwards",
        period_start=datetime.date(2020, 12, 31),
        period_end=datetime.date(2020, 1, 1),
    )
    with pytest.raises(ValidationError) as raised:
        plan.full_clean()
    assert "The plan must end after it starts." in str(raised.value)
    with pytest.raises(IntegrityError):
        plan.save()


def test_a_reporting_period_deadline_cannot_be_before_it_starts(plan):
    period = ReportingPeriod(
        plan=plan,
        label="2020 Q1",
        start=datetime.date(2020, 1, 1),
        end=datetime.date(2020, 3, 31),
        update_deadline=datetime.date(2019, 12, 1),
    )
    with pytest.raises(ValidationError) as raised:
        period.full_clean()
    assert "The update deadline must be on or after the start of the period." in str(raised.value)


def test_period_labels_are_unique_within_a_plan(plan):
    factories.make_period(plan, 1)
    with pytest.raises(IntegrityError):
        ReportingPeriod.objects.create(
            plan=plan,
            label="2020 Q1",
            start=datetime.date(2020, 2, 1),
            end=datetime.date(2020, 3, 1),
            update_deadline=datetime.date(2020, 3, 1),
        )


def test_priority_order_is_unique_within_a_plan(plan, p1):
    with pytest.raises(IntegrityError):
        factories.make_priority(plan, 1, title="Another")


def test_a_qualitative_measure_cannot_carry_a_baseline(p1):
    measure = Measure(
        priority=p1,
        order=1,
        title="Stopping violence before it starts",
        kind=Measure.Kind.QUALITATIVE,
        baseline_value=Decimal("3700"),
    )
    with pytest.raises(ValidationError) as raised:
        measure.full_clean()
    assert "An outcome measure has no baseline or target value" in str(raised.value)
    with pytest.raises(IntegrityError):
        measure.save()


def test_a_numeric_measure_says_which_direction_is_better(p1):
    with pytest.raises(IntegrityError):
        Measure.objects.create(
            priority=p1, order=1, title="Knife crime", kind=Measure.Kind.NUMERIC, direction=""
        )


def test_one_reading_per_measure_per_period(p1, period):
    measure = factories.make_measure(p1)
    MeasureReading.objects.create(measure=measure, period=period, value=10)
    with pytest.raises(IntegrityError):
        MeasureReading.objects.create(measure=measure, period=period, value=11)


def test_a_reading_needs_a_value_or_a_narrative(p1, period):
    reading = MeasureReading(measure=factories.make_measure(p1), period=period)
    with pytest.raises(ValidationError) as raised:
        reading.full_clean()
    assert "Enter a value or describe progress." in str(raised.value)


def test_a_reading_must_be_for_a_period_of_the_measures_plan(walsall, p1):
    other_plan = factories.make_plan(walsall, title="Next year")
    reading = MeasureReading(
        measure=factories.make_measure(p1), period=factories.make_period(other_plan), value=1
    )
    with pytest.raises(ValidationError) as raised:
        reading.full_clean()
    assert "Choose a reporting period of this measure's plan." in str(raised.value)


def test_changing_a_priority_is_recorded_in_its_history(p1):
    p1.aim = "A new aim"
    p1.save()
    assert [h.aim for h in p1.history.all()] == ["A new aim", ""]
