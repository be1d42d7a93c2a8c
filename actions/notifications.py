"""Who is told what, by email, as the quarter moves: opened, returned, commented on, submitted, accepted.

Each function is called by the service or view that makes the change, inside its transaction, and
writes to the outbox (governance/outbox.py), so an email goes only for a change that was saved.
Only active members of the partnership are written to, and each is told only about updates they
are on. Submitted and accepted updates go into the evening's summary (send_digests), never one
email per update. Reminders before and after the deadline are in actions/reminders.py.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse

from governance.models import DigestLine, Membership, OutboxMessage, Role, User
from governance.outbox import add_digest_lines, queue_email
from priorities.models import ReportingPeriod

from .models import Action, ActionUpdate, UpdateComment
from .selectors import person_owing, review_board, state_of
from .status import UPDATE_STATE_LABELS

REVIEWERS = (Role.SECRETARY, Role.ADMIN)


def link(name: str, *args) -> str:
    return f"{settings.SITE_URL}{reverse(name, args=args)}"


def _members(partnership_id: int, users: Iterable[User | int | None]) -> dict[int, Membership]:
    """The active members of the partnership among these people (or user ids), by user id."""
    ids = {user if isinstance(user, int) else user.pk for user in users if user is not None}
    return {
        m.user_id: m
        for m in Membership.objects.filter(
            partnership_id=partnership_id, user_id__in=ids, user__is_active=True
        ).select_related("user")
    }


def _update_link(update: ActionUpdate, membership: Membership) -> str:
    """The secretary reviews an update; everyone else opens it where it is given."""
    if membership.role in REVIEWERS and update.state == ActionUpdate.State.SUBMITTED:
        return link("actions:review_update", update.pk)
    return link("actions:edit_update", update.action_id, update.period_id)


def quarter_opened(*, period: ReportingPeriod) -> int:
    """Tell everyone who owes an update in the newly opened quarter what they owe and by when."""
    owes: dict[int, list[Action]] = defaultdict(list)
    people: dict[int, User] = {}
    for action in review_board(period=period).actions:
        owing = person_owing(action)
        if owing is not None:
            owes[owing.pk].append(action)
            people[owing.pk] = owing
    members = _members(period.plan.partnership_id, people.values())
    for user_id in sorted(members, key=lambda pk: (people[pk].full_name.lower(), pk)):
        queue_email(
            key=f"opened:period {period.pk}:to {user_id}",
            kind=OutboxMessage.Kind.QUARTER_OPENED,
            recipient=members[user_id].user,
            partnership=period.plan.partnership,
            quarter=period.label,
            template="actions/email/quarter_opened",
            context={
                "period": period,
                "plan": period.plan,
                "actions": [
                    {
                        "reference": a.reference,
                        "title": a.short_title,
                        "state": UPDATE_STATE_LABELS[state_of(a)],
                    }
                    for a in owes[user_id]
                ],
                "url": link("actions:my_updates"),
            },
        )
    return len(members)


def update_returned(*, update: ActionUpdate, by: User) -> None:
    """The person who gives the update must change it; the priority's lead should know."""
    action = update.action
    owner, lead = person_owing(action), action.priority.lead_officer
    members = _members(action.plan.partnership_id, [owner, lead])
    for user in dict.fromkeys(person for person in (owner, lead) if person is not None):
        if user.pk not in members or user == by:
            continue
        for_lead = user != owner
        queue_email(
            key=f"returned:update {update.pk}:version {update.version}:to {user.pk}",
            kind=OutboxMessage.Kind.RETURNED,
            recipient=user,
            partnership=action.plan.partnership,
            quarter=update.period.label,
            template="actions/email/returned",
            context={
                "action": action,
                "period": update.period,
                "reviewer": by,
                "owner": owner,
                "for_lead": for_lead,
                "comment": update.review_comment,
                "url": link("actions:edit_update", action.pk, update.period_id),
            },
        )


def people_on(update: ActionUpdate) -> list[User | None]:
    """Everyone who takes part in an update: who gives it, its lead, who submitted and reviewed it,
    and who has commented on it."""
    authors = User.objects.filter(pk__in=update.comments.values("author_id"))
    action = update.action
    return [action.owner, action.priority.lead_officer, update.submitted_by, update.reviewed_by, *authors]


def comment_added(*, comment: UpdateComment) -> None:
    """Tell the other people on the update, unless they switched comment emails off."""
    update = comment.update
    action = update.action
    members = _members(action.plan.partnership_id, people_on(update))
    members.pop(comment.author_id, None)
    for user_id, membership in sorted(members.items()):
        queue_email(
            key=f"comment:{comment.pk}:to {user_id}",
            kind=OutboxMessage.Kind.COMMENT,
            recipient=membership.user,
            partnership=action.plan.partnership,
            quarter=update.period.label,
            template="actions/email/comment",
            context={
                "action": action,
                "period": update.period,
                "author": comment.author,
                "body": comment.body,
                "url": _update_link(update, membership),
            },
            preference="comments",
        )


MOST_REFERENCES = 20


def update_submitted(*, update: ActionUpdate, by: User) -> None:
    updates_submitted(period=update.period, action_ids=[update.action_id], by=by)


def updates_submitted(*, period: ReportingPeriod, action_ids: list[int], by: User) -> None:
    """A line in this evening's summary for the priority leads and the secretaries. A spreadsheet of
    many updates makes one line per person, listing the references, not one line per update."""
    if not action_ids:
        return
    partnership = period.plan.partnership
    secretaries = list(
        Membership.objects.filter(partnership=partnership, role=Role.SECRETARY).values_list(
            "user_id", flat=True
        )
    )
    # Only what a line needs, in plan order: a spreadsheet may submit 10,000 updates at once.
    rows = (
        Action.objects.filter(pk__in=action_ids)
        .order_by("priority__order", "order", "pk")
        .values_list("pk", "reference", "priority__lead_officer_id")
    )
    # Per person, the actions they hear about, in plan order (a dict keeps order and drops repeats).
    told: dict[int, dict[int, str]] = defaultdict(dict)
    for pk, reference, lead_id in rows:
        for user_id in [*secretaries, *([lead_id] if lead_id else [])]:
            told[user_id][pk] = reference
    members = _members(partnership.pk, told.keys() - {by.pk})
    url = link("actions:review_period", period.pk)
    lines = []
    for user_id, membership in members.items():
        mine = told[user_id]
        if len(mine) == 1:
            action = Action.objects.get(pk=next(iter(mine)))
            text = f"{action.reference} {action.short_title}: {period.label} update submitted by {by}"
        else:
            references = ", ".join(list(mine.values())[:MOST_REFERENCES])
            more = f" and {len(mine) - MOST_REFERENCES} more" if len(mine) > MOST_REFERENCES else ""
            text = f"{len(mine)} {period.label} updates submitted by {by}: {references}{more}"
        lines.append(DigestLine(recipient=membership.user, partnership=partnership, text=text, url=url))
    add_digest_lines(lines)


def update_accepted(*, update: ActionUpdate, by: User) -> None:
    """A line in this evening's summary for whoever gave the update and the priority's lead."""
    action = update.action
    owner, lead = person_owing(action), action.priority.lead_officer
    members = _members(action.plan.partnership_id, [owner, lead, update.submitted_by])
    text = f"{action.reference} {action.short_title}: {update.period.label} update accepted by {by}"
    url = link("actions:edit_update", action.pk, update.period_id)
    add_digest_lines(
        [
            DigestLine(recipient=m.user, partnership=action.plan.partnership, text=text, url=url)
            for user_id, m in sorted(members.items())
            if user_id != by.pk
        ]
    )
