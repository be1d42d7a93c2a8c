"""Opening a plan workbook upload, and reading its sheets and rows into the preview.

The upload is checked (check_upload) before anything parses it: size, real type, macros, ZIP bombs,
through swp/sheets/uploads.py. A workbook's sheets, or a ZIP's CSV files (as the CSV export writes
them), are each read only when a check wants them. SheetReader finds a sheet's heading row; RowReader
gives each row's cells by column key and puts every problem in the preview with its sheet, row and
column, in plain English.
"""

import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import BinaryIO

from django.db import models

from swp.sheets.headers import HeaderMatch, find_header
from swp.sheets.reading import Percentage, SheetRow, Value, csv_rows, read_rows, xlsx_sheet_names
from swp.sheets.uploads import UploadRefused, check_csv_zip, check_spreadsheet_upload, max_upload_bytes
from swp.sheets.values import CellError, fit_decimal, limited_text, parse_number, parse_reference, text

from .preview import Preview, Problem
from .shapes import Sheet, Vocabulary


def check_upload(upload: BinaryIO, *, name: str, size: int | None = None, allow_zip: bool = True) -> str:
    """ "xlsx" or "zip" if the file may be read; UploadRefused with the reason if not."""
    if allow_zip and name.lower().endswith(".zip"):
        upload.seek(0)
        data = upload.read(max_upload_bytes() + 1)
        upload.seek(0)
        if len(data) > max_upload_bytes():
            raise UploadRefused("The selected file is too large")
        check_csv_zip(data)
        return "zip"
    fmt = check_spreadsheet_upload(upload, name=name, size=size)
    if fmt != "xlsx":
        raise UploadRefused(
            "A whole plan needs several sheets: upload the plan workbook (.xlsx), or a ZIP of its CSV files"
        )
    return fmt


@dataclass
class SheetSource:
    name: str  # as the workbook (or the ZIP) names it
    load: Callable[[], list[SheetRow]]

    @cached_property
    def rows(self) -> list[SheetRow]:
        """Read only when wanted: the export's History sheet, say, is never parsed."""
        return self.load()


def read_sources(data: bytes, fmt: str) -> list[SheetSource]:
    """The workbook's sheets (or the ZIP's CSV files), each read when first wanted. Raises UploadRefused."""
    if fmt == "xlsx":
        return [
            SheetSource(name, lambda name=name: list(read_rows(data, "xlsx", sheet=name, percentages=True)))
            for name in xlsx_sheet_names(data)
        ]
    if fmt == "zip":
        check_csv_zip(data)
        sources = []
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for entry in archive.infolist():
                if entry.is_dir():
                    continue
                name = entry.filename.rsplit("/", 1)[-1]
                sources.append(
                    SheetSource(
                        name.rsplit(".", 1)[0], lambda entry=entry, name=name: _zip_entry(data, entry, name)
                    )
                )
        return sources
    raise UploadRefused("A plan can be loaded from an Excel workbook (.xlsx) or a ZIP of CSV files")


def _zip_entry(data: bytes, entry: zipfile.ZipInfo, name: str) -> list[SheetRow]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read(entry)  # sizes checked by check_csv_zip
    check_spreadsheet_upload(io.BytesIO(content), name=name, size=len(content) or 1)
    return csv_rows(content)


class RefersToProblemRow(CellError):
    """A reference to a row that was left out for a problem of its own (issue 15: one mistake, one
    message). The referring row is told so once and otherwise stands, so nothing more is reported."""

    def __init__(self, sheet_title: str, row: int):
        super().__init__(f"Refers to row {row} of {sheet_title}, which has a problem")


# Reading one sheet -------------------------------------------------------------------------------


