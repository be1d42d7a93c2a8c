"""The outbox: an email is written with the change that causes it, sent once, retried, never lost."""

import datetime
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.utils import timezone

from governance import email_sending
from governance.models import EmailPreferences, OutboxMessage, Role
from governance.outbox import queue_email
from tests import factories

DOWN = "tests.governance.broken_mail.MailServerDown"


@pytest.fixture
def person(walsall):
    return factories.make_user(walsall, Role.CONTRIBUTOR, full_name="Olive Owner")


def queue(person, partnership, key="returned:1:to-olive", **extra):
    action = SimpleNamespace(reference="1.2", short_title="Map hotspots")
    period = SimpleNamespace(label="2031 Q1", update_deadline=datetime.date(2031, 4, 14))
    return queue_email(
        key=key,
        kind=OutboxMessage.Kind.RETURNED,
        recipient=person,
        partnership=partnership,
        quarter="2031 Q1",
        template="actions/email/returned",
        context={
            "action": action,
            "period": period,
            "reviewer": "Sam Secretary",
            "comment": "Add the March figures.",
            "url": "http://testserver/x/",
        },
        **extra,
    )


def test_an_email_is_sent_once_its_transaction_commits(
    person, walsall, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue(person, walsall)
        assert mailoutbox == []  # not before the change is saved
    [email] = mailoutbox
    assert email.to == [person.email]
    assert email.subject == "1.2 returned for changes: 2031 Q1 update"
    assert "Add the March figures." in email.body
    assert "Add the March figures." in email.alternatives[0][0]
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.SENT and message.attempts == 1


def test_no_email_for_a_change_that_was_rolled_back(
    person, walsall, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            queue(person, walsall)
            raise RuntimeError("the change failed")
    assert mailoutbox == []
    assert not OutboxMessage.objects.filter(key="returned:1:to-olive").exists()


def test_queuing_the_same_email_twice_sends_it_once(
    person, walsall, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = queue(person, walsall)
        second = queue(person, walsall)
    assert first.pk == second.pk
    assert len(mailoutbox) == 1


def test_sending_a_message_twice_sends_it_once(person, walsall, mailoutbox):
    message = queue(person, walsall)
    assert email_sending.send_message(message.pk) == "sent"
    assert email_sending.send_message(message.pk) == "skipped"
    assert len(mailoutbox) == 1


def test_a_failed_send_is_kept_and_tried_again_with_back_off(person, walsall, mailoutbox, settings):
    message = queue(person, walsall)
    settings.EMAIL_BACKEND = DOWN
    before = timezone.now()
    assert email_sending.send_message(message.pk) == "retry"
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.QUEUED
    assert message.attempts == 1
    assert "Connection refused" in message.last_error
    assert (
        before + datetime.timedelta(seconds=55) < message.next_try_at < before + datetime.timedelta(minutes=2)
    )
    # Not yet due: the minute tick leaves it alone.
    assert email_sending.send_due_messages() == {}

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutboxMessage.objects.filter(pk=message.pk).update(next_try_at=timezone.now())
    assert email_sending.send_due_messages() == {"sent": 1}
    assert [m.to for m in mailoutbox] == [[person.email]]
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.SENT and message.last_error == ""


def test_back_off_is_1_5_15_60_minutes_then_every_4_hours():
    minutes = [email_sending.retry_delay(n).total_seconds() / 60 for n in range(1, 8)]
    assert minutes == [1, 5, 15, 60, 240, 240, 240]


def test_after_ten_failed_tries_a_message_is_marked_not_sent(person, walsall, mailoutbox, settings):
    message = queue(person, walsall)
    settings.EMAIL_BACKEND = DOWN
    outcomes = []
    for _ in range(10):
        OutboxMessage.objects.filter(pk=message.pk).update(next_try_at=timezone.now())
        outcomes.append(email_sending.send_message(message.pk))
    assert outcomes == ["retry"] * 9 + ["failed"]
    message.refresh_from_db()
    assert message.get_state_display() == "Not sent"
    assert email_sending.send_message(message.pk) == "skipped"


def test_an_hour_without_a_mail_server_delays_email_and_loses_none(person, walsall, mailoutbox, settings):
    message = queue(person, walsall)
    settings.EMAIL_BACKEND = DOWN
    clock = timezone.now()
    # Tries at 0, 1, 6 and 21 minutes fail; the next is at 81 minutes, when the server is back.
    for _ in range(4):
        OutboxMessage.objects.filter(pk=message.pk).update(next_try_at=clock)
        email_sending.send_message(message.pk)
        message.refresh_from_db()
        clock = message.next_try_at
    assert message.attempts == 4 and message.state == OutboxMessage.State.QUEUED
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutboxMessage.objects.filter(pk=message.pk).update(next_try_at=timezone.now())
    email_sending.send_due_messages()
    assert len(mailoutbox) == 1


def test_an_optional_email_switched_off_is_not_queued(person, walsall):
    EmailPreferences.objects.create(user=person, comments=False)
    assert queue(person, walsall, preference="comments") is None
    assert queue(person, walsall, key="other", preference="pack_issued") is not None


def test_nobody_is_emailed_at_a_switched_off_account(person, walsall):
    person.is_active = False
    person.save()
    assert queue(person, walsall) is None
