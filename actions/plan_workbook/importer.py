"""Read a plan workbook into a preview, then create the plan from it: all of it, or none of it.

`read_workbook(data, fmt, partnership=...)` never writes: it returns a Preview listing what would
be created, sheet by sheet, and every problem with its sheet, row and column, in plain English.
`apply(preview, by=...)` creates the plan as a draft in one transaction; it refuses a preview with
problems, and any failure part way rolls everything back (INT-04, INT-05). The confirm step always
reads the stored upload again, so what is created is what the person saw.

The rules, each stated in the workbook's "Read me" (template.py) too:
- Organisations are matched by name or short name, ignoring case, to the partnership's own;
  others are added. A Partners row of kind "Group" is a group of the partnership (a Board), which
  can lead a priority; existing groups are matched by name.
- A plan whose title the partnership already uses is refused: importing twice makes one plan.
- Sub-priorities: "Part of" names the parent; blank, the reference's prefix does (1.1 is part of
  1) if that priority exists. An action's priority is its Priority reference, or else the longest
  priority reference its own reference starts with (1.1.1 belongs to 1.1, else 1).
- A deadline that is an unambiguous date is the deadline; words ("Ongoing", "2021/22") are the
  timescale as written; something date-shaped that is not a real date (31/09/2022) is an error.
"""

import datetime
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models, transaction

from governance.models import Board, Organisation, Partnership, User
from priorities.models import (
    BaselineStatistic,
    Measure,
    Plan,
    PlanAim,
    Priority,
    ReportingPeriod,
    StrategicAssessment,
    Theme,
)
from swp.history import save_as
from swp.sheets.headers import HeaderMatch, find_header
from swp.sheets.reading import SheetRow, Value, csv_rows, read_rows, xlsx_sheet_names
from swp.sheets.uploads import UploadRefused, check_csv_zip, check_spreadsheet_upload, max_upload_bytes
from swp.sheets.values import (
    CellError,
    is_blank,
    normalise_words,
    parse_number,
    parse_reference,
    parse_uk_date,
    text,
)

from ..models import Action
from . import format as f

REASON = "Imported from a plan workbook"
MAX_QUARTERS = 24
_DATE_SHAPED = re.compile(r"^\s*(\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4})(\s|$)")


# What the preview holds ----------------------------------------------------------------------------


@dataclass
class Problem:
    sheet: str
    row: int | None
    column: str | None
    message: str

    def where(self) -> str:
        parts = [f"{self.sheet} sheet" if self.sheet else "Workbook"]
        if self.row:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column “{self.column}”")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}"


@dataclass
class PartnerRow:
    row: int
    name: str
    short_name: str
    kind: str  # an Organisation.Kind, or format.GROUP
    membership: str
    existing: models.Model | None = None  # an Organisation or Board already in the partnership

    @property
    def is_group(self) -> bool:
        return self.kind == f.GROUP

    @property
    def kind_label(self) -> str:
        return "Group" if self.is_group else Organisation.Kind(self.kind).label


@dataclass
class PriorityRow:
    row: int
    reference: str
    title: str
    parent: str  # the parent's reference, once resolved
    leads: list[str]  # keys into Preview.bodies, in the order written
    lead_as_written: str
    lead_officer: str
    lead_support_officer: str
    aim: str
    why: str
    you_told_us: str
    statistics: list[str]  # statistic keys
    depth: int = 0


@dataclass
class MeasureRow:
    row: int
    priority: str
    order: int
    title: str
    kind: str
    unit: str
    unit_type: str
    direction: str
    baseline_value: Decimal | None
    baseline_period: str
    baseline_source: str
    baseline_note: str
    baseline_statistic: str | None
    target_value: Decimal | None
    target_description: str


@dataclass
class ActionRow:
    row: int
    reference: str
    priority: str
    order: int
    overall_objective: str
    objective: str
    horizon: str
    responsible_officer: str
    organisations: list[str]
    start_date: datetime.date | None
    deadline: datetime.date | None
    timescale: str
    status: str
    themes: list[str]


@dataclass
class ThemeRow:
    row: int | None
    name: str
    description: str
    priorities: list[str]


@dataclass
class StatisticRow:
    row: int
    reference: str
    label: str
    value: Decimal
    unit: str
    period: str
    source: str
    note: str


@dataclass
class PeriodRow:
    row: int | None
    label: str
    start: datetime.date
    end: datetime.date
    update_deadline: datetime.date


