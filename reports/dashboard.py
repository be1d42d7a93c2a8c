"""Read models for the dashboard, partner and theme pages, built on the board pack.

Every status, count and change here comes from `board_pack()`, so the dashboard always agrees with
the pack the board will read; this module only adds what the pages need beside it: charts, the
partner organisations with their ids, and who still owes updates. Each function runs in a fixed
number of queries whatever the plan's size.
"""

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.safestring import SafeString

from actions.models import Action
from actions.selectors import choosable_quarters, quarter_for_updates
from actions.status import (
    BOARD_BASELINE_LABELS,
    MISSING,
    REPORTED_STATES,
    SEVERITY,
    STATUS_LABELS,
    status_label,
)
from governance.models import Organisation
from priorities.models import Plan, Priority, ReportingPeriod, Theme

from .charts import describe, trend_chart, trend_table_rows
from .pack_data import ActionRow, BoardPack, MeasureRow, PriorityRow
from .selectors import board_pack


@dataclass
class Count:
    status: str
    label: str
    count: int


def count_rows(counts: dict[str, int]) -> list[Count]:
    """The counts by status, worst first, as the templates list them."""
    return [Count(status, STATUS_LABELS[status], counts.get(status, 0)) for status in SEVERITY]


@dataclass
class MeasureTile:
    row: MeasureRow
    chart: SafeString  # "" when there is nothing to draw
    figures: list[tuple[str, str]]  # the chart's data, its text alternative
    description: str
    against_baseline: str


_CHARTS: dict[str, SafeString] = {}
_CHARTS_KEPT = 2000


def _compact_chart(row: MeasureRow) -> SafeString:
    """The same data always draws the same SVG (reports/charts.py), and drawing one takes
    a fraction of a millisecond, so each process keeps the charts it drew, keyed on the whole row."""
    key = repr(row)
    chart = _CHARTS.get(key)
    if chart is None:
        chart = _CHARTS[key] = trend_chart(row, compact=True)
        if len(_CHARTS) > _CHARTS_KEPT:
            _CHARTS.pop(next(iter(_CHARTS)))  # the oldest
    return chart


def measure_tile(row: MeasureRow) -> MeasureTile:
    return MeasureTile(
        row=row,
        chart=_compact_chart(row),
        figures=trend_table_rows(row),
        description=describe(row),
        against_baseline=BOARD_BASELINE_LABELS.get(row.against_baseline, ""),
    )


@dataclass
class PriorityTile:
    row: PriorityRow
    counts: list[Count]  # with its sub-priorities' actions
    measures: list[MeasureTile]
    query: str  # the filtered actions list of this priority (and its sub-priorities) in this quarter
    parent: PriorityRow | None
    sub_priorities: list[PriorityRow]

    @property
    def previous_label(self) -> str:
        return STATUS_LABELS.get(self.row.previous_status, "")

    @property
    def action_count(self) -> int:
        return sum(count.count for count in self.counts)

    @property
    def level(self) -> int:
        """Its heading's level: h3 for a priority, h4 for a sub-priority, h5 for one of those."""
        return min(3 + self.row.depth, 5)

    @property
    def measures_level(self) -> tuple[int, int]:
        """The levels of "Success will be measured by" and of each measure's title. HTML has no h7,
        so under a sub-priority's sub-priority the titles stand at the level of what heads them."""
        return min(self.level + 1, 6), min(self.level + 2, 6)


@dataclass
class PartnerProgress:
    """One partner organisation this quarter: what it leads, its actions, and what it still owes."""

    id: int
    name: str
    leads: list[PriorityRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)

    @property
    def submitted(self) -> list[ActionRow]:
        return [a for a in self.actions if a.update_state in REPORTED_STATES]

    @property
    def owed(self) -> list[ActionRow]:
        """No reported update this quarter and not complete: the pack's "missing"."""
        return [a for a in self.actions if a.status == MISSING]

    @property
    def counts(self) -> list[Count]:
        return count_rows(Counter(action.status for action in self.actions))


