"""Every file the app sends as a download: spreadsheets, plan workbooks, board packs, evidence."""

from typing import BinaryIO

from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header

# Files people download are never run as pages: nothing loads, nothing frames them, and a browser
# that displays one inline treats it as a sandboxed, script-less origin. (Caching and nosniff are
# set for every signed-in response by swp.middleware and Django's SecurityMiddleware.)
DOWNLOAD_POLICY = "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; sandbox"


def attachment(content: bytes | BinaryIO, *, filename: str, content_type: str) -> HttpResponse | FileResponse:
    """`content` as a file the browser saves under `filename`, which may hold any characters.

    Bytes made for the request are sent whole; an open stored file (evidence) is streamed and closed
    when sent. Either way the name is encoded by Django (RFC 6266), never pasted into the header.
    """
    if isinstance(content, bytes):
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    else:
        response = FileResponse(content, as_attachment=True, filename=filename, content_type=content_type)
    response["Content-Security-Policy"] = DOWNLOAD_POLICY
    return response
