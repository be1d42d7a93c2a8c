"""Who hears what as the quarter moves, and who does not: another partnership, a viewer, the person
who made the change. Emails go through the outbox once the change is saved (on commit)."""

import pytest
from django.db import connection
from django.urls import reverse

from actions import services
from actions.models import ActionUpdate, Rag
from actions.services import UpdateInput
from governance.digests import send_digests
from governance.models import DigestLine, EmailPreferences, Membership, OutboxMessage, Role
from priorities.models import ReportingPeriod
from tests import factories


def run_on_commit() -> None:
    """What would run when the test's transaction commits (the outbox asking the worker to send),
    as Django's captureOnCommitCallbacks(execute=True) runs it."""
    while connection.run_on_commit:
        _, callback, _ = connection.run_on_commit.pop(0)
        callback()


@pytest.fixture
def sent(mailoutbox):
    """The emails sent so far, once what waits for the transaction to commit has run."""

    class Sent:
        def __call__(self):
            run_on_commit()
            return mailoutbox

        def to(self, user):
            return [m for m in self() if m.to == [user.email]]

        def everyone(self):
            return {address for m in self() for address in m.to}

    return Sent()


@pytest.fixture
def owner(walsall):
    return factories.make_user(walsall, Role.CONTRIBUTOR, full_name="Olive Owner")


@pytest.fixture
def action(p1, owner):
    return factories.make_action(p1, "1.2", objective="Map knife crime hotspots", owner=owner)


def submit(action, period, by, *, expected_version=0):
    return services.save_update(
        action=action,
        period=period,
        by=by,
        expected_version=expected_version,
        data=UpdateInput(rag=Rag.AMBER, progress="Mapped two wards", recovery_plan="More analysts"),
        submit=True,
    )


class TestQuarterOpened:
    def test_everyone_who_owes_an_update_gets_their_list_and_the_deadline(
        self,
        client,
        secretary,
        plan,
        p1,
        p2,
        owner,
        lead_a,
        lead_b,
        viewer,
        outsider,
        mailoutbox,
        settings,
        django_capture_on_commit_callbacks,
    ):
        period = factories.make_period(plan, 2, status=ReportingPeriod.Status.PLANNED)
        factories.make_action(p1, "1.1", objective="Run knife crime workshops", owner=owner)
        factories.make_action(p1, "1.3", objective="Review the violence strategy")  # the lead owes it
        factories.make_action(p2, "2.1", objective="Train staff", owner=owner)
        client.force_login(secretary)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("actions:manage_period", args=[period.pk]),
                {
                    "open-update_deadline_0": "14",
                    "open-update_deadline_1": "7",
                    "open-update_deadline_2": "2020",
                    "open": "",
                },
            )
        to = {m.to[0]: m for m in mailoutbox}
        assert set(to) == {owner.email, lead_a.email}
        message = to[owner.email]
        assert message.subject == "2020 Q2 is open: your 2 updates are due by 14 July 2020"
        assert "1.1 Run knife crime workshops\n    Not started" in message.body
        assert "2.1 Train staff" in message.body
        assert "1.3" not in message.body
        assert f"{settings.SITE_URL}/my-updates/" in message.body
        assert "1.3 Review the violence strategy" in to[lead_a.email].body
        assert viewer.email not in to and outsider.email not in to and secretary.email not in to

    def test_reopening_does_not_tell_them_again(self, secretary, plan, p1, owner, sent):
        from actions.notifications import quarter_opened

        factories.make_action(p1, "1.1", owner=owner)
        period = factories.make_period(plan, 2)
        quarter_opened(period=period)
        quarter_opened(period=period)
        assert len(sent.to(owner)) == 1


class TestReturned:
    def test_the_owner_and_the_lead_get_the_secretarys_comment(
        self, client, secretary, action, period, owner, lead_a, viewer, outsider, settings, sent
    ):
        settings.SITE_URL = "https://plans.example.org"
        update = submit(action, period, owner)
        client.force_login(secretary)
        client.post(
            reverse("actions:review_update", args=[update.pk]),
            {"decision": "return", "comment": "Add the ward names, please.", "version": str(update.version)},
        )
        [to_owner] = sent.to(owner)
        assert to_owner.subject == "1.2 returned for changes: 2020 Q1 update"
        assert "Add the ward names, please." in to_owner.body
        link = f"https://plans.example.org/actions/{action.pk}/updates/{period.pk}/"
        assert link in to_owner.body and f'href="{link}"' in to_owner.alternatives[0][0]
        assert "submit it again by" in to_owner.body
        [to_lead] = sent.to(lead_a)
        assert "which Olive Owner gives for your priority" in to_lead.body
        assert sent.everyone() == {owner.email, lead_a.email}
        assert OutboxMessage.objects.get(recipient=owner).get_kind_display() == "Update returned"

    def test_a_lead_who_gives_the_update_gets_one_email(self, secretary, p1, period, lead_a, sent):
        own = factories.make_action(p1, "1.5", objective="Review the strategy")  # no owner: the lead gives it
        update = submit(own, period, lead_a)
        services.return_update(update=update, by=secretary, expected_version=update.version, comment="Dates?")
        [message] = sent.to(lead_a)
        assert "submit it again by" in message.body and "for your priority" not in message.body

    def test_returns_cannot_be_switched_off(self, secretary, action, period, owner, sent):
        EmailPreferences.objects.create(user=owner, digests=False, comments=False, pack_issued=False)
        update = submit(action, period, owner)
        services.return_update(update=update, by=secretary, expected_version=update.version, comment="Why?")
        assert len(sent.to(owner)) == 1


