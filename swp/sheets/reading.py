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


class Percentage(Decimal):
    """A number Excel shows as a percentage, as it shows it: 26 for a cell holding 0.26 formatted "0%".

    Excel stores 26 % as 0.26 and shows it through the cell's number format; people read, and mean, 26.
    """


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


def xlsx_rows(data: bytes, *, sheet: str | None = None, percentages: bool = False) -> Iterator[SheetRow]:
    """Rows of the named sheet (or the first), as values: formulas give their last calculated result.

    With `percentages`, a number shown as a percentage is read as shown (a Percentage: 26 for 0.26).
    It is asked for only where numbers are read, since looking at every cell's format costs time.
    """
    workbook = _open_workbook(data)
    try:
        if sheet and sheet not in workbook.sheetnames:
            raise UploadRefused(f"The workbook has no sheet called “{sheet}”")
        worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
        if not percentages:
            for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
                yield SheetRow(number, tuple(row))
            return
        for number, row in enumerate(worksheet.iter_rows(), start=1):
            yield SheetRow(number, tuple(_as_shown(cell.value, cell.number_format) for cell in row))
    finally:
        workbook.close()


def _as_shown(value: Value, number_format: str | None) -> Value:
    if (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and number_format
        and "%" in number_format.replace("\\%", "").replace('"%"', "")
    ):
        return Percentage(Decimal(repr(value) if isinstance(value, float) else value) * 100)
    return value


def _open_workbook(data: bytes):
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file; none should become a 500
        raise UploadRefused("The workbook could not be opened. Save it again from Excel as .xlsx") from None


def read_rows(
    data: bytes, fmt: str, *, sheet: str | None = None, percentages: bool = False
) -> Iterator[SheetRow]:
    if fmt == "csv":
        return iter(csv_rows(data))
    if fmt == "xlsx":
        return xlsx_rows(data, sheet=sheet, percentages=percentages)
    raise ValueError(f"Unknown spreadsheet format {fmt!r}")
