"""A word as long as a field allows wraps in the board pack's PDF, whole and within the page (issue 20).

Before, WeasyPrint printed an unbroken word as one line running off the page, so most of it was lost.
"""

import re
import subprocess

import pytest
from django.utils import timezone

from actions.models import ActionUpdate, Rag
from priorities.models import ReportingPeriod
from reports.pdf import html_to_pdf
from reports.rendering import pack_html
from reports.selectors import board_pack
from swp.text_limits import NARRATIVE
from tests import factories

# A letter no other text in the pack uses, so counting it counts this word alone.
LETTER = "ж"
WORD = LETTER * NARRATIVE


@pytest.fixture
def long_pdf(walsall, tmp_path):
    plan = factories.make_plan(walsall, title="Long words plan")
    period = factories.make_period(plan, quarter=1, status=ReportingPeriod.Status.LOCKED)
    priority = factories.make_priority(plan, 1, title="Violence reduction")
    action = factories.make_action(priority, "1.1", overall_objective="Reduce knife crime")
    factories.make_update(
        action, period, rag=Rag.AMBER, progress=WORD, recovery_plan="More patrols",
        outcomes="Fewer incidents", state=ActionUpdate.State.SUBMITTED, submitted_at=timezone.now(),
    )  # fmt: skip
    rendered = html_to_pdf(pack_html(board_pack(plan=plan, period=period)))
    path = tmp_path / "pack.pdf"
    path.write_bytes(rendered.pdf)
    return path


def words_with_boxes(path) -> list[tuple[str, float, float, float]]:
    """Each word pdftotext finds, with its left and right edge and its page's width, in points (the
    priority sections are landscape pages, wider than the cover)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    words = []
    for width, page in re.findall(r'<page width="([\d.]+)"[^>]*>(.*?)</page>', html, flags=re.S):
        words += [
            (text, float(x_min), float(x_max), float(width))
            for x_min, x_max, text in re.findall(
                r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', page
            )
        ]
    return words


def test_an_unbroken_word_in_progress_is_printed_whole_and_wraps_within_the_page(long_pdf):
    pieces = [word for word in words_with_boxes(long_pdf) if LETTER in word[0]]
    assert "".join(text for text, _, _, _ in pieces) == WORD  # every letter is there, in order
    assert len(pieces) > 20  # wrapped over many lines, not run off as one
    assert all(0 <= left and right <= width for _, left, right, width in pieces)
