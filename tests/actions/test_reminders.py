"""send_reminders: who is emailed about outstanding quarterly updates, and each email once a day.

Our plan runs in 2031, far from the demo's 2020 quarters. The demo's 2020 Q3 is open, so on these
dates it is overdue and its people are emailed too: every assertion looks only at our people.
"""

import datetime
from io import StringIO

import pytest
from django.core.mail import EmailMultiAlternatives
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actions.reminders import Kind, reminders_due
from governance.email_sending import send_due_messages
from governance.models import Membership, OutboxMessage, Role
from priorities.models import ReportingPeriod
from tests import factories

DEADLINE = datetime.date(2031, 4, 14)  # make_period: the end of Q1 plus 14 days
DUE_SOON = datetime.date(2031, 4, 10)
OVERDUE = datetime.date(2031, 4, 16)


@pytest.fixture
def cycle(db):
    """A 2031 quarter: some updates outstanding, some done, a lead with actions of their own."""
    partnership = factories.make_partnership("Reminder Test Partnership")
    police = factories.make_organisation(partnership, "Reminder Test Police")
    people = {
        "secretary": factories.make_user(partnership, Role.SECRETARY, full_name="Sam Secretary"),
        "lead": factories.make_user(partnership, Role.CONTRIBUTOR, full_name="Lee Lead"),
        "owner": factories.make_user(
            partnership, Role.CONTRIBUTOR, full_name="Olive Owner", organisation=police
        ),
        "submitter": factories.make_user(partnership, Role.CONTRIBUTOR, full_name="Sid Submitted"),
        "accepted": factories.make_user(partnership, Role.CONTRIBUTOR, full_name="Ann Accepted"),
        "lead_two": factories.make_user(partnership, Role.CONTRIBUTOR, full_name="Tess Two"),
    }
    plan = factories.make_plan(
        partnership,
        title="Reminder Test Plan 2031",
        period_start=datetime.date(2031, 1, 1),
        period_end=datetime.date(2031, 12, 31),
    )
    period = factories.make_period(plan, 1)
    assert period.update_deadline == DEADLINE
    p1 = factories.make_priority(plan, 1, lead_officer=people["lead"])
    p2 = factories.make_priority(plan, 2, lead_officer=people["lead_two"])
    done = {"rag": "green", "submitted_at": timezone.now()}
    factories.make_action(p1, "1.1", objective="Run knife crime workshops in schools", owner=people["owner"])
    returned = factories.make_action(p1, "1.2", objective="Map hotspots", owner=people["owner"])
    factories.make_update(returned, period, state="returned", review_comment="Add the March figures.", **done)
    submitted = factories.make_action(p1, "1.3", owner=people["submitter"])
    factories.make_update(submitted, period, state="submitted", **done)
    accepted = factories.make_action(p1, "1.4", owner=people["accepted"])
    factories.make_update(accepted, period, state="accepted", **done)
    factories.make_action(p1, "1.5", objective="Review the violence strategy")  # no owner: the lead owes it
    draft = factories.make_action(p2, "2.1", owner=people["lead_two"])
    factories.make_update(draft, period, state="draft")
    return {**people, "partnership": partnership, "plan": plan, "period": period, "police": police}


def send(today: datetime.date, *args: str) -> str:
    """Run the command; the outbox sends what it queued once its transaction commits."""
    out = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_reminders", f"--today={today:%Y-%m-%d}", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def logged(user, **filters) -> list[tuple[str, str]]:
    """The reminders queued for a person: (kind, day), from each outbox message's key."""
    keys = OutboxMessage.objects.filter(recipient=user, kind="reminder", **filters).order_by("id")
    return [(key.split(":")[1], key.split(":")[-1]) for key in keys.values_list("key", flat=True)]


def mail_to(mailoutbox, user) -> list[EmailMultiAlternatives]:
    return [message for message in mailoutbox if message.to == [user.email]]


def html_of(message: EmailMultiAlternatives) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def test_due_soon_reminds_owners_of_their_outstanding_actions(cycle, mailoutbox):
    send(DUE_SOON)
    [message] = mail_to(mailoutbox, cycle["owner"])
    assert message.subject == "Your updates for 2031 Q1 are due by 14 April 2031"
    assert "You have 2 updates to give for 2031 Q1 by 14 April 2031. You have 4 days left." in message.body
    assert "1.1 Run knife crime workshops in schools\n    Not started" in message.body
    assert "1.2 Map hotspots\n    Returned by the secretary: Add the March figures." in message.body
    assert "1.3" not in message.body and "2.1" not in message.body
    assert logged(cycle["owner"]) == [(Kind.DUE_SOON, "2031-04-10")]


