"""The dashboard (/dashboard/): the plan at a glance, agreeing with the board pack."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from actions.models import Action, ActionUpdate, Rag
from governance.models import Role, User
from priorities.models import MeasureReading, Plan, Priority, ReportingPeriod
from reports.selectors import board_pack
from tests import factories

URL = reverse("reports:dashboard")
LOCKED, OPEN, PLANNED = (
    ReportingPeriod.Status.LOCKED,
    ReportingPeriod.Status.OPEN,
    ReportingPeriod.Status.PLANNED,
)


def reported(action, period, rag=Rag.GREEN, state=ActionUpdate.State.SUBMITTED, **fields):
    fields.setdefault("recovery_plan", "" if rag == Rag.GREEN else "Catching up.")
    return factories.make_update(
        action, period, rag=rag, state=state, submitted_at=timezone.now(), progress="Progress", **fields
    )


def glance(content: str, order: int) -> tuple[str, list[int]]:
    """A priority's row of the "At a glance" table: its HTML and its counts, worst first."""
    start = content.index(f'href="#priority-{order}"')
    row = content[start : content.index("</tr>", start)]
    return row, [int(n) for n in re.findall(r'numeric">(?:<a [^>]*>)?(\d+)', row)]


def section(content: str, heading_id: str) -> str:
    """The HTML of a priority's section on the dashboard."""
    start = content.index(f'id="{heading_id}"')
    end = content.find("</section>", start)
    return content[start:end]


@pytest.fixture
def quarters(plan):
    return factories.make_period(plan, 1, status=LOCKED), factories.make_period(plan, 2, status=OPEN)


@pytest.fixture
def board(plan, p1, p2, quarters, police):
    """P1: red, amber and green this quarter (was all green); P2: one green, one without an update."""
    q1, q2 = quarters
    import datetime

    red = factories.make_action(
        p1, "1.1", overall_objective="Reduce knife crime", deadline=datetime.date(2020, 5, 31)
    )
    amber = factories.make_action(p1, "1.2", overall_objective="Listen to communities")
    green = factories.make_action(p1, "1.3", overall_objective="Support victims")
    for action in (red, amber, green):
        action.responsible_organisations.add(police)
        reported(action, q1, Rag.GREEN, state=ActionUpdate.State.ACCEPTED)
    reported(red, q2, Rag.RED)
    reported(amber, q2, Rag.AMBER, state=ActionUpdate.State.ACCEPTED)
    reported(green, q2, Rag.GREEN)
    done = factories.make_action(p2, "2.1", overall_objective="Hate crime week")
    reported(done, q2, Rag.GREEN)
    owed = factories.make_action(p2, "2.2", overall_objective="Channel panel")
    factories.make_update(owed, q2, rag=Rag.RED, progress="Draft only")
    measure = factories.make_measure(
        p1, 1, title="Knife crime offences", baseline_value=100, baseline_period="2018/19"
    )
    MeasureReading.objects.create(measure=measure, period=q1, value=90)
    MeasureReading.objects.create(measure=measure, period=q2, value=110)
    return {"red": red, "amber": amber, "green": green, "done": done, "owed": owed, "measure": measure}


def test_each_priority_shows_its_worst_rating_counts_and_change(client, viewer, board, p1, p2):
    client.force_login(viewer)
    response = client.get(URL)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Dashboard: 2020 Q2" in content
    assert "A rating counts once its lead submits it, before the board secretary reviews it" in content
    first = section(content, "priority-1-heading")
    assert 'Overall status: <strong class="app-rag app-rag--red">Red</strong>' in first
    assert "Worsened since 2020 Q1 (was green)." in first
    row, counts = glance(content, 1)
    assert counts == [1, 1, 0, 1, 0]  # red, amber, no rating, green, complete
    assert "app-rag--red" in row and "Worsened" in row and "Was green" in row
    second = section(content, "priority-2-heading")
    assert 'Overall status: <strong class="app-rag app-rag--missing">No rating</strong>' in second


def test_the_numbers_agree_with_the_board_pack(client, viewer, board, plan, quarters):
    client.force_login(viewer)
    content = client.get(URL).content.decode()
    pack = board_pack(plan=plan, period=quarters[1])
    for row in pack.priorities:
        assert f"{row.order}. {escape(row.title)}" in content
        block = section(content, f"priority-{row.order}-heading")
        assert f">{row.status_label}</strong>" in block
        html, counts = glance(content, row.order)
        assert counts == list(row.counts.values()) and f">{row.status_label}</strong>" in html


def test_measures_show_latest_reading_against_baseline_with_a_chart_and_its_figures(client, viewer, board):
    client.force_login(viewer)
    content = section(client.get(URL).content.decode(), "priority-1-heading")
    assert "Knife crime offences" in content
    assert "100 offences (2018/19)" in content
    assert '110 offences <span class="govuk-body-s">(2020 Q2)</span>' in content
    assert "Worse than baseline" in content
    assert "<svg" in content and "<script" not in content
    assert "Knife crime offences: readings (offences)</caption>" in content
    assert re.search(
        r'<th scope="row" class="govuk-table__header">2020 Q1</th><td [^>]*>90 offences</td>', content
    )


