"""Writing CSV and XLSX that cannot smuggle a formula into the reader's spreadsheet (SEC-14).

A cell whose text begins with = + - @, a tab or a carriage return is run as a formula by Excel,
LibreOffice or Google Sheets (CSV and formula injection, CWE-1236). Such text is written with one
protective apostrophe in front, and the rest kept as it was, in CSV and XLSX alike, so an import can
strip exactly that apostrophe again (values.strip_protective_prefix). In XLSX the cell is also
written as a string cell: openpyxl would otherwise store any text starting with "=" as a live
formula. Numbers, dates and booleans stay what they are (a -5 stays a number).

Every writer here, and every workbook the app builds, writes its cells through write_cell. Each kind
of output writes dates in its own way (OutputKind, one constant per kind); all show an aware
date-time as the clock in Europe/London showed it, since Excel has no time zones.
"""

import csv
import datetime
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter

from .reading import Value

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PROTECTIVE_PREFIX = "'"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Control characters XML 1.0 cannot hold (openpyxl refuses them); dropped from CSV too, so both agree.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class OutputKind:
    """How one kind of output writes dates and times: Excel number formats, and CSV text."""

    date_format: str
    datetime_format: str
    csv_date: str | None = None  # a strftime pattern; None: ISO 8601
    csv_datetime: str | None = None


# Lists people download: ISO dates.
DOWNLOAD = OutputKind("yyyy-mm-dd", "yyyy-mm-dd h:mm:ss")
# Lists a board officer reads in Excel (the actions list): UK dates in the workbook; CSV stays ISO,
# which Excel reads the same in every locale.
READING = OutputKind("dd/mm/yyyy", "dd/mm/yyyy hh:mm")
# The admin's export, which its import reads back: UK dates, and times to the second.
ADMIN_EXPORT = OutputKind("dd/mm/yyyy", "dd/mm/yyyy hh:mm:ss", "%d/%m/%Y", "%d/%m/%Y %H:%M:%S")
# Workbooks people fill in (the update sheet, the plan workbook): UK dates, times to the minute.
WORKBOOK = OutputKind("dd/mm/yyyy", "yyyy-mm-dd hh:mm")


def neutralise(value: Value) -> Value:
    """The value as it is safe to write: text that a spreadsheet would run gets an apostrophe first."""
    if not isinstance(value, str):
        return value
    # Text that began with a control character (a NUL, say) may have been built to hide what follows
    # from a filter; once the character is dropped it is marked like a formula, whatever follows.
    began_with_control = bool(_CONTROL_CHARACTERS.match(value))
    value = _CONTROL_CHARACTERS.sub("", value)
    # Text that already starts with an apostrophe before a trigger gets one more, so an import, which
    # strips exactly one, gives back what was written (values.strip_protective_prefix).
    needs_prefix = (
        (began_with_control and bool(value))
        or value.startswith(FORMULA_TRIGGERS)
        or (
            value.startswith(PROTECTIVE_PREFIX)
            and value[1:].startswith((*FORMULA_TRIGGERS, PROTECTIVE_PREFIX))
        )
    )
    return PROTECTIVE_PREFIX + value if needs_prefix else value


def local_time(moment: datetime.datetime) -> datetime.datetime:
    """An aware date-time as the clock in Europe/London showed it, without its time zone."""
    return timezone.localtime(moment).replace(tzinfo=None) if timezone.is_aware(moment) else moment


def csv_text(value: Value, *, kind: OutputKind = DOWNLOAD) -> str:
    """A value as a CSV cell: neutralised, Yes or No for a boolean, dates as the output kind writes them."""
    value = neutralise(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        value = local_time(value)
        return value.strftime(kind.csv_datetime) if kind.csv_datetime else value.isoformat()
    if isinstance(value, datetime.date):
        return value.strftime(kind.csv_date) if kind.csv_date else value.isoformat()
    return str(value)


def write_cell(
    cell: Cell,
    value: Value,
    *,
    kind: OutputKind,
    bold: bool = False,
    wrap: bool = False,
    fill: PatternFill | None = None,
    protection: Protection | None = None,
) -> Cell:
    """Put a value in an openpyxl cell safely: text always a string cell, never a formula."""
    value = neutralise(value)
    if isinstance(value, datetime.datetime):
        value = local_time(value)
    elif isinstance(value, Decimal) and value.is_finite():
        value = int(value) if value == value.to_integral_value() else float(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # text, always: never let openpyxl infer a formula
    elif isinstance(value, datetime.datetime):
        cell.number_format = kind.datetime_format
    elif isinstance(value, datetime.date):
        cell.number_format = kind.date_format
    if bold:
        cell.font = _BOLD
    if wrap:
        cell.alignment = _WRAP
    if fill is not None:
        cell.fill = fill
    if protection is not None:
        cell.protection = protection
    return cell


def new_cell(sheet, value: Value, **options) -> Cell:
    """A cell for sheet.append() in a write-only workbook, written by write_cell (same options)."""
    return write_cell(WriteOnlyCell(sheet), value, **options)


def sheet_title(title: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    return _SHEET_TITLE_FORBIDDEN.sub(" ", title).strip()[:31] or "Sheet1"


def csv_bytes(
    headers: Sequence[str], rows: Iterable[Sequence[Value]], *, kind: OutputKind = DOWNLOAD
) -> bytes:
    """UTF-8 with a byte order mark, so Excel reads accents and curly quotes correctly."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_text(heading, kind=kind) for heading in headers])
    for row in rows:
        writer.writerow([csv_text(value, kind=kind) for value in row])
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(
    headers: Sequence[str],
    rows: Iterable[Sequence[Value]],
    *,
    title: str = "Sheet1",
    kind: OutputKind = DOWNLOAD,
    widths: Sequence[float] | None = None,
) -> bytes:
    """One sheet with a bold heading row kept in view, in write-only mode (little memory for any size).

    With `widths` (one per column, in Excel's character units) the sheet is laid out for reading:
    those widths, every cell's text wrapped and top-aligned, and a filter on the heading row.
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title(title))
    sheet.freeze_panes = "A2"
    laid_out = widths is not None
    for index, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.append([new_cell(sheet, heading, kind=kind, bold=True, wrap=laid_out) for heading in headers])
    count = 0
    for row in rows:
        sheet.append([new_cell(sheet, value, kind=kind, wrap=laid_out) for value in row])
        count += 1
    if laid_out and headers:
        # Written when the sheet is closed, so it can be set once the rows are counted.
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
