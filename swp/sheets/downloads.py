"""A list as a CSV or XLSX file the browser saves, named after what it holds."""

from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils.text import slugify

from swp.downloads import attachment

from .reading import Value
from .writing import CSV_CONTENT_TYPE, DOWNLOAD, READING, XLSX_CONTENT_TYPE, csv_bytes, xlsx_bytes


def sheet_filename(name: str, fmt: str) -> str:
    """`name` as a safe file name with the extension: "Walsall actions Q3" -> walsall-actions-q3.csv."""
    return f"{slugify(name) or 'download'}.{fmt}"


def download(
    fmt: str,
    *,
    filename: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Value]],
    title: str = "Sheet1",
    widths: Sequence[float] | None = None,
) -> HttpResponse:
    """A CSV or XLSX file as an attachment; `filename` without its extension (it is slugified).

    With `widths`, the XLSX is laid out for reading (see xlsx_bytes), with UK dates.
    """
    if fmt == "csv":
        body, content_type = csv_bytes(headers, rows), CSV_CONTENT_TYPE
    elif fmt == "xlsx":
        kind = READING if widths is not None else DOWNLOAD
        body = xlsx_bytes(headers, rows, title=title, kind=kind, widths=widths)
        content_type = XLSX_CONTENT_TYPE
    else:
        raise ValueError(f"Unknown spreadsheet format {fmt!r}")
    return attachment(body, filename=sheet_filename(filename, fmt), content_type=content_type)