@dataclass
class Preview:
    partnership: Partnership
    plan: dict = field(default_factory=dict)
    aims: list[str] = field(default_factory=list)
    partners: list[PartnerRow] = field(default_factory=list)
    priorities: list[PriorityRow] = field(default_factory=list)
    measures: list[MeasureRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    themes: list[ThemeRow] = field(default_factory=list)
    statistics: list[StatisticRow] = field(default_factory=list)
    periods: list[PeriodRow] = field(default_factory=list)
    periods_made: bool = False  # True when the quarters come from the plan's period, not a sheet
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Lead bodies and responsible organisations by key: ("org"|"group", PartnerRow or existing object)
    bodies: dict[str, tuple[str, object]] = field(default_factory=dict)
    _names: dict[str, tuple[str, tuple[str, object]]] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def body_name(self, key: str) -> str:
        kind, body = self.bodies[key]
        return body.name

    def counts(self) -> list[tuple[str, int, str]]:
        new_partners = [p for p in self.partners if p.existing is None]
        return [
            ("Plan", 1 if self.plan.get("title") else 0, "plan"),
            ("Partners", len(new_partners), "new partner"),
            ("Priorities", len(self.priorities), "priority"),
            ("Measures", len(self.measures), "measure"),
            ("Actions", len(self.actions), "action"),
            ("Themes", len(self.themes), "theme"),
            ("Baseline statistics", len(self.statistics), "baseline statistic"),
            ("Reporting periods", len(self.periods), "reporting period"),
        ]

    def summary(self) -> str:
        return ", ".join(f"{label}: {count}" for label, count, _ in self.counts())

    def tables(self) -> list[dict]:
        """The rows each sheet would create, for the preview page: caption, headings and rows."""
        horizon = dict(Action.Horizon.choices)
        kinds = dict(Measure.Kind.choices)
        statistic = {f"stat:{s.row}": s.reference or s.label for s in self.statistics}
        tables = [
            {
                "caption": f"Partners ({len(self.partners)})",
                "headings": ["Name", "Short name", "Kind", "What happens"],
                "rows": [
                    [
                        p.name,
                        p.short_name,
                        p.kind_label,
                        "Already in the partnership: used as it is" if p.existing else "Added",
                    ]
                    for p in self.partners
                ],
            },
            {
                "caption": f"Priorities ({len(self.priorities)})",
                "headings": ["Reference", "Title", "Part of", "Lead", "Lead officer"],
                "rows": [
                    [
                        p.reference,
                        _short(p.title, 200),
                        p.parent,
                        "; ".join(self.body_name(key) for key in p.leads)
                        or p.lead_as_written
                        or "No single lead",
                        p.lead_officer,
                    ]
                    for p in self.priorities
                ],
            },
            {
                "caption": f"Measures ({len(self.measures)})",
                "headings": ["Priority", "Measure", "Kind", "Baseline", "Target"],
                "rows": [
                    [
                        m.priority,
                        _short(m.title, 200),
                        kinds[m.kind],
                        " ".join(
                            str(v)
                            for v in (m.baseline_value, m.unit, m.baseline_period)
                            if v not in (None, "")
                        )
                        + (f" ({statistic[m.baseline_statistic]})" if m.baseline_statistic else ""),
                        " ".join(
                            str(v) for v in (m.target_value, m.target_description) if v not in (None, "")
                        ),
                    ]
                    for m in self.measures
                ],
            },
            {
                "caption": f"Actions ({len(self.actions)})",
                "headings": ["Item", "Priority", "Overall objective", "Horizon", "Responsible", "Deadline"],
                "rows": [
                    [
                        a.reference,
                        a.priority,
                        _short(a.overall_objective, 200),
                        horizon[a.horizon],
                        "; ".join(
                            [a.responsible_officer] * bool(a.responsible_officer)
                            + [self.body_name(k) for k in a.organisations]
                        ),
                        a.deadline.strftime("%-d %B %Y") if a.deadline else a.timescale,
                    ]
                    for a in self.actions
                ],
            },
            {
                "caption": f"Themes ({len(self.themes)})",
                "headings": ["Theme", "Description", "Priorities"],
                "rows": [[t.name, _short(t.description, 200), "; ".join(t.priorities)] for t in self.themes],
            },
            {
                "caption": f"Baseline statistics ({len(self.statistics)})",
                "headings": ["Reference", "Label", "Value", "Period", "Source"],
                "rows": [
                    [s.reference or "–", _short(s.label, 200), f"{s.value} {s.unit}", s.period, s.source]
                    for s in self.statistics
                ],
            },
            {
                "caption": f"Reporting periods ({len(self.periods)})"
                + (": made from the plan's period" if self.periods_made else ""),
                "headings": ["Quarter", "Starts", "Ends", "Update deadline"],
                "rows": [
                    [p.label, f"{p.start:%-d %B %Y}", f"{p.end:%-d %B %Y}", f"{p.update_deadline:%-d %B %Y}"]
                    for p in self.periods
                ],
            },
        ]
        return [table for table in tables if table["rows"]]

    def lines(self) -> list[str]:
        """The preview as plain text, for the command line."""
        out = [f"Plan: {self.plan.get('title', '(no title)')}"]
        if self.plan.get("period_start") and self.plan.get("period_end"):
            out.append(f"Period: {self.plan['period_start']:%d/%m/%Y} to {self.plan['period_end']:%d/%m/%Y}")
        out.append(self.summary())
        for p in self.partners:
            out.append(
                f"  Partner {p.name} ({p.kind_label}): "
                + ("already in the partnership" if p.existing else "new")
            )
        for p in self.priorities:
            out.append(f"  Priority {p.reference} {p.title}" + (f" (part of {p.parent})" if p.parent else ""))
        for a in self.actions:
            out.append(f"  Action {a.reference} (priority {a.priority}): {_short(a.overall_objective)}")
        out.extend(f"Note: {note}" for note in self.notes)
        return out


def _short(value: str, limit: int = 70) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


# Reading the file --------------------------------------------------------------------------------


@dataclass
class SheetSource:
    name: str  # as the workbook (or the ZIP) names it
    load: Callable[[], list[SheetRow]]
    _rows: list[SheetRow] | None = None

    @property
    def rows(self) -> list[SheetRow]:
        """Read only when wanted: the export's History sheet, say, is never parsed."""
        if self._rows is None:
            self._rows = self.load()
        return self._rows


def read_sources(data: bytes, fmt: str) -> list[SheetSource]:
    """The workbook's sheets (or the ZIP's CSV files), each read when first wanted. Raises UploadRefused."""
    if fmt == "xlsx":
        return [
            SheetSource(name, lambda name=name: list(read_rows(data, "xlsx", sheet=name)))
            for name in xlsx_sheet_names(data)
        ]
    if fmt == "zip":
        check_csv_zip(data)
        sources = []
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for entry in archive.infolist():
                if entry.is_dir():
                    continue
                name = entry.filename.rsplit("/", 1)[-1]
                sources.append(
                    SheetSource(
                        name.rsplit(".", 1)[0], lambda entry=entry, name=name: _zip_entry(data, entry, name)
                    )
                )
        return sources
    raise UploadRefused("A plan can be loaded from an Excel workbook (.xlsx) or a ZIP of CSV files")


def _zip_entry(data: bytes, entry: zipfile.ZipInfo, name: str) -> list[SheetRow]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read(entry)  # sizes checked by check_csv_zip
    check_spreadsheet_upload(io.BytesIO(content), name=name, size=len(content) or 1)
    return csv_rows(content)


def format_of(name: str) -> str:
    lowered = name.lower()
    return "zip" if lowered.endswith(".zip") else "xlsx"


def check_upload(upload, *, name: str, size: int | None = None, allow_zip: bool = True) -> str:
    """ "xlsx" or "zip" if the file may be read; UploadRefused with the reason if not."""
    if allow_zip and name.lower().endswith(".zip"):
        upload.seek(0)
        data = upload.read(max_upload_bytes() + 1)
        upload.seek(0)
        if len(data) > max_upload_bytes():
            raise UploadRefused("The selected file is too large")
        check_csv_zip(data)
        return "zip"
    fmt = check_spreadsheet_upload(upload, name=name, size=size)
    if fmt != "xlsx":
        raise UploadRefused(
            "A whole plan needs several sheets: upload the plan workbook (.xlsx), or a ZIP of its CSV files"
        )
    return fmt


# Reading one sheet -------------------------------------------------------------------------------


class SheetReader:
    """Rows of one sheet with named cells; problems are added to the preview, with row and column."""

    def __init__(self, preview: Preview, sheet: f.Sheet, source: SheetSource):
        self.preview, self.sheet, self.source = preview, sheet, source
        self.header: HeaderMatch | None = None
        try:
            self.header = find_header(source.rows, sheet.columns)
        except CellError as error:
            self.problem(None, None, str(error))
        else:
            if self.header.ignored:
                ignored = ", ".join(f"“{name}”" for name in self.header.ignored)
                preview.notes.append(
                    f"{sheet.title} sheet: columns not used by the import were ignored: {ignored}"
                )

    def problem(self, row: int | None, key: str | None, message: str) -> None:
        column = self.sheet.label_of(key) if key else None
        self.preview.problems.append(Problem(self.sheet.title, row, column, message))

    def rows(self) -> Iterable["RowReader"]:
        if self.header is None:
            return
        for row in self.source.rows:
            if row.number <= self.header.row_number or row.is_blank():
                continue
            yield RowReader(self, row)


class RowReader:
    def __init__(self, sheet: SheetReader, row: SheetRow):
        self.sheet, self.row, self.number = sheet, row, row.number
        self.failed = False

    def raw(self, key: str) -> Value:
        return self.sheet.header.get(self.row, key)

    def problem(self, key: str | None, message: str) -> None:
        self.failed = True
        self.sheet.problem(self.number, key, message)

    def text(
        self, key: str, *, required: bool = False, limit: tuple[type[models.Model], str] | None = None
    ) -> str:
        value = text(self.raw(key))
        if required and not value:
            label = self.sheet.sheet.label_of(key)
            self.problem(key, f"Enter the {label.lower()}: it is required on every row")
        if limit and value:
            max_length = limit[0]._meta.get_field(limit[1]).max_length
            if max_length and len(value) > max_length:
                self.problem(key, f"This must be {max_length} characters or fewer; it has {len(value)}")
        return value

    def parse(self, key: str, parser: Callable[[Value], object], default=None):
        try:
            result = parser(self.raw(key))
        except CellError as error:
            self.problem(key, str(error))
            return default
        return default if result is None else result

    def words(self, key: str, vocabulary: f.Vocabulary, default: str = "") -> str:
        raw = text(self.raw(key))
        if not raw:
            return default
        try:
            return vocabulary.parse(raw)
        except CellError as error:
            self.problem(key, str(error))
            return default

    def reference(self, key: str, *, required: bool = False) -> str:
        value = parse_reference(self.raw(key))
        if required and not value:
            self.problem(
                key, f"Enter the {self.sheet.sheet.label_of(key).lower()}: it is required on every row"
            )
        if len(value) > 20:
            self.problem(key, "A reference must be 20 characters or fewer")
        return value


# The plan sheet: one detail a row ------------------------------------------------------------------

_FINANCIAL = re.compile(r"^(\d{4})\s*[/\-–—]\s*(\d{2}|\d{4})$")
_FINANCIAL_SPAN = re.compile(r"^(\d{4})\s*/\s*(\d{2}|\d{4})\s*(?:to|-|–|—)\s*(\d{4})\s*/\s*(\d{2}|\d{4})$")
_DATE_SPAN = re.compile(r"^(.+?)\s+(?:to|until|–|—|-)\s+(.+)$")


def _second_year(first: int, written: str) -> int:
    return int(written) if len(written) == 4 else first // 100 * 100 + int(written)


def parse_period(raw: str) -> tuple[datetime.date, datetime.date, str]:
    """(start, end, quarter scheme it suggests) from a period as plans write it. CellError if unclear."""
    value = " ".join(raw.split())
    if re.fullmatch(r"\d{4}", value):
        year = int(value)
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31), Plan.QuarterScheme.CALENDAR
    if match := _FINANCIAL.match(value):
        first, second = int(match[1]), _second_year(int(match[1]), match[2])
        if second == first + 1:
            return datetime.date(first, 4, 1), datetime.date(second, 3, 31), Plan.QuarterScheme.FINANCIAL
        raise CellError(
            f"“{value}” could be calendar or financial years. Give the first and last days in Starts and Ends"
        )
    if match := _FINANCIAL_SPAN.match(value):
        first, last = int(match[1]), _second_year(int(match[3]), match[4])
        if _second_year(first, match[2]) == first + 1 and last == int(match[3]) + 1 and last > first:
            return datetime.date(first, 4, 1), datetime.date(last, 3, 31), Plan.QuarterScheme.FINANCIAL
    if match := _DATE_SPAN.match(value):
        try:
            start, end = parse_uk_date(match[1]), parse_uk_date(match[2])
        except CellError:
            pass
        else:
            return start, end, Plan.QuarterScheme.CALENDAR
    raise CellError(
        f"“{value}” is not a period this import understands. Write a year (2021), a financial year "
        "(2021/22), or leave it blank and give Starts and Ends"
    )


