"""Small, explicit builders for test data. Each returns saved objects with sensible defaults."""

import datetime
import itertools

from actions.models import Action, ActionUpdate
from governance.models import Membership, Organisation, Partnership, Role, User
from priorities.models import Measure, Plan, Priority, ReportingPeriod

_counter = itertools.count(1)
PASSWORD = "correct-horse-battery"


def make_partnership(name: str = "") -> Partnership:
    n = next(_counter)
    name = name or f"Test Partnership {n}"
    return Partnership.objects.create(name=name, slug=f"test-partnership-{n}", area=f"Area {n}")


def make_organisation(
    partnership: Partnership, name: str = "", kind=Organisation.Kind.POLICE
) -> Organisation:
    return Organisation.objects.create(
        partnership=partnership,
        name=name or f"Organisation {next(_counter)}",
        kind=kind,
        membership=Organisation.Membership.RESPONSIBLE_AUTHORITY,
    )


def make_user(partnership: Partnership | None = None, role: str | None = Role.CONTRIBUTOR, **fields) -> User:
    n = next(_counter)
    fields.setdefault("email", f"person{n}@example.org")
    fields.setdefault("full_name", f"Person {n}")
    user = User.objects.create_user(password=PASSWORD, **fields)
    if partnership is not None and role is not None:
        Membership.objects.create(partnership=partnership, user=user, role=role)
    return user


def make_plan(partnership: Partnership, *, published: bool = True, **fields) -> Plan:
    fields.setdefault("title", f"Community Safety Plan {next(_counter)}")
    fields.setdefault("period_start", datetime.date(2020, 1, 1))
    fields.setdefault("period_end", datetime.date(2020, 12, 31))
    fields.setdefault("status", Plan.Status.ACTIVE)
    return Plan.objects.create(partnership=partnership, is_published=published, **fields)


def make_period(plan: Plan, quarter: int = 1, status=ReportingPeriod.Status.OPEN) -> ReportingPeriod:
    start = datetime.date(plan.period_start.year, 3 * quarter - 2, 1)
    end = datetime.date(
        plan.period_start.year + (quarter == 4), (3 * quarter) % 12 + 1, 1
    ) - datetime.timedelta(days=1)
    return ReportingPeriod.objects.create(
        plan=plan,
        label=f"{start.year} Q{quarter}",
        start=start,
        end=end,
        update_deadline=end + datetime.timedelta(days=14),
        status=status,
    )


def make_priority(plan: Plan, order: int = 1, **fields) -> Priority:
    fields.setdefault("title", f"Priority {order}")
    return Priority.objects.create(plan=plan, order=order, **fields)


def make_measure(priority: Priority, order: int = 1, **fields) -> Measure:
    fields.setdefault("title", f"Measure {order}")
    fields.setdefault("kind", Measure.Kind.NUMERIC)
    fields.setdefault("direction", Measure.Direction.LOWER)
    fields.setdefault("unit", "offences")
    return Measure.objects.create(priority=priority, order=order, **fields)


def make_action(priority: Priority, reference: str = "", **fields) -> Action:
    fields.setdefault("overall_objective", f"Deliver objective {next(_counter)}")
    fields.setdefault("horizon", Action.Horizon.ONE_YEAR)
    action = Action(
        priority=priority,
        plan=priority.plan,
        reference=reference or f"{priority.order}.{next(_counter)}",
        **fields,
    )
    action.save()
    return action


def make_update(action: Action, period: ReportingPeriod, **fields) -> ActionUpdate:
    return ActionUpdate.objects.create(action=action, period=period, **fields)


# Governance records (issue 7) ---------------------------------------------------------------


def make_board(partnership: Partnership, name: str = "", **fields):
    from governance.models import Board

    fields.setdefault("kind", Board.Kind.PARTNERSHIP_BOARD)
    return Board.objects.create(partnership=partnership, name=name or f"Board {next(_counter)}", **fields)


def make_meeting(board, date: datetime.date | None = None, **fields):
    from governance.models import Meeting

    return Meeting.objects.create(board=board, date=date or datetime.date(2020, 4, 21), **fields)


def make_decision(meeting, text: str = "", **fields):
    from governance.models import Decision

    fields.setdefault("order", meeting.decisions.count() + 1)
    return Decision.objects.create(meeting=meeting, text=text or f"Decision {next(_counter)}", **fields)
