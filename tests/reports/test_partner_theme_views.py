"""The partner page (/partners/<id>/) and the cross-cutting theme page (/themes/<id>/)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actions.models import ActionUpdate, Rag
from governance.models import Organisation, Role, User
from priorities.models import Plan, ReportingPeriod, Theme
from tests import factories

OPEN, LOCKED = ReportingPeriod.Status.OPEN, ReportingPeriod.Status.LOCKED


def reported(action, period, rag=Rag.GREEN, state=ActionUpdate.State.SUBMITTED):
    return factories.make_update(
        action,
        period,
        rag=rag,
        state=state,
        submitted_at=timezone.now(),
        progress="Progress",
        recovery_plan="" if rag == Rag.GREEN else "Catching up.",
    )


@pytest.fixture
def setting(plan, p1, p2, police, walsall):
    """Police lead P1 and own 1.1 (submitted red) and 1.2 (owed); the council owns 2.1 (submitted)."""
    q1 = factories.make_period(plan, 1, status=LOCKED)
    q2 = factories.make_period(plan, 2, status=OPEN)
    council = factories.make_organisation(walsall, "Test Council", kind=Organisation.Kind.COUNCIL)
    theme = Theme.objects.create(plan=plan, name="Domestic abuse", description="A joint accountability.")
    theme.priorities.add(p1, p2)
    a = factories.make_action(p1, "1.1", overall_objective="Reduce knife crime")
    b = factories.make_action(p1, "1.2", overall_objective="Listen to communities")
    c = factories.make_action(p2, "2.1", overall_objective="Support victims of domestic abuse")
    a.responsible_organisations.add(police)
    b.responsible_organisations.add(police)
    c.responsible_organisations.add(council)
    a.themes.add(theme)
    c.themes.add(theme)
    reported(a, q2, Rag.RED)
    reported(b, q1, Rag.GREEN, state=ActionUpdate.State.ACCEPTED)
    reported(c, q2, Rag.GREEN, state=ActionUpdate.State.ACCEPTED)
    return {"q1": q1, "q2": q2, "council": council, "theme": theme, "a": a, "b": b, "c": c}


def partner_url(organisation) -> str:
    return reverse("reports:partner", args=[organisation.pk])


def theme_url(theme) -> str:
    return reverse("reports:theme", args=[theme.pk])


# ---- Partner ------------------------------------------------------------------------------------


def test_a_partner_page_shows_what_it_leads_its_actions_and_what_it_owes(client, viewer, setting, police):
    client.force_login(viewer)
    response = client.get(partner_url(police))
    content = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-xl">Test Police</h1>' in content
    assert "1. Violence reduction" in content  # the priority it leads
    assert "Reduce knife crime" in content and "Listen to communities" in content
    assert "Support victims" not in content  # the council's action
    assert "1 of 2 updates still owed: 1.2." in content
    assert "1 update submitted or accepted this quarter." in content
    assert 'class="app-rag app-rag--red">Red</strong>' in content


def test_a_partner_that_has_submitted_everything_says_so(client, viewer, setting):
    client.force_login(viewer)
    content = client.get(partner_url(setting["council"])).content.decode()
    assert "All submitted." in content
    assert "does not lead a priority in this plan" in content


def test_a_partner_page_can_show_another_quarter(client, viewer, setting, police):
    client.force_login(viewer)
    content = client.get(partner_url(police), {"quarter": setting["q1"].pk}).content.decode()
    assert "with each action's rating for <strong>2020 Q1</strong>" in content
    assert "1 of 2 updates still owed: 1.1." in content


def test_another_partnerships_organisation_is_not_found(client, viewer, setting, elsewhere):
    client.force_login(viewer)
    other = factories.make_organisation(elsewhere, "Elsewhere Police")
    assert client.get(partner_url(other)).status_code == 404
    assert client.get(reverse("reports:partner", args=[999999])).status_code == 404


def test_the_partner_page_needs_a_role(client, setting, police):
    assert client.get(partner_url(police)).status_code == 302
    client.force_login(factories.make_user(None, None))
    assert client.get(partner_url(police)).status_code == 403


def test_the_partner_page_is_not_found_before_any_quarter_opens(client, viewer, plan, police):
    factories.make_period(plan, 1, status=ReportingPeriod.Status.PLANNED)
    client.force_login(viewer)
    assert client.get(partner_url(police)).status_code == 404


# ---- Theme ----------------------------------------------------------------------------------------


def test_a_theme_page_lists_every_linked_action_across_priorities(client, viewer, setting):
    client.force_login(viewer)
    response = client.get(theme_url(setting["theme"]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Domestic abuse" in content and "A joint accountability." in content
    assert "joint accountability of Violence reduction, Prevent extremist activity" in content
    assert "Reduce knife crime" in content and "Support victims of domestic abuse" in content
    assert "Listen to communities" not in content
    assert content.index("Reduce knife crime") < content.index("Support victims of domestic abuse")
    assert reverse("actions:detail", args=[setting["c"].pk]) in content


def test_another_partnerships_theme_is_not_found(client, viewer, setting, elsewhere):
    other = Theme.objects.create(plan=factories.make_plan(elsewhere), name="Domestic abuse")
    client.force_login(viewer)
    assert client.get(theme_url(other)).status_code == 404
    assert client.get(reverse("reports:theme", args=[999999])).status_code == 404


@pytest.mark.parametrize("role", [Role.ADMIN, Role.SECRETARY, Role.CONTRIBUTOR, Role.VIEWER])
def test_every_role_may_see_partner_and_theme_pages(client, walsall, setting, police, role):
    client.force_login(factories.make_user(walsall, role))
    assert client.get(partner_url(police)).status_code == 200
    assert client.get(theme_url(setting["theme"])).status_code == 200


def test_the_theme_page_needs_a_role(client, setting):
    assert client.get(theme_url(setting["theme"])).status_code == 302
    client.force_login(factories.make_user(None, None))
    assert client.get(theme_url(setting["theme"])).status_code == 403


# ---- Fixed queries --------------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.usefixtures("demo")
def test_partner_and_theme_pages_take_a_fixed_number_of_queries_as_the_plan_grows(
    client, django_assert_max_num_queries
):
    client.force_login(User.objects.get(email="officer@demo.example"))
    plan = Plan.objects.get(partnership__slug="safer-walsall")
    wmp = plan.partnership.organisations.get(name="West Midlands Police")
    theme = plan.themes.get(name="Domestic abuse")
    urls = [partner_url(wmp), theme_url(theme)]
    for url in urls:
        with django_assert_max_num_queries(24):
            client.get(url)
    before = [_queries(client, url) for url in urls]
    priority = plan.priorities.get(order=1)
    period = plan.periods.get(label="2020 Q3")
    for n in range(20):
        action = factories.make_action(priority, f"1.{100 + n}")
        action.responsible_organisations.add(wmp)
        action.themes.add(theme)
        reported(action, period, Rag.AMBER)
    assert [_queries(client, url) for url in urls] == before
