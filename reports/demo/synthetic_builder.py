"""The rows of the synthetic partnerships (reports.demo.synthetic), written in bulk.

Each model is written with simple-history's bulk path, one statement batch per model for all
partnerships together, so a hundred partnerships load in seconds and every row still has its
"created" history record. (Many-to-many links are bulk-inserted through their join tables and
so have no history of their own: they are set once, at creation.)
"""

import datetime
import random
from zoneinfo import ZoneInfo

from simple_history.utils import bulk_create_with_history

from actions.models import Action, ActionUpdate, Rag
from governance.models import Board, Meeting, Membership, Organisation, Partnership, Role, User
from priorities.models import Measure, MeasureReading, Plan, PlanAim, Priority, ReportingPeriod, Theme

CHANGE_REASON = "Synthetic data (load_synthetic)"
BATCH = 1000
LONDON = ZoneInfo("Europe/London")
YEAR = 2020
ORGANISATIONS = [
    ("Police", Organisation.Kind.POLICE, Organisation.Membership.RESPONSIBLE_AUTHORITY),
    ("Council", Organisation.Kind.COUNCIL, Organisation.Membership.RESPONSIBLE_AUTHORITY),
    ("Fire and Rescue Service", Organisation.Kind.FIRE, Organisation.Membership.RESPONSIBLE_AUTHORITY),
    ("Clinical Commissioning Group", Organisation.Kind.HEALTH, Organisation.Membership.RESPONSIBLE_AUTHORITY),
    ("Probation Service", Organisation.Kind.PROBATION, Organisation.Membership.RESPONSIBLE_AUTHORITY),
    (
        "Community Rehabilitation Company",
        Organisation.Kind.REHABILITATION,
        Organisation.Membership.RESPONSIBLE_AUTHORITY,
    ),
    ("Housing Group", Organisation.Kind.HOUSING, Organisation.Membership.ASSOCIATE),
    ("Public Health", Organisation.Kind.PUBLIC_HEALTH, Organisation.Membership.RESPONSIBLE_AUTHORITY),
]
PRIORITY_TITLES = [
    "Violence reduction",
    "Prevent extremist activity",
    "Reduce drug and alcohol misuse",
    "Serious and organised crime",
    "Reduce offending and re-offending",
    "Anti-social behaviour",
    "Road safety",
    "Fraud and scams",
]
VERBS = ["Develop", "Deliver", "Review", "Strengthen", "Expand", "Embed", "Commission", "Promote"]
SUBJECTS = [
    "a multi-agency response to {t}",
    "community engagement on {t}",
    "training for frontline staff on {t}",
    "data sharing between partners about {t}",
    "support for victims affected by {t}",
    "early intervention for young people at risk of {t}",
]
QUARTERS = [(1, 3, 31), (4, 6, 30), (7, 9, 30), (10, 12, 31)]
# Past quarters carry accepted updates; the third is open with some drafts; the fourth is to come.
PERIOD_STATUSES = [
    ReportingPeriod.Status.LOCKED,
    ReportingPeriod.Status.LOCKED,
    ReportingPeriod.Status.OPEN,
    ReportingPeriod.Status.PLANNED,
]
RAG_WEIGHTS = [(Rag.GREEN, 6), (Rag.AMBER, 3), (Rag.RED, 1)]


def slug_for(index: int) -> str:
    return f"synthetic-{index:03d}"


def _bulk(objs: list, model) -> list:
    return bulk_create_with_history(objs, model, batch_size=BATCH, default_change_reason=CHANGE_REASON)


