"""The dashboard, a partner's page and the public page of a plan with sub-priorities, joint and group
leads, timescales in words and caveats (tests/fixtures/nested_plan.py): each shows the plan as it
is written, in a fixed number of queries however deep it nests."""

import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.fixtures.nested_plan import MEASURE_NOTE, STATISTIC_NOTE, make_nested_plan
from tests.fixtures.page_outline import headings, nested_links, visible_text

NUMBERED = [
    "1. Violence reduction",
    "1.1 Youth violence",
    "1.1.1 Knife crime among under-18s",
    "1.2 Domestic abuse",
    "2. Safer neighbourhoods",
]


@pytest.fixture
def nested(db):
    return make_nested_plan()


def dashboard(client, nested, *, sign_in: bool = True) -> str:
    if sign_in:
        client.force_login(nested.viewer)
    response = client.get(reverse("reports:dashboard"), {"quarter": nested.q2.pk})
    assert response.status_code == 200
    return response.content.decode()


def public(client, nested) -> str:
    response = client.get(reverse("reports:public_plan", args=[nested.partnership.slug]))
    assert response.status_code == 200
    return response.content.decode()


def between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start) + len(start))]


def deepen(nested, levels: int = 3) -> None:
    """Sub-priorities under 1.1.1, each with a joint lead, a group and an action."""
    parent = nested.priorities["1.1.1"]
    for n in range(1, levels + 1):
        deeper = factories.make_priority(
            nested.plan, 10 + n, title=f"Deeper {n}", reference=f"1.1.1.{n}", parent=parent
        )
        deeper.lead_groups.add(nested.group)
        deeper.co_lead_organisations.add(nested.council)
        factories.make_action(deeper, f"1.1.1.{n}.1", timescale="Ongoing")
        parent = deeper


# The dashboard


def test_the_dashboard_heads_each_priority_by_its_number_a_level_down_for_each_sub_priority(client, nested):
    html = dashboard(client, nested)
    assert [(level, text) for level, text in headings(html) if text in NUMBERED] == [
        (3, "1. Violence reduction"),
        (4, "1.1 Youth violence"),
        (5, "1.1.1 Knife crime among under-18s"),
        (4, "1.2 Domestic abuse"),
        (3, "2. Safer neighbourhoods"),
    ]
    levels = [level for level, _ in headings(html)]
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels)), levels


def test_the_dashboards_counts_take_in_sub_priorities_actions(client, nested):
    text = visible_text(dashboard(client, nested))
    assert "the worst rating of its 4 actions across 5 priorities (3 sub-priorities)" in text
    glance = between(text, "Each priority's status in 2020 Q2", "Priorities 1.")
    assert "A priority's status and counts take in its sub-priorities' actions" in glance
    assert re.search(
        r"1\. Violence reduction Red Worsened Was amber 1 red .* 1 amber .* 0 1 green .* 0 1\.1 ", glance
    )
    parent = between(text, "Priorities 1. Violence reduction", "1.1 Youth violence Part of")
    assert "See its 3 actions, with its sub-priorities'" in parent
    assert "Its sub-priorities: 1.1 Youth violence 1.2 Domestic abuse" in parent
    assert "No actions" not in text


def test_the_dashboard_names_leads_as_written_and_caveats_beside_the_baseline(client, nested):
    html = dashboard(client, nested)
    text = visible_text(html)
    assert (
        "Joint lead partners: Safer Borough Police , Safer Borough Council , Borough Fire and Rescue ."
        in text
    )
    assert "Lead group: Violence Reduction Group." in text
    assert "Lead partner: All partners." in text
    assert f'href="{reverse("reports:partner", args=[nested.fire.pk])}?' in html  # a joint lead's page
    assert f'href="{reverse("reports:partner", args=[nested.group.pk])}' not in html  # a group has none
    assert f"Baseline 3,700 offences (2019/20) Note: {MEASURE_NOTE} Note: {STATISTIC_NOTE}" in text


def test_the_dashboard_shows_a_timescale_where_the_plan_gives_no_date(client, nested):
    text = visible_text(dashboard(client, nested))
    changed = between(text, "Changed since 2020 Q1", "Partners")
    assert (
        "1.1.1.1 : open the action Run knife-awareness sessions in every school Safer Borough Police"
        in changed
    )
    assert "Lewis Lead Ongoing Green Red" in changed
    assert "30 Jun 2020 Overdue" in between(text, "Overdue", "Missing updates")