def test_nobody_is_chased_for_submitted_or_accepted_updates(cycle, mailoutbox):
    send(DUE_SOON)
    assert mail_to(mailoutbox, cycle["submitter"]) == []
    assert mail_to(mailoutbox, cycle["accepted"]) == []


def test_a_lead_sees_their_own_actions_and_what_others_owe_on_their_priority(cycle, mailoutbox):
    send(DUE_SOON)
    [message] = mail_to(mailoutbox, cycle["lead"])
    own, team = message.body.split("Owed by others on priorities you lead")
    assert "1.5 Review the violence strategy\n    Not started" in own
    assert "1.1 Run knife crime workshops in schools\n    Not started, owned by Olive Owner" in team
    assert "1.2 Map hotspots\n    Returned, owned by Olive Owner" in team
    # The secretary's reason goes to the owner who must act on it, not to everyone.
    assert "March figures" not in message.body
    assert "1.3" not in message.body and "1.4" not in message.body
    [_] = mail_to(mailoutbox, cycle["lead_two"])


def test_a_lead_owing_nothing_themselves_still_hears_about_their_team(cycle, mailoutbox):
    cycle["plan"].actions.get(reference="1.5").delete()
    send(DUE_SOON)
    [message] = mail_to(mailoutbox, cycle["lead"])
    assert message.subject == "Updates on priorities you lead for 2031 Q1 are due by 14 April 2031"
    assert "2 updates owed by others on priorities you lead are due by 14 April 2031." in message.body


def test_text_and_html_both_carry_the_link_and_the_references(cycle, mailoutbox, settings):
    settings.SITE_URL = "https://plans.example.org"
    send(DUE_SOON)
    [message] = mail_to(mailoutbox, cycle["owner"])
    html = html_of(message)
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    for body in (message.body, html):
        assert "https://plans.example.org/my-updates/" in body
        assert "1.1" in body and "1.2" in body
    assert '<html lang="en-GB">' in html
    assert '<a href="https://plans.example.org/my-updates/"' in html
    assert "<h2" in html and "<li" in html


def test_no_secretary_summary_before_the_deadline(cycle, mailoutbox):
    send(DUE_SOON)
    assert mail_to(mailoutbox, cycle["secretary"]) == []


@pytest.mark.parametrize(
    "today, kind",
    [
        (DEADLINE - datetime.timedelta(days=8), None),
        (DEADLINE - datetime.timedelta(days=7), Kind.DUE_SOON),
        (DEADLINE, Kind.DUE_SOON),
        (DEADLINE + datetime.timedelta(days=1), Kind.OVERDUE),
    ],
)
def test_reminders_start_seven_days_before_the_deadline(cycle, mailoutbox, today, kind):
    send(today)
    assert [k for k, _ in logged(cycle["owner"])] == ([kind] if kind else [])
    assert len(mail_to(mailoutbox, cycle["owner"])) == (1 if kind else 0)


def test_on_the_deadline_it_says_today_is_the_last_day(cycle, mailoutbox):
    send(DEADLINE)
    [message] = mail_to(mailoutbox, cycle["owner"])
    assert "by 14 April 2031. Today is the last day." in message.body


def test_running_twice_a_day_sends_once_and_the_next_day_sends_again(cycle, mailoutbox):
    send(DUE_SOON)
    assert len(mail_to(mailoutbox, cycle["owner"])) == 1
    output = send(DUE_SOON)
    assert len(mail_to(mailoutbox, cycle["owner"])) == 1
    assert output.startswith("Queued 0 reminders (")
    send(DUE_SOON + datetime.timedelta(days=1))
    assert len(mail_to(mailoutbox, cycle["owner"])) == 2
    assert len(logged(cycle["owner"])) == 2


def test_overdue_reminds_owners_every_day(cycle, mailoutbox):
    send(OVERDUE)
    [message] = mail_to(mailoutbox, cycle["owner"])
    assert message.subject == "Your updates for 2031 Q1 are overdue"
    assert "Your 2 updates for 2031 Q1 are 2 days overdue. They were due by 14 April 2031." in message.body
    assert logged(cycle["owner"]) == [(Kind.OVERDUE, "2031-04-16")]


