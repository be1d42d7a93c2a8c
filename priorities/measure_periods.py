"""What period a measure's value covers, in words and as a date a chart can place it at.

A quarter's count of offences and a year's count are different numbers; put side by side without
saying so, a 75 % fall appears from nowhere. So each measure says what its readings cover
(`Measure.value_covers`), the reading form asks for exactly that, and charts place every value at
the end of the period it covers, the baseline at its own period (parsed from the plan's words,
"2018/19", when they give one).
"""

import calendar
import re
from datetime import date

from django.db import models


class ValueCovers(models.TextChoices):
    """What one reading of a measure covers: asked for on the reading form, printed beside charts."""

    ROLLING_YEAR = "rolling_year", "The 12 months to the end of the quarter (a rolling year)"
    QUARTER = "quarter", "The three months of the quarter"
    YEAR_TO_DATE = "year_to_date", "The plan year so far, to the end of the quarter"
    AT_QUARTER_END = "at_quarter_end", "The position on the last day of the quarter"
    NOT_STATED = "", "Not stated"


def _month_year(day: date) -> str:
    return f"{day:%B %Y}"


def covers_text(covers: str, *, start: date, end: date, plan_start: date | None = None) -> str:
    """The period one reading covers, as a label: "rolling 12 months to June 2020"; "" when unstated."""
    if covers == ValueCovers.ROLLING_YEAR:
        return f"rolling 12 months to {_month_year(end)}"
    if covers == ValueCovers.QUARTER:
        return f"{start:%B} to {_month_year(end)}"
    if covers == ValueCovers.YEAR_TO_DATE:
        first = plan_start or start
        return f"year to date, {first:%B} to {_month_year(end)}"
    if covers == ValueCovers.AT_QUARTER_END:
        return f"at {end:%-d %B %Y}"
    return ""


def reading_hint(covers: str, *, start: date, end: date, plan_start: date | None = None) -> str:
    """What the reading form asks for: the period the value must cover, in a sentence."""
    text = covers_text(covers, start=start, end=end, plan_start=plan_start)
    if not text:
        return "Enter the value for this quarter. Say in the narrative what period it covers."
    if covers == ValueCovers.AT_QUARTER_END:
        return f"Enter the value {text}."
    return f"Enter the value for the {text}."


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
FINANCIAL_YEAR = re.compile(r"^(?:fy\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$")
MONTH_YEAR = re.compile(r"\b([a-z]+)\s+(\d{4})\b")
YEAR = re.compile(r"^(?:calendar year\s+)?(\d{4})$")
MID_YEAR = re.compile(r"^mid[- ](\d{4})$")


def period_end(text: str) -> date | None:
    """The last day of a baseline period written as plans write them, or None when it cannot be told.

    "2018/19" (a financial year) ends on 31 March 2019; "2019" on 31 December 2019; "Mid-2018" on
    30 June 2018; "12 months to June 2020" and "March 2019" at the end of that month. Anything
    else ("Not stated", "12 months to the 2019 strategic assessment") gives None, and a chart then
    shows the baseline as a line across, not as a point at a guessed date.
    """
    words = " ".join(text.lower().split())
    if match := FINANCIAL_YEAR.match(words):
        first = int(match.group(1))
        second = int(match.group(2)) % 100
        if second == (first + 1) % 100:
            return date(first + 1, 3, 31)
        return None
    if match := YEAR.match(words):
        return date(int(match.group(1)), 12, 31)
    if match := MID_YEAR.match(words):
        return date(int(match.group(1)), 6, 30)
    months = [(MONTHS[m], int(y)) for m, y in MONTH_YEAR.findall(words) if m in MONTHS]
    if months:
        month, year = months[-1]  # "April 2018 to March 2019": the period ends with the last month named
        return _month_end(year, month)
    return None
