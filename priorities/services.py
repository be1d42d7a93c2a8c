"""Writes to plan content that have rules or side effects: measure readings and the quarterly periods.

Keyword-only, the acting user passed in, one transaction each, saved with save() so history
records the actor and, where the rules ask for one, the reason.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from governance.models import User
from swp.history import save_as

from .models import Measure, MeasureReading, ReportingPeriod
from .signals import announce_plan_changed


class ReadingConflict(Exception):
    """Someone else saved this reading after the form was opened. `current` is the reading now."""

    def __init__(self, current: MeasureReading | None):
        super().__init__("Someone else saved this reading after you opened it.")
        self.current = current


class PeriodNotOpen(Exception):
    pass


@transaction.atomic
def record_reading(
    *,
    measure: Measure,
    period: ReportingPeriod,
    by: User,
    expected_version: int,
    value: Decimal | None,
    narrative: str,
) -> MeasureReading:
    """Enter or correct a measure's reading for an open quarter. expected_version is 0 for a new one."""
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    Measure.objects.select_for_update().get(pk=measure.pk)  # serialises the first reading too
    if period.status != ReportingPeriod.Status.OPEN:
        raise PeriodNotOpen(f"{period.label} is not open for readings.")
    reading = MeasureReading.objects.filter(measure=measure, period=period).first()
    if (reading.version if reading else 0) != expected_version:
        raise ReadingConflict(reading)
    if reading is None:
        reading = MeasureReading(measure=measure, period=period, version=0)
    reading.value = value if measure.is_numeric else None
    reading.narrative = narrative
    reading.entered_by = by
    reading.entered_at = timezone.now()
    reading.version += 1
    save_as(reading, by=by)
    announce_plan_changed(plan_id=period.plan_id)
    return reading


@transaction.atomic
def open_period(*, period: ReportingPeriod, by: User, update_deadline: date) -> ReportingPeriod:
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.status != ReportingPeriod.Status.PLANNED:
        raise PeriodNotOpen(f"{period.label} has already been opened.")
    period.status = ReportingPeriod.Status.OPEN
    period.update_deadline = update_deadline
    save_as(period, by=by, reason="Opened for updates")
    announce_plan_changed(plan_id=period.plan_id)  # a new current quarter, whose pack the board will want
    return period


@transaction.atomic
def set_deadline(*, period: ReportingPeriod, by: User, update_deadline: date) -> ReportingPeriod:
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.status == ReportingPeriod.Status.LOCKED:
        raise PeriodNotOpen(f"{period.label} is locked. Reopen it to change its deadline.")
    period.update_deadline = update_deadline
    save_as(period, by=by, reason="Deadline changed")
    return period


@transaction.atomic
def lock_period(*, period: ReportingPeriod, by: User) -> ReportingPeriod:
    """After this, the quarter's updates and readings are read only."""
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.status != ReportingPeriod.Status.OPEN:
        raise PeriodNotOpen(
            f"Only an open quarter can be locked; {period.label} is {period.get_status_display().lower()}."
        )
    period.status = ReportingPeriod.Status.LOCKED
    save_as(period, by=by, reason="Locked")
    return period


@transaction.atomic
def reopen_period(*, period: ReportingPeriod, by: User, reason: str) -> ReportingPeriod:
    """Unlock a quarter, recording why in its history. The reason is required."""
    if not reason.strip():
        raise ValueError("A reason is required to reopen a quarter.")
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.status != ReportingPeriod.Status.LOCKED:
        raise PeriodNotOpen(f"{period.label} is not locked.")
    period.status = ReportingPeriod.Status.OPEN
    save_as(period, by=by, reason=f"Reopened: {reason.strip()}")
    return period
