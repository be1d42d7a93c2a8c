import pytest
from django.urls import reverse
from django.utils.html import escape

from governance.models import User
from priorities.models import Plan, Priority

pytestmark = pytest.mark.usefixtures("demo")


def test_home_lists_published_plans(client):
    response = client.get(reverse("reports:home"))
    assert response.status_code == 200
    assert "Safer Walsall Partnership Plan 2020" in response.content.decode()


def test_public_plan_shows_vision_aims_and_every_priority_with_its_lead_partner(client):
    response = client.get(reverse("reports:public_plan", args=["safer-walsall"]))
    content = response.content.decode()
    assert response.status_code == 200
    plan = Plan.objects.get(partnership__slug="safer-walsall")
    assert escape(plan.vision) in content
    for aim in plan.aims.all():
        assert escape(aim.text) in content
    for priority in Priority.objects.filter(plan=plan).select_related("lead_organisation"):
        assert escape(priority.title) in content
        assert escape(priority.lead_organisation.name) in content
    assert "Continue to listen to our communities" in content
    assert "Over the next three years we will" in content


def test_public_plan_names_no_officer(client):
    content = client.get(reverse("reports:public_plan", args=["safer-walsall"])).content.decode()
    for person in User.objects.all():
        assert person.full_name not in content
        assert person.email not in content


def test_an_unpublished_plan_is_not_shown(client):
    Plan.objects.update(is_published=False)
    assert client.get(reverse("reports:public_plan", args=["safer-walsall"])).status_code == 404
    assert "Safer Walsall Partnership Plan 2020" not in client.get(reverse("reports:home")).content.decode()


def test_an_unknown_partnership_is_not_found(client):
    assert client.get(reverse("reports:public_plan", args=["nowhere"])).status_code == 404


def test_public_plan_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get(reverse("reports:public_plan", args=["safer-walsall"]))


def test_the_public_query_count_does_not_grow_with_the_plan(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests import factories

    url = reverse("reports:public_plan", args=["safer-walsall"])
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    priority = Priority.objects.get(plan__partnership__slug="safer-walsall", order=2)
    for n in range(20):
        factories.make_action(priority, f"2.{100 + n}")
        factories.make_measure(priority, 10 + n)
    with CaptureQueriesContext(connection) as after:
        content = client.get(url).content.decode()
    assert len(after) == len(before)
    assert content.count("Deliver objective") == 20 and "Measure 29" in content
