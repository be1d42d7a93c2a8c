"""The actions list, its priority filter and downloads, an action's page, the update form and review,
for a plan with sub-priorities, joint and group leads and timescales in words
(tests/fixtures/nested_plan.py)."""

import csv
import io
import re

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actions.models import ActionUpdate
from tests import factories
from tests.fixtures.nested_plan import make_nested_plan
from tests.fixtures.page_outline import headings, nested_links, visible_text

URL = reverse("actions:plan")
EVERY_ITEM = ["1.1.2", "1.1.1.1", "1.2.1", "2.1"]


@pytest.fixture
def nested(db):
    return make_nested_plan()


@pytest.fixture
def viewer(client, nested):
    client.force_login(nested.viewer)
    return client


def items(html: str) -> list[str]:
    """The item numbers listed, in order."""
    return re.findall(
        r'<th scope="row" class="govuk-table__header"><a [^>]*href="/actions/\d+/">([^<]+)<', html
    )


def listed(client, **query) -> str:
    response = client.get(URL, query)
    assert response.status_code == 200
    return response.content.decode()


# The list


def test_the_list_nests_sections_and_links_as_the_plan_does(viewer):
    html = listed(viewer)
    assert [(level, text) for level, text in headings(html) if re.match(r"\d", text)] == [
        (2, "4 actions across 5 priorities (3 sub-priorities)"),
        (2, "1. Violence reduction"),
        (3, "1.1 Youth violence"),
        (4, "1.1.1 Knife crime among under-18s"),
        (3, "1.2 Domestic abuse"),
        (2, "2. Safer neighbourhoods"),
    ]
    assert nested_links(html, "Priorities on this page") == [
        (1, "1. Violence reduction"),
        (2, "1.1 Youth violence"),
        (3, "1.1.1 Knife crime among under-18s"),
        (2, "1.2 Domestic abuse"),
        (1, "2. Safer neighbourhoods"),
    ]
    assert items(html) == EVERY_ITEM


def test_a_parent_says_its_actions_are_under_its_sub_priorities(viewer):
    text = visible_text(listed(viewer))
    parent = text[text.index("1. Violence reduction Joint lead") : text.index("1.1 Youth violence Part of")]
    assert (
        "This priority's actions are under its sub-priorities: 1.1 Youth violence ; 1.2 Domestic abuse ."
        in parent
    )
    assert "Actions: Violence reduction" not in text  # no empty table for it


def test_the_list_names_leads_as_written_and_timescales_where_there_is_no_date(viewer, nested):
    html = listed(viewer)
    text = visible_text(html)
    assert (
        "Joint lead partners Safer Borough Police , Safer Borough Council , Borough Fire and Rescue" in text
    )
    assert "Lead group Violence Reduction Group" in text and "Lead partner All partners" in text
    assert f'href="{reverse("reports:partner", args=[nested.fire.pk])}"' in html
    deadlines = re.findall(r"Police Lewis Lead (.+?) Not started", text)
    assert deadlines == ["30 Jun 2020", "Ongoing", "2018-2019", "March 2022"]


def test_choosing_a_priority_takes_in_its_sub_priorities_and_the_label_says_so(viewer, nested):
    html = listed(viewer)
    assert re.search(r'<label for="id_priority"[^>]*>\s*Priority, with its sub-priorities\s*<', html)
    options = re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', html[html.index('id="id_priority"') :])
    assert options[:5] == [
        "1. Violence reduction",
        "\u00a0\u00a01.1 Youth violence",
        "\u00a0\u00a0\u00a0\u00a01.1.1 Knife crime among under-18s",
        "\u00a0\u00a01.2 Domestic abuse",
        "2. Safer neighbourhoods",
    ]
    for reference, expected in (
        ("1", ["1.1.2", "1.1.1.1", "1.2.1"]),
        ("1.1", ["1.1.2", "1.1.1.1"]),
        ("1.1.1", ["1.1.1.1"]),
        ("2", ["2.1"]),
    ):
        assert items(listed(viewer, priority=nested.priorities[reference].pk)) == expected, reference


def test_a_filtered_list_names_a_parent_it_leaves_out_without_linking_to_it(viewer, nested):
    html = listed(viewer, priority=nested.priorities["1"].pk, rag="red")
    text = visible_text(html)
    assert "1 action across 1 priority (1 sub-priority) matches your filters" in text
    assert "Part of 1.1 Youth violence" in text
    assert 'href="#priority-2"' not in html  # 1.1's section is not on the page