class SheetReader:
    """Rows of one sheet with named cells; problems are added to the preview, with row and column."""

    def __init__(self, preview: Preview, sheet: Sheet, source: SheetSource):
        self.preview, self.sheet, self.source = preview, sheet, source
        self.header: HeaderMatch | None = None
        try:
            self.header = find_header(source.rows, sheet.columns)
        except CellError as error:
            self.problem(None, None, str(error))
        else:
            if self.header.ignored:
                ignored = ", ".join(f"“{name}”" for name in self.header.ignored)
                preview.notes.append(
                    f"{sheet.title} sheet: columns not used by the import were ignored: {ignored}"
                )

    def problem(self, row: int | None, key: str | None, message: str) -> None:
        column = self.sheet.label_of(key) if key else None
        self.preview.problems.append(Problem(self.sheet.title, row, column, message))

    def rows(self) -> Iterable["RowReader"]:
        if self.header is None:
            return
        for row in self.source.rows:
            if row.number <= self.header.row_number or row.is_blank():
                continue
            yield RowReader(self, row)


class RowReader:
    """One row's cells by column key, each read and checked. A problem goes in the preview and marks
    the row as failed, so that a check can leave the row out rather than build on a bad value."""

    def __init__(self, sheet: SheetReader, row: SheetRow):
        self.sheet, self.row, self.number = sheet, row, row.number
        self.failed = False

    def raw(self, key: str) -> Value:
        return self.sheet.header.get(self.row, key)

    def problem(self, key: str | None, message: str) -> None:
        self.failed = True
        self.sheet.problem(self.number, key, message)

    def report(self, key: str, error: CellError) -> None:
        """A problem with a cell; one that only refers to another row's problem leaves this row standing."""
        if isinstance(error, RefersToProblemRow):
            self.sheet.problem(self.number, key, str(error))
        else:
            self.problem(key, str(error))

    def text(
        self, key: str, *, required: bool = False, limit: tuple[type[models.Model], str] | None = None
    ) -> str:
        max_length = limit[0]._meta.get_field(limit[1]).max_length if limit else None
        try:
            value = limited_text(self.raw(key), max_length)
        except CellError as error:
            self.problem(key, str(error))
            return text(self.raw(key))
        if required and not value:
            label = self.sheet.sheet.label_of(key)
            self.problem(key, f"Enter the {label.lower()}: it is required on every row")
        return value

    def parse(self, key: str, parser: Callable[[Value], object], default=None):
        try:
            result = parser(self.raw(key))
        except CellError as error:
            self.problem(key, str(error))
            return default
        return default if result is None else result

    def decimal(self, key: str, *, field: tuple[type[models.Model], str]) -> Decimal | None:
        """A number the database can keep in that field, or None (blank, or a problem on the row).

        A cell Excel shows as 26 % is 26 (swp.sheets.reading.Percentage); a value with more decimal
        places than the field keeps, or too large for it, is refused here, at its row and column,
        rather than when the plan is saved.
        """
        number = self.parse(key, parse_number)
        if number is None:
            return None
        column = field[0]._meta.get_field(field[1])
        try:
            return fit_decimal(
                number,
                max_digits=column.max_digits,
                decimal_places=column.decimal_places,
                written=text(self.raw(key)),
            )
        except CellError as error:
            self.problem(key, str(error))
            return None

    def words(self, key: str, vocabulary: Vocabulary, default: str = "") -> str:
        raw = text(self.raw(key))
        if not raw:
            return default
        try:
            return vocabulary.parse(raw)
        except CellError as error:
            self.problem(key, str(error))
            return default

    def reference(self, key: str, *, required: bool = False) -> str:
        value = parse_reference(self.raw(key))
        if required and not value:
            self.problem(
                key, f"Enter the {self.sheet.sheet.label_of(key).lower()}: it is required on every row"
            )
        if len(value) > 20:
            self.problem(key, "A reference must be 20 characters or fewer")
        return value


def shown_as_percentage(row: RowReader, *keys: str) -> bool:
    """Whether any of these cells is a number Excel shows with a % format (26 % for 0.26)."""
    return any(isinstance(row.raw(key), Percentage) for key in keys)


def split_list(raw: str) -> list[str]:
    """A cell holding several names: split on semicolons and line breaks, blanks dropped."""
    return [part.strip() for line in raw.replace(";", "\n").split("\n") if (part := line.strip())]
