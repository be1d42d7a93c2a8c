"""The lead's update form shows their last quarter's update and the secretary's last comment
(issue 16, item 6)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from actions import services
from actions.models import ActionUpdate, Rag, UpdateComment
from priorities.models import ReportingPeriod
from tests import factories


@pytest.fixture
def second_quarter(plan, p1, lead_a, secretary):
    q1 = factories.make_period(plan, 1, status=ReportingPeriod.Status.LOCKED)
    q2 = factories.make_period(plan, 2)
    action = factories.make_action(p1, "1.1", overall_objective="Reduce knife crime")
    last = factories.make_update(
        action,
        q1,
        rag=Rag.AMBER,
        state=ActionUpdate.State.ACCEPTED,
        submitted_at=timezone.now(),
        progress="Knife arches bought for two schools.",
        recovery_plan="Waiting for the third school's governors.",
    )
    UpdateComment.objects.create(update=last, author=secretary, body="Please name the schools next time.")
    UpdateComment.objects.create(update=last, author=lead_a, body="Will do.")
    return {"action": action, "q1": q1, "q2": q2}


def _form(client, action, period):
    return client.get(reverse("actions:edit_update", args=[action.pk, period.pk])).content.decode()


def test_the_form_shows_last_quarters_update_and_the_secretarys_last_comment(client, lead_a, second_quarter):
    client.force_login(lead_a)
    content = _form(client, second_quarter["action"], second_quarter["q2"])
    assert "Your 2020 Q1 update" in content
    assert "Knife arches bought for two schools." in content
    assert "Waiting for the third school&#x27;s governors." in content
    assert "app-rag--amber" in content
    assert "The secretary's last comment" in content
    assert "Please name the schools next time." in content and "Sam Secretary" in content


def test_the_leads_own_comment_is_not_the_secretarys(client, lead_a, second_quarter, secretary):
    UpdateComment.objects.filter(author=secretary).delete()
    client.force_login(lead_a)
    content = _form(client, second_quarter["action"], second_quarter["q2"])
    assert "The secretary's last comment" not in content


def test_a_return_is_the_secretarys_latest_word(client, lead_a, secretary, second_quarter):
    action, q2 = second_quarter["action"], second_quarter["q2"]
    update = services.save_update(
        action=action,
        period=q2,
        by=lead_a,
        expected_version=0,
        data=services.UpdateInput(rag=Rag.GREEN, progress="All three schools have arches."),
        submit=True,
    )
    services.return_update(
        update=update, by=secretary, expected_version=update.version, comment="Which ones?"
    )
    client.force_login(lead_a)
    content = _form(client, action, q2)
    inset = content[content.index("The secretary's last comment") :]
    assert "Returned: Which ones?" in inset and "on the 2020 Q2 update" in inset


def test_the_first_quarter_has_no_last_quarter(client, lead_a, second_quarter):
    client.force_login(lead_a)
    content = _form(client, second_quarter["action"], second_quarter["q1"])
    assert "Your 2020 Q1 update" not in content and "No update was reported" not in content


def test_a_quarter_after_a_missed_one_says_so(client, lead_a, second_quarter, plan):
    q3 = factories.make_period(plan, 3)
    client.force_login(lead_a)
    assert "No update was reported for 2020 Q2." in _form(client, second_quarter["action"], q3)
