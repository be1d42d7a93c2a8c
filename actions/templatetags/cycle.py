from datetime import date

from django import template
from django.utils import timezone

from swp.wording import day

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


# Past this, a count of days overdue ("2,251 days overdue") says nothing a date does not.
DAYS_COUNTED_OVERDUE = 31


@register.filter
def deadline_in_words(deadline: date | None, today: date | None = None) -> str:
    """'6 October 2020 (12 days left)', '… (3 days overdue)'; over a month past, 'was 6 October 2020'."""
    if deadline is None:
        return ""
    if ((today or timezone.localdate()) - deadline).days > DAYS_COUNTED_OVERDUE:
        return f"was {day(deadline)}"
    return f"{day(deadline)} ({days_left(deadline, today)})"
