"""What a plan workbook would create, sheet by sheet, and every problem with it: the preview.

The checking modules fill a Preview; the preview page, the import_plan command and creating.apply
read it. Rows refer to each other by key, not by object, because nothing exists yet: a priority's
parent by its reference, a lead body by its key in Preview.bodies, a statistic as "stat:<row>".
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models

from governance.models import Organisation, Partnership
from priorities.models import Measure

from ..models import Action, Rag
from . import format as f


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
class ReportedStatus:
    """Where an action stood when the plan was brought in: its last quarter's report (issue 15 item 7)."""

    period: str  # the quarter's label, as on the Reporting periods sheet or made from the plan's period
    rag: str
    progress: str
    recovery_plan: str
    outcomes: str


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
    reported: ReportedStatus | None = None


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
    # Rows left out for a problem of their own, by sheet and by what other rows call them
    # (("priorities", "1.1"): 4): a row referring to one is told so once, not given a false error.
    failed: dict[tuple[str, str], int] = field(default_factory=dict)
    # Lead bodies and responsible organisations by key: ("org"|"group", PartnerRow or existing object)
    bodies: dict[str, tuple[str, object]] = field(default_factory=dict)
    _names: dict[str, tuple[str, tuple[str, object]]] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def not_stated(self, sheet: str, row: int | None, labels: list[str]) -> None:
        """Warn that details a plan does not give are left blank: nothing is invented in their place."""
        if labels:
            where = f"{sheet} sheet" + (f", row {row}" if row else "")
            what = " and ".join([", ".join(labels[:-1]), labels[-1]] if len(labels) > 1 else labels)
            verb = (
                "are not stated in the plan, so they are"
                if len(labels) > 1
                else "is not stated in the plan, so it is"
            )
            self.notes.append(f"{where}: {what} {verb} left blank")

    def left_out(self, sheet: str, row: int, *names: str) -> None:
        """Remember a row left out for its own problem, by the names other rows may call it."""
        for name in names:
            if name:
                self.failed.setdefault((sheet, name.casefold()), row)

    def left_out_row(self, sheet: str, name: str) -> int | None:
        return self.failed.get((sheet, name.casefold()))

    def body_name(self, key: str) -> str:
        kind, body = self.bodies[key]
        return body.name

    def counts(self) -> list[tuple[str, int]]:
        new_partners = [p for p in self.partners if p.existing is None]
        return [
            ("Plan", 1 if self.plan.get("title") else 0),
            ("Partners", len(new_partners)),
            ("Priorities", len(self.priorities)),
            ("Measures", len(self.measures)),
            ("Actions", len(self.actions)),
            ("Themes", len(self.themes)),
            ("Baseline statistics", len(self.statistics)),
            ("Reporting periods", len(self.periods)),
            ("Latest updates", sum(1 for a in self.actions if a.reported)),
        ]

    def summary(self) -> str:
        return ", ".join(f"{label}: {count}" for label, count in self.counts())

    def tables(self) -> list[dict]:
        """The rows each sheet would create, for the preview page: caption, headings and rows."""
        horizon = dict(Action.Horizon.choices)
        rag = dict(Rag.choices)
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
                "caption": f"Latest updates, accepted in the quarter they were reported for "
                f"({sum(1 for a in self.actions if a.reported)})",
                "headings": ["Item", "Quarter", "RAG", "Progress", "What is being done"],
                "rows": [
                    [
                        a.reference,
                        a.reported.period,
                        rag[a.reported.rag],
                        _short(a.reported.progress, 200),
                        _short(a.reported.recovery_plan, 200),
                    ]
                    for a in self.actions
                    if a.reported
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
            if a.reported:
                rag = Rag(a.reported.rag).label
                out.append(f"    Latest update: {rag} in {a.reported.period}, accepted when loaded")
        out.extend(f"Note: {note}" for note in self.notes)
        return out


def _short(value: str, limit: int = 70) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"
