"""What the pack benchmarks share: a WeasyPrint already warmed up, and the process's memory."""

import os
import resource

from reports.limits import resident_megabytes
from reports.pdf import html_to_pdf  # reports.pdf loads WeasyPrint only when it renders


def warm_up() -> None:
    """Import WeasyPrint and load the fonts with a tiny render, as a running worker has already done,
    so that a benchmark's first measured render is not charged for them."""
    html_to_pdf('<html lang="en-GB"><head><title>Warm up</title></head><body><p>Warm up</p></body></html>')


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux: the process's high-water mark so far.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def resident_megabytes_now() -> float:
    return resident_megabytes(os.getpid())
