"""Spreadsheet downloads (CSV and XLSX) that cannot smuggle a formula into the reader's spreadsheet.

A cell whose text begins with = + - @, a tab or a carriage return is run as a formula by Excel,
LibreOffice or Google Sheets (CSV and formula injection, CWE-1236; SECURITY-CHECKLIST SEC-14).
Such text is written with one protective apostrophe in front, and the rest kept as it was, in CSV
and XLSX alike, so an import can strip exactly that apostrophe again. In XLSX the cell is also
written as a string cell: openpyxl would otherwise store any text starting with "=" as a live
formula. Numbers, dates and booleans stay what they are (a -5 stays a number).

No app imports: any page or command can use it.
"""

import csv
import datetime
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PROTECTIVE_PREFIX = "'"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Control characters XML 1.0 cannot hold (openpyxl refuses them); dropped from CSV too, so both agree.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")

Cell = str | int | float | Decimal | datetime.date | bool | None


def neutralise(value: Cell) -> Cell:
    """The value as it is safe to write: text that a spreadsheet would run gets an apostrophe first."""
    if not isinstance(value, str):
        return value
    # Text that began with a control character (a NUL, say) may have been built to hide what follows
    # from a filter; once the character is dropped it is marked like a formula, whatever follows.
    began_with_control = bool(_CONTROL_CHARACTERS.match(value))
    value = _CONTROL_CHARACTERS.sub("", value)
    # Text that already starts with an apostrophe before a trigger gets one more, so an import, which
    # strips exactly one, gives back what was written (swp/sheet_reading.strip_protective_prefix).
    needs_prefix = (
        (began_with_control and bool(value))
        or value.startswith(FORMULA_TRIGGERS)
        or (
            value.startswith(PROTECTIVE_PREFIX)
            and value[1:].startswith((*FORMULA_TRIGGERS, PROTECTIVE_PREFIX))
        )
    )
    return PROTECTIVE_PREFIX + value if needs_prefix else value


def _csv_text(value: Cell) -> str:
    value = neutralise(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """UTF-8 with a byte order mark, so Excel reads accents and curly quotes correctly."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_csv_text(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_text(value) for value in row])
    return out.getvalue().encode("utf-8-sig")


def _xlsx_cell(sheet, value: Cell, *, bold: bool = False) -> WriteOnlyCell:
    value = neutralise(value)
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)  # Excel has no time zones; the value is as the page showed it
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text, always: never let openpyxl infer a formula
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        cell.number_format = "yyyy-mm-dd"
    if bold:
        cell.font = Font(bold=True)
    return cell


def sheet_title(title: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    return _SHEET_TITLE_FORBIDDEN.sub(" ", title).strip()[:31] or "Sheet1"


def xlsx_bytes(headers: Sequence[str], rows: Iterable[Sequence[Cell]], *, title: str = "Sheet1") -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title(title))
    sheet.freeze_panes = "A2"
    sheet.append([_xlsx_cell(sheet, h, bold=True) for h in headers])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def download(
    fmt: str, *, filename: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]], title: str = "Sheet1"
) -> HttpResponse:
    """A CSV or XLSX file as an attachment; `filename` without its extension (it is slugified)."""
    if fmt == "csv":
        body, content_type = csv_bytes(headers, rows), CSV_CONTENT_TYPE
    elif fmt == "xlsx":
        body, content_type = xlsx_bytes(headers, rows, title=title), XLSX_CONTENT_TYPE
    else:
        raise ValueError(f"Unknown spreadsheet format {fmt!r}")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename) or "download"}.{fmt}"'
    return response
