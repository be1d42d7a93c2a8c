import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from actions.models import Action
from governance.models import User
from priorities.models import Plan, Priority
from reports.selectors import board_pack
from tests import factories

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
    # 16, two for the priorities' joint leads and groups, two for "you told us, we did"
    with django_assert_max_num_queries(20):
        client.get(reverse("reports:public_plan", args=["safer-walsall"]))


def test_you_told_us_we_did_shows_the_commitments_without_officer_names(client):
    body = client.get(reverse("reports:public_plan", args=["safer-walsall"])).content.decode()

    section = body[body.index('id="we-did-heading"') :]
    assert "You told us, we did" in body
    assert escape("“You also told us that you wanted to be at the heart of local decision making") in section
    assert 'href="#priority-1">1.1</a>' in section and 'href="#priority-2">2.2</a>' in section


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


# ---- Progress, as the board approved it ---------------------------------------------------------


def _walsall():
    plan = Plan.objects.get(partnership__slug="safer-walsall")
    return plan, plan.periods.get(label="2020 Q2"), plan.periods.get(label="2020 Q3")


def _section(content: str, order: int) -> str:
    start = content.index(f'id="priority-{order}-heading"')
    return content[start : content.find("</section>", start)]


def test_progress_is_for_the_latest_locked_quarter_in_words_and_colour(client):
    plan, q2, _ = _walsall()
    pack = board_pack(plan=plan, period=q2, accepted_only=True)
    content = client.get(reverse("reports:public_plan", args=["safer-walsall"])).content.decode()
    assert "Progress as the partnership board reviewed it for <strong>2020 Q2</strong>" in content
    for row in pack.priorities:
        block = _section(content, row.order)
        assert f'<strong class="app-rag app-rag--{row.status}">{row.status_label}</strong>' in block
        for status, count in row.counts.items():
            if count:
                label = {"missing": "no rating"}.get(status, status)
                assert f'<span class="app-counts__number">{count}</span> {label}</li>' in block
    # The plan's own words for each colour.
    assert escape(plan.rag_red_definition) in content


def test_only_accepted_updates_reach_the_public_page(client):
    plan, q2, q3 = _walsall()
    priority = plan.priorities.get(order=2)
    unreviewed = factories.make_action(priority, "2.90", overall_objective="Unreviewed red commitment")
    factories.make_update(
        unreviewed, q2, rag="red", state="submitted", submitted_at=timezone.now(), recovery_plan="x"
    )
    open_quarter = factories.make_action(priority, "2.91", overall_objective="Accepted in the open quarter")
    factories.make_update(
        open_quarter, q3, rag="red", state="accepted", submitted_at=timezone.now(), recovery_plan="x"
    )
    block = _section(client.get(reverse("reports:public_plan", args=["safer-walsall"])).content.decode(), 2)
    for text in ("Unreviewed red commitment", "Accepted in the open quarter"):
        item = block[block.index(text) : block.index("</li>", block.index(text))]
        assert "No rating" in item and "app-rag--red" not in item


def test_numeric_measures_show_the_latest_figure_against_the_baseline(client):
    plan, q2, _ = _walsall()
    measure = (
        plan.priorities.get(order=1).measures.filter(kind="numeric").exclude(baseline_value=None).first()
    )
    latest = (
        measure.readings.filter(period__start__lte=q2.start)
        .exclude(value=None)
        .order_by("period__start")
        .last()
    )
    block = _section(client.get(reverse("reports:public_plan", args=["safer-walsall"])).content.decode(), 1)
    row = block[block.index(escape(measure.title)) : block.index("</tr>", block.index(escape(measure.title)))]
    assert f"{latest.value.normalize():,f} {measure.unit}" in row
    assert "(2020 Q2)" in row
    assert "than the baseline" in row or "The same" in row


def test_no_officer_is_named_anywhere_on_the_public_page(client):
    plan, q2, _ = _walsall()
    content = client.get(reverse("reports:public_plan", args=["safer-walsall"])).content.decode()
    pack = board_pack(plan=plan, period=q2)
    names = {p.lead_officer for p in pack.priorities} | {a.responsible_officer for a in pack.actions}
    names |= {s.submitted_by for s in pack.submissions} | {s.reviewed_by for s in pack.submissions}
    names |= set(
        Action.objects.filter(plan=plan).exclude(owner=None).values_list("owner__full_name", flat=True)
    )
    names |= set(
        plan.priorities.exclude(lead_support_officer=None).values_list(
            "lead_support_officer__full_name", flat=True
        )
    )
    names.discard("")
    assert names  # the demo does name people
    for name in names:
        assert escape(name) not in content, name


def test_before_any_quarter_is_locked_the_commitments_show_without_a_rating(client, walsall, p1):
    factories.make_period(p1.plan, 1, status="open")
    factories.make_action(p1, "1.1", overall_objective="Listen to our communities")
    content = client.get(reverse("reports:public_plan", args=[walsall.slug])).content.decode()
    assert "Progress will appear here once the partnership board has reviewed the first quarter" in content
    assert "Listen to our communities" in content and "app-rag" not in content


def test_a_commitment_of_more_than_three_years_shows_under_its_own_heading(client, walsall, p1):
    factories.make_period(p1.plan, 1, status="open")
    factories.make_action(p1, "1.1", overall_objective="Halve knife crime", horizon=Action.Horizon.LONGER)
    content = client.get(reverse("reports:public_plan", args=[walsall.slug])).content.decode()
    longer = content.index("Over more than three years we will")
    assert content.index("Halve knife crime") > longer > content.index("Over the next three years we will")
