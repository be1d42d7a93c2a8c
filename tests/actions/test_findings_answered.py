"""Actions say which consultation findings they answer: "you told us, we did"."""

from django.urls import reverse
from django.utils.html import escape

from actions.models import Action
from governance.models import User
from priorities.models import ConsultationFinding


def test_the_demo_links_findings_to_the_commitments_that_answer_them(demo):
    finding = ConsultationFinding.objects.get(consultation__plan__partnership__slug="safer-walsall", order=2)

    assert sorted(finding.answered_by.values_list("reference", flat=True)) == ["1.1", "2.2"]


def test_an_action_page_shows_what_it_answers(client, demo):
    action = Action.objects.get(plan__partnership__slug="safer-walsall", reference="1.1")
    client.force_login(User.objects.get(email="officer@demo.example"))

    body = client.get(reverse("actions:detail", args=[action.pk])).content.decode()

    assert "You told us" in body
    assert escape("“You also told us that you wanted to be at the heart of local decision making") in body


def test_the_link_is_kept_in_the_actions_history(demo):
    action = Action.objects.get(plan__partnership__slug="safer-walsall", reference="2.2")

    assert action.history.first().answers.count() == 1