def _read_plan_sheet(preview: Preview, source: SheetSource | None) -> None:
    sheet = f.PLAN
    if source is None:
        preview.problems.append(
            Problem(
                "", None, None, "The workbook has no “Plan” sheet: add it, with the plan's title and period"
            )
        )
        return
    fields = {name: field_ for field_ in sheet.fields for name in field_.column.names()}
    values: dict[str, tuple[int, Value]] = {}
    for row in source.rows:
        if row.is_blank() or not row.cells:
            continue
        name = normalise_words(row.cells[0])
        if name in ("detail", "field", "value", "details") or not name:
            continue
        field_ = fields.get(name)
        if field_ is None:
            preview.notes.append(
                f"Plan sheet, row {row.number}: “{text(row.cells[0])}” is not a detail the import uses, "
                "so it was ignored"
            )
            continue
        if field_.key in values:
            preview.problems.append(
                Problem(sheet.title, row.number, None, f"“{field_.label}” is given twice; keep one")
            )
            continue
        values[field_.key] = (row.number, row.cells[1] if len(row.cells) > 1 else None)

    def problem(key: str, message: str) -> None:
        row = values.get(key, (None, None))[0]
        preview.problems.append(Problem(sheet.title, row, sheet.label_of(key), message))

    def get_text(key: str) -> str:
        return text(values.get(key, (None, None))[1])

    def get_date(key: str) -> datetime.date | None:
        try:
            return parse_uk_date(values.get(key, (None, None))[1])
        except CellError as error:
            problem(key, str(error))
            return None

    plan = preview.plan
    plan["title"] = get_text("title")
    if not plan["title"]:
        problem("title", "Enter the plan's title")
    elif len(plan["title"]) > 200:
        problem("title", f"The title must be 200 characters or fewer; it has {len(plan['title'])}")
    elif Plan.objects.filter(partnership=preview.partnership, title__iexact=plan["title"]).exists():
        problem(
            "title",
            f"{preview.partnership.name} already has a plan called “{plan['title']}”. Nothing has been "
            "imported. If this is the same plan, it is already loaded; if not, give it another title",
        )
    start, end, scheme = get_date("starts"), get_date("ends"), None
    period_text = get_text("period")
    if period_text:
        try:
            from_start, from_end, scheme = parse_period(period_text)
        except CellError as error:
            problem("period", str(error))
        else:
            if (start and start != from_start) or (end and end != from_end):
                problem("period", f"“{period_text}” does not agree with Starts and Ends. Correct one of them")
            start, end = start or from_start, end or from_end
    if not start or not end:
        if not any(
            p.sheet == sheet.title and p.column in ("Period", "Starts", "Ends") for p in preview.problems
        ):
            problem("period", "Give the plan's period, such as 2021 or 2021/22, or its Starts and Ends dates")
    elif end <= start:
        problem("ends", "The plan must end after it starts")
    plan["period_start"], plan["period_end"], plan["period_text"] = start, end, period_text
    scheme_text = get_text("quarter_scheme")
    plan["quarter_scheme"] = scheme or Plan.QuarterScheme.CALENDAR
    if scheme_text:
        try:
            plan["quarter_scheme"] = f.QUARTER_SCHEME.parse(scheme_text)
        except CellError as error:
            problem("quarter_scheme", str(error))
    plan["vision"] = get_text("vision")
    for key, name in (
        ("red", "rag_red_definition"),
        ("amber", "rag_amber_definition"),
        ("green", "rag_green_definition"),
    ):
        if value := get_text(key):
            plan[name] = value
    for index, aim in enumerate(f.split_list(get_text("aims"))):
        if len(aim) > 300:
            problem("aims", f"Aim {index + 1} must be 300 characters or fewer; it has {len(aim)}")
        preview.aims.append(aim)
    plan["assessment_title"] = get_text("assessment")
    plan["assessment_on"] = get_date("assessment_on")
    plan["assessment_summary"] = get_text("assessment_summary")


