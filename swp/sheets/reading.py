"""Rows from the spreadsheets people really keep, each with the row number they see in Excel.

Only call these on bytes that passed swp/sheets/uploads.check_spreadsheet_upload. CSV in UTF-8 (with
or without a byte order mark) or Windows-1252, comma, semicolon or tab separated; XLSX through
openpyxl in read-only mode (defusedxml underneath), values rather than formulas. A file that cannot
be read is an UploadRefused saying so, never a 500.
"""

import csv
import datetime
import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import load_workbook

from .uploads import SAVE_AS_CSV_UTF8, UploadRefused, text_encoding

Value = str | int | float | Decimal | datetime.date | datetime.datetime | bool | None


@dataclass(frozen=True)
class SheetRow:
    number: int  # as Excel numbers it: the first row is 1
    cells: tuple[Value, ...]

    def is_blank(self) -> bool:
        return all(value is None or (isinstance(value, str) and not value.strip()) for value in self.cells)


def decode_csv(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (a byte order mark is dropped), else Windows-1252 (Excel's "CSV")."""
    encoding = text_encoding(data)
    if encoding is None:
        raise UploadRefused(f"The CSV file's characters could not be read. {SAVE_AS_CSV_UTF8}")
    return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)


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
