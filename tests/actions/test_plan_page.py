import pytest
from django.urls import reverse

from governance.models import Role, User
from tests import factories

URL = reverse("actions:plan")


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_member_sees_their_plans_priorities_and_actions(client, lead_a, p1, p2):
    factories.make_action(p1, "1.1", overall_objective="Listen to our communities")
    factories.make_action(p2, "2.1", overall_objective="Increase hate crime reporting")
    client.force_login(lead_a)
    content = client.get(URL).content.decode()
    for text in (
        "Test Plan 2020",
        "Violence reduction",
        "Prevent extremist activity",
        "Listen to our communities",
        "Increase hate crime reporting",
        "Alice Lead",
    ):
        assert text in content


def test_rag_is_shown_as_a_word_not_only_a_colour(client, lead_a, p1, period):
    from django.utils import timezone

    action = factories.make_action(p1, "1.1")
    factories.make_update(
        action,
        period,
        rag="amber",
        recovery_plan="More staff",
        state="submitted",
        submitted_at=timezone.now(),
    )
    client.force_login(lead_a)
    content = client.get(URL).content.decode()
    assert 'class="app-rag app-rag--amber">Amber</strong>' in content


def test_a_person_with_no_role_is_refused(client, db):
    client.force_login(factories.make_user(None, None))
    assert client.get(URL).status_code == 403


def test_another_partnerships_member_sees_only_their_own_plan(client, outsider, elsewhere, p1):
    factories.make_action(p1, "1.1", overall_objective="Walsall-only objective")
    factories.make_plan(elsewhere, title="Elsewhere Plan")
    client.force_login(outsider)
    content = client.get(URL).content.decode()
    assert "Elsewhere Plan" in content
    assert "Walsall-only objective" not in content and "Test Plan 2020" not in content


def test_a_new_partnerships_admin_is_shown_where_its_plan_comes_from(client, outsider):
    """Not "Page not found": the menu's Plan actions is where a new admin looks for how to start."""
    client.force_login(outsider)
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Elsewhere Partnership has no plan yet." in content
    assert f'href="{reverse("plan_workbook:index")}">Load the plan from a workbook</a>' in content


def test_a_new_partnerships_other_members_are_told_the_admin_loads_the_plan(client, elsewhere):
    client.force_login(factories.make_user(elsewhere, Role.CONTRIBUTOR))
    content = client.get(URL).content.decode()
    assert "The partnership's admin loads it." in content
    assert "Load the plan from a workbook" not in content


def test_someone_with_no_role_is_still_refused(client, db):
    client.force_login(factories.make_user(None, None))
    assert client.get(URL).status_code == 403


@pytest.mark.usefixtures("demo")
def test_the_walsall_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    client.force_login(User.objects.get(email="officer@demo.example"))
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    assert response.status_code == 200
    assert response.content.decode().count('class="app-rag') == 64


def _queries_for(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.usefixtures("demo")
def test_the_query_count_does_not_grow_with_the_plan(client):
    from django.utils import timezone

    from actions.models import Action
    from priorities.models import Priority, ReportingPeriod

    client.force_login(User.objects.get(email="officer@demo.example"))
    before = _queries_for(client, URL)
    priority = Priority.objects.get(plan__partnership__slug="safer-walsall", order=1)
    period = ReportingPeriod.objects.get(plan=priority.plan, label="2020 Q1")
    organisation = priority.lead_organisation
    for n in range(30):
        action = factories.make_action(priority, f"1.{100 + n}", owner=priority.lead_officer)
        action.responsible_organisations.add(organisation)
        factories.make_update(action, period, rag="green", state="accepted", submitted_at=timezone.now())
    assert Action.objects.filter(priority=priority).count() == 40
    assert _queries_for(client, URL) == before


def test_sign_in_lands_each_person_where_their_work_is(client, secretary, lead_a, viewer, p1, elsewhere):
    start = reverse("actions:start")
    client.force_login(secretary)
    assert client.get(start).url == reverse("actions:review")
    client.force_login(lead_a)
    assert client.get(start).url == reverse("actions:my_updates")
    # Leading a priority elsewhere gives no updates to give in the partnership they work in.
    other_plan = factories.make_plan(elsewhere, title="Elsewhere Plan")
    factories.make_priority(other_plan, 1, lead_officer=viewer)
    client.force_login(viewer)
    assert client.get(start).url == reverse("actions:plan")