# Each sheet --------------------------------------------------------------------------------------


def _read_partners(preview: Preview, reader: SheetReader) -> None:
    seen: dict[str, int] = {}
    for row in reader.rows():
        name = row.text("name", required=True, limit=(Organisation, "name"))
        short_name = row.text("short_name", limit=(Organisation, "short_name"))
        kind = row.words("kind", f.ORGANISATION_KIND, Organisation.Kind.OTHER)
        membership = row.words("membership", f.MEMBERSHIP, Organisation.Membership.ASSOCIATE)
        if not name:
            continue
        key = name.casefold()
        if key in seen:
            row.problem("name", f"“{name}” is already on row {seen[key]}: list each partner once")
            continue
        seen[key] = row.number
        preview.partners.append(PartnerRow(row.number, name, short_name, kind, membership))


def _match_bodies(preview: Preview) -> None:
    """Give each name a body: the Partners sheet's, or the partnership's own organisations and groups."""
    organisations = list(Organisation.objects.filter(partnership=preview.partnership))
    boards = list(Board.objects.filter(partnership=preview.partnership, kind__in=Board.PARTNERSHIP_KINDS))
    by_name = {o.name.casefold(): o for o in organisations}
    boards_by_name = {b.name.casefold(): b for b in boards}
    names: dict[str, tuple[str, object]] = {}
    for partner in preview.partners:
        if partner.is_group:
            partner.existing = boards_by_name.get(partner.name.casefold())
        else:
            partner.existing = by_name.get(partner.name.casefold())
            if partner.existing and partner.short_name and partner.existing.short_name != partner.short_name:
                preview.notes.append(
                    f"{partner.name} is already a partner, with short name “{partner.existing.short_name}”: "
                    "it is used as it is, and its short name is not changed"
                )
        body = ("group" if partner.is_group else "org", partner)
        preview.bodies[f"sheet:{partner.row}"] = body
        for written in (partner.name, partner.short_name):
            if written:
                names.setdefault(written.casefold(), (f"sheet:{partner.row}", body))
    for organisation in organisations:
        for written in (organisation.name, organisation.short_name):
            if written:
                names.setdefault(written.casefold(), (f"org:{organisation.pk}", ("org", organisation)))
    for board in boards:
        names.setdefault(board.name.casefold(), (f"board:{board.pk}", ("group", board)))
    preview._names = names  # used while reading the other sheets


def _resolve_names(preview: Preview, raw: str, *, what: str, groups: bool) -> tuple[list[str], list[str]]:
    """(keys, problems) for a cell listing bodies.

    Commas and "and" split a part only if every piece is a known name.
    """
    keys, problems = [], []
    names = preview._names
    for part in f.split_list(raw):
        found = names.get(part.casefold())
        pieces = [found] if found else None
        if not found:
            split = [p.strip() for p in re.split(r",|\band\b|&", part) if p.strip()]
            if len(split) > 1 and all(piece.casefold() in names for piece in split):
                pieces = [names[piece.casefold()] for piece in split]
        if not pieces:
            problems.append(
                f"“{part}” is not on the Partners sheet or one of the partnership's organisations or groups. "
                f"Add it to the Partners sheet, or correct the name"
            )
            continue
        for key, (kind, body) in pieces:
            if kind == "group" and not groups:
                problems.append(
                    f"“{body.name}” is a group, not an organisation: {what} must be partner organisations. "
                    "Name the group in Responsible officer instead"
                )
                continue
            preview.bodies[key] = (kind, body)
            if key not in keys:
                keys.append(key)
    return keys, problems


