"""The filtered actions list (/actions/) and its CSV and XLSX downloads."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actions.models import Action, ActionUpdate, Rag
from governance.models import Organisation, User
from priorities.models import Priority, ReportingPeriod, Theme
from tests import factories

URL = reverse("actions:plan")
LOCKED, OPEN = ReportingPeriod.Status.LOCKED, ReportingPeriod.Status.OPEN


def reported(action, period, rag=Rag.GREEN, state=ActionUpdate.State.SUBMITTED, **fields):
    fields.setdefault("recovery_plan", "" if rag == Rag.GREEN else "Catching up.")
    fields.setdefault("progress", f"{rag} progress")
    return factories.make_update(action, period, rag=rag, state=state, submitted_at=timezone.now(), **fields)


def references(response) -> list[str]:
    """The item numbers listed, in order (each row's first cell links to the action)."""
    import re

    return re.findall(
        r'<th scope="row" class="govuk-table__header"><a class="govuk-link" href="/actions/\d+/">([^<]+)<',
        response.content.decode(),
    )


def rows_of_csv(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))


def sheet_of(response):
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


# ---- Filtering ---------------------------------------------------------------------------------


@pytest.fixture
def listing(plan, p1, p2, police, walsall, lead_a):
    """Six actions across two priorities with ratings this quarter (Q2, open) and last (Q1)."""
    q1, q2 = factories.make_period(plan, 1, status=LOCKED), factories.make_period(plan, 2, status=OPEN)
    council = factories.make_organisation(walsall, "Test Council", kind=Organisation.Kind.COUNCIL)
    theme = Theme.objects.create(plan=plan, name="Domestic abuse")
    import datetime

    a = factories.make_action(
        p1,
        "1.1",
        overall_objective="Listen to our communities",
        responsible_officer="Insp. Jones",
        deadline=datetime.date(2020, 6, 30),
    )
    b = factories.make_action(
        p1,
        "1.2",
        overall_objective="Reduce knife crime",
        deadline=datetime.date(2020, 12, 31),
        horizon=Action.Horizon.THREE_YEARS,
    )
    c = factories.make_action(
        p1, "1.3", overall_objective="Support victims of abuse", status=Action.Status.IN_PROGRESS
    )
    d = factories.make_action(
        p2, "2.1", overall_objective="Increase hate crime reporting", objective="Run a hate crime week"
    )
    e = factories.make_action(p2, "2.2", overall_objective="Channel panel referrals")
    f = factories.make_action(p2, "2.3", overall_objective="Prevent training", status=Action.Status.CANCELLED)
    for action in (a, b, c):
        action.responsible_organisations.add(police)
    for action in (c, d, e, f):
        action.responsible_organisations.add(council)
    c.themes.add(theme)
    d.themes.add(theme)
    reported(a, q2, Rag.RED)
    reported(b, q2, Rag.AMBER)
    reported(c, q2, Rag.GREEN)
    reported(d, q2, Rag.RED)
    reported(a, q1, Rag.GREEN, state=ActionUpdate.State.ACCEPTED)
    reported(e, q1, Rag.RED, state=ActionUpdate.State.ACCEPTED)
    return {"q1": q1, "q2": q2, "police": police, "council": council, "theme": theme, "p1": p1, "p2": p2}


@pytest.fixture
def signed_in(client, viewer):
    client.force_login(viewer)
    return client


def test_with_no_filters_every_action_is_listed_with_this_quarters_rating(signed_in, listing):
    response = signed_in.get(URL)
    content = response.content.decode()
    assert response.status_code == 200
    assert references(response) == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]
    assert "Ratings are for <strong>2020 Q2</strong>" in content
    assert content.count('class="app-rag app-rag--red">Red</strong>') == 2
    assert "6 actions" in content


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"rag": "red"}, ["1.1", "2.1"]),
        ({"rag": ["red", "amber"]}, ["1.1", "1.2", "2.1"]),
        ({"rag": "missing"}, ["2.2"]),
        ({"rag": "red", "organisation": "police"}, ["1.1"]),
        ({"organisation": "council"}, ["1.3", "2.1", "2.2", "2.3"]),
        ({"priority": "p2"}, ["2.1", "2.2", "2.3"]),
        ({"theme": "theme"}, ["1.3", "2.1"]),
        ({"horizon": "three_years"}, ["1.2"]),
        ({"status": "cancelled"}, ["2.3"]),
        ({"q": "knife"}, ["1.2"]),
        ({"q": "hate crime week"}, ["2.1"]),
        ({"q": "jones"}, ["1.1"]),
        ({"q": "2.2"}, ["2.2"]),
        ({"deadline_from_0": "1", "deadline_from_1": "7", "deadline_from_2": "2020"}, ["1.2"]),
        ({"deadline_to_0": "30", "deadline_to_1": "6", "deadline_to_2": "2020"}, ["1.1"]),
        ({"rag": "red", "quarter": "q1"}, ["2.2"]),
        ({"rag": "green", "quarter": "q1"}, ["1.1"]),
    ],
)
def test_each_filter_narrows_the_list(signed_in, listing, query, expected):
    query = {
        key: [str(listing[v].pk) if v in listing else v for v in value]
        if isinstance(value, list)
        else (str(listing[value].pk) if value in listing else value)
        for key, value in query.items()
    }
    response = signed_in.get(URL, query)
    assert response.status_code == 200
    assert references(response) == expected
    heading = "1 action matches" if len(expected) == 1 else f"{len(expected)} actions match"
    assert f"{heading} your filters" in response.content.decode()


