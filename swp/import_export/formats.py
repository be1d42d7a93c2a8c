"""SafeCSV and SafeXLSX: the only two formats the admin offers, read and written through swp/sheets/.

Read with swp/sheets/reading.py (CSV in UTF-8 or Windows-1252; XLSX with openpyxl in read-only mode,
defusedxml underneath); written with swp/sheets/writing.py, so every text cell is neutralised and a
string cell, numbers stay numbers and dates are UK dates (ADMIN_EXPORT). The library's
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT only strips one leading "=" (and turns every number into
text), so it is not relied on.
"""

from collections.abc import Iterable

import tablib
from import_export.formats import base_formats

from swp.sheets.reading import SheetRow, csv_rows, xlsx_rows
from swp.sheets.uploads import UploadRefused
from swp.sheets.values import is_blank, text
from swp.sheets.writing import ADMIN_EXPORT, CSV_CONTENT_TYPE, csv_bytes, xlsx_bytes


def _rows_to_dataset(rows: Iterable[SheetRow]) -> tablib.Dataset:
    """A dataset from the first row's headings and the rows after it (trailing blank rows dropped)."""
    rows = list(rows)
    while rows and rows[-1].is_blank():
        rows.pop()
    if not rows:
        return tablib.Dataset()
    headers = [text(heading) for heading in rows[0].cells]
    while headers and not headers[-1]:
        headers.pop()
    dataset = tablib.Dataset(headers=headers)
    width = len(headers)
    for row in rows[1:]:
        cells = list(row.cells)
        extra = [value for value in cells[width:] if not is_blank(value)]
        if extra:
            raise UploadRefused(
                f"Row {row.number} has a value in a column with no heading. "
                "Give the column a heading or delete the value"
            )
        dataset.append((cells + [None] * width)[:width])
    return dataset


class SafeCSV(base_formats.CSV):
    """CSV in and out, read as bytes so Windows-1252 files work as well as UTF-8 ones."""

    CONTENT_TYPE = CSV_CONTENT_TYPE

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        data = in_stream.encode("utf-8") if isinstance(in_stream, str) else in_stream
        return _rows_to_dataset(csv_rows(data))

    def export_data(self, dataset, **kwargs):
        return csv_bytes(dataset.headers or [], dataset, kind=ADMIN_EXPORT)


class SafeXLSX(base_formats.XLSX):
    """XLSX in and out: no cell is ever written as a formula."""

    def create_dataset(self, in_stream, **kwargs):
        # A cell Excel shows as 26% is read as 26, as in the plan workbook (issue 15 item 4).
        return _rows_to_dataset(xlsx_rows(in_stream, percentages=True))

    def export_data(self, dataset, **kwargs):
        return xlsx_bytes(dataset.headers or [], dataset, title=dataset.title or "Export", kind=ADMIN_EXPORT)


SAFE_FORMATS = [SafeCSV, SafeXLSX]
