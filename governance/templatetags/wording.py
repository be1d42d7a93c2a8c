"""Dates, times and history reasons as people say them (swp/wording.py), for every app's templates."""

from datetime import date, datetime

from django import template

from swp import wording

register = template.Library()


@register.filter
def day(value: date | datetime | None) -> str:
    """{{ period.update_deadline|day }}: '6 October 2020'."""
    return wording.day(value) if value else ""


@register.filter
def moment(value: datetime | None) -> str:
    """{{ record.history_date|moment }}: '4 December 2026 at 1:55pm'."""
    return wording.moment(value) if value else ""


@register.filter
def history_reason(record) -> str:
    """Why a history record was written, or what happened when no reason was given."""
    if wording.by_loader(record.history_change_reason, record.history_user):
        return "Set up when the plan was loaded"
    return record.history_change_reason or record.get_history_type_display()
