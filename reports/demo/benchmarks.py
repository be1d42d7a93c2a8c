"""What the pack benchmarks share: a WeasyPrint already warmed up, and the process's memory."""

import os
import resource

from reports import pdf  # reports.pdf loads WeasyPrint only when it renders
from reports.limits import resident_megabytes


def warm_up() -> None:
    """Import WeasyPrint and load the fonts with a tiny render, as a running worker has already done,
    so that a benchmark's first measured render is not charged for them."""
    pdf.warm_up()


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux: the process's high-water mark so far.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def resident_megabytes_now() -> float:
    return resident_megabytes(os.getpid())
