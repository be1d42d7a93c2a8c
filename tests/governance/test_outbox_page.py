"""/outbox/: what was emailed this quarter, to whom, and whether it went; for the secretary and admins."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import OutboxMessage

URL = reverse("governance:outbox")


def email(partnership, recipient, quarter="2020 Q1", state="sent", n=1, **fields):
    return OutboxMessage.objects.create(
        key=f"test:{recipient.pk}:{quarter}:{n}:{state}",
        kind="reminder",
        partnership=partnership,
        quarter=quarter,
        recipient=recipient,
        to_address=recipient.email,
        subject=f"Your updates for {quarter} are overdue",
        text="Dear Alice, the secret body",
        html="<p>Dear Alice</p>",
        state=state,
        sent_at=timezone.now() if state == "sent" else None,
        **fields,
    )


@pytest.fixture
def emails(walsall, lead_a, lead_b):
    email(walsall, lead_a)
    email(walsall, lead_b, state="queued", attempts=2, last_error="ConnectionRefusedError: refused")
    email(walsall, lead_b, state="failed", attempts=10, n=2)
    email(walsall, lead_a, quarter="2019 Q4", created_at=timezone.now() - datetime.timedelta(days=90))


def test_the_secretary_sees_who_was_sent_what_and_whether_it_went(client, secretary, emails, settings):
    settings.DEBUG = False
    client.force_login(secretary)
    content = client.get(URL).content.decode()
    assert "Emails about 2020 Q1" in content
    assert "1 sent, 1 waiting to be sent, 1 not sent." in content
    assert "Alice Lead" in content and "Bob Lead" in content
    assert "Reminder: Your updates for 2020 Q1 are overdue" in content
    assert "tried 2 times, next try at" in content and "<strong>Not sent</strong>: tried 10 times" in content
    # Not the text of anyone's email, nor the raw error, outside DEBUG.
    assert "the secret body" not in content and "ConnectionRefusedError" not in content
    other = client.get(URL, {"quarter": "2019 Q4"}).content.decode()
    assert "Emails about 2019 Q4" in other and "Bob Lead" not in other


def test_in_debug_the_emails_can_be_read(client, admin_user, emails, settings):
    settings.DEBUG = True
    client.force_login(admin_user)
    content = client.get(URL).content.decode()
    assert "the secret body" in content and "Read the email" in content


def test_an_unknown_quarter_shows_the_latest(client, secretary, emails):
    client.force_login(secretary)
    assert "Emails about 2020 Q1" in client.get(URL, {"quarter": "<script>"}).content.decode()


def test_no_emails_yet(client, secretary):
    client.force_login(secretary)
    assert "No emails yet." in client.get(URL).content.decode()


def test_viewers_and_leads_may_not_see_it(client, viewer, lead_a, emails):
    for user in (viewer, lead_a):
        client.force_login(user)
        assert client.get(URL).status_code == 403


def test_another_partnership_sees_only_its_own(client, outsider, emails):
    client.force_login(outsider)
    content = client.get(URL).content.decode()
    assert "No emails yet." in content and "Alice Lead" not in content


def test_the_page_takes_the_same_queries_however_many_emails(
    client, secretary, walsall, lead_a, emails, django_assert_max_num_queries
):
    client.force_login(secretary)
    for n in range(2, 40):
        email(walsall, lead_a, n=n)
    with django_assert_max_num_queries(12):
        client.get(URL)
