"""Reminder emails for quarterly updates: who is owed what, and sending each email once a day.

send_reminders (the command) runs daily. For every open reporting period it writes to each
person who owes updates, and to each priority lead about updates others owe on their priority,
in the days before the deadline and every day after it. Once the deadline has passed the
partnership's secretaries also get a summary of who is overdue. Each email goes through the outbox
(governance/outbox.py) with a key naming the person, the quarter, the kind and the day, so a second
run on the same day queues nothing again, and a mail server that is down delays reminders without
losing them. The secretary's "Send a reminder now" (actions/chase.py) builds the same emails.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse

from governance.models import Membership, OutboxMessage, Role, User
from governance.outbox import queue_email
from priorities.models import ReportingPeriod

from .models import Action, ActionUpdate
from .selectors import person_owing, review_board, state_of, update_of
from .status import NO_UPDATE, UPDATE_STATE_LABELS


class Kind(models.TextChoices):
    DUE_SOON = "due_soon", "Deadline approaching"
    OVERDUE = "overdue", "Overdue"
    SECRETARY_SUMMARY = "secretary_summary", "Overdue summary for the secretary"


# Submitted and accepted updates are done; anything else is still owed.
OUTSTANDING = (NO_UPDATE, ActionUpdate.State.DRAFT, ActionUpdate.State.RETURNED)


@dataclass(frozen=True)
class Item:
    """One outstanding action, as an email lists it."""

    reference: str
    title: str
    state: str
    comment: str = ""  # the secretary's reason, when they returned it to its owner
    owned_by: str = ""  # in a lead's email, who owes it when that is someone else


@dataclass(frozen=True)
class OverduePerson:
    """A line of the secretary's summary."""

    name: str
    organisation: str
    references: list[str]
    not_reminded: str = ""  # why this person gets no reminder themselves, if they don't

    @property
    def count(self) -> int:
        return len(self.references)


@dataclass
class Reminder:
    recipient: User
    period: ReportingPeriod
    kind: str
    actions: list[Action]
    context: dict[str, Any]

    def describe(self) -> str:
        partnership = self.period.plan.partnership
        what = f"{len(self.actions)} outstanding update{'s' if len(self.actions) != 1 else ''}"
        return (
            f"{self.recipient} <{self.recipient.email}>: {Kind(self.kind).label.lower()}, {what} "
            f"for {self.period.label} ({partnership})"
        )


@dataclass
class Result:
    dry_run: bool = False
    sent: list[Reminder] = field(default_factory=list)  # on a dry run, those that would be sent
    already_sent: list[Reminder] = field(default_factory=list)
    failed: list[tuple[Reminder, str]] = field(default_factory=list)


def reminder_kind(*, period: ReportingPeriod, today: date) -> str | None:
    """Due soon within REMINDER_DAYS_BEFORE_DEADLINE days of the deadline (inclusive), overdue after it."""
    days_left = (period.update_deadline - today).days
    if days_left < 0:
        return Kind.OVERDUE
    if days_left <= settings.REMINDER_DAYS_BEFORE_DEADLINE:
        return Kind.DUE_SOON
    return None


def reminders_due(*, today: date) -> list[Reminder]:
    """Every reminder to send today, for every open period of every partnership."""
    periods = (
        ReportingPeriod.objects.filter(status=ReportingPeriod.Status.OPEN)
        .select_related("plan__partnership")
        .order_by("plan__partnership__name", "plan__title", "start")
    )
    reminders: list[Reminder] = []
    for period in periods:
        kind = reminder_kind(period=period, today=today)
        if kind is not None:
            reminders += reminders_for_period(period=period, kind=kind, today=today)
    return reminders


