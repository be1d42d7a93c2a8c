"""Reading the spreadsheets people really keep: rows, headers and values, never a guess.

Only call these on bytes that passed swp/upload_checks.check_spreadsheet_upload.

- Rows: CSV in UTF-8 (with or without a byte order mark) or Windows-1252, comma, semicolon or tab
  separated; XLSX through openpyxl in read-only mode (defusedxml underneath). Each row carries the
  row number the person sees in Excel, so errors can point at it.
- Headers: matched case-insensitively, ignoring punctuation and spacing, with common synonyms
  ("Item No." for the reference, "RAG status" or "On target?" for the rating), on whichever of the
  first rows holds them, since real sheets have titles above the table. Two columns that could
  both be the same thing is an error, not a choice.
- Values: UK dates (31/03/2023, 1/4/22, ISO, 31 March 2023), RAG as R/A/G or words in any case,
  amounts with £ and commas. Anything that is not clearly one thing ("TBC", 31/09/2022) raises
  CellError with a reason the person can act on.
- The one apostrophe our exports put before text a spreadsheet would run as a formula is taken off
  again (strip_protective_prefix), and only that one.
"""

import csv
import datetime
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from openpyxl import load_workbook

from .spreadsheets import FORMULA_TRIGGERS, PROTECTIVE_PREFIX
from .upload_checks import UploadRefused

Value = str | int | float | Decimal | datetime.date | datetime.datetime | bool | None


class CellError(ValueError):
    """A value that cannot be used as it stands; str(error) says why and what would work."""


@dataclass(frozen=True)
class SheetRow:
    number: int  # as Excel numbers it: the first row is 1
    cells: tuple[Value, ...]

    def is_blank(self) -> bool:
        return all(value is None or (isinstance(value, str) and not value.strip()) for value in self.cells)


# Rows ---------------------------------------------------------------------------------------------


def decode_csv(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (a byte order mark is dropped), else Windows-1252 (Excel's "CSV")."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise UploadRefused(
            "The CSV file's characters could not be read. Save it as “CSV UTF-8” and upload it again"
        ) from None


def csv_rows(data: bytes) -> list[SheetRow]:
    text = decode_csv(data)
    try:
        return [
            SheetRow(number, tuple(row))
            for number, row in enumerate(
                csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text)), start=1
            )
        ]
    except csv.Error as error:
        raise UploadRefused(f"The CSV file could not be read: {error}") from None


def csv_delimiter(text: str) -> str:
    """Comma, semicolon (Excel in much of Europe) or tab: whichever the first non-blank line has most of.

    csv.Sniffer is not used: a quoted cell with a line break in it (a progress narrative, say) makes
    it give up or guess wrong.
    """
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: first.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def xlsx_sheet_names(data: bytes) -> list[str]:
    workbook = _open_workbook(data)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def xlsx_rows(data: bytes, *, sheet: str | None = None) -> Iterator[SheetRow]:
    """Rows of the named sheet (or the first), as values: formulas give their last calculated result."""
    workbook = _open_workbook(data)
    try:
        if sheet and sheet not in workbook.sheetnames:
            raise UploadRefused(f"The workbook has no sheet called “{sheet}”")
        worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
        for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
            yield SheetRow(number, tuple(row))
    finally:
        workbook.close()


def _open_workbook(data: bytes):
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file; none should become a 500
        raise UploadRefused("The workbook could not be opened. Save it again from Excel as .xlsx") from None


def read_rows(data: bytes, fmt: str, *, sheet: str | None = None) -> Iterator[SheetRow]:
    if fmt == "csv":
        return iter(csv_rows(data))
    if fmt == "xlsx":
        return xlsx_rows(data, sheet=sheet)
    raise ValueError(f"Unknown spreadsheet format {fmt!r}")


# Headers ------------------------------------------------------------------------------------------


def normalise_header(value: Value) -> str:
    """'  Item No. ' -> 'item no'; 'On target?' -> 'on target'; 'RAG/Status' -> 'rag status'."""
    text = "" if value is None else str(value)
    return " ".join(re.sub(r"[^\w£%]+", " ", text.lower()).split())


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the heading our own templates use
    synonyms: tuple[str, ...] = ()
    required: bool = False

    def names(self) -> set[str]:
        return {normalise_header(name) for name in (self.label, self.key, *self.synonyms)}


@dataclass
class HeaderMatch:
    row_number: int
    positions: dict[str, int]  # column key -> index in the row
    ignored: list[str] = field(default_factory=list)  # headings we do not use

    def get(self, row: SheetRow, key: str) -> Value:
        index = self.positions.get(key)
        return row.cells[index] if index is not None and index < len(row.cells) else None


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def match_header_row(row: SheetRow, columns: Sequence[Column]) -> tuple[HeaderMatch, list[str]]:
    """Which column is which in this row, and any ambiguity, as messages."""
    names = {column.key: column.names() for column in columns}
    positions: dict[str, int] = {}
    ignored, problems = [], []
    for index, heading in enumerate(row.cells):
        text = normalise_header(heading)
        if not text:
            continue
        keys = [key for key, accepted in names.items() if text in accepted]
        if not keys:
            ignored.append(str(heading).strip())
            continue
        key = keys[0]
        if key in positions:
            label = next(column.label for column in columns if column.key == key)
            problems.append(
                f"Columns {column_letter(positions[key])} and {column_letter(index)} could both be "
                f"“{label}”. Delete or rename one of them"
            )
            continue
        positions[key] = index
    return HeaderMatch(row.number, positions, ignored), problems