def test_a_joint_lead_partner_leads_the_priority_on_its_partner_page(client, nested):
    client.force_login(nested.viewer)
    page = client.get(reverse("reports:partner", args=[nested.council.pk]), {"quarter": nested.q2.pk})
    text = visible_text(page.content.decode())
    assert "1. Violence reduction Red Worsened" in text
    assert "1.2 Domestic abuse Amber No change" in text


def test_the_dashboard_is_for_members_only(client, nested, outsider):
    client.force_login(outsider)  # a member of another partnership sees their own, never this one
    assert "Safer Borough" not in client.get(reverse("reports:dashboard")).content.decode()
    assert client.get(reverse("reports:partner", args=[nested.council.pk])).status_code == 404
    client.force_login(nested.viewer)
    response = client.get(reverse("reports:dashboard"), {"quarter": "not a quarter"})
    assert response.status_code == 200  # an unknown quarter shows the current one
    assert "1.1.1 Knife crime among under-18s" in response.content.decode()


def test_the_dashboard_takes_the_same_queries_however_deep_the_plan(client, nested):
    dashboard(client, nested)
    with CaptureQueriesContext(connection) as before:
        dashboard(client, nested, sign_in=False)
    deepen(nested)
    with CaptureQueriesContext(connection) as after:
        html = dashboard(client, nested, sign_in=False)
    # 21: the pack's read model, which the dashboard shares, reads the notes and cited figures (issue 19).
    assert len(after.captured_queries) == len(before.captured_queries) <= 21
    assert "1.1.1.3 Deeper 3" in html


# The public page


def test_the_public_page_lists_and_heads_priorities_as_the_plan_nests_them(client, nested):
    html = public(client, nested)
    assert nested_links(html, "our-priorities") == [
        (1, "1. Violence reduction"),
        (2, "1.1 Youth violence"),
        (3, "1.1.1 Knife crime among under-18s"),
        (2, "1.2 Domestic abuse"),
        (1, "2. Safer neighbourhoods"),
    ]
    assert [(level, text) for level, text in headings(html) if text.startswith("Priority ")] == [
        (2, "Priority 1: Violence reduction"),
        (3, "Priority 1.1: Youth violence"),
        (4, "Priority 1.1.1: Knife crime among under-18s"),
        (3, "Priority 1.2: Domestic abuse"),
        (2, "Priority 2: Safer neighbourhoods"),
    ]


def test_the_public_page_rolls_a_parents_status_up_and_says_where_its_commitments_are(client, nested):
    text = visible_text(public(client, nested))
    assert (
        "its status is the least good rating among its commitments, and those of its sub-priorities" in text
    )
    assert "1. Violence reduction Red 1 1 0 1 0 1.1 Youth violence Red 1 0 0 1 0" in text
    parent = between(text, "Priority 1: Violence reduction", "Priority 1.1:")
    assert "Progress in 2020 Q2 Red 1 red 1 amber 1 green" in parent
    assert "Its commitments are under its sub-priorities: 1.1 Youth violence ; 1.2 Domestic abuse ." in parent
    assert "Part of 1. Violence reduction" in between(text, "Priority 1.1:", "Priority 1.1.1:")


def test_the_public_page_names_leads_as_written_and_every_caveat(client, nested):
    text = visible_text(public(client, nested))
    assert "Joint lead partners Safer Borough Police, Safer Borough Council, Borough Fire and Rescue" in text
    assert "Lead group Violence Reduction Group" in text
    assert "Lead partner All partners" in text
    assert f"3,700 offences (2019/20) {MEASURE_NOTE} {STATISTIC_NOTE}" in text
    assert "Lewis Lead" not in text  # still no officer's name


def test_an_unpublished_plan_with_sub_priorities_is_not_shown(client, nested):
    nested.plan.is_published = False
    nested.plan.save()
    assert client.get(reverse("reports:public_plan", args=[nested.partnership.slug])).status_code == 404


def test_the_public_page_takes_the_same_queries_however_deep_the_plan(client, nested):
    public(client, nested)
    with CaptureQueriesContext(connection) as before:
        public(client, nested)
    deepen(nested)
    with CaptureQueriesContext(connection) as after:
        html = public(client, nested)
    assert len(after.captured_queries) == len(before.captured_queries) <= 20
    assert "Priority 1.1.1.3: Deeper 3" in html