def test_a_filter_that_matches_nothing_says_so(signed_in, listing):
    content = signed_in.get(URL, {"q": "no such thing"}).content.decode()
    assert "0 actions match your filters" in content
    assert "No actions match these filters" in content


def test_the_chosen_quarter_is_shown_selected_and_in_the_ratings(signed_in, listing):
    content = signed_in.get(URL, {"quarter": listing["q1"].pk}).content.decode()
    assert f'<option value="{listing["q1"].pk}" selected>2020 Q1 (locked)</option>' in content
    assert "Ratings are for <strong>2020 Q1</strong>" in content


@pytest.mark.parametrize(
    "query, message",
    [
        (
            {"deadline_from_0": "31", "deadline_from_1": "2", "deadline_from_2": "2020"},
            "The start of the deadline range must be a real date",
        ),
        ({"deadline_to_0": "x", "deadline_to_1": "2", "deadline_to_2": "2020"}, "Enter a valid date"),
        ({"deadline_to_0": "1", "deadline_to_1": "", "deadline_to_2": "2020"}, "Enter the month"),
        (
            {
                "deadline_from_0": "1",
                "deadline_from_1": "12",
                "deadline_from_2": "2020",
                "deadline_to_0": "1",
                "deadline_to_1": "1",
                "deadline_to_2": "2020",
            },
            "The end of the deadline range must be on or after its start",
        ),
        ({"priority": "999999"}, "Choose a priority from the list"),
        ({"organisation": "abc"}, "Choose a partner from the list"),
        ({"rag": "purple"}, "Choose red, amber, green, complete or no rating"),
        ({"quarter": "999999"}, "Choose a quarter from the list"),
        ({"q": "x" * 201}, "Search for 200 characters or fewer"),
    ],
)
def test_bad_filters_get_a_clear_message_and_no_crash(signed_in, listing, query, message):
    response = signed_in.get(URL, query)
    content = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Plan actions" in content
    assert "govuk-error-summary" in content and message in content
    assert references(response) == []


