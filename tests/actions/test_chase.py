"""The secretary's "Send a reminder now": who can be chased, the preview, once a day, who may."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from governance.models import Membership, OutboxMessage, Role
from priorities.models import ReportingPeriod
from tests import factories


def run_on_commit():
    while connection.run_on_commit:
        _, callback, _ = connection.run_on_commit.pop(0)
        callback()


@pytest.fixture
def owing(p1, p2, police, walsall, period, lead_a):
    """Olive (police) owes 1.1 and 1.2; Bob leads P2 and owes 2.1; 1.3 is submitted; 1.4 nobody."""
    olive = factories.make_user(walsall, Role.CONTRIBUTOR, full_name="Olive Owner", organisation=police)
    for ref in ("1.1", "1.2"):
        factories.make_action(
            p1, ref, objective=f"Objective {ref}", owner=olive
        ).responsible_organisations.add(police)
    done = factories.make_action(p1, "1.3", owner=lead_a)
    factories.make_update(done, period, state="submitted", rag="green", submitted_at=timezone.now())
    factories.make_action(p2, "2.1", objective="Train staff")
    gone = factories.make_user(walsall, Role.CONTRIBUTOR, full_name="Gone Person")
    factories.make_action(p2, "2.2", owner=gone)
    Membership.objects.filter(user=gone).delete()
    return olive


def chase_url(period):
    return reverse("actions:chase", args=[period.pk])


def send_url(period, **query):
    key, value = next(iter(query.items()))
    return f"{reverse('actions:chase_send', args=[period.pk])}?{key}={value}"


def test_the_chase_page_lists_who_owes_by_organisation(client, secretary, owing, period, police, lead_b):
    client.force_login(secretary)
    content = client.get(chase_url(period)).content.decode()
    assert "Test Police" in content and "Olive Owner" in content and "1.1, 1.2" in content
    assert f"?organisation={police.pk}" in content and f"?person={owing.pk}" in content
    assert f"?person={lead_b.pk}" in content  # owes 2.1 as P2's lead
    assert "1.3" not in content  # submitted
    assert "can sign in, so no reminder can go: 2.2" in content
    assert (
        reverse("actions:chase", args=[period.pk])
        in client.get(reverse("actions:review_period", args=[period.pk])).content.decode()
    )


def test_the_preview_shows_the_email_and_sends_nothing(client, secretary, owing, period, mailoutbox):
    client.force_login(secretary)
    content = client.get(send_url(period, person=owing.pk)).content.decode()
    assert "Send a reminder now to Olive Owner" in content
    assert "Your updates for 2020 Q1" in content  # the subject
    assert "1.1 Objective 1.1" in content and "Send this reminder now" in content
    assert not OutboxMessage.objects.exists()


def test_sending_reminds_once_a_day_and_is_logged(client, secretary, owing, period, mailoutbox, caplog):
    client.force_login(secretary)
    response = client.post(send_url(period, person=owing.pk))
    assert response.status_code == 302 and response.url == chase_url(period)
    run_on_commit()
    [email] = mailoutbox
    assert email.to == [owing.email] and "1.1 Objective 1.1" in email.body and "1.3" not in email.body
    message = OutboxMessage.objects.get(recipient=owing)
    assert (message.kind, message.quarter) == (OutboxMessage.Kind.CHASE, "2020 Q1")
    assert any(r.getMessage() == "reminders_chased" for r in caplog.records)
    content = client.get(chase_url(period)).content.decode()
    assert "Reminder sent to Olive Owner" in content and "Reminded today" in content

    # The same day again: refused with a reason, nothing more queued.
    response = client.post(send_url(period, person=owing.pk), follow=True)
    assert "Already reminded today, so not sent again: Olive Owner" in response.content.decode()
    run_on_commit()
    assert len(mailoutbox) == 1 and OutboxMessage.objects.filter(recipient=owing).count() == 1


def test_chasing_an_organisation_reminds_each_person_there(
    client, secretary, owing, period, police, lead_b, mailoutbox
):
    client.force_login(secretary)
    content = client.get(send_url(period, organisation=police.pk)).content.decode()
    assert "everyone at Test Police who still owes updates" in content
    client.post(send_url(period, organisation=police.pk))
    run_on_commit()
    assert [m.to for m in mailoutbox] == [[owing.email]]  # not Bob, who is not at the police


@pytest.mark.parametrize(
    "query", [{"person": "999999"}, {"person": "x"}, {"organisation": "abc"}, {"nobody": "1"}]
)
def test_someone_who_owes_nothing_cannot_be_chased(
    client, secretary, owing, period, lead_a, query, mailoutbox
):
    client.force_login(secretary)
    response = client.post(send_url(period, **query), follow=True)
    assert "Nobody there still owes an update for 2020 Q1" in response.content.decode()
    # lead_a submitted their update: nothing to chase them for either.
    client.post(send_url(period, person=lead_a.pk))
    assert not OutboxMessage.objects.exists()


def test_a_locked_quarter_cannot_be_chased(client, secretary, owing, period):
    ReportingPeriod.objects.filter(pk=period.pk).update(status=ReportingPeriod.Status.LOCKED)
    client.force_login(secretary)
    assert "reminders go only while a quarter is open" in client.get(chase_url(period)).content.decode()
    response = client.post(send_url(period, person=owing.pk), follow=True)
    assert "2020 Q1 is locked: reminders go only while a quarter is open." in response.content.decode()
    assert not OutboxMessage.objects.exists()


def test_a_viewer_or_lead_may_not_chase(client, viewer, lead_a, owing, period):
    for user in (viewer, lead_a):
        client.force_login(user)
        assert client.get(chase_url(period)).status_code == 403
        assert client.post(send_url(period, person=owing.pk)).status_code == 403
    assert not OutboxMessage.objects.exists()


def test_another_partnerships_quarter_is_not_found(client, outsider, owing, period):
    client.force_login(outsider)
    assert client.get(chase_url(period)).status_code == 404
    assert client.post(send_url(period, person=owing.pk)).status_code == 404
    assert not OutboxMessage.objects.exists()


def test_the_chase_page_takes_the_same_queries_however_many_people_owe(
    client, secretary, owing, period, p1, walsall, police, django_assert_max_num_queries
):
    client.force_login(secretary)
    client.get(chase_url(period))
    for n in range(5, 15):
        person = factories.make_user(walsall, Role.CONTRIBUTOR, organisation=police)
        factories.make_action(p1, f"1.{n}", owner=person).responsible_organisations.add(police)
    with django_assert_max_num_queries(16):
        assert client.get(chase_url(period)).status_code == 200
