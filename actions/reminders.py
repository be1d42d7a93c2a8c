"""Reminder emails for quarterly updates: who is owed what, and sending each email once a day.

send_reminders (the command) runs daily. For every open reporting period it writes to each
person who owes updates, and to each priority lead about updates others owe on their priority,
in the days before the deadline and every day after it. Once the deadline has passed the
partnership's secretaries also get a summary of who is overdue. A ReminderLog row, written in
the same transaction as the send, makes a second run on the same day send nothing again.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from governance.models import Membership, Role, User
from priorities.models import ReportingPeriod

from .models import Action, ActionUpdate, ReminderLog
from .selectors import person_owing, review_board, state_of, update_of
from .status import NO_UPDATE, UPDATE_STATE_LABELS

Kind = ReminderLog.Kind
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
            reminders += _reminders_for_period(period=period, kind=kind, today=today)
    return reminders


def _reminders_for_period(*, period: ReportingPeriod, kind: str, today: date) -> list[Reminder]:
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


def build_message(reminder: Reminder) -> EmailMultiAlternatives:
    prefix = "secretary" if reminder.kind == Kind.SECRETARY_SUMMARY else "reminder"
    context = dict(reminder.context)
    # A subject is one line, however the template wraps it.
    context["subject"] = " ".join(render_to_string(f"actions/email/{prefix}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=context["subject"],
        body=render_to_string(f"actions/email/{prefix}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[reminder.recipient.email],
    )
    message.attach_alternative(render_to_string(f"actions/email/{prefix}.html", context), "text/html")
    return message


def _send_once(reminder: Reminder, *, today: date) -> bool:
    """Send unless already logged today. False if it was. Raises, logging nothing, if sending fails."""
    message = build_message(reminder)
    # The log row and the send stand or fall together: if send() raises, the row is rolled back
    # and tomorrow's (or the next) run tries again. A concurrent run waits on the row and skips.
    with transaction.atomic():
        _, created = ReminderLog.objects.get_or_create(
            recipient=reminder.recipient, period=reminder.period, kind=reminder.kind, sent_on=today
        )
        if created:
            message.send()
    return created


def send_reminders(*, today: date, dry_run: bool = False) -> Result:
    """Send today's reminders, each at most once a day. A dry run sends and records nothing."""
    result = Result(dry_run=dry_run)
    logged = set(ReminderLog.objects.filter(sent_on=today).values_list("recipient_id", "period_id", "kind"))
    for reminder in reminders_due(today=today):
        if (reminder.recipient.pk, reminder.period.pk, reminder.kind) in logged:
            result.already_sent.append(reminder)
        elif dry_run:
            result.sent.append(reminder)
        else:
            try:
                created = _send_once(reminder, today=today)
            except Exception as error:  # any failure (SMTP, DNS, a template) must not stop the others
                result.failed.append((reminder, f"{type(error).__name__}: {error}"))
                continue
            (result.sent if created else result.already_sent).append(reminder)
    return result
