"""The plan at a glance: the pack's second page, worked out from the read model alone.

Every figure here is counted from `BoardPack` (reports.pack_data), so the page agrees with the
sections after it: each action's status in this quarter and the three before it, how many are on
track, and how many moved and which way since the previous quarter. A priority's counts take in its
sub-priorities' actions, as its status does.
"""

from dataclasses import dataclass

from actions.status import COMPLETE, GREEN, IMPROVED, MISSING, SEVERITY, STATUS_LABELS, WORSENED, status_label

from .pack_data import ActionRow, BoardPack, PriorityRow

ON_TRACK = (GREEN, COMPLETE)
# A shape for each status, so that a rating is told by its word and its shape as well as its colour.
STATUS_SYMBOLS = {"red": "■", "amber": "▲", MISSING: "○", GREEN: "●", COMPLETE: "◊"}
WORST_RATING_RULE = (
    "A priority's overall status is the worst rating among its actions, never an average, and an "
    "action with no rating counts as worse than green."
)


@dataclass
class GlanceStatus:
    status: str
    label: str
    symbol: str


@dataclass
class GlanceQuarter:
    label: str
    counts: dict[str, int]  # how many actions had each status in the quarter

    @property
    def cells(self) -> list[tuple[str, int]]:
        """The counts, worst first, as the table's columns run."""
        return [(status, self.counts[status]) for status in SEVERITY]


@dataclass
class GlanceRow:
    """A priority (or the whole plan) on the page: its status, counts and movement."""

    anchor: str  # the id of its section, "" for the plan's total
    heading: str
    depth: int
    status: str | None
    status_label: str
    quarters: list[GlanceQuarter]  # oldest first, the last being this quarter
    total: int
    on_track: int
    improved: int
    worsened: int


@dataclass
class Overview:
    headline: str
    quarters: list[str]
    statuses: list[GlanceStatus]
    rows: list[GlanceRow]
    total: GlanceRow
    previous_period: str | None


def on_track_count(actions: list[ActionRow]) -> int:
    return sum(1 for a in actions if a.status in ON_TRACK)


def headline(actions: list[ActionRow], previous_period: str | None) -> str:
    """The whole picture in one line: "36 of 64 actions on track; 19 worsened, 0 improved since 2020 Q1"."""
    on_track = (
        f"{on_track_count(actions)} of {len(actions)} action{'' if len(actions) == 1 else 's'} on track"
    )
    if previous_period is None:
        return f"{on_track}; no earlier quarter to compare with"
    worsened = sum(1 for a in actions if a.change == WORSENED)
    improved = sum(1 for a in actions if a.change == IMPROVED)
    return f"{on_track}; {worsened} worsened, {improved} improved since {previous_period}"


def _quarters(actions: list[ActionRow], labels: list[str]) -> list[GlanceQuarter]:
    """For each quarter shown, how many actions had each status. An action whose row lacks the
    earlier quarters (an older pack's) counts only in this quarter."""
    quarters = []
    for index, label in enumerate(labels):
        statuses = [s for a in actions if (s := _status_in(a, index, len(labels))) is not None]
        quarters.append(GlanceQuarter(label, {status: statuses.count(status) for status in SEVERITY}))
    return quarters


def _status_in(action: ActionRow, index: int, quarters: int) -> str | None:
    if len(action.recent_statuses) == quarters:
        return action.recent_statuses[index]
    return action.status if index == quarters - 1 else None


def _row(
    anchor: str, heading: str, depth: int, status, actions: list[ActionRow], labels: list[str]
) -> GlanceRow:
    return GlanceRow(
        anchor=anchor,
        heading=heading,
        depth=depth,
        status=status,
        status_label=status_label(status),
        quarters=_quarters(actions, labels),
        total=len(actions),
        on_track=on_track_count(actions),
        improved=sum(1 for a in actions if a.change == IMPROVED),
        worsened=sum(1 for a in actions if a.change == WORSENED),
    )


def _families(pack: BoardPack) -> dict[int, list[ActionRow]]:
    """Each priority's actions with those of its sub-priorities, at any depth."""
    children: dict[int, list[PriorityRow]] = {}
    for p in pack.priorities:
        if p.parent_id is not None:
            children.setdefault(p.parent_id, []).append(p)

    def family(p: PriorityRow) -> list[ActionRow]:
        return [*p.actions, *(a for child in children.get(p.id, []) for a in family(child))]

    return {p.id: family(p) for p in pack.priorities}


def overview(pack: BoardPack, *, anchor, heading) -> Overview:
    """The plan at a glance. `anchor` and `heading` name a priority as the rest of the pack does."""
    quarters = pack.recent_periods or [pack.period_label]
    families = _families(pack)
    rows = [_row(anchor(p), heading(p), p.depth, p.status, families[p.id], quarters) for p in pack.priorities]
    return Overview(
        headline=headline(pack.actions, pack.previous_period_label),
        quarters=quarters,
        statuses=[GlanceStatus(s, STATUS_LABELS[s], STATUS_SYMBOLS[s]) for s in SEVERITY],
        rows=rows,
        total=_row("", "All priorities", 0, pack.status, pack.actions, quarters),
        previous_period=pack.previous_period_label,
    )