def test_a_priority_not_in_the_plan_cannot_be_chosen(viewer, nested, elsewhere):
    other = factories.make_priority(factories.make_plan(elsewhere), 1, title="Elsewhere priority")
    html = listed(viewer, priority=other.pk)
    assert "Choose a priority from the list" in html and items(html) == []


def test_the_list_is_for_members_only(client, nested, outsider):
    client.force_login(factories.make_user(None, None))
    assert client.get(URL).status_code == 403
    client.force_login(outsider)  # their own partnership's list, never this one
    assert "Safer Borough" not in client.get(URL).content.decode()


def test_the_list_takes_the_same_queries_however_deep_the_plan(viewer, nested):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            listed(viewer, priority=nested.priorities["1"].pk)
        return len(queries)

    before = count()
    parent = nested.priorities["1.1.1"]
    for n in range(1, 4):
        parent = factories.make_priority(
            nested.plan, 10 + n, title=f"Deeper {n}", reference=f"1.1.1.{n}", parent=parent
        )
        parent.lead_groups.add(nested.group)
        factories.make_action(parent, f"1.1.1.{n}.1", timescale="Ongoing")
    assert count() == before <= 12
    assert "1.1.1.3.1" in items(listed(viewer, priority=nested.priorities["1"].pk))


# Downloads


def test_downloads_give_the_priority_by_its_number_and_the_timescale_as_written(viewer, nested):
    rows = list(csv.DictReader(io.StringIO(listed(viewer, format="csv").lstrip("\ufeff"))))
    assert [(row["Priority"], row["Item"], row["Deadline"]) for row in rows] == [
        ("1.1 Youth violence", "1.1.2", "2020-06-30"),
        ("1.1.1 Knife crime among under-18s", "1.1.1.1", "Ongoing"),
        ("1.2 Domestic abuse", "1.2.1", "2018-2019"),
        ("2. Safer neighbourhoods", "2.1", "March 2022"),
    ]
    sheet = openpyxl.load_workbook(io.BytesIO(viewer.get(URL, {"format": "xlsx"}).content)).active
    header = [cell.value for cell in sheet[1]]
    deadlines = [row[header.index("Deadline")] for row in sheet.iter_rows(min_row=2)]
    assert deadlines[0].is_date and [cell.value for cell in deadlines[1:]] == [
        "Ongoing",
        "2018-2019",
        "March 2022",
    ]


# One action: its page, the update form and review


def test_an_actions_page_gives_its_timescale_where_it_has_no_deadline(viewer, nested):
    for reference, dates in (
        ("2.1", "Dates Timescale: March 2022"),
        ("1.1.2", "Dates From – to 30 June 2020"),
    ):
        page = viewer.get(reverse("actions:detail", args=[nested.actions[reference].pk]))
        assert dates in visible_text(page.content.decode()), reference


def test_an_action_without_date_or_timescale_reads_as_before(viewer, nested):
    action = nested.actions["2.1"]
    action.timescale = ""
    action.save()
    page = viewer.get(reverse("actions:detail", args=[action.pk]))
    assert "Dates From – to –" in visible_text(page.content.decode())


def test_another_partnerships_action_is_not_found(client, nested, outsider):
    client.force_login(outsider)
    assert client.get(reverse("actions:detail", args=[nested.actions["2.1"].pk])).status_code == 404


def test_the_update_form_and_review_give_the_timescale(client, nested):
    q3 = factories.make_period(nested.plan, 3)
    action = nested.actions["1.1.1.1"]
    client.force_login(nested.lead)
    page = client.get(reverse("actions:edit_update", args=[action.pk, q3.pk]))
    assert page.status_code == 200
    assert "Timescale: Ongoing · over the coming year" in visible_text(page.content.decode())

    update = factories.make_update(
        action,
        q3,
        rag="green",
        progress="On track",
        state=ActionUpdate.State.SUBMITTED,
        submitted_by=nested.lead,
        submitted_at=timezone.now(),
    )
    client.force_login(nested.secretary)
    page = client.get(reverse("actions:review_update", args=[update.pk]))
    assert page.status_code == 200
    text = visible_text(page.content.decode())
    assert "Timescale: Ongoing · the action's updates and history" in text
    assert "Deadline not set" not in text


def test_review_is_the_secretarys_not_a_viewers(client, nested):
    update = ActionUpdate.objects.get(action=nested.actions["1.2.1"], period=nested.q2)
    client.force_login(nested.viewer)
    assert client.get(reverse("actions:review_update", args=[update.pk])).status_code == 403