def reminders_for_period(*, period: ReportingPeriod, kind: str, today: date) -> list[Reminder]:
    outstanding = [a for a in review_board(period=period).actions if state_of(a) in OUTSTANDING]
    if not outstanding:
        return []
    # Only people who can still sign in to this partnership are written to.
    members = {
        m.user_id: m
        for m in Membership.objects.current()
        .filter(partnership_id=period.plan.partnership_id, user__is_active=True)
        .select_related("user__organisation")
    }
    owes: dict[int, list[Action]] = defaultdict(list)
    leads_for: dict[int, list[Action]] = defaultdict(list)
    for action in outstanding:
        owing = person_owing(action)
        if owing is not None:
            owes[owing.pk].append(action)
        lead = action.priority.lead_officer
        if lead is not None and lead != owing:
            leads_for[lead.pk].append(action)

    days_left = (period.update_deadline - today).days
    base = {
        "period": period,
        "plan": period.plan,
        "partnership": period.plan.partnership,
        "deadline": period.update_deadline,
        "overdue": kind == Kind.OVERDUE,
        "days_left": max(days_left, 0),
        "days_overdue": max(-days_left, 0),
        "service_name": settings.SERVICE_NAME,
    }
    my_updates_url = f"{settings.SITE_URL}{reverse('actions:my_updates')}"
    recipients = sorted(
        (members[pk].user for pk in owes.keys() | leads_for.keys() if pk in members),
        key=lambda user: (user.full_name.lower(), user.pk),
    )
    reminders = []
    for user in recipients:
        own = [_item(action, comment=True) for action in owes[user.pk]]
        team = [_item(action, owned_by=str(person_owing(action))) for action in leads_for[user.pk]]
        context = {**base, "recipient": user, "own": own, "team": team, "url": my_updates_url}
        actions = owes[user.pk] + leads_for[user.pk]
        reminders.append(Reminder(recipient=user, period=period, kind=kind, actions=actions, context=context))

    if kind == Kind.OVERDUE:
        secretaries = sorted(
            (m.user for m in members.values() if m.role == Role.SECRETARY),
            key=lambda user: (user.full_name.lower(), user.pk),
        )
        if secretaries:
            people, unassigned = _overdue_people(owes, outstanding, members)
            context = {
                **base,
                "people": people,
                "unassigned": unassigned,
                "url": f"{settings.SITE_URL}{reverse('actions:review_period', args=[period.pk])}",
            }
            for user in secretaries:
                reminders.append(
                    Reminder(
                        recipient=user,
                        period=period,
                        kind=Kind.SECRETARY_SUMMARY,
                        actions=outstanding,
                        context={**context, "recipient": user},
                    )
                )
    return reminders


def _item(action: Action, *, comment: bool = False, owned_by: str = "") -> Item:
    state = state_of(action)
    update = update_of(action)
    return Item(
        reference=action.reference,
        title=action.short_title,
        state=UPDATE_STATE_LABELS[state],
        # The secretary's reason goes only to the person who must act on it.
        comment=update.review_comment if comment and update and state == ActionUpdate.State.RETURNED else "",
        owned_by=owned_by,
    )


def _overdue_people(
    owes: dict[int, list[Action]], outstanding: list[Action], members: dict[int, Membership]
) -> tuple[list[OverduePerson], list[str]]:
    """Who owes what, for the secretary; including people who will not be reminded, and why."""
    others = User.objects.select_related("organisation").in_bulk([pk for pk in owes if pk not in members])
    people = []
    for pk, actions in owes.items():
        user = members[pk].user if pk in members else others[pk]
        if pk in members:
            not_reminded = ""
        elif not user.is_active:
            not_reminded = "their account is switched off"
        else:
            not_reminded = "they are no longer a member of the partnership"
        people.append(
            OverduePerson(
                name=str(user),
                organisation=user.organisation.name if user.organisation else "",
                references=[a.reference for a in actions],
                not_reminded=not_reminded,
            )
        )
    people.sort(key=lambda person: person.name.lower())
    unassigned = [a.reference for a in outstanding if person_owing(a) is None]
    return people, unassigned


def template_of(reminder: Reminder) -> str:
    return "actions/email/secretary" if reminder.kind == Kind.SECRETARY_SUMMARY else "actions/email/reminder"


def reminder_key(reminder: Reminder, *, today: date) -> str:
    return f"reminder:{reminder.kind}:period {reminder.period.pk}:to {reminder.recipient.pk}:{today:%Y-%m-%d}"


def queue_reminder(
    reminder: Reminder, *, key: str, kind: str = OutboxMessage.Kind.REMINDER
) -> OutboxMessage | None:
    return queue_email(
        key=key,
        kind=kind,
        recipient=reminder.recipient,
        partnership=reminder.period.plan.partnership,
        quarter=reminder.period.label,
        template=template_of(reminder),
        context=reminder.context,
    )


def send_reminders(*, today: date, dry_run: bool = False) -> Result:
    """Queue today's reminders in the outbox, each at most once a day. A dry run queues nothing."""
    result = Result(dry_run=dry_run)
    for reminder in reminders_due(today=today):
        key = reminder_key(reminder, today=today)
        if OutboxMessage.objects.filter(key=key).exists():
            result.already_sent.append(reminder)
        elif dry_run:
            result.sent.append(reminder)
        else:
            try:
                with transaction.atomic():
                    queue_reminder(reminder, key=key)
            except Exception as error:  # a broken template or row must not stop the others
                result.failed.append((reminder, f"{type(error).__name__}: {error}"))
                continue
            result.sent.append(reminder)
    return result
