"""The board pack's read model as plain data: what `reports.selectors.board_pack()` returns.

Strings, numbers, dates and lists only, never model instances, so the HTML preview, the PDF and
the JSON stored with an issued pack are three renderings of one thing, and an issued pack can be
read back (`from_json`) years later without the database rows it came from.

Every field added since packs were first issued has a default: an older pack's JSON lacks it, and
reads back as the pack it was, so it renders as it did.
"""

from collections import Counter
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from types import NoneType, UnionType
from typing import Any, get_args, get_origin, get_type_hints

from django.utils.dateparse import parse_datetime

from actions.models import ActionUpdate
from actions.status import AMBER, IMPROVED, MISSING, RED, SEVERITY, WORSENED, worst
from priorities.outline import spread_text
from priorities.selectors import LeadBody, LeadLine, lead_lines

GLOSSARY = [
    (
        "CSP",
        "Community Safety Partnership: the statutory partnership of police, council, fire, "
        "health, probation and housing that agrees and delivers this plan.",
    ),
    ("RAG", "Red, amber, green: the lead's rating of an action's progress against its plan."),
    ("Lead partner", "The organisation accountable to the board for a priority."),
    ("Lead officer", "The person who reports a priority's progress to the board."),
    ("Measure", "How success is judged: a number against a baseline and target, or a described outcome."),
    ("Baseline", "The value of a measure when the plan was agreed, with the period it covers."),
    ("Exception", "An action rated red or amber, overdue, or without an accepted update this quarter."),
    ("Overdue", "An action whose deadline fell on or before the end of the quarter and is not complete."),
    ("Returned", "An update the board secretary sent back to its lead to be corrected."),
    ("Cross-cutting theme", "A subject, such as domestic abuse, that runs through several priorities."),
]
# Only in the glossary of a plan that has them, so a plan without them reads as it always has.
LEAD_GROUP_TERM = (
    "Lead group",
    "A group of the partnership, such as a thematic group, that leads a priority.",
)
# In the glossary of every pack shaped for the board, which uses these words.
BOARD_TERMS = [
    ("Strategic lead", "The partner organisation accountable to the board for a priority: its lead partner."),
    ("Lead support officer", "The officer who supports the lead officer in delivering a priority."),
    ("On track", "An action rated green, or complete."),
]
# Which layout a pack is drawn in. An issued pack's JSON from before issue 19 has no `layout` and
# reads back as LAYOUT_FIRST, so it renders as it did; every pack made now is LAYOUT_BOARD.
LAYOUT_FIRST = 1  # summary, exceptions as lists, each priority opening with its measures
LAYOUT_BOARD = 2  # the plan at a glance, exceptions with reasons, the plan's own delivery tables
# How many quarters the plan at a glance shows: this one and the three before it.
GLANCE_QUARTERS = 4
SUB_PRIORITY_TERM = (
    "Sub-priority",
    "A priority that is part of another, numbered under it (1.1 under 1). A priority's status and "
    "counts include its sub-priorities' actions.",
)


@dataclass
class ActionRow:
    id: int
    reference: str
    priority_id: int
    objective: str
    overall_objective: str
    horizon: str
    responsible_officer: str
    organisations: list[str]
    deadline: date | None
    status: str  # one of SEVERITY
    status_label: str
    previous_status: str | None
    change: str
    change_label: str
    overdue: bool
    update_state: str  # this quarter's update: NO_UPDATE, or an ActionUpdate.State
    progress: str
    recovery_plan: str
    outcomes: str
    proposed_deadline: date | None
    theme_ids: list[int]
    timescale: str = ""  # the deadline in the plan's words ("Ongoing", "2021/22") when it gives no date
    start_date: date | None = None
    deadline_change_reason: str = ""  # why the lead proposes `proposed_deadline`
    # Its status in each of BoardPack.recent_periods, oldest first, the last being this quarter's.
    recent_statuses: list[str] = field(default_factory=list)


@dataclass
class BoardNoteRow:
    """A note written for the board (reviewed like an update): a lead's commentary on a priority, or
    the secretary's asks of the board."""

    text: str
    author: str
    reviewed: bool  # accepted by a reviewer; a submitted note is printed as awaiting review


@dataclass
class Reading:
    period: str
    value: Decimal | None
    narrative: str
    # The last day of the period the value covers, and that period in words ("rolling 12 months to
    # June 2020"; "" when the measure does not say). An older pack's JSON has neither.
    end: date | None = None
    covers: str = ""


@dataclass
class MeasureRow:
    id: int
    title: str
    is_numeric: bool
    unit: str
    direction: str  # "higher", "lower" or ""
    direction_label: str
    baseline_value: Decimal | None
    baseline_period: str
    baseline_source: str
    target_value: Decimal | None
    target_description: str
    readings: list[Reading]  # every quarter up to this one, oldest first; gaps are absent
    latest: Reading | None
    against_baseline: str  # BETTER, WORSE, SAME or "" when it cannot be said
    baseline_caveats: list[str] = field(default_factory=list)  # priorities.selectors.baseline_caveats
    baseline_end: date | None = None  # the last day of baseline_period, when its words say (measure_periods)


