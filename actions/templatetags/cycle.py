from datetime import date

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def days_left(deadline: date | None, today: date | None = None) -> str:
    """'12 days left', 'due today', '3 days overdue': a deadline in words, relative to today."""
    if deadline is None:
        return ""
    days = (deadline - (today or timezone.localdate())).days
    if days > 1:
        return f"{days} days left"
    if days == 1:
        return "1 day left"
    if days == 0:
        return "due today"
    return "1 day overdue" if days == -1 else f"{-days} days overdue"
