"""How a cell is read into a field and written back out: thin adapters over swp/sheets/values.py.

Text with the export's protective apostrophe taken off again, UK dates and date-times, RAG, Yes/No,
choices by value or label, numbers with £ and thousands commas, and related records by natural key:
each refuses what it cannot read, in plain English, never a guess.
"""

from django.core.exceptions import MultipleObjectsReturned
from import_export import widgets

from swp.sheets.values import (
    CellError,
    fit_decimal,
    parse_choice,
    parse_number,
    parse_rag,
    parse_uk_date,
    parse_uk_datetime,
    parse_yes_no,
    text,
)
from swp.sheets.writing import local_time


class TextWidget(widgets.Widget):
    """Free text: trimmed, Windows line endings made plain, the export's one apostrophe removed."""

    def clean(self, value, row=None, **kwargs):
        return text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class UKDateWidget(widgets.Widget):
    """A date: an Excel date cell, or text written the UK way (31/03/2023, 1/4/22, ISO)."""

    def clean(self, value, row=None, **kwargs):
        return parse_uk_date(value)

    def render(self, value, obj=None, **kwargs):
        return value  # a date: XLSX writes a date cell, CSV writes 31/03/2023


class UKDateTimeWidget(widgets.Widget):
    """A moment: an Excel date-time cell or '31/03/2023 14:05:09' (UK time), kept to the second."""

    def clean(self, value, row=None, **kwargs):
        return parse_uk_datetime(value)

    def render(self, value, obj=None, **kwargs):
        return None if value is None else local_time(value)


class NumberWidget(widgets.Widget):
    """A number, allowing £, thousands commas and a trailing %; kept a number in the file.

    With `digits` (max_digits, decimal_places), a number the column cannot keep (0.438 in a column of
    two places) is refused at its row, in plain English, rather than when the row is saved.
    """

    def __init__(self, *, whole: bool = False, digits: tuple[int, int] | None = None):
        super().__init__(coerce_to_string=False)
        self.whole, self.digits = whole, digits

    def clean(self, value, row=None, **kwargs):
        number = parse_number(value)
        if number is not None and self.digits:
            return fit_decimal(
                number, max_digits=self.digits[0], decimal_places=self.digits[1], written=text(value)
            )
        if number is None or not self.whole:
            return number
        if number != number.to_integral_value():
            raise CellError(f"“{text(value)}” is not a whole number")
        return int(number)

    def render(self, value, obj=None, **kwargs):
        return value


class YesNoWidget(widgets.Widget):
    """Yes or No (Y/N, True/False, 1/0, x or ✓); blank is No."""

    def clean(self, value, row=None, **kwargs):
        return bool(parse_yes_no(value))

    def render(self, value, obj=None, **kwargs):
        return bool(value)


class ChoiceWidget(widgets.Widget):
    """One of a field's choices, written as its label; read back from its label or its stored value."""

    def __init__(self, choices, *, blank: bool = False):
        super().__init__()
        self.choices = [(str(stored), str(label)) for stored, label in choices]
        self.blank = blank

    def clean(self, value, row=None, **kwargs):
        return parse_choice(value, self.choices)

    def render(self, value, obj=None, **kwargs):
        return dict(self.choices).get(value, value or "")


class RagWidget(ChoiceWidget):
    def clean(self, value, row=None, **kwargs):
        return parse_rag(value)


class LookupWidget(widgets.Widget):
    """Base for a related record found by a natural key within the row's own partnership or plan.

    Subclasses implement `find(key, row)` (return the object or raise CellError) and `key_of(obj)`.
    An import can never reach another partnership's record: lookups are always scoped.
    """

    def clean(self, value, row=None, **kwargs):
        key = " ".join(text(value).split())
        if not key:
            return None
        try:
            return self.find(key, row or {})
        except MultipleObjectsReturned:
            raise CellError(f"“{key}” matches more than one record: use its full name") from None

    def find(self, key, row):  # pragma: no cover - abstract
        raise NotImplementedError

    def key_of(self, obj):  # pragma: no cover - abstract
        raise NotImplementedError

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else self.key_of(value)


def whole_number(value, what: str) -> int:
    """A number identifying something (a plan ID, a priority number): '3', 3, 3.0 are all 3."""
    try:
        number = parse_number(value)
    except CellError:
        number = None
    if number is None or number != number.to_integral_value() or number < 0:
        raise CellError(f"{what} must be a whole number, not “{text(value)}”")
    return int(number)
