"""Many sheets into one XLSX workbook, or into a ZIP of CSV files: every text cell neutralised.

swp/sheets/writing.py writes one sheet; a plan needs several, with column widths and drop-down lists.
Every cell is still written by swp.sheets.writing (write_cell and csv_bytes), so a text beginning
with = + - @, a tab or a carriage return gets one protective apostrophe, which the import takes off
again, and XLSX text is always a string cell, never a formula (SEC-14). Numbers, dates and booleans
stay what they are.
"""

import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from swp.sheets.reading import Value
from swp.sheets.writing import WORKBOOK, csv_bytes, sheet_title, write_cell

ZIP_CONTENT_TYPE = "application/zip"


@dataclass
class SheetData:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Value]]
    widths: Sequence[int] = ()  # column widths, in characters
    # Drop-down lists: column index -> the words offered (Excel shows them; typing others is allowed).
    choices: dict[int, Sequence[str]] = field(default_factory=dict)


# Text this long, or over several lines, is wrapped so it can be read without widening the column.
_WRAP_LONGER_THAN = 60


def _put(sheet, row: int, column: int, value: Value, *, bold: bool = False) -> None:
    wrap = isinstance(value, str) and ("\n" in value or len(value) > _WRAP_LONGER_THAN)
    write_cell(sheet.cell(row=row, column=column), value, kind=WORKBOOK, bold=bold, wrap=wrap)


def xlsx_workbook(sheets: Sequence[SheetData]) -> bytes:
    """An ordinary (not write-only) workbook: it records each sheet's size, so reading one sheet back
    does not mean scanning all the others (openpyxl's read-only mode does, when the size is missing).
    A plan is hundreds of rows, not hundreds of thousands."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for data in sheets:
        sheet = workbook.create_sheet(sheet_title(data.title))
        for index, width in enumerate(data.widths):
            sheet.column_dimensions[get_column_letter(index + 1)].width = width
        for index, words in data.choices.items():
            # A list, not a formula: the words are ours, joined into the validation's own quoted list.
            listed = ",".join(words)
            if len(listed) > 250 or any('"' in word or "," in word for word in words):
                continue  # Excel's limit for a list written in place
            validation = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
            validation.showErrorMessage = False  # a suggestion: the import checks the words itself
            letter = get_column_letter(index + 1)
            validation.add(f"{letter}2:{letter}2000")
            sheet.add_data_validation(validation)
        sheet.freeze_panes = "A2"
        number = 1
        for column, header in enumerate(data.headers, start=1):
            _put(sheet, number, column, header, bold=True)
        for row in data.rows:
            number += 1
            for column, value in enumerate(row, start=1):
                if value is not None and value != "":
                    _put(sheet, number, column, value)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_zip(sheets: Sequence[SheetData]) -> bytes:
    """One CSV file per sheet (UTF-8 with a byte order mark), named after the sheet, in a ZIP."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for data in sheets:
            name = f"{slugify(data.title) or 'sheet'}.csv"
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # byte-stable
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, csv_bytes(data.headers, data.rows, kind=WORKBOOK))
    return out.getvalue()
