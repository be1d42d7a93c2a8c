"""The board pack as a tagged PDF (PDF/UA-1), made by WeasyPrint from reports.rendering's HTML.

WeasyPrint (and reports.fetcher, which subclasses its fetcher) are imported inside the functions:
the web process serves pages without loading it, and only a worker or command that makes a PDF
pays for the import.
"""

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from django.conf import settings

from .limits import run_within_limits
from .pack_data import BoardPack
from .rendering import DEFAULT_MARKING, pack_html

PDF_VARIANT = "pdf/ua-1"
# During a render: collect the youngest objects every 20,000 allocations rather than 700.
RENDER_GC_THRESHOLD = (20_000, 20, 10)


@dataclass
class RenderedPdf:
    pdf: bytes
    pages: int
    render_seconds: float  # WeasyPrint alone: parsing, layout and writing, not our templates
    blocked: list[str]  # URLs the fetcher refused (none for a pack built from our templates)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Let WeasyPrint allocate without the cyclic garbage collector stopping it every few moments.

    A render makes millions of small objects (boxes, styles, text runs). With CPython's default
    thresholds the collector took 0.7 s of the demo pack's 4.3 s (CPU) and 11 s of the 50 × 20
    synthetic pack's 61 s, rescanning everything Django had loaded whenever it reached the
    oldest generation. Freezing what exists beforehand and collecting less often cuts that to
    0.06 s and 2.9 s, with the same peak memory (158 MB and 857 MB). The settings are the
    process's, so they are put back as they were, whatever happens.
    """
    threshold = gc.get_threshold()
    gc.freeze()  # what the process held before the render is not garbage: stop rescanning it
    gc.set_threshold(*RENDER_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def html_to_pdf(html: str) -> RenderedPdf:
    """Render a pack's HTML with the static-only fetcher."""
    from weasyprint import HTML

    from .fetcher import BASE_URL, StaticOnlyFetcher

    fetcher = StaticOnlyFetcher()
    started = time.perf_counter()
    with fewer_collections():
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(pdf_variant=PDF_VARIANT)
        pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
    elapsed = time.perf_counter() - started
    return RenderedPdf(pdf=pdf, pages=len(document.pages), render_seconds=elapsed, blocked=fetcher.blocked)


WARM_UP_HTML = '<html lang="en-GB"><head><title>Warm up</title></head><body><p>Warm up</p></body></html>'


@cache
def warm_up() -> None:
    """Import WeasyPrint and load the fonts once in this process (the worker), before any fork.

    Each PDF is made in a forked child (reports.limits), which starts with whatever the parent has
    loaded. Without this the worker never loaded WeasyPrint itself, so every child imported it and
    set up its fonts afresh: 0.7-1 s of each "Issue" on an idle machine, 3-4 s on a busy one.
    """
    html_to_pdf(WARM_UP_HTML)


def render_pdf(pack: BoardPack, *, marking: str = DEFAULT_MARKING) -> RenderedPdf:
    """The pack as PDF bytes, with its page count and how long WeasyPrint took.

    Our templates run here; WeasyPrint runs in a child process stopped at SWP_PACK_TIME_LIMIT_SECONDS
    or SWP_PACK_MEMORY_LIMIT_MB (reports.limits), so an enormous plan fails its pack with
    LimitExceeded instead of taking the worker's memory or holding it for ever.
    """
    html = pack_html(pack, marking=marking)
    warm_up()
    return run_within_limits(
        html_to_pdf,
        html,
        seconds=settings.SWP_PACK_TIME_LIMIT_SECONDS,
        megabytes=settings.SWP_PACK_MEMORY_LIMIT_MB,
    )
