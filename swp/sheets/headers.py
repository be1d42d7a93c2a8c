"""Which column is which: the heading row found among a sheet's first rows, matched with synonyms.

Headings are compared as values.normalise_words compares words (case, punctuation and spacing
ignored), against each Column's label, key and synonyms ("Item No." for the reference, "RAG status"
or "On target?" for the rating), on whichever of the first rows holds them, since real sheets have
titles above the table. Two columns that could both be the same thing is an error, not a choice.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from .reading import SheetRow, Value
from .values import CellError, normalise_words


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the heading our own templates use
    synonyms: tuple[str, ...] = ()
    required: bool = False

    def names(self) -> set[str]:
        return {normalise_words(name) for name in (self.label, self.key, *self.synonyms)}


@dataclass
class HeaderMatch:
    row_number: int
    positions: dict[str, int]  # column key -> index in the row
    ignored: list[str] = field(default_factory=list)  # headings we do not use

    def get(self, row: SheetRow, key: str) -> Value:
        index = self.positions.get(key)
        return row.cells[index] if index is not None and index < len(row.cells) else None


def match_header_row(row: SheetRow, columns: Sequence[Column]) -> tuple[HeaderMatch, list[str]]:
    """Which column is which in this row, and any ambiguity, as messages."""
    names = {column.key: column.names() for column in columns}
    positions: dict[str, int] = {}
    ignored, problems = [], []
    for index, heading in enumerate(row.cells):
        written = normalise_words(heading)
        if not written:
            continue
        keys = [key for key, accepted in names.items() if written in accepted]
        if not keys:
            ignored.append(str(heading).strip())
            continue
        key = keys[0]
        if key in positions:
            label = next(column.label for column in columns if column.key == key)
            problems.append(
                f"Columns {get_column_letter(positions[key] + 1)} and {get_column_letter(index + 1)} could "
                f"both be “{label}”. Delete or rename one of them"
            )
            continue
        positions[key] = index
    return HeaderMatch(row.number, positions, ignored), problems


def find_header(rows: Sequence[SheetRow], columns: Sequence[Column], *, search: int = 15) -> HeaderMatch:
    """The header row among the first `search` rows: the one matching most columns, all required ones.

    Raises CellError naming the missing columns when no row has them all, or the ambiguity when two
    columns could be the same thing.
    """
    best: tuple[HeaderMatch, list[str]] | None = None
    for row in rows[:search]:
        match, problems = match_header_row(row, columns)
        if best is None or len(match.positions) > len(best[0].positions):
            best = (match, problems)
    required = [column for column in columns if column.required]
    if best is None or not best[0].positions:
        wanted = ", ".join(f"“{column.label}”" for column in required or columns)
        raise CellError(f"No heading row found. The sheet needs columns headed {wanted}")
    match, problems = best
    if problems:
        raise CellError(problems[0])
    missing = [column.label for column in required if column.key not in match.positions]
    if missing:
        listed = ", ".join(f"“{label}”" for label in missing)
        raise CellError(f"Row {match.row_number} looks like the headings but has no column headed {listed}")
    return match
