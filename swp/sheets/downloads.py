"""A list as a CSV or XLSX file the browser saves, named after what it holds."""

from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.text import slugify

from .reading import Value
from .writing import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, csv_bytes, xlsx_bytes


def download(
    fmt: str, *, filename: str, headers: Sequence[str], rows: Iterable[Sequence[Value]], title: str = "Sheet1"
) -> HttpResponse:
    """A CSV or XLSX file as an attachment; `filename` without its extension (it is slugified)."""
    if fmt == "csv":
        body, content_type = csv_bytes(headers, rows), CSV_CONTENT_TYPE
    elif fmt == "xlsx":
        body, content_type = xlsx_bytes(headers, rows, title=title), XLSX_CONTENT_TYPE
    else:
        raise ValueError(f"Unknown spreadsheet format {fmt!r}")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{slugify(filename) or 'download'}.{fmt}"
    )
    return response
