"""A plan's period as plans write it, and its reporting quarters.

2021 is a calendar year; 2021/22 (or 2021-2022) a financial year, April to March; 2021/22 to 2023/24
several financial years; "1/4/2021 to 30/9/2022" the dates given. Anything else is an error saying
what to write, never a guess.
"""

import datetime
import re

from priorities.models import Plan
from swp.sheets.values import CellError, parse_uk_date

from .preview import PeriodRow

MAX_QUARTERS = 40  # a ten-year strategy (issue 15); longer is refused rather than made quarter by quarter

_FINANCIAL = re.compile(r"^(\d{4})\s*[/\-–—]\s*(\d{2}|\d{4})$")
_FINANCIAL_SPAN = re.compile(r"^(\d{4})\s*/\s*(\d{2}|\d{4})\s*(?:to|-|–|—)\s*(\d{4})\s*/\s*(\d{2}|\d{4})$")
_DATE_SPAN = re.compile(r"^(.+?)\s+(?:to|until|–|—|-)\s+(.+)$")


def _second_year(first: int, written: str) -> int:
    return int(written) if len(written) == 4 else first // 100 * 100 + int(written)


def parse_period(raw: str) -> tuple[datetime.date, datetime.date, str]:
    """(start, end, quarter scheme it suggests) from a period as plans write it. CellError if unclear."""
    value = " ".join(raw.split())
    if re.fullmatch(r"\d{4}", value):
        year = int(value)
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31), Plan.QuarterScheme.CALENDAR
    if match := _FINANCIAL.match(value):
        first, second = int(match[1]), _second_year(int(match[1]), match[2])
        if second == first + 1:
            return datetime.date(first, 4, 1), datetime.date(second, 3, 31), Plan.QuarterScheme.FINANCIAL
        raise CellError(
            f"“{value}” could be calendar or financial years. Give the first and last days in Starts and Ends"
        )
    if match := _FINANCIAL_SPAN.match(value):
        first, last = int(match[1]), _second_year(int(match[3]), match[4])
        if _second_year(first, match[2]) == first + 1 and last == int(match[3]) + 1 and last > first:
            return datetime.date(first, 4, 1), datetime.date(last, 3, 31), Plan.QuarterScheme.FINANCIAL
    if match := _DATE_SPAN.match(value):
        try:
            start, end = parse_uk_date(match[1]), parse_uk_date(match[2])
        except CellError:
            pass
        else:
            return start, end, Plan.QuarterScheme.CALENDAR
    raise CellError(
        f"“{value}” is not a period this import understands. Write a year (2021), a financial year "
        "(2021/22), or leave it blank and give Starts and Ends"
    )


def make_quarters(start: datetime.date, end: datetime.date, scheme: str) -> list[PeriodRow]:
    """The plan's reporting quarters (calendar quarters, labelled by the scheme), deadline 14 days after."""
    periods, day = [], start
    while day <= end and len(periods) <= MAX_QUARTERS:
        first_month = (day.month - 1) // 3 * 3 + 1
        next_start = (
            datetime.date(day.year + 1, 1, 1)
            if first_month == 10
            else datetime.date(day.year, first_month + 3, 1)
        )
        quarter_end = min(next_start - datetime.timedelta(days=1), end)
        if scheme == Plan.QuarterScheme.FINANCIAL:
            year = day.year if day.month >= 4 else day.year - 1
            number = (first_month - 4) % 12 // 3 + 1
            label = f"{year}/{(year + 1) % 100:02d} Q{number}"
        else:
            label = f"{day.year} Q{(first_month - 1) // 3 + 1}"
        if quarter_end > day:
            periods.append(
                PeriodRow(None, label, day, quarter_end, quarter_end + datetime.timedelta(days=14))
            )
        day = next_start
    return periods