def _read_statistics(preview: Preview, reader: SheetReader) -> None:
    references: dict[str, int] = {}
    for row in reader.rows():
        reference = row.text("reference", limit=None)
        stat = StatisticRow(
            row.number,
            reference,
            row.text("label", required=True, limit=(BaselineStatistic, "label")),
            row.parse("value", parse_number),
            row.text("unit", required=True, limit=(BaselineStatistic, "unit")),
            row.text("period", required=True, limit=(BaselineStatistic, "period")),
            row.text("source", required=True, limit=(BaselineStatistic, "source")),
            row.text("note"),
        )
        if stat.value is None and not row.failed:
            row.problem("value", "Enter the figure, as a number")
        if reference:
            if reference.casefold() in references:
                row.problem(
                    "reference", f"“{reference}” is already used on row {references[reference.casefold()]}"
                )
            references[reference.casefold()] = row.number
        if not row.failed:
            preview.statistics.append(stat)
    if preview.statistics and not (
        preview.plan.get("assessment_title") and preview.plan.get("assessment_on")
    ):
        preview.problems.append(
            Problem(
                f.PLAN.title,
                None,
                None,
                "The baseline statistics need the strategic assessment they come from: give its title "
                "(Strategic assessment) and date (Assessment completed on) on the Plan sheet",
            )
        )


def _statistic_key(preview: Preview, raw: str) -> str | None:
    wanted = raw.casefold()
    by_reference = [s for s in preview.statistics if s.reference and s.reference.casefold() == wanted]
    by_label = [s for s in preview.statistics if s.label.casefold() == wanted]
    found = by_reference or by_label
    if len(found) == 1:
        return f"stat:{found[0].row}"
    if len(found) > 1:
        raise CellError(f"More than one baseline statistic is called “{raw}”: use its reference instead")
    raise CellError(f"“{raw}” is not a reference or label on the Baseline statistics sheet")


def _read_priorities(preview: Preview, reader: SheetReader) -> None:
    seen_refs: dict[str, int] = {}
    seen_titles: dict[str, int] = {}
    explicit_parent: dict[str, tuple[RowReader, str]] = {}
    for row in reader.rows():
        reference = row.reference("reference", required=True)
        title = row.text("title", required=True, limit=(Priority, "title"))
        leads, problems = _resolve_names(preview, row.text("lead_bodies"), what="lead bodies", groups=True)
        for message in problems:
            row.problem("lead_bodies", message)
        statistics = []
        for part in f.split_list(row.text("statistics")):
            try:
                statistics.append(_statistic_key(preview, part))
            except CellError as error:
                row.problem("statistics", str(error))
        priority = PriorityRow(
            row.number,
            reference,
            title,
            "",
            leads,
            row.text("lead_as_written", limit=(Priority, "lead_as_written")),
            row.text("lead_officer", limit=(Priority, "lead_officer_name")),
            row.text("lead_support_officer", limit=(Priority, "lead_support_officer_name")),
            row.text("aim"),
            row.text("why"),
            row.text("you_told_us"),
            statistics,
        )
        if reference:
            if reference in seen_refs:
                row.problem(
                    "reference",
                    f"Priority {reference} is already on row {seen_refs[reference]}. "
                    "Each needs its own number"
                    " (if Excel turned 1.10 into 1.1, format the column as text)",
                )
                continue
            seen_refs[reference] = row.number
        if title:
            if title.casefold() in seen_titles:
                row.problem("title", f"“{title}” is already the title on row {seen_titles[title.casefold()]}")
            seen_titles[title.casefold()] = row.number
        if parent := row.reference("parent"):
            explicit_parent[reference] = (row, parent)
        if not row.failed:
            preview.priorities.append(priority)
    refs = {p.reference for p in preview.priorities}
    for priority in preview.priorities:
        if priority.reference in explicit_parent:
            row, parent = explicit_parent[priority.reference]
            if parent == priority.reference:
                row.problem("parent", "A priority cannot be part of itself")
            elif parent not in refs:
                row.problem("parent", f"There is no priority {parent} on the Priorities sheet")
            else:
                priority.parent = parent
        else:
            priority.parent = _longest_prefix(priority.reference, refs - {priority.reference}) or ""
    by_ref = {p.reference: p for p in preview.priorities}
    for priority in preview.priorities:
        seen, current = {priority.reference}, priority
        while current.parent:
            if current.parent in seen:
                reader.problem(
                    priority.row, "parent", "These priorities are each part of the other: correct “Part of”"
                )
                break
            seen.add(current.parent)
            current = by_ref[current.parent]
            priority.depth += 1


def _longest_prefix(reference: str, candidates: Iterable[str]) -> str | None:
    matches = [c for c in candidates if reference.startswith(c + ".")]
    return max(matches, key=len) if matches else None


