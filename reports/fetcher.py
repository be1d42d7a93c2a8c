"""The only way a board pack's PDF may load anything: our own static files, read from disk.

WeasyPrint's default fetcher follows any URL in the HTML: it would read `file:///etc/passwd`
into the PDF (even as an attachment) or call out to the network, including back into this app
and to cloud metadata addresses (CVE-2025-68616). This one serves only what the pack links to
under STATIC_URL on a base URL that cannot resolve, found through django.contrib.staticfiles'
finders, and refuses everything else, data: URLs included (the pack needs none: charts are
inline SVG). Each refusal is logged on "swp.security" and kept in `blocked` for tests.

This module imports WeasyPrint, so import it only where a PDF is made (inside
reports.pdf.render_pdf): the web process must not load WeasyPrint to serve pages.
"""

import logging
import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from weasyprint import URLFetcher
from weasyprint.urls import URLFetcherResponse

security_log = logging.getLogger("swp.security")

# The base URL the pack's HTML is rendered against. ".invalid" can never resolve (RFC 2606),
# so even if a URL slipped past the fetcher it could not reach a real host.
BASE_URL = "https://board-pack.invalid/"


def static_path_for(url: str) -> str | None:
    """The static file a pack URL names (its path relative to STATIC_URL), or None if it names none."""
    parts = urlsplit(url)
    base = urlsplit(BASE_URL)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        return None
    path = unquote(parts.path)
    static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if not path.startswith(static_prefix):
        return None
    relative = path[len(static_prefix) :]
    # Refuse anything that is not a plain path below STATIC_URL before asking the finders.
    if not relative or "\\" in relative or "\x00" in relative:
        return None
    if posixpath.normpath(relative) != relative or relative.startswith(("/", "..")):
        return None
    return relative


class StaticOnlyFetcher(URLFetcher):
    """Serves our static files from disk; refuses and logs every other URL. One per render."""

    def __init__(self):
        # The parent's network handlers are never used: fetch() below does not call its open().
        super().__init__(timeout=1, allow_redirects=False, fail_on_errors=False)
        self.blocked: list[str] = []
        self.served: list[str] = []

    def fetch(self, url, headers=None):
        relative = static_path_for(url)
        found = None
        if relative is not None:
            try:
                found = finders.find(relative)
            except SuspiciousFileOperation:
                found = None
        if not found:
            self.blocked.append(url)
            security_log.warning("pdf_fetch_blocked: the board pack renderer refused %r", url[:300])
            raise ValueError(f"The board pack may only load its own static files, not {url[:100]!r}.")
        with open(found, "rb") as file:
            body = file.read()
        self.served.append(url)
        content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})