class Builder:
    def __init__(self, indexes: list[int], *, priorities: int, actions: int, seed: int):
        self.indexes = indexes
        self.priority_count = priorities
        self.action_count = actions
        self.seed = seed

    def rng(self, plan_id: int, *key) -> random.Random:
        # Keyed by the partnership's slug, never a database id, so the same seed gives the same data.
        return random.Random("-".join(str(k) for k in (self.seed, self.slug_of_plan[plan_id], *key)))

    def build(self) -> None:
        partnerships = Partnership.objects.bulk_create(
            [
                Partnership(
                    name=f"Synthetic Community Safety Partnership {i:03d}",
                    short_name=f"SCSP{i:03d}",
                    slug=slug_for(i),
                    area=f"Synthetic area {i:03d}",
                )
                for i in self.indexes
            ]
        )
        organisations = _bulk(
            [
                Organisation(
                    partnership=p, name=f"{p.area} {name}", short_name=name[:20], kind=kind, membership=m
                )
                for p in partnerships
                for name, kind, m in ORGANISATIONS
            ],
            Organisation,
        )
        orgs_by_partnership = {
            p.pk: [o for o in organisations if o.partnership_id == p.pk] for p in partnerships
        }
        boards = Board.objects.bulk_create(
            [
                Board(partnership=p, name=f"{p.name} Board", meeting_frequency="Quarterly")
                for p in partnerships
            ]
        )
        meetings = Meeting.objects.bulk_create(
            [
                Meeting(
                    board=b,
                    date=datetime.date(YEAR + (q == 3), (q * 3 + 4 - 1) % 12 + 1, 20),
                    title="Board meeting",
                )
                for b in boards
                for q in range(4)
            ]
        )
        plans = _bulk(
            [
                Plan(
                    partnership=p,
                    title=f"{p.name} Plan {YEAR}",
                    period_start=datetime.date(YEAR, 1, 1),
                    period_end=datetime.date(YEAR, 12, 31),
                    vision=f"A safer {p.area} for everyone.",
                    status=Plan.Status.ACTIVE,
                    is_published=True,
                )
                for p in partnerships
            ],
            Plan,
        )
        self.slug_of_plan = {
            plan.pk: slug_for(index) for plan, index in zip(plans, self.indexes, strict=True)
        }
        _bulk(
            [
                PlanAim(plan=plan, order=n, text=text)
                for plan in plans
                for n, text in enumerate(
                    ["Creating safe, strong and resilient communities", "Keeping people safe from harm"], 1
                )
            ],
            PlanAim,
        )
        periods = _bulk(
            [
                ReportingPeriod(
                    plan=plan,
                    label=f"{YEAR} Q{q + 1}",
                    start=datetime.date(YEAR, first, 1),
                    end=datetime.date(YEAR, last, last_day),
                    update_deadline=datetime.date(YEAR, last, last_day) + datetime.timedelta(days=14),
                    meeting=meetings[i * 4 + q],
                    status=PERIOD_STATUSES[q],
                )
                for i, plan in enumerate(plans)
                for q, (first, last, last_day) in enumerate(QUARTERS)
            ],
            ReportingPeriod,
        )
        users = self._users(partnerships, orgs_by_partnership)
        priorities = _bulk(
            [
                Priority(
                    plan=plan,
                    order=n + 1,
                    title=PRIORITY_TITLES[n % len(PRIORITY_TITLES)] + ("" if n < 8 else f" {n}"),
                    lead_organisation=orgs_by_partnership[plan.partnership_id][n % len(ORGANISATIONS)],
                    lead_officer=users[(plan.partnership_id, n)],
                    aim=f"To make progress on {PRIORITY_TITLES[n % 8].lower()}.",
                    you_told_us="You told us this matters to you.",
                )
                for plan in plans
                for n in range(self.priority_count)
            ],
            Priority,
        )
        themes = _bulk([Theme(plan=plan, name="Domestic abuse") for plan in plans], Theme)
        Theme.priorities.through.objects.bulk_create(
            [
                Theme.priorities.through(theme_id=t.pk, priority_id=p.pk)
                for t in themes
                for p in priorities
                if p.plan_id == t.plan_id
            ]
        )
        self._measures(priorities, periods)
        self._actions(plans, priorities, periods, themes, users)

    def _users(self, partnerships, orgs_by_partnership) -> dict[tuple[int, int], User]:
        """A secretary, a viewer and one lead per priority in each partnership; returns the leads."""
        people = []  # (partnership, role, lead of priority index or None, user)
        for p in partnerships:
            council = orgs_by_partnership[p.pk][1]
            people.append(
                (
                    p,
                    Role.SECRETARY,
                    None,
                    self._person(f"secretary@{p.slug}.example", "Board Secretary", p, council),
                )
            )
            people.append(
                (
                    p,
                    Role.VIEWER,
                    None,
                    self._person(f"viewer@{p.slug}.example", "Council Officer", p, council),
                )
            )
            for n in range(self.priority_count):
                org = orgs_by_partnership[p.pk][n % len(ORGANISATIONS)]
                lead = self._person(f"lead{n + 1}@{p.slug}.example", f"Priority {n + 1} Lead", p, org)
                people.append((p, Role.CONTRIBUTOR, n, lead))
        User.objects.bulk_create([user for *_, user in people], batch_size=BATCH)
        _bulk([Membership(partnership=p, user=user, role=role) for p, role, _, user in people], Membership)
        return {(p.pk, n): user for p, _, n, user in people if n is not None}

    @staticmethod
    def _person(email: str, name: str, partnership: Partnership, organisation: Organisation) -> User:
        user = User(email=email, full_name=f"{name} {partnership.short_name}", organisation=organisation)
        user.set_unusable_password()  # benchmarks sign in with force_login: no hashing cost
        return user

    def _measures(self, priorities, periods) -> None:
        measures = []
        for priority in priorities:
            rng = self.rng(priority.plan_id, "measure", priority.order)
            for n in range(1, 4):
                if n == 3:
                    measures.append(
                        Measure(
                            priority=priority,
                            order=n,
                            title="Community confidence",
                            kind=Measure.Kind.QUALITATIVE,
                        )
                    )
                else:
                    measures.append(
                        Measure(
                            priority=priority,
                            order=n,
                            title=f"Recorded offences, measure {n}",
                            kind=Measure.Kind.NUMERIC,
                            unit="offences",
                            direction=Measure.Direction.LOWER,
                            baseline_value=rng.randint(200, 4000),
                            baseline_period=f"{YEAR - 2}/{YEAR - 2001}",
                            baseline_source="Synthetic strategic assessment",
                        )
                    )
        measures = _bulk(measures, Measure)
        past = self._past_periods(periods)
        plan_of = {p.pk: p.plan_id for p in priorities}
        readings = []
        for measure in measures:
            rng = self.rng(plan_of[measure.priority_id], "reading", measure.priority.order, measure.order)
            for period in past[plan_of[measure.priority_id]]:
                if measure.kind == Measure.Kind.NUMERIC:
                    value = round(measure.baseline_value / 4 * rng.uniform(0.8, 1.1))
                    readings.append(
                        MeasureReading(
                            measure=measure, period=period, value=value, narrative="Synthetic reading."
                        )
                    )
                else:
                    readings.append(
                        MeasureReading(measure=measure, period=period, narrative="Synthetic narrative.")
                    )
        _bulk(readings, MeasureReading)

    @staticmethod
    def _past_periods(periods) -> dict:
        past: dict[int, list] = {}
        for period in periods:
            if period.status == ReportingPeriod.Status.LOCKED:
                past.setdefault(period.plan_id, []).append(period)
        return past

    def _actions(self, plans, priorities, periods, themes, users) -> None:
        actions = []
        for priority in priorities:
            rng = self.rng(priority.plan_id, "action", priority.order)
            topic = priority.title.lower()
            for n in range(1, self.action_count + 1):
                horizon = (
                    Action.Horizon.ONE_YEAR if n <= self.action_count * 2 // 3 else Action.Horizon.THREE_YEARS
                )
                actions.append(
                    Action(
                        plan_id=priority.plan_id,
                        priority=priority,
                        reference=f"{priority.order}.{n}",
                        order=n,
                        overall_objective=f"{rng.choice(VERBS)} {rng.choice(SUBJECTS).format(t=topic)}",
                        horizon=horizon,
                        responsible_officer=f"Officer {priority.order}.{n}",
                        start_date=datetime.date(YEAR, 1, 1),
                        deadline=datetime.date(
                            YEAR if horizon == Action.Horizon.ONE_YEAR else YEAR + 2, 12, 31
                        ),
                        status=Action.Status.IN_PROGRESS,
                        owner=priority.lead_officer,
                    )
                )
        actions = _bulk(actions, Action)
        priority_by_pk = {p.pk: p for p in priorities}
        theme_by_plan = {t.plan_id: t for t in themes}
        Action.responsible_organisations.through.objects.bulk_create(
            [
                Action.responsible_organisations.through(
                    action_id=a.pk, organisation_id=priority_by_pk[a.priority_id].lead_organisation_id
                )
                for a in actions
            ],
            batch_size=BATCH,
        )
        Action.themes.through.objects.bulk_create(
            [
                Action.themes.through(action_id=a.pk, theme_id=theme_by_plan[a.plan_id].pk)
                for a in actions
                if a.order % 5 == 0
            ],
            batch_size=BATCH,
        )
        self._updates(actions, periods, priority_by_pk, users)

    def _updates(self, actions, periods, priority_by_pk, users) -> None:
        by_plan: dict[int, list] = {}
        for period in periods:
            by_plan.setdefault(period.plan_id, []).append(period)
        rags = [rag for rag, weight in RAG_WEIGHTS for _ in range(weight)]
        updates = []
        for action in actions:
            rng = self.rng(action.plan_id, "update", action.reference)
            author = priority_by_pk[action.priority_id].lead_officer
            for period in by_plan[action.plan_id]:
                if period.status == ReportingPeriod.Status.PLANNED:
                    continue
                if period.status == ReportingPeriod.Status.OPEN and rng.random() < 0.5:
                    continue  # half the open quarter's updates are still owed
                locked = period.status == ReportingPeriod.Status.LOCKED
                rag = rng.choice(rags)
                submitted_at = datetime.datetime.combine(
                    period.update_deadline - datetime.timedelta(days=3), datetime.time(10), tzinfo=LONDON
                )
                updates.append(
                    ActionUpdate(
                        action=action,
                        period=period,
                        rag=rag,
                        progress=f"Synthetic progress for {action.reference} in {period.label}.",
                        recovery_plan="" if rag == Rag.GREEN else "Synthetic recovery plan.",
                        outcomes="Synthetic outcome.",
                        state=ActionUpdate.State.ACCEPTED if locked else ActionUpdate.State.SUBMITTED,
                        submitted_by=author,
                        submitted_at=submitted_at,
                    )
                )
        _bulk(updates, ActionUpdate)