def test_a_bad_filter_downloads_nothing_but_shows_the_error(signed_in, listing):
    response = signed_in.get(
        URL, {"format": "xlsx", "deadline_from_0": "31", "deadline_from_1": "2", "deadline_from_2": "2020"}
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert "must be a real date" in response.content.decode()


def test_another_partnerships_priority_or_partner_cannot_be_chosen(signed_in, listing, elsewhere):
    other_plan = factories.make_plan(elsewhere, title="Elsewhere Plan")
    other_priority = factories.make_priority(other_plan, 1)
    other_org = factories.make_organisation(elsewhere, "Elsewhere Police")
    for query, message in (
        ({"priority": other_priority.pk}, "Choose a priority from the list"),
        ({"organisation": other_org.pk}, "Choose a partner from the list"),
    ):
        response = signed_in.get(URL, query)
        assert message in response.content.decode() and references(response) == []
    assert "Elsewhere Police" not in signed_in.get(URL).content.decode()


# ---- Downloads ---------------------------------------------------------------------------------


def test_the_csv_download_is_the_filtered_list(signed_in, listing):
    response = signed_in.get(URL, {"rag": "red", "format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="test-plan-2020-actions-2020-q2.csv"'
    rows = rows_of_csv(response)
    assert [row["Item"] for row in rows] == ["1.1", "2.1"]
    first = rows[0]
    assert first["Priority"] == "1. Violence reduction"
    assert first["Rating 2020 Q2"] == "Red" and first["Update 2020 Q2"] == "Submitted"
    assert first["Responsible partners"] == "Test Police" and first["Responsible officer"] == "Insp. Jones"
    assert first["Progress 2020 Q2"] == "red progress"
    assert first["Deadline"] == "2020-06-30"
    assert first["Link"] == "http://testserver" + reverse(
        "actions:detail", args=[Action.objects.get(reference="1.1", plan=listing["p1"].plan).pk]
    )
    assert rows[1]["Themes"] == "Domestic abuse"


def test_the_xlsx_download_is_the_filtered_list_with_real_dates(signed_in, listing):
    response = signed_in.get(URL, {"organisation": listing["police"].pk, "format": "xlsx"})
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = sheet_of(response)
    header = [c.value for c in sheet[1]]
    items = [row[header.index("Item")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert items == ["1.1", "1.2", "1.3"]
    deadline = sheet.cell(row=2, column=header.index("Deadline") + 1)
    assert deadline.is_date and deadline.value.date().isoformat() == "2020-06-30"
    assert sheet.title == "Actions 2020 Q2"


def test_the_page_links_to_downloads_of_the_same_filters(signed_in, listing):
    content = signed_in.get(URL, {"rag": "red", "q": "crime"}).content.decode()
    assert 'href="?rag=red&amp;q=crime&amp;quarter=' not in content  # the quarter is not added to links
    assert 'href="?rag=red&amp;q=crime&amp;format=csv"' in content
    assert 'href="?rag=red&amp;q=crime&amp;format=xlsx"' in content
    assert 'href="?format=csv"' in signed_in.get(URL).content.decode()


FORMULAS = ['=HYPERLINK("http://x.example","y")', "+1", "-2", "@SUM(A1)", "\t=1", "\r=1"]


def test_text_people_typed_never_becomes_a_formula_in_a_download(signed_in, listing):
    """SEC-14, through the page: objectives, officers and progress that start like formulas."""
    p1, q2 = listing["p1"], listing["q2"]
    for n, text in enumerate(FORMULAS):
        action = factories.make_action(
            p1, f"9.{n}", overall_objective=text, objective=text, responsible_officer=text[:100]
        )
        reported(action, q2, Rag.GREEN, outcomes=text, progress=text)
    query = {"q": "9.", "format": "csv"}

    rows = rows_of_csv(signed_in.get(URL, query))
    assert len(rows) == len(FORMULAS)
    for row, text in zip(rows, FORMULAS, strict=True):
        for column in (
            "Overall objective",
            "Objective",
            "Responsible officer",
            "Progress 2020 Q2",
            "Actual outcomes 2020 Q2",
        ):
            assert row[column] == "'" + text, column

    sheet = sheet_of(signed_in.get(URL, {**query, "format": "xlsx"}))
    header = [c.value for c in sheet[1]]
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert not [cell for cell in cells if cell.data_type == "f"]
    objectives = [row[header.index("Overall objective")] for row in sheet.iter_rows(min_row=2)]
    assert [(c.value, c.data_type) for c in objectives] == [("'" + text, "s") for text in FORMULAS]


def test_each_download_is_in_the_security_log(signed_in, listing, viewer, caplog):
    with caplog.at_level("INFO", logger="swp.security"):
        signed_in.get(URL, {"rag": "red", "format": "xlsx"})
    [record] = [r for r in caplog.records if r.getMessage() == "actions_exported"]
    assert record.security["user_id"] == viewer.pk
    assert record.security["format"] == "xlsx" and record.security["rows"] == "2"
    assert record.security["filename"] == "test-plan-2020-actions-2020-q2.xlsx"
    assert record.security["object"] == f"priorities.Plan:{listing['p1'].plan_id}"


# ---- Who may see it, and how many queries ------------------------------------------------------


def test_downloads_need_a_role_like_the_page(client, listing):
    client.force_login(factories.make_user(None, None))
    assert client.get(URL, {"format": "csv"}).status_code == 403
    client.logout()
    assert client.get(URL, {"format": "csv"}).status_code == 302


def test_another_partnerships_people_download_only_their_own_plan(client, listing, outsider, elsewhere):
    other_plan = factories.make_plan(elsewhere, title="Elsewhere Plan")
    factories.make_action(factories.make_priority(other_plan, 1), "1.1", overall_objective="Elsewhere only")
    client.force_login(outsider)
    rows = rows_of_csv(client.get(URL, {"format": "csv"}))
    assert [row["Overall objective"] for row in rows] == ["Elsewhere only"]


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
        assert response.status_code == 200
        if response.streaming:
            b"".join(response.streaming_content)
    return len(queries)


DEMO_FILTERS = [
    {},
    {"rag": "red", "organisation": "wmp"},
    {"q": "violence", "format": "csv"},
    {"format": "xlsx"},
]


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("params", DEMO_FILTERS)
def test_the_list_and_downloads_take_a_fixed_number_of_queries_as_the_plan_grows(
    client, params, django_assert_max_num_queries
):
    client.force_login(User.objects.get(email="officer@demo.example"))
    wmp = Organisation.objects.get(partnership__slug="safer-walsall", name="West Midlands Police")
    params = {key: (str(wmp.pk) if value == "wmp" else value) for key, value in params.items()}
    priority = Priority.objects.get(plan__partnership__slug="safer-walsall", order=1)
    period = ReportingPeriod.objects.get(plan=priority.plan, label="2020 Q3")
    theme = priority.plan.themes.first()

    def add_red_actions(count: int, start: int) -> None:
        for n in range(start, start + count):
            action = factories.make_action(
                priority,
                f"1.{100 + n}",
                owner=priority.lead_officer,
                overall_objective="Violence reduction work",
            )
            action.responsible_organisations.add(wmp)
            action.themes.add(theme)
            reported(action, period, Rag.RED)

    add_red_actions(1, 0)  # so every filter finds something (an empty list skips its prefetches)
    with django_assert_max_num_queries(12):
        client.get(URL, params)
    before = _queries(client, URL, params)
    add_red_actions(25, 1)
    assert _queries(client, URL, params) == before
