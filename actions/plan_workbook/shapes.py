"""The shapes the plan workbook's definitions are written in (format.py holds the definitions).

A Field is a column with its help text; a Sheet, a sheet's name, synonyms and fields; a Vocabulary,
the words a column with a fixed meaning accepts, read with swp.sheets.values.parse_choice.
"""

from dataclasses import dataclass, field

from swp.sheets.headers import Column
from swp.sheets.values import normalise_words, parse_choice


@dataclass(frozen=True)
class Field:
    column: Column
    help: str
    example: str = ""

    @property
    def key(self) -> str:
        return self.column.key

    @property
    def label(self) -> str:
        return self.column.label


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    synonyms: tuple[str, ...]
    purpose: str
    fields: tuple[Field, ...] = ()
    imported: bool = True  # False: written by the export only; ignored (and said so) on import

    @property
    def columns(self) -> list[Column]:
        return [f.column for f in self.fields]

    @property
    def headers(self) -> list[str]:
        return [f.label for f in self.fields]

    def names(self) -> set[str]:
        return {normalise_words(name) for name in (self.title, self.key, *self.synonyms)}

    def label_of(self, key: str) -> str:
        return next(f.label for f in self.fields if f.key == key)


def field_of(key, label, help, example="", *, synonyms=(), required=False) -> Field:
    return Field(Column(key, label, tuple(synonyms), required), help, example)


@dataclass(frozen=True)
class Vocabulary:
    what: str  # "a kind of partner", for messages
    choices: tuple[tuple[str, str], ...]  # (stored value, label)
    synonyms: dict[str, str] = field(default_factory=dict)  # word -> stored value
    shown: tuple[str, ...] = ()  # what to suggest

    def parse(self, raw: str) -> str:
        return parse_choice(raw, self.choices, synonyms=self.synonyms, shown=self.shown, what=self.what)


def vocabulary(what: str, choices, synonyms: dict[str, str], shown=None) -> Vocabulary:
    choices = tuple((value, str(label)) for value, label in choices)
    return Vocabulary(what, choices, synonyms, tuple(shown or [label for _, label in choices]))
