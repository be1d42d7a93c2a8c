"""The public progress page's read model: the published plan with what the board has approved.

Only the latest locked quarter is shown, and only updates the board secretary has accepted count
(`board_pack(accepted_only=True)`): a submitted update nobody has reviewed, or a quarter still
open, never reaches residents. Nothing here carries an officer's name: the page is built from
organisations, titles, commitments, statuses and numbers only.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from actions.models import Action
from actions.status import COMPLETE, MISSING, RESIDENT_BASELINE_LABELS, SEVERITY, STATUS_LABELS
from priorities.models import ConsultationFinding, Measure, Plan, Priority, ReportingPeriod
from priorities.outline import Link, in_plan_order, section_links
from priorities.selectors import LeadLine, baseline_caveats, leads_as_written, priorities_with_measures

from .dashboard import Count, count_rows
from .pack_data import ActionRow, BoardPack, MeasureRow, PriorityRow
from .selectors import board_pack


@dataclass
class PublicMeasure:
    measure: Measure  # the plan's wording, baseline and its caveats
    row: MeasureRow | None  # its readings up to the quarter shown

    @property
    def latest(self):
        """The latest numeric reading; described outcomes are reported to the board, not here."""
        if self.row is None or not self.measure.is_numeric:
            return None
        readings = [r for r in self.row.readings if r.value is not None]
        return readings[-1] if readings else None

    @property
    def against_baseline(self) -> str:
        return RESIDENT_BASELINE_LABELS.get(self.row.against_baseline, "") if self.row and self.latest else ""

    @property
    def caveats(self) -> list[str]:
        return baseline_caveats(self.measure)


@dataclass
class PublicPriority:
    priority: Priority
    depth: int  # 0 for a priority, 1 for a sub-priority...
    leads: list[LeadLine]
    row: PriorityRow | None  # its status and counts take in its sub-priorities' commitments
    measures: list[PublicMeasure]
    one_year: list[ActionRow]
    three_years: list[ActionRow]
    longer: list[ActionRow] = field(default_factory=list)  # strategies of more than three years
    parent: Priority | None = None
    sub_priorities: list[Priority] = field(default_factory=list)

    @property
    def counts(self) -> list[Count]:
        return count_rows(self.row.counts) if self.row else []

    @property
    def level(self) -> int:
        """Its heading's level: h2 for a priority, h3 for a sub-priority, h4 below that."""
        return min(2 + self.depth, 4)


@dataclass
class PublicProgress:
    plan: Plan
    period: ReportingPeriod | None  # the latest locked quarter; None before the first is locked
    pack: BoardPack | None
    priorities: list[PublicPriority]

    @property
    def contents(self) -> list[Link]:
        return section_links(item.priority for item in self.priorities)

    @property
    def has_sub_priorities(self) -> bool:
        return any(item.depth for item in self.priorities)

    @property
    def legend(self) -> list[tuple[str, str, str]]:
        """What each status means, in the plan's own words: (status, label, meaning)."""
        if self.pack is None:
            return []
        meanings = {
            **self.pack.rag_definitions,
            COMPLETE: "Delivered.",
            MISSING: "No approved progress report for this quarter yet.",
        }
        return [(status, STATUS_LABELS[status], meanings[status]) for status in SEVERITY]


def latest_locked_period(plan: Plan) -> ReportingPeriod | None:
    return plan.periods.filter(status=ReportingPeriod.Status.LOCKED).order_by("-start").first()


def public_progress(*, plan: Plan) -> PublicProgress:
    period = latest_locked_period(plan)
    commitments: dict[int, list[Action]] = {}
    if period is not None:
        pack = board_pack(plan=plan, period=period, accepted_only=True)
        rows = {row.id: row for row in pack.priorities}
    else:
        pack, rows = None, {}
        pending = Action.objects.filter(plan=plan).exclude(status=Action.Status.CANCELLED)
        # Before any quarter is locked the commitments still show, without a status.
        for action in pending.order_by("order", "id"):
            commitments.setdefault(action.priority_id, []).append(action)
    one_year, three_years = Action.Horizon.ONE_YEAR.label, Action.Horizon.THREE_YEARS.label
    longer = Action.Horizon.LONGER.label
    ordered = in_plan_order(priorities_with_measures(plan=plan))
    if pack is None:
        leads = {pk: found.lines for pk, found in leads_as_written([p for p, _ in ordered]).items()}
    else:  # the pack has them already
        leads = {row.id: row.leads for row in pack.priorities}
    priorities: dict[int, PublicPriority] = {}
    for priority, depth in ordered:
        row = rows.get(priority.pk)
        measure_rows = {m.id: m for m in row.measures} if row else {}
        actions = row.actions if row else [_unrated(a) for a in commitments.get(priority.pk, [])]
        item = priorities[priority.pk] = PublicPriority(
            priority=priority,
            depth=depth,
            leads=leads[priority.pk],
            row=row,
            measures=[PublicMeasure(m, measure_rows.get(m.pk)) for m in priority.measures.all()],
            one_year=[a for a in actions if a.horizon == one_year],
            three_years=[a for a in actions if a.horizon == three_years],
            longer=[a for a in actions if a.horizon == longer],
        )
        if parent := priorities.get(priority.parent_id):
            item.parent = parent.priority
            parent.sub_priorities.append(priority)
    return PublicProgress(plan=plan, period=period, pack=pack, priorities=list(priorities.values()))


@dataclass
class _Unrated:
    overall_objective: str
    horizon: str
    status: str = ""
    status_label: str = ""


def _unrated(action: Action) -> _Unrated:
    return _Unrated(overall_objective=action.overall_objective, horizon=action.get_horizon_display())


def you_told_us_we_did(*, plan: Plan) -> list[ConsultationFinding]:
    """The plan's consultation findings, each with the commitments that answer it, in two queries.

    Commitments are shown by reference and wording only: no officer names reach the public page.
    """
    answering = (
        Action.objects.filter(plan=plan)
        .exclude(status=Action.Status.CANCELLED)
        .select_related("priority")
        .order_by("order", "id")
    )
    return list(
        ConsultationFinding.objects.filter(consultation__plan=plan)
        .prefetch_related(Prefetch("answered_by", queryset=answering, to_attr="we_did"))
        .order_by("consultation__held_from", "order")
    )
