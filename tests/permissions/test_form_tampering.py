"""SEC-06: a form takes only its own fields and the version it was given."""

import pytest
from django.urls import reverse

from actions.models import Action, ActionUpdate, Rag
from priorities.models import ReportingPeriod
from tests import factories
from tests.permissions.clients import client_for
from tests.permissions.operations import snapshot, update_payload

pytestmark = pytest.mark.usefixtures("two_factor_enforced")


def test_a_lead_cannot_set_fields_the_update_form_does_not_have(w, users):
    """SEC-06: extra fields posted with a valid update are ignored; only the form's fields change."""
    lead_a, lead_b, secretary = users["lead"], users["other_lead"], users["secretary"]
    other_action = factories.make_action(w.p2, "2.1", owner=lead_b)
    other_period = factories.make_period(w.plan, 3, status=ReportingPeriod.Status.PLANNED)
    version = w.update.version
    tampered = {
        **update_payload(w),
        "priority": w.p2.pk,
        "owner": lead_b.pk,
        "state": ActionUpdate.State.ACCEPTED,
        "reviewed_by": secretary.pk,
        "action": other_action.pk,
        "period": other_period.pk,
        "submitted_by": lead_b.pk,
    }
    response = client_for(lead_a).post(w.edit_url, tampered)
    assert response.status_code == 302

    update = ActionUpdate.objects.get(pk=w.update.pk)
    assert (update.action_id, update.period_id) == (w.action.pk, w.period.pk)
    assert (update.rag, update.progress, update.recovery_plan) == (
        Rag.AMBER,
        "Two of three ward walkabouts held.",
        "The third is booked for April.",
    )
    assert update.proposed_deadline.isoformat() == "2021-03-31"
    assert update.state == ActionUpdate.State.SUBMITTED
    assert update.submitted_by == lead_a
    assert update.reviewed_by is None
    assert update.version == version + 1
    action = Action.objects.get(pk=w.action.pk)
    assert (action.priority_id, action.owner_id) == (w.action.priority_id, w.action.owner_id)
    assert not ActionUpdate.objects.filter(action=other_action).exists()
    assert not ActionUpdate.objects.filter(period=other_period).exists()


def test_a_posted_version_cannot_be_forced(w, users):
    """SEC-06: a made-up version is a conflict, not a way to overwrite the row."""
    before = snapshot(w)
    response = client_for(users["lead"]).post(w.edit_url, update_payload(w, version=999))
    assert response.status_code == 409
    assert snapshot(w) == before


OUT_OF_DATE = "This page is out of date. Reload it and make your changes again"
# Each form with a hidden version: who posts it, where, and a valid post but for the version.
VERSIONED_FORMS = {
    "update": ("lead", lambda w: w.edit_url, update_payload),
    "review": (
        "secretary",
        lambda w: reverse("actions:review_update", args=[w.update.pk]),
        lambda w: {"decision": "accept", "comment": ""},
    ),
    "reading": ("lead", lambda w: w.reading_url, lambda w: {"value": "12", "narrative": ""}),
}


def error_summary(content: str) -> str:
    return content.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]


@pytest.mark.parametrize("form", VERSIONED_FORMS)
@pytest.mark.parametrize("version", ["", "two", "-1", "1.5"])
def test_a_tampered_version_says_the_page_is_out_of_date_and_saves_nothing(w, users, form, version):
    role, url, payload = VERSIONED_FORMS[form]
    before = snapshot(w)

    response = client_for(users[role]).post(url(w), {**payload(w), "version": version})

    content = response.content.decode()
    assert response.status_code == 200
    assert OUT_OF_DATE in error_summary(content)
    assert content.count(OUT_OF_DATE) == 1
    assert snapshot(w) == before
