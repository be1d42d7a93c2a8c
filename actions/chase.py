"""The secretary's "Send a reminder now": chase the people who still owe this quarter's updates.

The email is the daily reminder's (actions/reminders.py), built for today, so a chased person reads
the same words as on any other day. Each person can be chased at most once a day: the outbox key
names the person, the quarter and the day, and a second chase that day queues nothing. The outbox
row (kind "chase") is the log of who was reminded and when; the security log records who chased.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from governance.models import OutboxMessage, User
from governance.outbox import RenderedEmail, render_email
from priorities.models import ReportingPeriod

from .models import Action
from .reminders import Kind, Reminder, queue_reminder, reminder_kind, reminders_for_period, template_of
from .selectors import person_owing, review_board, state_of

OUTSTANDING_STATES = ("none", "draft", "returned")


@dataclass
class Owing:
    """A person who still owes updates, with what they owe and whether they were chased today."""

    person: User
    references: list[str] = field(default_factory=list)
    reminded_today: bool = False


@dataclass
class OrganisationOwing:
    name: str
    pk: int | None
    people: list[Owing]

    @property
    def can_chase(self) -> list[Owing]:
        return [owing for owing in self.people if not owing.reminded_today]


@dataclass
class ChaseList:
    period: ReportingPeriod
    organisations: list[OrganisationOwing]
    people: dict[int, Owing]
    no_one_to_chase: list[str]  # references of outstanding actions nobody can be reminded about


def chase_key(period: ReportingPeriod, user_id: int, today: date) -> str:
    return f"chase:period {period.pk}:to {user_id}:{today:%Y-%m-%d}"


def chase_list(*, period: ReportingPeriod, today: date | None = None) -> ChaseList:
    """Who owes what this quarter, by partner organisation: active members only, since only they
    can be emailed; the others are listed as actions nobody can be reminded about."""
    today = today or timezone.localdate()
    board = review_board(period=period)
    outstanding = [a for a in board.actions if state_of(a) in OUTSTANDING_STATES]
    owners = {person_owing(a) for a in outstanding} - {None}
    members = set(
        period.plan.partnership.memberships.filter(user__in=owners, user__is_active=True).values_list(
            "user_id", flat=True
        )
    )
    keys = {chase_key(period, pk, today) for pk in members}
    chased = set(OutboxMessage.objects.filter(key__in=keys).values_list("recipient_id", flat=True))
    people: dict[int, Owing] = {}
    nobody: list[str] = []
    for action in outstanding:
        owing = person_owing(action)
        if owing is None or owing.pk not in members:
            nobody.append(action.reference)
            continue
        person = people.setdefault(owing.pk, Owing(owing, reminded_today=owing.pk in chased))
        person.references.append(action.reference)
    organisations = []
    for progress in board.organisations:
        mine = _people_of(progress.actions, people)
        if mine:
            pk = progress.organisation.pk if progress.organisation else None
            organisations.append(OrganisationOwing(progress.name, pk, mine))
    return ChaseList(period=period, organisations=organisations, people=people, no_one_to_chase=nobody)


def _people_of(actions: list[Action], people: dict[int, Owing]) -> list[Owing]:
    found: dict[int, Owing] = {}
    for action in actions:
        owing = person_owing(action)
        if state_of(action) in OUTSTANDING_STATES and owing is not None and owing.pk in people:
            found[owing.pk] = people[owing.pk]
    return sorted(found.values(), key=lambda o: (o.person.full_name.lower(), o.person.pk))


def reminders_for(
    *, period: ReportingPeriod, user_ids: set[int], today: date | None = None
) -> list[Reminder]:
    """The reminder each of these people would get today, about their own outstanding updates."""
    today = today or timezone.localdate()
    kind = reminder_kind(period=period, today=today) or Kind.DUE_SOON
    return [
        reminder
        for reminder in reminders_for_period(period=period, kind=kind, today=today)
        if reminder.kind != Kind.SECRETARY_SUMMARY
        and reminder.recipient.pk in user_ids
        and reminder.context["own"]
    ]


def preview(reminder: Reminder) -> RenderedEmail:
    return render_email(template_of(reminder), reminder.context)


def chase(
    *, period: ReportingPeriod, user_ids: set[int], today: date | None = None
) -> tuple[list[User], list[User]]:
    """Queue a reminder now for each person; (reminded, already reminded today)."""
    today = today or timezone.localdate()
    reminded, skipped = [], []
    for reminder in reminders_for(period=period, user_ids=user_ids, today=today):
        key = chase_key(period, reminder.recipient.pk, today)
        if OutboxMessage.objects.filter(key=key).exists():
            skipped.append(reminder.recipient)
        else:
            queue_reminder(reminder, key=key, kind=OutboxMessage.Kind.CHASE)
            reminded.append(reminder.recipient)
    return reminded, skipped
