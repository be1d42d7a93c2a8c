"""What a cell says: text, a date, a number, a reference, a RAG rating, Yes or No, one of some choices.

Every parser takes a cell as read (text, a number, an Excel date, a boolean, or None) and either
gives the value or raises CellError with a reason the person can act on: UK dates (31/03/2023, 1/4/22,
ISO, 31 March 2023), never month first; amounts with £ and commas; RAG as R/A/G or the words in any
case. Anything that is not clearly one thing ("TBC", 31/09/2022) is an error, never a guess. A blank
cell is "" or None, whatever the parser, so each caller decides what blank means.

The words each parser accepts are defined once here (RAG_WORDS, YES_WORDS, NO_WORDS). A caller whose
cells may say more (an update sheet's "Submit" for Yes) passes its extra words, and a caller whose
messages say more passes its own hint, so the people reading each page keep the words they know.
"""

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from swp.text_limits import strip_invisible, too_long

from .reading import Percentage, Value
from .writing import FORMULA_TRIGGERS, PROTECTIVE_PREFIX

RAG_WORDS = {"r": "red", "red": "red", "a": "amber", "amber": "amber", "g": "green", "green": "green"}
RAG_HINT = "Enter red, amber or green (or R, A or G)"
YES_WORDS = frozenset({"yes", "y", "true", "1", "x", "✓"})
NO_WORDS = frozenset({"no", "n", "false", "0"})
DATE_EXAMPLE = "a date like 31/03/2023"


class CellError(ValueError):
    """A value that cannot be used as it stands; str(error) says why and what would work."""


# Text ---------------------------------------------------------------------------------------------


def strip_protective_prefix(text: str) -> str:
    """Take off the apostrophe an export put before a formula-like value, and only that one."""
    if text.startswith(PROTECTIVE_PREFIX) and text[1:2] and text[1:].startswith((*FORMULA_TRIGGERS, "'")):
        return text[1:]
    return text


def text(value: Value) -> str:
    """A cell as text: trimmed, Windows line endings made plain, the export's apostrophe removed, and
    without bidirectional controls or zero-width characters (swp.text_limits.strip_invisible).

    The apostrophe comes off first, so what our export protected comes back exactly: its first
    character (a tab or a carriage return, say) is what was written, and only the rest is tidied.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Percentage):
        return f"{value.normalize():f}%"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        if value.time() != datetime.time(0):
            return value.strftime("%d/%m/%Y %H:%M:%S" if value.second else "%d/%m/%Y %H:%M")
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    raw = strip_invisible(str(value))
    unprefixed = strip_protective_prefix(raw)
    if unprefixed is not raw:
        return unprefixed[0] + _tidy_line_endings(unprefixed[1:]).rstrip()
    return _tidy_line_endings(raw).strip()


def limited_text(value: Value, limit: int | None) -> str:
    """A cell as text(), refused with CellError when it is longer than `limit` characters."""
    written = text(value)
    if limit is not None and len(written) > limit:
        raise CellError(too_long(limit, len(written)))
    return written


def _tidy_line_endings(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_blank(value: Value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def words(value: Value) -> str:
    """A cell's words, for comparing with a list of words: its text, spacing collapsed, lower case."""
    return " ".join(text(value).split()).lower()


def normalise_words(value: Value) -> str:
    """Words compared loosely, as headings are: '  Item No. ' -> 'item no'; 'RAG/Status' -> 'rag status'.

    Case, punctuation and spacing are ignored; £ and % are kept, since they can be all a heading says.
    """
    written = "" if value is None else str(value)
    return " ".join(re.sub(r"[^\w£%]+", " ", written.lower()).split())


# Dates and times ----------------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (
        datetime.date(2000, number, 1).strftime("%B").lower(),
        datetime.date(2000, number, 1).strftime("%b").lower(),
    )
}
_MONTHS["sept"] = 9
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_WORDY_DATE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$")
_DATETIME_PATTERNS = (
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M:%S.%f",
    "%d/%m/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
)


def parse_uk_date(value: Value) -> datetime.date | None:
    """A date written the UK way, or None for an empty cell. Day first, always; never a guess."""
    if is_blank(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        raise CellError(f"“{text(value)}” is a number, not a date. Enter {DATE_EXAMPLE}")
    raw = " ".join(str(value).split())
    lowered = raw.lower()
    if match := _ISO_DATE.match(lowered):
        year, month, day = (int(part) for part in match.groups())
    elif match := _NUMERIC_DATE.match(lowered):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
        if len(match[3]) == 2:
            year += 2000
    elif (match := _WORDY_DATE.match(lowered)) and match[2] in _MONTHS:
        day, month, year = int(match[1]), _MONTHS[match[2]], int(match[3])
    else:
        raise CellError(f"“{raw}” is not a date. Enter {DATE_EXAMPLE}, or leave it blank")
    if not 1 <= month <= 12:
        raise CellError(f"“{raw}” is not a real date: there is no month {month}. Enter {DATE_EXAMPLE}")
    if not 1900 <= year <= 2199:
        raise CellError(f"“{raw}” is not a likely date: check the year. Enter {DATE_EXAMPLE}")
    try:
        return datetime.date(year, month, day)
    except ValueError:
        month_name = datetime.date(2000, month, 1).strftime("%B")
        raise CellError(f"“{raw}” is not a real date: {month_name} has no day {day}") from None


def parse_uk_datetime(value: Value) -> datetime.datetime | None:
    """A moment: an Excel date-time cell or '31/03/2023 14:05:09' (UK time), kept to the second.

    None for an empty cell. A date-time without a time zone is taken as the clock in Europe/London.
    """
    if is_blank(value):
        return None
    if isinstance(value, datetime.datetime):
        moment = value
    elif isinstance(value, datetime.date):
        moment = datetime.datetime.combine(value, datetime.time(0))
    else:
        raw = " ".join(str(value).split())
        for pattern in _DATETIME_PATTERNS:
            try:
                moment = datetime.datetime.strptime(raw, pattern)
                break
            except ValueError:
                continue
        else:
            raise CellError(f"“{raw}” is not a date and time. Enter one like 31/03/2023 14:05")
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


# Numbers and references ---------------------------------------------------------------------------

# Commas only as thousands separators: "1,5" could be one and a half (as written in much of Europe)
# or fifteen, so it is an error rather than a guess.
_AMOUNT = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+|)(?:\.\d+)?$")