@dataclass
class Dashboard:
    pack: BoardPack
    period: ReportingPeriod
    previous: ReportingPeriod | None
    periods: list[ReportingPeriod]  # the quarters a person may switch to
    priorities: list[PriorityTile]
    partners: list[PartnerProgress]

    @property
    def counts(self) -> list[Count]:
        return count_rows(self.pack.counts)

    @property
    def status_label(self) -> str:
        return status_label(self.pack.status)

    @property
    def missing(self) -> list[tuple[PriorityTile, list[ActionRow]]]:
        """Each priority with actions that have no reported update this quarter, and those actions."""
        return [
            (tile, owed)
            for tile in self.priorities
            if (owed := [a for a in tile.row.actions if a.status == MISSING])
        ]

    @property
    def query(self) -> str:
        return urlencode({"quarter": self.period.pk})


def _periods(plan: Plan) -> list[ReportingPeriod]:
    return list(plan.periods.order_by("start"))


def choose_period(plan: Plan, chosen: str | None) -> tuple[ReportingPeriod | None, list[ReportingPeriod]]:
    """The quarter asked for (by id, among those that have opened), else the one leads report on now."""
    periods = _periods(plan)
    default = quarter_for_updates(periods)
    choosable = choosable_quarters(periods, default)
    picked = next((p for p in choosable if str(p.pk) == chosen), default)
    return picked, choosable


def _partners(plan: Plan, pack: BoardPack) -> list[PartnerProgress]:
    """Every partner organisation with what it leads (alone or jointly) and its (non-cancelled) actions."""
    partners = {
        o.pk: PartnerProgress(id=o.pk, name=o.name)
        for o in Organisation.objects.filter(partnership_id=plan.partnership_id).order_by("name")
    }
    responsible: dict[int, list[int]] = {}
    links = Action.responsible_organisations.through.objects.filter(action__plan=plan)
    for action_id, organisation_id in links.values_list("action_id", "organisation_id"):
        responsible.setdefault(action_id, []).append(organisation_id)
    for action in pack.actions:  # in the pack's order, which is the plan's
        for organisation_id in responsible.get(action.id, []):
            if organisation_id in partners:
                partners[organisation_id].actions.append(action)
    for row in pack.priorities:
        for lead in row.lead_partners:
            if lead.id in partners:
                partners[lead.id].leads.append(row)
    return list(partners.values())


def dashboard(*, plan: Plan, period: ReportingPeriod, periods: list[ReportingPeriod]) -> Dashboard:
    pack = board_pack(plan=plan, period=period)
    earlier = [p for p in periods if p.start < period.start]
    rows = {row.id: row for row in pack.priorities}
    children: dict[int | None, list[PriorityRow]] = {}
    for row in pack.priorities:
        children.setdefault(row.parent_id, []).append(row)
    tiles = [
        PriorityTile(
            row=row,
            counts=count_rows(row.counts),
            measures=[measure_tile(m) for m in row.measures],
            query=urlencode({"priority": row.id, "quarter": period.pk}),
            parent=rows.get(row.parent_id),
            sub_priorities=children.get(row.id, []),
        )
        for row in pack.priorities
    ]
    partners = [p for p in _partners(plan, pack) if p.actions or p.leads]
    return Dashboard(
        pack=pack,
        period=period,
        previous=earlier[-1] if earlier else None,
        periods=periods,
        priorities=tiles,
        partners=partners,
    )


def partner_view(
    *, plan: Plan, period: ReportingPeriod, organisation: Organisation
) -> tuple[BoardPack, PartnerProgress]:
    pack = board_pack(plan=plan, period=period)
    partner = next(p for p in _partners(plan, pack) if p.id == organisation.pk)
    return pack, partner


@dataclass
class ThemeView:
    theme: Theme
    pack: BoardPack
    priorities: list[Priority]
    actions: list[tuple[PriorityRow, ActionRow]]

    @property
    def counts(self) -> list[Count]:
        return count_rows(Counter(action.status for _, action in self.actions))


def theme_view(*, theme: Theme, period: ReportingPeriod) -> ThemeView:
    pack = board_pack(plan=theme.plan, period=period)
    row = next(t for t in pack.themes if t.id == theme.pk)
    linked = set(row.action_ids)
    actions = [(p, a) for p in pack.priorities for a in p.actions if a.id in linked]
    return ThemeView(
        theme=theme, pack=pack, priorities=list(theme.priorities.order_by("order")), actions=actions
    )