def find_header(rows: Sequence[SheetRow], columns: Sequence[Column], *, search: int = 15) -> HeaderMatch:
    """The header row among the first `search` rows: the one matching most columns, all required ones.

    Raises CellError naming the missing columns when no row has them all, or the ambiguity when two
    columns could be the same thing.
    """
    best: tuple[HeaderMatch, list[str]] | None = None
    for row in rows[:search]:
        match, problems = match_header_row(row, columns)
        if best is None or len(match.positions) > len(best[0].positions):
            best = (match, problems)
    required = [column for column in columns if column.required]
    if best is None or not best[0].positions:
        wanted = ", ".join(f"“{column.label}”" for column in required or columns)
        raise CellError(f"No heading row found. The sheet needs columns headed {wanted}")
    match, problems = best
    if problems:
        raise CellError(problems[0])
    missing = [column.label for column in required if column.key not in match.positions]
    if missing:
        listed = ", ".join(f"“{label}”" for label in missing)
        raise CellError(f"Row {match.row_number} looks like the headings but has no column headed {listed}")
    return match


# Values -------------------------------------------------------------------------------------------


def strip_protective_prefix(text: str) -> str:
    """Take off the apostrophe an export put before a formula-like value, and only that one."""
    if text.startswith(PROTECTIVE_PREFIX) and text[1:2] and text[1:].startswith((*FORMULA_TRIGGERS, "'")):
        return text[1:]
    return text


def text(value: Value) -> str:
    """A cell as text: trimmed, Windows line endings made plain, the export's apostrophe removed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        if value.time() != datetime.time(0):
            return value.strftime("%d/%m/%Y %H:%M:%S" if value.second else "%d/%m/%Y %H:%M")
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    raw = str(value)
    unprefixed = strip_protective_prefix(raw)
    if unprefixed is not raw:
        # The export protected this value, so its first character (a tab or a carriage return, say)
        # is what was written: keep it exactly, and tidy only the rest.
        return unprefixed[0] + _tidy_line_endings(unprefixed[1:]).rstrip()
    return _tidy_line_endings(raw).strip()


def _tidy_line_endings(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_blank(value: Value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (
        datetime.date(2000, number, 1).strftime("%B").lower(),
        datetime.date(2000, number, 1).strftime("%b").lower(),
    )
}
_MONTHS["sept"] = 9
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_WORDY_DATE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$")
DATE_EXAMPLE = "a date like 31/03/2023"


def parse_uk_date(value: Value) -> datetime.date | None:
    """A date written the UK way, or None for an empty cell. Day first, always; never a guess."""
    if is_blank(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        raise CellError(f"“{text(value)}” is a number, not a date. Enter {DATE_EXAMPLE}")
    raw = " ".join(str(value).split())
    lowered = raw.lower()
    if match := _ISO_DATE.match(lowered):
        year, month, day = (int(part) for part in match.groups())
    elif match := _NUMERIC_DATE.match(lowered):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
        if len(match[3]) == 2:
            year += 2000
    elif (match := _WORDY_DATE.match(lowered)) and match[2] in _MONTHS:
        day, month, year = int(match[1]), _MONTHS[match[2]], int(match[3])
    else:
        raise CellError(f"“{raw}” is not a date. Enter {DATE_EXAMPLE}, or leave it blank")
    if not 1 <= month <= 12:
        raise CellError(f"“{raw}” is not a real date: there is no month {month}. Enter {DATE_EXAMPLE}")
    if not 1900 <= year <= 2199:
        raise CellError(f"“{raw}” is not a likely date: check the year. Enter {DATE_EXAMPLE}")
    try:
        return datetime.date(year, month, day)
    except ValueError:
        month_name = datetime.date(2000, month, 1).strftime("%B")
        raise CellError(f"“{raw}” is not a real date: {month_name} has no day {day}") from None


_RAG_WORDS = {"r": "red", "red": "red", "a": "amber", "amber": "amber", "g": "green", "green": "green"}


def parse_rag(value: Value) -> str:
    """'red', 'amber' or 'green' from R/A/G or the word in any case; '' for an empty cell."""
    if is_blank(value):
        return ""
    word = " ".join(str(value).split()).lower()
    if word in _RAG_WORDS:
        return _RAG_WORDS[word]
    raise CellError(f"“{str(value).strip()}” is not a RAG rating. Enter red, amber or green (or R, A or G)")


# Commas only as thousands separators: "1,5" could be one and a half (as written in much of Europe)
# or fifteen, so it is an error rather than a guess.
_AMOUNT = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+|)(?:\.\d+)?$")


def parse_number(value: Value) -> Decimal | None:
    """A number, allowing £, commas and a trailing %; None for an empty cell."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellError(f"“{text(value)}” is not a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, (float, Decimal)):
        number = Decimal(repr(value)) if isinstance(value, float) else value
        if not number.is_finite():
            raise CellError(f"“{value}” is not a number")
        return number
    raw = str(value).strip()
    cleaned = raw.replace("£", "").replace(" ", "").removesuffix("%")
    if not cleaned.strip("-") or not _AMOUNT.match(cleaned):
        raise CellError(f"“{raw}” is not a number")
    try:
        return Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern already ruled this out
        raise CellError(f"“{raw}” is not a number") from None


def parse_reference(value: Value) -> str:
    """An item reference as text ('1.10' stays '1.10' when it was text; a number becomes its digits).

    A reference Excel stored as a number may have lost a trailing zero (1.10 shown as 1.1): callers
    that know the plan's references should treat a numeric cell matching two of them as ambiguous.
    """
    if is_blank(value):
        return ""
    if isinstance(value, float):
        return repr(value).removesuffix(".0")
    return " ".join(text(value).split()).rstrip(".")


def reference_was_number(value: Value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