def parse_number(value: Value) -> Decimal | None:
    """A number, allowing £, commas and a trailing %; None for an empty cell."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellError(f"“{text(value)}” is not a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, (float, Decimal)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():
            raise CellError(f"“{value}” is not a number")
        return number
    raw = str(value).strip()
    cleaned = raw.replace("£", "").replace(" ", "").removesuffix("%")
    if not cleaned.strip("-") or not _AMOUNT.match(cleaned):
        raise CellError(f"“{raw}” is not a number")
    try:
        return Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern already ruled this out
        raise CellError(f"“{raw}” is not a number") from None


def fit_decimal(number: Decimal, *, max_digits: int, decimal_places: int, written: str = "") -> Decimal:
    """`number` as a column of this size keeps it (43.800 as 43.80), or CellError saying why it cannot be.

    A fraction with more places than the column keeps is most often a percentage typed as Excel stores
    it (0.438 for 43.8 %), so the message says how to write that.
    """
    shown = written or f"{number:f}"
    limit = Decimal(10) ** (max_digits - decimal_places)
    if abs(number) >= limit:
        largest = limit - Decimal(1).scaleb(-decimal_places)
        raise CellError(f"“{shown}” is too large to keep: figures up to {largest:,} can be kept")
    kept = number.quantize(Decimal(1).scaleb(-decimal_places))
    if kept != number:
        advice = f"Round it to {decimal_places} decimal places"
        if -1 < number < 1:
            advice = (
                f"If it is a percentage, type it with a % sign ({(number * 100).normalize():f}%). "
                f"Otherwise, round it to {decimal_places} decimal places"
            )
        raise CellError(f"“{shown}” has more than {decimal_places} decimal places. {advice}")
    return kept


def parse_reference(value: Value) -> str:
    """An item reference as text ('1.10' stays '1.10' when it was text; a number becomes its digits).

    A reference Excel stored as a number may have lost a trailing zero (1.10 shown as 1.1): callers
    that know the plan's references should treat a numeric cell matching two of them as ambiguous.
    """
    if is_blank(value):
        return ""
    if isinstance(value, float):
        return repr(value).removesuffix(".0")
    return " ".join(text(value).split()).rstrip(".")


def reference_was_number(value: Value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


# Words with a fixed meaning -----------------------------------------------------------------------


def parse_rag(value: Value, *, hint: str = RAG_HINT) -> str:
    """'red', 'amber' or 'green' from R/A/G or the word in any case; '' for an empty cell."""
    if is_blank(value):
        return ""
    word = words(value)
    if word in RAG_WORDS:
        return RAG_WORDS[word]
    raise CellError(f"“{text(value)}” is not a RAG rating. {hint}")


def parse_yes_no(
    value: Value, *, also_yes: Iterable[str] = (), also_no: Iterable[str] = (), hint: str = ""
) -> bool | None:
    """True or False from Yes/No, Y/N, True/False, 1/0, x or ✓, in any case; None for an empty cell."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    word = words(value)
    if word in YES_WORDS or word in also_yes:
        return True
    if word in NO_WORDS or word in also_no:
        return False
    raise CellError(f"“{text(value)}” is not Yes or No" + (f". {hint}" if hint else ""))


def parse_choice(
    value: Value,
    choices: Iterable[tuple[str, str]],
    *,
    synonyms: Mapping[str, str] | None = None,
    shown: Sequence[str] = (),
    what: str = "",
) -> str:
    """The stored value of one of `choices` (stored value, label), written as either or a synonym.

    Case, punctuation and spacing are ignored. '' for an empty cell. The error lists `shown`, else
    the labels; with `what` ("a kind of partner") it says "is not a kind of partner".
    """
    written = text(value)
    if not written:
        return ""
    accepted: dict[str, str] = {}
    labels = []
    for stored, label in choices:
        accepted[normalise_words(stored)] = str(stored)
        accepted[normalise_words(label)] = str(stored)
        labels.append(str(label))
    accepted.update({normalise_words(word): stored for word, stored in (synonyms or {}).items()})
    found = accepted.get(normalise_words(written))
    if found is not None:
        return found
    options = ", ".join(shown or labels)
    if what:
        raise CellError(f"“{written}” is not {what}. Enter one of: {options}")
    raise CellError(f"“{written}” is not one of: {options}")
