"""The board pack's read model: everything the quarterly pack shows, gathered in a fixed number of queries.

`board_pack()` returns plain data (strings, numbers, dates, lists), never model instances, so the
HTML preview, the PDF and the JSON stored with an issued pack are three renderings of one thing,
and an issued pack can be re-read years later without the database rows it came from.

An action's status in a quarter follows the rule in actions/status.py. A priority's overall status
is the worst status of its actions, never an average, and an action with no rating counts as worse
than green, so missing updates cannot make a priority look on track.
"""

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Prefetch

from actions.models import Action, ActionUpdate
from actions.status import (
    AMBER,
    CHANGE_LABELS,
    COMPLETE,
    GREEN,
    IMPROVED,
    MISSING,
    NO_UPDATE,
    RED,
    REPORTED_STATES,
    SEVERITY,
    UNCHANGED,
    WORSENED,
    against_baseline,
    change_between,
    quarter_status,
    reported_status,
    status_label,
    worst,
)
from priorities.models import Measure, MeasureReading, Plan, ReportingPeriod

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


@dataclass
class Reading:
    period: str
    value: Decimal | None
    narrative: str


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


@dataclass
class PriorityRow:
    id: int
    order: int
    title: str
    lead_organisation: str
    lead_officer: str
    aim: str
    status: str | None
    status_label: str
    previous_status: str | None
    change: str
    change_label: str
    counts: dict[str, int]
    measures: list[MeasureRow]
    actions: list[ActionRow]


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
    priorities: list[PriorityRow]
    themes: list[ThemeRow]
    submissions: list[Submission]
    glossary: list[tuple[str, str]] = field(default_factory=lambda: list(GLOSSARY))
    # Set when the pack is issued: which revision it is and, for a correction, why it was reissued.
    revision: int = 1
    correction: str = ""

    @property
    def actions(self) -> list[ActionRow]:
        return [action for priority in self.priorities for action in priority.actions]

    @property
    def counts(self) -> dict[str, int]:
        return _counts(self.actions)

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


def _counts(actions: list[ActionRow]) -> dict[str, int]:
    tally = Counter(a.status for a in actions)
    return {status: tally.get(status, 0) for status in SEVERITY}


def _action_row(action: Action, period: ReportingPeriod, previous: ReportingPeriod | None) -> ActionRow:
    updates = action.pack_updates  # prefetched oldest first, up to this quarter
    this = next((u for u in updates if u.period_id == period.id), None)
    status = quarter_status(action, updates, period)
    before = reported_status(updates, previous) if previous else None
    change = change_between(before, status)
    reported = this if this is not None and this.state in REPORTED_STATES else None
    return ActionRow(
        id=action.pk,
        reference=action.reference,
        priority_id=action.priority_id,
        objective=action.objective,
        overall_objective=action.overall_objective,
        horizon=action.get_horizon_display(),
        responsible_officer=action.responsible_officer or (action.owner.full_name if action.owner else ""),
        organisations=[o.short_name or o.name for o in action.pack_organisations],
        deadline=action.deadline,
        status=status,
        status_label=status_label(status),
        previous_status=before,
        change=change,
        change_label=CHANGE_LABELS[change],
        overdue=bool(action.deadline and action.deadline <= period.end and status != COMPLETE),
        update_state=this.state if this is not None else NO_UPDATE,
        progress=reported.progress if reported else "",
        recovery_plan=reported.recovery_plan if reported else "",
        outcomes=reported.outcomes if reported else "",
        proposed_deadline=reported.proposed_deadline if reported else None,
        theme_ids=[t.pk for t in action.pack_themes],
    )


def _measure_row(measure: Measure) -> MeasureRow:
    readings = [Reading(r.period.label, r.value, r.narrative) for r in measure.pack_readings]
    latest = readings[-1] if readings else None
    return MeasureRow(
        id=measure.pk,
        title=measure.title,
        is_numeric=measure.is_numeric,
        unit=measure.unit,
        direction=measure.direction,
        direction_label=measure.get_direction_display() if measure.direction else "",
        baseline_value=measure.baseline_value,
        baseline_period=measure.baseline_period,
        baseline_source=measure.baseline_source,
        target_value=measure.target_value,
        target_description=measure.target_description,
        readings=readings,
        latest=latest,
        against_baseline=against_baseline(measure, latest.value if latest else None),
    )


def _submission(action: Action, update: ActionUpdate) -> Submission:
    return Submission(
        action_reference=action.reference,
        state=update.state,
        state_label=update.get_state_display(),
        rag=update.rag,
        submitted_by=update.submitted_by.full_name if update.submitted_by else "",
        submitted_at=update.submitted_at,
        reviewed_by=update.reviewed_by.full_name if update.reviewed_by else "",
        reviewed_at=update.reviewed_at,
    )


