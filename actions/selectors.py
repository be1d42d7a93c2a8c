"""Read models for actions, shared by pages, reminders, exports and the board pack.

Each runs in a fixed number of queries whatever the size of the plan.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from governance.models import Organisation, User
from governance.permissions import can
from priorities.models import Measure, MeasureReading, Plan, Priority, ReportingPeriod

from .models import Action, ActionUpdate, BoardNote
from .status import NO_UPDATE, REPORTED_STATES, UPDATE_STATE_LABELS


def reports_on_something(*, user: User, partnership) -> bool:
    """Whether the person leads a priority, or owns an action, in the partnership's plans."""
    leads = Priority.objects.filter(plan__partnership=partnership, lead_officer=user)
    owns = Action.objects.filter(plan__partnership=partnership, owner=user)
    return leads.exists() or owns.exists()


def reporting_period_for_updates(*, plan: Plan) -> ReportingPeriod | None:
    """The quarter leads should be reporting on: the earliest open one, else the latest locked one."""
    return quarter_for_updates(list(plan.periods.order_by("start")))


def quarter_for_updates(periods: list[ReportingPeriod]) -> ReportingPeriod | None:
    """reporting_period_for_updates, among a plan's periods already fetched (oldest first)."""
    open_ = [p for p in periods if p.status == ReportingPeriod.Status.OPEN]
    locked = [p for p in periods if p.status == ReportingPeriod.Status.LOCKED]
    return open_[0] if open_ else (locked[-1] if locked else None)


def quarter_to_review(periods: list[ReportingPeriod], *, today: date) -> ReportingPeriod | None:
    """The quarter /review/ opens, among a plan's periods (oldest first): the open one; else the
    latest that has started by today, as a new plan's quarters are all "not yet open" and the one
    being reported on may not be opened yet; else the first."""
    open_ = [p for p in periods if p.status == ReportingPeriod.Status.OPEN]
    started = [p for p in periods if p.start <= today]
    return (open_ or started[-1:] or periods[:1] or [None])[0]


def choosable_quarters(
    periods: list[ReportingPeriod], default: ReportingPeriod | None
) -> list[ReportingPeriod]:
    """The quarters a person may choose: those that have opened, and the default quarter."""
    return [p for p in periods if p.status != ReportingPeriod.Status.PLANNED or p == default]


def _with_period_update(actions: QuerySet[Action], period: ReportingPeriod) -> QuerySet[Action]:
    this_quarter = ActionUpdate.objects.filter(period=period).select_related("submitted_by", "reviewed_by")
    return actions.select_related(
        "priority__lead_officer__organisation", "priority__lead_organisation", "owner__organisation"
    ).prefetch_related(
        Prefetch("updates", queryset=this_quarter, to_attr="period_updates"), "responsible_organisations"
    )


def state_of(action: Action) -> str:
    """This quarter's state of an action fetched with _with_period_update."""
    return action.period_updates[0].state if action.period_updates else NO_UPDATE


def update_of(action: Action) -> ActionUpdate | None:
    return action.period_updates[0] if action.period_updates else None


def _annotated(actions) -> list[Action]:
    """Give each action its quarter's update and state as attributes, for templates."""
    actions = list(actions)
    for action in actions:
        action.this_update = update_of(action)
        action.this_state = state_of(action)
        action.this_state_label = UPDATE_STATE_LABELS[action.this_state]
        action.person_owing = person_owing(action)
    return actions


@dataclass
class MyUpdates:
    period: ReportingPeriod
    actions: list[Action]
    measures: list[Measure]

    @property
    def done(self) -> int:
        """Submitted or accepted: nothing more is owed unless the secretary returns it."""
        return sum(state_of(a) in REPORTED_STATES for a in self.actions)

    @property
    def readings_done(self) -> int:
        return sum(bool(m.period_readings) for m in self.measures)