def _read_measures(preview: Preview, reader: SheetReader) -> None:
    refs = {p.reference for p in preview.priorities}
    orders: dict[str, int] = {}
    for row in reader.rows():
        priority = row.reference("priority", required=True)
        if priority and priority not in refs:
            row.problem("priority", f"There is no priority {priority} on the Priorities sheet")
        baseline_value = row.parse("baseline_value", parse_number)
        target_raw = row.raw("target_value")
        target_value, target_description = None, row.text("target_description")
        try:
            target_value = parse_number(target_raw)
        except CellError:
            if target_description:
                row.problem(
                    "target_value", f"“{text(target_raw)}” is not a number. Put words in Target description"
                )
            else:
                target_description = text(target_raw)
        has_numbers = baseline_value is not None or target_value is not None
        kind = row.words(
            "kind", f.MEASURE_KIND, Measure.Kind.NUMERIC if has_numbers else Measure.Kind.QUALITATIVE
        )
        unit = row.text("unit", limit=(Measure, "unit"))
        default_unit_type = (
            Measure.UnitType.PERCENTAGE if unit.strip() == "%" else
            Measure.UnitType.MONEY if unit.strip().startswith("£") else Measure.UnitType.COUNT
        )  # fmt: skip
        direction = row.words("direction", f.DIRECTION)
        if kind == Measure.Kind.QUALITATIVE and has_numbers:
            row.problem(
                "kind",
                "An outcome measure has no baseline or target value: make it a Numeric indicator, or put the "
                "figures in the notes",
            )
        if kind == Measure.Kind.NUMERIC and not direction:
            row.problem("direction", "Say whether higher or lower is better for a numeric indicator")
        statistic = None
        if raw := row.text("baseline_statistic"):
            try:
                statistic = _statistic_key(preview, raw)
            except CellError as error:
                row.problem("baseline_statistic", str(error))
        measure = MeasureRow(
            row.number,
            priority,
            orders.get(priority, 0) + 1,
            row.text("title", required=True, limit=(Measure, "title")),
            kind,
            unit,
            row.words("unit_type", f.UNIT_TYPE, default_unit_type),
            direction,
            baseline_value,
            row.text("baseline_period", limit=(Measure, "baseline_period")),
            row.text("baseline_source", limit=(Measure, "baseline_source")),
            row.text("baseline_note"),
            statistic,
            target_value,
            target_description,
        )
        if not row.failed:
            orders[priority] = measure.order
            preview.measures.append(measure)


def _deadline(row: RowReader) -> tuple[datetime.date | None, str]:
    """(deadline, timescale as written): a date only when it is unambiguously one."""
    raw = row.raw("deadline")
    if is_blank(raw):
        return None, ""
    if (
        isinstance(raw, (int, float))
        and not isinstance(raw, bool)
        and float(raw).is_integer()
        and 1900 <= raw <= 2200
    ):
        return None, str(int(raw))  # a year on its own
    if (
        isinstance(raw, str)
        and not _DATE_SHAPED.match(raw)
        and not re.match(r"^\s*\d{4}-\d{1,2}-\d{1,2}", raw)
    ):
        try:
            return parse_uk_date(raw), ""
        except CellError:
            return None, text(raw)  # words: the timescale as written
    return row.parse("deadline", parse_uk_date), ""


def _read_actions(preview: Preview, reader: SheetReader, themes: dict[str, ThemeRow]) -> None:
    refs = {p.reference for p in preview.priorities}
    seen: dict[str, int] = {}
    orders: dict[str, int] = {}
    for row in reader.rows():
        reference = row.reference("reference", required=True)
        priority = row.reference("priority")
        if priority and priority not in refs:
            row.problem("priority", f"There is no priority {priority} on the Priorities sheet")
        elif not priority and reference:
            priority = _longest_prefix(reference, refs) or ""
            if not priority:
                row.problem(
                    "priority",
                    f"Say which priority item {reference} belongs to: give its Priority reference, "
                    "or number the "
                    "item after its priority (1.1 for priority 1)",
                )
        if reference in seen:
            row.problem(
                "reference",
                f"Item {reference} is already on row {seen[reference]}. Each needs its own number"
                " (if Excel turned 1.10 into 1.1, format the column as text)",
            )
        seen.setdefault(reference, row.number)
        organisations, problems = _resolve_names(
            preview, row.text("organisations"), what="responsible organisations", groups=False
        )
        for message in problems:
            row.problem("organisations", message)
        start = row.parse("start", parse_uk_date)
        deadline, timescale_words = _deadline(row)
        timescale = row.text("timescale", limit=(Action, "timescale"))
        if timescale_words:
            if timescale and timescale != timescale_words:
                row.problem(
                    "deadline", f"“{timescale_words}” is not a date, and Timescale is already filled in"
                )
            timescale = timescale_words
            if len(timescale) > 100:
                row.problem(
                    "deadline", f"A timescale must be 100 characters or fewer; it has {len(timescale)}"
                )
        if start and deadline and deadline < start:
            row.problem("deadline", "The deadline must be on or after the start date")
        theme_names = []
        for name in f.split_list(row.text("themes")):
            if len(name) > 200:
                row.problem("themes", "A theme's name must be 200 characters or fewer")
                continue
            theme = themes.setdefault(name.casefold(), ThemeRow(None, name, "", []))
            theme_names.append(theme.name)
        action = ActionRow(
            row.number,
            reference,
            priority,
            orders.get(priority, 0) + 1,
            row.text("overall_objective", required=True),
            row.text("objective"),
            row.words("horizon", f.HORIZON, Action.Horizon.ONE_YEAR),
            row.text("responsible_officer", limit=(Action, "responsible_officer")),
            organisations,
            start,
            deadline,
            timescale,
            row.words("status", f.ACTION_STATUS, Action.Status.NOT_STARTED),
            theme_names,
        )
        if not row.failed:
            orders[priority] = action.order
            preview.actions.append(action)


def _read_themes(preview: Preview, reader: SheetReader | None) -> dict[str, ThemeRow]:
    themes: dict[str, ThemeRow] = {}
    if reader is None:
        return themes
    refs = {p.reference for p in preview.priorities}
    for row in reader.rows():
        name = row.text("name", required=True, limit=(Theme, "name"))
        priorities = []
        for reference in f.split_list(row.text("priorities")):
            reference = reference.rstrip(".")
            if reference not in refs:
                row.problem("priorities", f"There is no priority {reference} on the Priorities sheet")
            priorities.append(reference)
        if name.casefold() in themes:
            row.problem("name", f"“{name}” is already on row {themes[name.casefold()].row}")
        if not row.failed:
            themes[name.casefold()] = ThemeRow(row.number, name, row.text("description"), priorities)
    return themes