def _leads(priority) -> str:
    """Every body that leads the priority, as the plan names them: "All partners" when none is one."""
    names = [priority.lead_organisation.name] if priority.lead_organisation else []
    names += [organisation.name for organisation in priority.pack_co_leads]
    names += [group.name for group in priority.pack_lead_groups]
    return "; ".join(names) or priority.lead_as_written


def board_pack(*, plan: Plan, period: ReportingPeriod, accepted_only: bool = False) -> BoardPack:
    """Everything the quarterly pack for `period` shows, in twelve queries whatever the plan's size.

    With accepted_only, only updates the board secretary has accepted count (a submitted one is as
    if not there): the public pages show only what has been approved.
    """
    periods = list(plan.periods.select_related("meeting__board").order_by("start"))  # 1
    period = next(p for p in periods if p.pk == period.pk)
    earlier = [p for p in periods if p.start < period.start]
    previous = earlier[-1] if earlier else None

    updates = ActionUpdate.objects.filter(period__start__lte=period.start)
    if accepted_only:
        updates = updates.filter(state=ActionUpdate.State.ACCEPTED)
    updates = updates.select_related("period", "submitted_by", "reviewed_by").order_by("period__start")
    actions = (
        Action.objects.exclude(status=Action.Status.CANCELLED)
        .select_related("owner")
        .prefetch_related(
            # to_attr lists: prefetching into .all() costs a queryset per object, which adds up.
            Prefetch("updates", queryset=updates, to_attr="pack_updates"),
            Prefetch("responsible_organisations", to_attr="pack_organisations"),
            Prefetch("themes", to_attr="pack_themes"),
        )
        .order_by("order", "id")
    )
    readings = MeasureReading.objects.filter(period__start__lte=period.start).select_related("period")
    measures = Measure.objects.prefetch_related(
        Prefetch("readings", queryset=readings.order_by("period__start"), to_attr="pack_readings")
    ).order_by("order")
    priorities = list(
        plan.priorities.select_related("lead_organisation", "lead_officer")  # 2
        .prefetch_related(
            Prefetch("measures", queryset=measures, to_attr="pack_measures"),
            Prefetch("actions", queryset=actions, to_attr="pack_actions"),
            Prefetch("co_lead_organisations", to_attr="pack_co_leads"),
            Prefetch("lead_groups", to_attr="pack_lead_groups"),
        )
        .order_by("order")
    )  # 3 measures, 4 readings, 5 actions, 6 updates, 7 organisations, 8 themes, 9 co-leads, 10 groups

    priority_rows, submissions = [], []
    for priority in priorities:
        rows = [_action_row(action, period, previous) for action in priority.pack_actions]
        status = worst(r.status for r in rows)
        before = worst(r.previous_status for r in rows if r.previous_status) if previous else None
        change = change_between(before, status) if status else UNCHANGED
        priority_rows.append(
            PriorityRow(
                id=priority.pk,
                order=priority.order,
                title=priority.title,
                lead_organisation=_leads(priority),
                lead_officer=priority.lead_officer.full_name
                if priority.lead_officer
                else priority.lead_officer_name,
                aim=priority.aim,
                status=status,
                status_label=status_label(status),
                previous_status=before,
                change=change,
                change_label=CHANGE_LABELS[change],
                counts=_counts(rows),
                measures=[_measure_row(m) for m in priority.pack_measures],
                actions=rows,
            )
        )
        for action in priority.pack_actions:
            submissions += [
                _submission(action, u)
                for u in action.pack_updates
                if u.period_id == period.pk and u.state != ActionUpdate.State.DRAFT
            ]

    by_id = {row.id: row for priority in priority_rows for row in priority.actions}
    themes = []
    for theme in plan.themes.prefetch_related("priorities").order_by("name"):  # 11, 12
        linked = [row for row in by_id.values() if theme.pk in row.theme_ids]
        themes.append(
            ThemeRow(
                id=theme.pk,
                name=theme.name,
                description=theme.description,
                priority_titles=[p.title for p in sorted(theme.priorities.all(), key=lambda p: p.order)],
                action_ids=[row.id for row in linked],
                counts=_counts(linked),
            )
        )

    meeting = period.meeting
    return BoardPack(
        partnership=plan.partnership.name,
        partnership_slug=plan.partnership.slug,
        plan_id=plan.pk,
        plan_title=plan.title,
        period_id=period.pk,
        period_label=period.label,
        period_start=period.start,
        period_end=period.end,
        previous_period_label=previous.label if previous else None,
        meeting=f"{meeting.board.name}, {meeting.date:%-d %B %Y}" if meeting else None,
        meeting_date=meeting.date if meeting else None,
        rag_definitions={
            RED: plan.rag_red_definition,
            AMBER: plan.rag_amber_definition,
            GREEN: plan.rag_green_definition,
        },
        priorities=priority_rows,
        themes=themes,
        submissions=submissions,
    )