def test_overdue_sends_the_secretary_a_summary_of_who_is_overdue(cycle, mailoutbox):
    send(OVERDUE)
    [message] = mail_to(mailoutbox, cycle["secretary"])
    assert message.subject == "Overdue updates for 2031 Q1: 3 people"
    assert "Lee Lead: 1 update (1.5)" in message.body
    assert "Olive Owner, Reminder Test Police: 2 updates (1.1, 1.2)" in message.body
    assert "Tess Two: 1 update (2.1)" in message.body
    assert "Sid Submitted" not in message.body and "Ann Accepted" not in message.body
    assert f"/review/{cycle['period'].pk}/" in message.body
    assert "Olive Owner</strong>, Reminder Test Police: 2 updates (1.1, 1.2)" in html_of(message)
    assert logged(cycle["secretary"]) == [(Kind.SECRETARY_SUMMARY, "2031-04-16")]
    assert OutboxMessage.objects.get(recipient=cycle["secretary"]).quarter == "2031 Q1"


@pytest.mark.parametrize("status", [ReportingPeriod.Status.LOCKED, ReportingPeriod.Status.PLANNED])
def test_a_period_not_open_sends_nothing(cycle, mailoutbox, status):
    ReportingPeriod.objects.filter(pk=cycle["period"].pk).update(status=status)
    send(OVERDUE)
    ours = {cycle[name].email for name in ("secretary", "lead", "owner", "lead_two")}
    assert not [message for message in mailoutbox if ours & set(message.to)]
    assert not OutboxMessage.objects.filter(recipient__in=[cycle[n] for n in ("owner", "secretary")]).exists()


def test_people_who_left_or_were_switched_off_get_nothing(cycle, mailoutbox):
    Membership.objects.filter(user=cycle["owner"]).delete()
    cycle["lead_two"].is_active = False
    cycle["lead_two"].save()
    send(OVERDUE)
    assert mail_to(mailoutbox, cycle["owner"]) == []
    assert mail_to(mailoutbox, cycle["lead_two"]) == []
    # Their lead still sees what they owe, and the secretary why they were not reminded.
    [lead_message] = mail_to(mailoutbox, cycle["lead"])
    assert "owned by Olive Owner" in lead_message.body
    [summary] = mail_to(mailoutbox, cycle["secretary"])
    assert "Not reminded: they are no longer a member of the partnership." in summary.body
    assert "Not reminded: their account is switched off." in summary.body


def test_a_secretary_who_is_switched_off_gets_no_summary(cycle, mailoutbox):
    cycle["secretary"].is_active = False
    cycle["secretary"].save()
    send(OVERDUE)
    assert mail_to(mailoutbox, cycle["secretary"]) == []


def test_dry_run_lists_who_would_be_emailed_and_sends_and_records_nothing(cycle, mailoutbox):
    output = send(OVERDUE, "--dry-run")
    assert f"Would email Olive Owner <{cycle['owner'].email}>: overdue" in output
    assert f"Would email Sam Secretary <{cycle['secretary'].email}>: overdue summary" in output
    assert "Would send " in output
    assert mailoutbox == []
    assert not OutboxMessage.objects.filter(recipient=cycle["owner"]).exists()


def test_a_failed_send_stays_in_the_outbox_and_goes_when_the_server_is_back(cycle, mailoutbox, settings):
    settings.EMAIL_BACKEND = "tests.governance.broken_mail.MailServerDown"
    output = send(OVERDUE)
    assert output.startswith("Queued ")
    owner = cycle["owner"]
    [waiting] = OutboxMessage.objects.filter(recipient=owner)
    assert waiting.state == OutboxMessage.State.QUEUED and "Connection refused" in waiting.last_error
    assert mailoutbox == []

    # Running again the same day queues nothing more; once the server is back, the tick sends it.
    send(OVERDUE)
    assert OutboxMessage.objects.filter(recipient=owner).count() == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutboxMessage.objects.filter(state=OutboxMessage.State.QUEUED).update(next_try_at=timezone.now())
    send_due_messages()
    assert len(mail_to(mailoutbox, owner)) == 1
    assert len(mail_to(mailoutbox, cycle["lead"])) == 1


def test_a_bad_date_is_refused(db):
    with pytest.raises(CommandError, match="not a date"):
        call_command("send_reminders", "--today=16/04/2031", stdout=StringIO())


def test_finding_reminders_takes_the_same_queries_however_many_actions(cycle):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            reminders_due(today=OVERDUE)
        return len(queries)

    before = count()
    priority = cycle["plan"].priorities.get(order=2)
    for n in range(5):
        owner = factories.make_user(cycle["partnership"], Role.CONTRIBUTOR, organisation=cycle["police"])
        factories.make_action(priority, f"2.{n + 2}", owner=owner)
    factories.make_user(cycle["partnership"], Role.SECRETARY)
    assert count() == before