def test_below_it_lists_overdue_missing_and_changed_actions(client, viewer, board):
    client.force_login(viewer)
    content = client.get(URL).content.decode()
    overdue = content[content.index('id="overdue-caption"') : content.index('id="missing-caption"')]
    missing = content[content.index('id="missing-caption"') : content.index('id="changed-caption"')]
    changed = content[content.index('id="changed-caption"') : content.index('id="partners"')]
    assert ">1.1<" in overdue and ">1.2<" not in overdue
    assert "2.2 (draft)" in missing and "2.1" not in missing
    assert ">1.1<" in changed and ">1.2<" in changed and ">1.3<" not in changed
    assert "Worsened" in changed
    assert reverse("actions:detail", args=[board["red"].pk]) in overdue


def test_partners_show_who_has_submitted(client, viewer, board, police):
    client.force_login(viewer)
    content = client.get(URL).content.decode()
    partners = content[content.index('id="partners-caption"') :]
    assert reverse("reports:partner", args=[police.pk]) in partners
    row = partners[partners.index("Test Police") : partners.index("</tr>", partners.index("Test Police"))]
    assert "Leads violence reduction" in row
    assert re.findall(r"numeric\">(\d+)</td>", row) == ["3", "3"]
    assert "None" in row


def test_counts_link_to_the_filtered_actions_list(client, viewer, board, p1, quarters):
    client.force_login(viewer)
    content = client.get(URL).content.decode()
    link = f"/actions/?priority={p1.pk}&amp;quarter={quarters[1].pk}&amp;rag=red#results"
    assert link in content
    listed = client.get(link.replace("&amp;", "&").split("#")[0]).content.decode()
    assert "1 action matches your filters" in listed and "Reduce knife crime" in listed


def test_another_quarter_can_be_chosen(client, viewer, board, quarters):
    client.force_login(viewer)
    content = client.get(URL, {"quarter": quarters[0].pk}).content.decode()
    assert "Dashboard: 2020 Q1" in content
    assert 'Overall status: <strong class="app-rag app-rag--green">Green</strong>' in section(
        content, "priority-1-heading"
    )


def test_a_quarter_that_has_not_opened_or_is_not_ours_falls_back_to_the_current_one(
    client, viewer, board, plan, elsewhere
):
    q3 = factories.make_period(plan, 3, status=PLANNED)
    other = factories.make_period(factories.make_plan(elsewhere), 1)
    client.force_login(viewer)
    for value in (q3.pk, other.pk, "nonsense"):
        response = client.get(URL, {"quarter": value})
        assert response.status_code == 200 and "Dashboard: 2020 Q2" in response.content.decode()


def test_before_any_quarter_opens_it_says_so(client, viewer, plan, p1):
    factories.make_period(plan, 1, status=PLANNED)
    client.force_login(viewer)
    response = client.get(URL)
    assert response.status_code == 200
    assert "No quarter of Test Plan 2020 has opened for updates yet" in response.content.decode()


@pytest.mark.parametrize("role", [Role.ADMIN, Role.SECRETARY, Role.CONTRIBUTOR, Role.VIEWER])
def test_every_role_may_see_it(client, walsall, board, role):
    client.force_login(factories.make_user(walsall, role))
    assert client.get(URL).status_code == 200


def test_signed_out_people_are_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_person_with_no_role_is_refused(client, db):
    client.force_login(factories.make_user(None, None))
    assert client.get(URL).status_code == 403


def test_another_partnership_sees_only_its_own_plan(client, outsider, elsewhere, board):
    other_plan = factories.make_plan(elsewhere, title="Elsewhere Plan")
    factories.make_period(other_plan, 1)
    factories.make_action(factories.make_priority(other_plan, 1, title="Elsewhere priority"), "1.1")
    client.force_login(outsider)
    content = client.get(URL).content.decode()
    assert "Elsewhere priority" in content
    assert "Violence reduction" not in content and "Reduce knife crime" not in content


def test_titles_people_typed_are_escaped(client, viewer, board):
    Action.objects.filter(pk=board["red"].pk).update(
        objective='<script>alert(1)</script>"><img src=x onerror=alert(1)>'
    )
    client.force_login(viewer)
    content = client.get(URL).content.decode()
    assert "<script>alert(1)" not in content and "<img src=x" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


@pytest.mark.usefixtures("demo")
def test_the_walsall_dashboard_takes_a_fixed_number_of_queries_as_the_plan_grows(
    client, django_assert_max_num_queries
):
    client.force_login(User.objects.get(email="officer@demo.example"))
    with django_assert_max_num_queries(22):
        client.get(URL)
    before = _queries(client)
    plan = Plan.objects.get(partnership__slug="safer-walsall")
    period = ReportingPeriod.objects.get(plan=plan, label="2020 Q3")
    organisation = plan.partnership.organisations.get(name="West Midlands Police")
    for order in (6, 7):
        priority = factories.make_priority(
            plan, order, title=f"New priority {order}", lead_organisation=organisation
        )
        measure = factories.make_measure(priority, 1, baseline_value=50)
        MeasureReading.objects.create(measure=measure, period=period, value=40)
        for n in range(10):
            action = factories.make_action(priority, f"{order}.{n}")
            action.responsible_organisations.add(organisation)
            action.themes.add(plan.themes.first())
            reported(action, period, Rag.AMBER)
    assert Priority.objects.filter(plan=plan).count() == 7
    assert _queries(client) == before
