"""How much free text people may type, and the invisible characters taken out of it, stated once.

Every free-text field (swp.model_fields.FreeTextField) names one of these limits. The model refuses
longer text in full_clean, every form counts down to it with GOV.UK's character count, and every
spreadsheet import refuses a longer cell on its row and column. Without a limit one person's megabyte
of text made a page take minutes to load for everyone who opened it (issue 20).

Text is measured after line endings are made plain ("\\r\\n" counts as one character, as the
browser's character count counts it) and after the invisible characters below are taken out.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

# A comment, a reason, a note: a few paragraphs.
COMMENT = 2_000
# A quarter's progress, what is being done, outcomes, a reading's commentary, an objective, an aim.
NARRATIVE = 4_000
# A document's worth: minutes, terms of reference, a strategic assessment's or a consultation's
# summary, a section of an equality impact assessment.
DOCUMENT = 20_000

# Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which can make
# "report" + RLO + "gnp.exe" show as "reportexe.png", and zero-width characters (U+200B-U+200D,
# U+2060, U+FEFF), which hide inside words. None of them is visible, so taking them out changes
# nothing a reader sees except what they were there to disguise.
INVISIBLE = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def strip_invisible(text: str) -> str:
    """The text without bidirectional controls and zero-width characters."""
    return _INVISIBLE.sub("", text)


def plain_line_endings(text: str) -> str:
    """Windows and old Mac line endings as "\\n", so a line break counts as one character."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_free_text(text: str) -> str:
    """Free text as it is kept: plain line endings, no invisible characters, no space around it."""
    return strip_invisible(plain_line_endings(text)).strip()


def too_long(limit: int, length: int, *, what: str = "This") -> str:
    """The message for text over its limit, in the GOV.UK voice, saying by how much."""
    return f"{what} must be {limit:,} characters or fewer. It has {length:,}"


@deconstructible(path="swp.text_limits.WithinLimit")
class WithinLimit:
    """The model's check: text no longer than `limit`. Migrations record it, and nothing else changes."""

    code = "max_length"

    def __init__(self, limit: int):
        self.limit = limit

    def __call__(self, value: str) -> None:
        if value and len(value) > self.limit:
            raise ValidationError(too_long(self.limit, len(value)), code=self.code)

    def __eq__(self, other) -> bool:
        return isinstance(other, WithinLimit) and other.limit == self.limit

    def __hash__(self) -> int:
        return hash(self.limit)