class TestComments:
    def test_the_other_people_on_the_update_are_told(
        self, client, secretary, action, period, owner, lead_a, lead_b, viewer, outsider, sent
    ):
        update = submit(action, period, owner)
        client.force_login(owner)
        client.post(reverse("actions:add_comment", args=[update.pk]), {"body": "Figures attached."})
        [to_lead] = sent.to(lead_a)
        assert to_lead.subject == "Olive Owner commented on 1.2: 2020 Q1 update"
        assert "Figures attached." in to_lead.body
        assert sent.to(owner) == []  # not the author
        # The secretary has not taken part yet; a lead of another priority, a viewer, an outsider never.
        assert sent.everyone() == {lead_a.email}

        client.force_login(secretary)
        client.post(reverse("actions:add_comment", args=[update.pk]), {"body": "Thanks, which wards?"})
        assert [m.subject for m in sent.to(owner)] == ["Sam Secretary commented on 1.2: 2020 Q1 update"]
        assert len(sent.to(lead_a)) == 2
        # Then the secretary is on it, and hears the owner's reply, with a link to review it.
        client.force_login(owner)
        client.post(reverse("actions:add_comment", args=[update.pk]), {"body": "Two wards."})
        [reply] = sent.to(secretary)
        assert reverse("actions:review_update", args=[update.pk]) in reply.body

    def test_comment_emails_can_be_switched_off(self, client, action, period, owner, lead_a, sent):
        EmailPreferences.objects.create(user=lead_a, comments=False)
        update = submit(action, period, owner)
        client.force_login(owner)
        client.post(reverse("actions:add_comment", args=[update.pk]), {"body": "Figures attached."})
        assert sent.to(lead_a) == []

    def test_a_refused_comment_tells_nobody(self, client, action, period, owner, lead_a, sent):
        update = submit(action, period, owner)
        client.force_login(owner)
        client.post(reverse("actions:add_comment", args=[update.pk]), {"body": ""})
        assert sent() == []


class TestDigest:
    def test_submitted_and_accepted_go_into_one_summary_per_person(
        self, secretary, action, p1, period, owner, lead_a, viewer, outsider, sent
    ):
        other = factories.make_action(p1, "1.3", objective="Review the strategy")  # lead_a owes it
        update = submit(action, period, owner)
        own = submit(other, period, lead_a)
        assert sent() == []  # nothing by email per item
        services.accept_update(update=update, by=secretary, expected_version=update.version)
        services.accept_update(update=own, by=secretary, expected_version=own.version)
        assert send_digests() == 3
        [to_owner] = sent.to(owner)
        assert to_owner.subject == "Today in the Safer Test Partnership plan: 1 update"
        assert "1.2 Map knife crime hotspots: 2020 Q1 update accepted by Sam Secretary" in to_owner.body
        [to_lead] = sent.to(lead_a)
        assert "1.2 Map knife crime hotspots: 2020 Q1 update submitted by Olive Owner" in to_lead.body
        assert "1.2 Map knife crime hotspots: 2020 Q1 update accepted by Sam Secretary" in to_lead.body
        assert "1.3 Review the strategy: 2020 Q1 update accepted by Sam Secretary" in to_lead.body
        assert "1.3 Review the strategy: 2020 Q1 update submitted" not in to_lead.body  # their own doing
        [to_secretary] = sent.to(secretary)
        assert "submitted by Olive Owner" in to_secretary.body and "accepted" not in to_secretary.body
        assert sent.everyone() == {owner.email, lead_a.email, secretary.email}
        # Each line is in exactly one summary.
        assert not DigestLine.objects.exists()
        assert send_digests() == 0
        assert len(sent()) == 3

    def test_a_spreadsheet_of_updates_is_one_line_not_one_per_update(
        self, p1, period, lead_a, secretary, sent
    ):
        from actions.notifications import updates_submitted

        actions = [factories.make_action(p1, f"1.{n}") for n in range(1, 26)]
        updates_submitted(period=period, action_ids=[a.pk for a in actions], by=lead_a)
        [line] = DigestLine.objects.filter(recipient=secretary)
        assert line.text.startswith("25 2020 Q1 updates submitted by Alice Lead: 1.1, 1.2, 1.3")
        assert line.text.endswith("and 5 more")

    def test_the_summary_can_be_switched_off(self, secretary, action, period, owner, sent):
        EmailPreferences.objects.create(user=secretary, digests=False)
        submit(action, period, owner)
        send_digests()
        assert sent.to(secretary) == []

    def test_someone_who_left_the_partnership_gets_no_summary(self, secretary, action, period, owner, sent):
        submit(action, period, owner)
        Membership.objects.filter(user=secretary).delete()
        send_digests()
        assert sent.to(secretary) == []


def test_a_draft_tells_nobody(action, period, owner, lead_a, sent):
    services.save_update(
        action=action,
        period=period,
        by=owner,
        expected_version=0,
        data=UpdateInput(rag=Rag.GREEN, progress="Started"),
        submit=False,
    )
    assert not DigestLine.objects.exists()
    assert ActionUpdate.objects.get(action=action).state == ActionUpdate.State.DRAFT