def _read_periods(preview: Preview, reader: SheetReader | None) -> None:
    if reader is not None:
        labels: dict[str, int] = {}
        for row in reader.rows():
            period = PeriodRow(
                row.number,
                row.text("label", required=True, limit=(ReportingPeriod, "label")),
                row.parse("start", parse_uk_date),
                row.parse("end", parse_uk_date),
                row.parse("deadline", parse_uk_date),
            )
            for key, value in (
                ("start", period.start),
                ("end", period.end),
                ("deadline", period.update_deadline),
            ):
                if value is None and not row.failed:
                    row.problem(key, "Enter a date like 31/03/2023")
            if row.failed:
                continue
            if period.end <= period.start:
                row.problem("end", "The period must end after it starts")
            if period.update_deadline < period.start:
                row.problem("deadline", "The update deadline must be on or after the start of the period")
            if period.label.casefold() in labels:
                row.problem("label", f"“{period.label}” is already on row {labels[period.label.casefold()]}")
            labels[period.label.casefold()] = row.number
            if not row.failed:
                preview.periods.append(period)
        if preview.periods:
            return
    start, end = preview.plan.get("period_start"), preview.plan.get("period_end")
    if start and end and end > start:
        preview.periods = make_quarters(start, end, preview.plan["quarter_scheme"])
        preview.periods_made = True
        if len(preview.periods) > MAX_QUARTERS:
            preview.problems.append(
                Problem(
                    f.PLAN.title,
                    None,
                    "Period",
                    f"A plan of more than {MAX_QUARTERS // 4} years is not supported",
                )
            )


def make_quarters(start: datetime.date, end: datetime.date, scheme: str) -> list[PeriodRow]:
    """The plan's reporting quarters (calendar quarters, labelled by the scheme), deadline 14 days after."""
    periods, day = [], start
    while day <= end and len(periods) <= MAX_QUARTERS:
        first_month = (day.month - 1) // 3 * 3 + 1
        next_start = (
            datetime.date(day.year + 1, 1, 1)
            if first_month == 10
            else datetime.date(day.year, first_month + 3, 1)
        )
        quarter_end = min(next_start - datetime.timedelta(days=1), end)
        if scheme == Plan.QuarterScheme.FINANCIAL:
            year = day.year if day.month >= 4 else day.year - 1
            number = (first_month - 4) % 12 // 3 + 1
            label = f"{year}/{(year + 1) % 100:02d} Q{number}"
        else:
            label = f"{day.year} Q{(first_month - 1) // 3 + 1}"
        if quarter_end > day:
            periods.append(
                PeriodRow(None, label, day, quarter_end, quarter_end + datetime.timedelta(days=14))
            )
        day = next_start
    return periods


# The whole workbook ------------------------------------------------------------------------------


def read_workbook(data: bytes, fmt: str, *, partnership: Partnership) -> Preview:
    """Everything the workbook would create, and every problem with it. Writes nothing."""
    preview = Preview(partnership=partnership)
    try:
        sources = read_sources(data, fmt)
    except UploadRefused as refusal:
        preview.problems.append(Problem("", None, None, str(refusal)))
        return preview
    found: dict[str, SheetSource] = {}
    for source in sources:
        sheet = f.sheet_for(source.name)
        if sheet is None:
            preview.notes.append(f"The sheet “{source.name}” is not one the import reads, so it was ignored")
        elif not sheet.imported:
            if sheet is not f.READ_ME:
                preview.notes.append(
                    f"The “{source.name}” sheet is kept for the record only: it is not imported"
                )
        elif sheet.key in found:
            preview.problems.append(
                Problem(
                    source.name,
                    None,
                    None,
                    f"Both “{found[sheet.key].name}” and “{source.name}” look like the "
                    f"{sheet.title} sheet. Rename or delete one of them",
                )
            )
        else:
            found[sheet.key] = source

    def reader(sheet: f.Sheet) -> SheetReader | None:
        return SheetReader(preview, sheet, found[sheet.key]) if sheet.key in found else None

    _read_plan_sheet(preview, found.get("plan"))
    if partners := reader(f.PARTNERS):
        _read_partners(preview, partners)
    _match_bodies(preview)
    if statistics := reader(f.STATISTICS):
        _read_statistics(preview, statistics)
    priorities = reader(f.PRIORITIES)
    if priorities is None:
        preview.problems.append(
            Problem(
                "",
                None,
                None,
                "The workbook has no “Priorities” sheet: add one, with a row for each priority",
            )
        )
    else:
        _read_priorities(preview, priorities)
    if measures := reader(f.MEASURES):
        _read_measures(preview, measures)
    themes = _read_themes(preview, reader(f.THEMES))
    if actions := reader(f.ACTIONS):
        _read_actions(preview, actions, themes)
    preview.themes = list(themes.values())
    _read_periods(preview, reader(f.PERIODS))
    _check_assessment(preview)
    if not preview.priorities and priorities is not None and not preview.problems:
        preview.problems.append(
            Problem(f.PRIORITIES.title, None, None, "There are no priorities: add at least one")
        )
    return preview


def _check_assessment(preview: Preview) -> None:
    title = preview.plan.get("assessment_title")
    if not title:
        return
    if len(title) > 200:
        preview.problems.append(
            Problem(f.PLAN.title, None, "Strategic assessment", "The title must be 200 characters or fewer")
        )
    existing = StrategicAssessment.objects.filter(
        partnership=preview.partnership, title__iexact=title
    ).first()
    if existing is not None:
        if preview.statistics:
            preview.problems.append(
                Problem(
                    f.PLAN.title,
                    None,
                    "Strategic assessment",
                    f"The partnership already has the strategic assessment “{existing.title}”. "
                    "Leave the Baseline "
                    "statistics sheet empty to use it as it is, or give the new assessment another title",
                )
            )
        else:
            preview.notes.append(
                f"The plan will rest on the partnership's existing strategic assessment “{existing.title}”"
            )
            preview.plan["assessment"] = existing
    elif not preview.plan.get("assessment_on"):
        preview.problems.append(
            Problem(
                f.PLAN.title,
                None,
                "Assessment completed on",
                "Give the date the strategic assessment was completed",
            )
        )


# Creating the plan -------------------------------------------------------------------------------


class ImportRefused(ValueError):
    """The preview has problems, so nothing was created."""