@dataclass
class PriorityRow:
    id: int
    order: int
    title: str
    lead_organisation: str  # every lead's name, or the lead in the plan's words
    lead_officer: str
    aim: str
    # Status, change and counts take in the actions of its sub-priorities too; `actions` are its own.
    status: str | None
    status_label: str
    previous_status: str | None
    change: str
    change_label: str
    counts: dict[str, int]
    measures: list[MeasureRow]
    actions: list[ActionRow]
    number: str = ""  # the plan's own ("1.1"); an older pack's JSON lacks it, and its order is its number
    parent_id: int | None = None
    depth: int = 0  # 0 for a priority, 1 for a sub-priority, 2 for one of those
    lead_partners: list[LeadBody] = field(default_factory=list)  # in the plan's order; the first leads
    lead_groups: list[LeadBody] = field(default_factory=list)
    lead_support_officer: str = ""
    assessment: str = ""  # the strategic assessment's figures it cites, in one line
    commentary: BoardNoteRow | None = None  # its lead's commentary on this quarter

    @property
    def leads(self) -> list[LeadLine]:
        """Who leads it, labelled as every page labels it. An older pack's JSON has only the names,
        in `lead_organisation`, shown as it always was: as the lead partner."""
        return lead_lines(self.lead_partners, self.lead_groups, self.lead_organisation)


@dataclass
class ThemeRow:
    id: int
    name: str
    description: str
    priority_titles: list[str]
    action_ids: list[int]
    counts: dict[str, int]


@dataclass
class Submission:
    action_reference: str
    state: str
    state_label: str
    rag: str
    submitted_by: str
    submitted_at: datetime | None
    reviewed_by: str
    reviewed_at: datetime | None


@dataclass
class BoardPack:
    partnership: str
    partnership_slug: str
    plan_id: int
    plan_title: str
    period_id: int
    period_label: str
    period_start: date
    period_end: date
    previous_period_label: str | None
    meeting: str | None  # the board and date, as the cover shows it
    meeting_date: date | None
    rag_definitions: dict[str, str]
    priorities: list[PriorityRow]  # in the plan's order, each sub-priority straight after its parent
    themes: list[ThemeRow]
    submissions: list[Submission]
    glossary: list[tuple[str, str]] = field(default_factory=lambda: list(GLOSSARY))
    # Set when the pack is issued: which revision it is and, for a correction, why it was reissued.
    revision: int = 1
    correction: str = ""
    layout: int = LAYOUT_FIRST
    recent_periods: list[str] = field(default_factory=list)  # up to GLANCE_QUARTERS, oldest first
    asks: BoardNoteRow | None = None  # the secretary's asks of the board this quarter

    @property
    def actions(self) -> list[ActionRow]:
        return [action for priority in self.priorities for action in priority.actions]

    @property
    def sub_priorities(self) -> list[PriorityRow]:
        return [p for p in self.priorities if p.parent_id is not None]

    @property
    def spread(self) -> str:
        """How many actions across how many priorities (and sub-priorities), as the pack says it."""
        return spread_text(len(self.actions), len(self.priorities), len(self.sub_priorities))

    @property
    def counts(self) -> dict[str, int]:
        return counts_of(self.actions)

    @property
    def status(self) -> str | None:
        return worst(a.status for a in self.actions)

    @property
    def red_and_amber(self) -> list[ActionRow]:
        return [a for a in self.actions if a.status in (RED, AMBER)]

    @property
    def overdue(self) -> list[ActionRow]:
        return [a for a in self.actions if a.overdue]

    @property
    def missing(self) -> list[ActionRow]:
        return [a for a in self.actions if a.status == MISSING]

    @property
    def returned(self) -> list[ActionRow]:
        return [a for a in self.actions if a.update_state == ActionUpdate.State.RETURNED]

    @property
    def changed(self) -> list[ActionRow]:
        return [a for a in self.actions if a.change in (IMPROVED, WORSENED)]

    def as_json(self) -> dict:
        """The read model as JSON-ready data (dates and decimals need DjangoJSONEncoder)."""
        return asdict(self)


def counts_of(actions: list[ActionRow]) -> dict[str, int]:
    tally = Counter(a.status for a in actions)
    return {status: tally.get(status, 0) for status in SEVERITY}


def from_json(data: dict) -> BoardPack:
    """An issued pack's stored JSON (`as_json()` through DjangoJSONEncoder) as the BoardPack it was.

    Fields it lacks take their defaults; fields it has that the read model no longer knows are left.
    """
    return _read(BoardPack, data)


def _read(kind: Any, value: Any) -> Any:
    """`value`, as JSON holds it, as the type the read model declares for it."""
    if value is None:
        return None
    origin, args = get_origin(kind), get_args(kind)
    if origin is UnionType:  # X | None
        (kind,) = [a for a in args if a is not NoneType]
        return _read(kind, value)
    if origin is list:
        return [_read(args[0], item) for item in value]
    if origin is tuple:
        return tuple(_read(a, item) for a, item in zip(args, value, strict=True))
    if origin is dict:
        return {key: _read(args[1], item) for key, item in value.items()}
    if is_dataclass(kind):
        hints = get_type_hints(kind)
        return kind(**{f.name: _read(hints[f.name], value[f.name]) for f in fields(kind) if f.name in value})
    if kind in (datetime, date, Decimal) and isinstance(value, kind):
        return value  # not yet through JSON
    if kind is datetime:
        return parse_datetime(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind is Decimal:
        return Decimal(value)
    return value
