"""Dates and times as people say them, in the GOV.UK style, for pages, history and messages.

"6 October 2020", "4 December 2026 at 1:55pm", "midday": never a timestamp as the database keeps it.
"""

import re
from datetime import date, datetime

from django.utils import timezone


def day(value: date | datetime) -> str:
    """'6 October 2020'."""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{value.day} {value:%B %Y}"


def time_of_day(value: datetime) -> str:
    """'1:55pm', '9am', 'midday', 'midnight' (GOV.UK style: no dots, no leading zero)."""
    if (value.hour, value.minute) == (12, 0):
        return "midday"
    if (value.hour, value.minute) == (0, 0):
        return "midnight"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def moment(value: datetime) -> str:
    """'4 December 2026 at 1:55pm', in the partnership's time zone."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{day(value)} at {time_of_day(value)}"


# The reasons the plan's loaders (load_demo, load_synthetic) give their history records. Pages say
# "set up when the plan was loaded" instead: a command's name means nothing to a reader.
LOADER_REASON = re.compile(r"^(Loaded from|Synthetic data)|\(load_\w+\)")


def by_loader(reason: str | None, user) -> bool:
    """Whether a history record was written by loading the plan rather than by a person."""
    return user is None and bool(LOADER_REASON.search(reason or ""))


def count(number: int, singular: str, plural: str = "") -> str:
    """'1 update', '2 updates', '1 priority', '3 priorities': a count and its noun that agree."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