@transaction.atomic
def apply(preview: Preview, *, by: User | None, reason: str = REASON) -> Plan:
    """Create the plan as a draft from a preview with no problems, in one transaction: all or nothing."""
    if not preview.ok:
        raise ImportRefused("The workbook has problems, so nothing was imported")
    partnership = preview.partnership
    bodies: dict[str, models.Model] = {}
    parent_board = _sole_partnership_board(partnership)
    for partner in preview.partners:
        key = f"sheet:{partner.row}"
        if partner.existing is not None:
            bodies[key] = partner.existing
        elif partner.is_group:
            board = Board(
                partnership=partnership,
                name=partner.name,
                kind=Board.Kind.THEMATIC_GROUP,
                parent=parent_board,
            )
            save_as(board, by=by, reason=reason)
            bodies[key] = board
        else:
            organisation = Organisation(
                partnership=partnership,
                name=partner.name,
                short_name=partner.short_name,
                kind=partner.kind,
                membership=partner.membership,
            )
            save_as(organisation, by=by, reason=reason)
            bodies[key] = organisation
    for key, (_kind, body) in preview.bodies.items():
        if not key.startswith("sheet:"):
            bodies[key] = body

    plan_data = preview.plan
    assessment = plan_data.get("assessment")
    statistics: dict[str, BaselineStatistic] = {}
    if assessment is None and plan_data.get("assessment_title"):
        assessment = StrategicAssessment(
            partnership=partnership,
            title=plan_data["assessment_title"],
            completed_on=plan_data["assessment_on"],
            summary=plan_data.get("assessment_summary", ""),
        )
        save_as(assessment, by=by, reason=reason)
        for order, stat in enumerate(preview.statistics, start=1):
            statistic = BaselineStatistic(
                assessment=assessment, order=order, label=stat.label, value=stat.value, unit=stat.unit,
                period=stat.period, source=stat.source, note=stat.note,
            )  # fmt: skip
            _save(statistic, by=by, reason=reason)
            statistics[f"stat:{stat.row}"] = statistic

    plan = Plan(
        partnership=partnership,
        title=plan_data["title"],
        period_start=plan_data["period_start"],
        period_end=plan_data["period_end"],
        vision=plan_data.get("vision", ""),
        quarter_scheme=plan_data["quarter_scheme"],
        strategic_assessment=assessment,
        status=Plan.Status.DRAFT,
        is_published=False,
        **{k: v for k, v in plan_data.items() if k.startswith("rag_")},
    )
    save_as(plan, by=by, reason=reason)
    for order, aim in enumerate(preview.aims, start=1):
        _save(PlanAim(plan=plan, order=order, text=aim), by=by, reason=reason)

    priorities: dict[str, Priority] = {}
    orders = {p.reference: index for index, p in enumerate(preview.priorities, start=1)}
    for row in sorted(preview.priorities, key=lambda p: (p.depth, orders[p.reference])):
        priorities[row.reference] = create_priority(
            row, plan, priorities, bodies, statistics, orders, by=by, reason=reason
        )

    themes: dict[str, Theme] = {}
    for row in preview.themes:
        theme = Theme(plan=plan, name=row.name, description=row.description)
        _save(theme, by=by, reason=reason)
        theme.priorities.set([priorities[ref] for ref in row.priorities])
        themes[row.name.casefold()] = theme

    for row in preview.measures:
        measure = Measure(
            priority=priorities[row.priority], order=row.order, title=row.title, kind=row.kind, unit=row.unit,
            unit_type=row.unit_type, direction=row.direction, baseline_value=row.baseline_value,
            baseline_period=row.baseline_period, baseline_source=row.baseline_source,
            baseline_note=row.baseline_note, baseline_statistic=statistics.get(row.baseline_statistic),
            target_value=row.target_value, target_description=row.target_description,
        )  # fmt: skip
        _save(measure, by=by, reason=reason)

    for row in preview.actions:
        create_action(row, plan, priorities, bodies, themes, by=by, reason=reason)

    for row in preview.periods:
        period = ReportingPeriod(
            plan=plan, label=row.label, start=row.start, end=row.end, update_deadline=row.update_deadline
        )
        _save(period, by=by, reason=reason)
    return plan


def _save(obj: models.Model, *, by, reason: str) -> None:
    """Save a row the reader has already checked, with the importer named in its history.

    Each field is still validated (lengths, choices); uniqueness and the table's constraints were
    checked against the workbook by the reader and are enforced again by the database on insert, so
    they are not asked of the database a second time here: a plan is a few hundred rows, each
    with several foreign keys and constraints, and asking costs a query apiece.
    """
    obj._history_user = by
    obj._change_reason = reason
    related = [f.name for f in obj._meta.concrete_fields if f.is_relation]
    obj.full_clean(exclude=related, validate_unique=False, validate_constraints=False)
    obj.save()


def _sole_partnership_board(partnership: Partnership) -> Board | None:
    boards = list(Board.objects.filter(partnership=partnership, kind=Board.Kind.PARTNERSHIP_BOARD)[:2])
    return boards[0] if len(boards) == 1 else None


def create_priority(
    row: PriorityRow, plan, priorities, bodies, statistics, orders, *, by, reason
) -> Priority:
    organisations = [bodies[key] for key in row.leads if isinstance(bodies[key], Organisation)]
    groups = [bodies[key] for key in row.leads if isinstance(bodies[key], Board)]
    priority = Priority(
        plan=plan,
        order=orders[row.reference],
        reference=row.reference,
        parent=priorities.get(row.parent),
        title=row.title,
        lead_organisation=organisations[0] if organisations else None,
        lead_as_written=row.lead_as_written,
        lead_officer_name=row.lead_officer,
        lead_support_officer_name=row.lead_support_officer,
        aim=row.aim,
        why=row.why,
        you_told_us=row.you_told_us,
    )
    _save(priority, by=by, reason=reason)
    if organisations[1:]:
        priority.co_lead_organisations.set(organisations[1:])
    if groups:
        priority.lead_groups.set(groups)
    if row.statistics:
        priority.cites.set([statistics[key] for key in row.statistics])
    return priority


def create_action(row: ActionRow, plan, priorities, bodies, themes, *, by, reason) -> Action:
    action = Action(
        plan=plan,
        priority=priorities[row.priority],
        reference=row.reference,
        order=row.order,
        overall_objective=row.overall_objective,
        objective=row.objective,
        horizon=row.horizon,
        responsible_officer=row.responsible_officer,
        start_date=row.start_date,
        deadline=row.deadline,
        timescale=row.timescale,
        status=row.status,
    )
    _save(action, by=by, reason=reason)
    if row.organisations:
        action.responsible_organisations.set([bodies[key] for key in row.organisations])
    if row.themes:
        action.themes.set([themes[name.casefold()] for name in row.themes])
    return action