def my_updates(*, user: User, plan: Plan, period: ReportingPeriod) -> MyUpdates:
    """The actions a person owns or leads, and the measures they lead, with this quarter's update of each."""
    mine = Action.objects.filter(plan=plan).filter(Q(owner=user) | Q(priority__lead_officer=user))
    actions = _annotated(
        _with_period_update(mine, period)
        .exclude(status=Action.Status.CANCELLED)
        .order_by("priority__order", "order", "id")
    )
    readings = MeasureReading.objects.filter(period=period).select_related("entered_by")
    measures = list(
        Measure.objects.filter(priority__plan=plan, priority__lead_officer=user)
        .select_related("priority")
        .prefetch_related(Prefetch("readings", queryset=readings, to_attr="period_readings"))
        .order_by("priority__order", "order")
    )
    for measure in measures:
        measure.this_reading = measure.period_readings[0] if measure.period_readings else None
    return MyUpdates(period=period, actions=actions, measures=measures)


def person_owing(action: Action) -> User | None:
    """Who owes the update: the action's owner, else its priority's lead officer."""
    return action.owner or action.priority.lead_officer


@dataclass
class OrganisationProgress:
    organisation: Organisation | None
    actions: list[Action] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.organisation.name if self.organisation else "No responsible organisation"

    def count(self, *states: str) -> int:
        return sum(state_of(a) in states for a in self.actions)

    @property
    def submitted(self) -> int:
        return self.count(*REPORTED_STATES)

    @property
    def outstanding(self) -> int:
        return len(self.actions) - self.submitted


@dataclass
class ReviewBoard:
    period: ReportingPeriod
    actions: list[Action]
    organisations: list[OrganisationProgress]

    def count(self, state: str) -> int:
        return sum(state_of(a) == state for a in self.actions)

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        return [(state, label, self.count(state)) for state, label in UPDATE_STATE_LABELS.items()]


def review_board(*, period: ReportingPeriod) -> ReviewBoard:
    """Every action of the period's plan with its update, and who has submitted, by partner organisation."""
    actions = _annotated(
        _with_period_update(Action.objects.filter(plan_id=period.plan_id), period)
        .exclude(status=Action.Status.CANCELLED)
        .order_by("priority__order", "order", "id")
    )
    by_organisation: dict[int | None, OrganisationProgress] = {}
    for action in actions:
        organisations = list(action.responsible_organisations.all()) or [None]
        for organisation in organisations:
            key = organisation.pk if organisation else None
            by_organisation.setdefault(key, OrganisationProgress(organisation)).actions.append(action)
    ordered = sorted(
        by_organisation.values(), key=lambda progress: (progress.organisation is None, progress.name)
    )
    return ReviewBoard(period=period, actions=actions, organisations=ordered)


# ---- Notes for the board --------------------------------------------------------------------------


@dataclass
class NoteLine:
    """A note the board will read, or its empty place: a priority's commentary, or the asks."""

    title: str
    priority: Priority | None
    note: BoardNote | None
    may_write: bool


def board_notes_for(*, period: ReportingPeriod, user) -> dict:
    """The quarter's commentary on each priority and its asks of the board, with what `user` may do.

    Two queries: the priorities and the notes. Leads see the lines they may write; those who run the
    cycle see every line and may review.
    """
    plan = period.plan
    may_review = can(user, "governance.run_cycle", plan.partnership)
    notes = {
        (note.kind, note.priority_id): note
        for note in BoardNote.objects.filter(period=period).select_related("written_by", "reviewed_by")
    }
    priorities = plan.priorities.select_related("plan", "lead_officer").order_by("order")
    commentary = [
        NoteLine(
            p.title, p, notes.get((BoardNote.Kind.COMMENTARY, p.pk)), can(user, "actions.write_commentary", p)
        )
        for p in priorities
    ]
    return {
        "period": period,
        "plan": plan,
        "commentary": [line for line in commentary if may_review or line.may_write],
        "asks": NoteLine("Asks of the board", None, notes.get((BoardNote.Kind.ASKS, None)), may_review),
        "may_review": may_review,
    }
