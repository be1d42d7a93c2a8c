"""Plan workbooks as real plans and real spreadsheets shape them (issue 15, items 4 to 7): numbers as
Excel stores them, one message for one mistake, plans as written, and a plan brought in mid-year.

Each test builds the workbook it reads with openpyxl, cell formats and all.
"""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from actions.models import Action, ActionUpdate
from actions.plan_workbook import creating, exporter, read_workbook
from actions.plan_workbook import format as f
from governance.models import Board
from priorities.models import BaselineStatistic, Measure, Plan
from priorities.selectors import leads_as_written
from tests import factories
from tests.fixtures.plan_workbooks import minimal

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Shown:
    """A cell written with a number format, as Excel keeps 26 % (0.26 shown through "0%")."""

    def __init__(self, value, number_format: str):
        self.value, self.number_format = value, number_format


def build(sheets: dict[str, list[list]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if isinstance(value, Shown):
                    cell = sheet.cell(row=r, column=c, value=value.value)
                    cell.number_format = value.number_format
                elif value is not None:
                    sheet.cell(row=r, column=c, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def preview_of(sheets: dict, partnership):
    return read_workbook(build(sheets), "xlsx", partnership=partnership)


def problems(sheets: dict, partnership) -> list[str]:
    return [str(p) for p in preview_of(sheets, partnership).problems]


PLAN_WITH_ASSESSMENT = [
    ["Detail", "Value"],
    ["Title", "Shapes Plan 2021"],
    ["Period", "2021"],
    ["Strategic assessment", "Assessment 2021"],
    ["Assessment completed on", "31/01/2021"],
]
MEASURE_HEADINGS = ["Priority reference", "Title", "Direction", "Baseline value", "Target value"]
STATISTIC_HEADINGS = ["Reference", "Label", "Value", "Unit", "Period", "Source"]


# Item 4: numbers as spreadsheets store them --------------------------------------------------------


def test_cells_shown_as_percentages_are_read_as_shown(walsall, admin_user):
    sheets = minimal(
        Plan=PLAN_WITH_ASSESSMENT,
        Measures=[
            MEASURE_HEADINGS,
            ["1", "Repeat victims", "Lower", Shown(0.26, "0%"), Shown(0.438, "0.0%")],
        ],
        **{
            "Baseline statistics": [
                STATISTIC_HEADINGS,
                ["S1", "Victims who were repeat victims", Shown(0.305, "0.0%"), "", "2020", "Police"],
            ]
        },
    )
    preview = preview_of(sheets, walsall)
    assert preview.problems == []
    plan = creating.apply(preview, by=admin_user)

    measure = Measure.objects.get(priority__plan=plan)
    assert (measure.baseline_value, measure.target_value) == (Decimal("26"), Decimal("43.8"))
    assert (measure.unit, measure.unit_type) == ("%", Measure.UnitType.PERCENTAGE)
    statistic = BaselineStatistic.objects.get(assessment=plan.strategic_assessment)
    assert (statistic.value, statistic.unit) == (Decimal("30.5"), "%")


def test_a_percent_sign_typed_in_the_cell_is_read_as_the_number_shown(walsall):
    sheets = minimal(Measures=[MEASURE_HEADINGS, ["1", "Repeat victims", "Lower", "26%", "43.8%"]])
    preview = preview_of(sheets, walsall)
    assert preview.problems == []
    assert (preview.measures[0].baseline_value, preview.measures[0].target_value) == (26, Decimal("43.8"))


@pytest.mark.parametrize(
    "row, expected",
    [
        (["1", "M", "Lower", 0.438, ""],
         "Measures sheet, row 2, column “Baseline value”: “0.438” has more than 2 decimal places. "
         "If it is a percentage, type it with a % sign (43.8%). Otherwise, round it to 2 decimal places"),
        (["1", "M", "Lower", "", "1.005"],
         "Measures sheet, row 2, column “Target value”: “1.005” has more than 2 decimal places. "
         "Round it to 2 decimal places"),
        (["1", "M", "Lower", 12345678901234, ""],
         "Measures sheet, row 2, column “Baseline value”: “12345678901234” is too large to keep: "
         "figures up to 999,999,999,999.99 can be kept"),
        (["1", "M", "Lower", Shown(0.43875, "0.00%"), ""],
         "Measures sheet, row 2, column “Baseline value”: “43.875%” has more than 2 decimal places"),
    ],
)  # fmt: skip
def test_a_number_the_database_would_refuse_is_refused_at_its_cell(row, expected, walsall):
    found = problems(minimal(Measures=[MEASURE_HEADINGS, row]), walsall)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_a_statistic_the_database_would_refuse_is_refused_at_its_cell_and_nothing_is_loaded(walsall):
    sheets = minimal(
        Plan=PLAN_WITH_ASSESSMENT,
        **{"Baseline statistics": [STATISTIC_HEADINGS, ["S1", "Share", 0.438, "%", "2020", "Police"]]},
    )
    preview = preview_of(sheets, walsall)
    assert [str(p) for p in preview.problems] == [
        "Baseline statistics sheet, row 2, column “Value”: “0.438” has more than 2 decimal places. "
        "If it is a percentage, type it with a % sign (43.8%). Otherwise, round it to 2 decimal places"
    ]
    with pytest.raises(creating.ImportRefused):
        creating.apply(preview, by=None)
    assert not Plan.objects.filter(partnership=walsall).exists()


# Item 5: one mistake, one message --------------------------------------------------------------------


def test_a_statistic_with_a_problem_gives_one_error_not_one_for_each_row_that_refers_to_it(walsall):
    sheets = minimal(
        Plan=PLAN_WITH_ASSESSMENT,
        Priorities=[["Reference", "Title", "Statistics cited"], ["1", "Violence", "S1"]],
        Actions=[["Reference", "Overall objective"], ["1.1", "Listen to communities"]],
        Measures=[["Priority reference", "Title", "Baseline statistic"], ["1", "Feeling safe", "S1"]],
        **{"Baseline statistics": [STATISTIC_HEADINGS, ["S1", "Violent crimes", "", "crimes", "2020", "P"]]},
    )
    assert problems(sheets, walsall) == [
        "Baseline statistics sheet, row 2, column “Value”: Enter the value: it is required on every row",
        "Priorities sheet, row 2, column “Statistics cited”: Refers to row 2 of Baseline statistics, "
        "which has a problem",
        "Measures sheet, row 2, column “Baseline statistic”: Refers to row 2 of Baseline statistics, "
        "which has a problem",
    ]


def test_a_priority_with_a_problem_gives_no_false_errors_in_its_actions_measures_and_themes(walsall):
    sheets = minimal(
        Priorities=[["Reference", "Title"], ["1", "V" * 201], ["1.1", "Youth violence"]],
        Actions=[["Reference", "Overall objective"], ["1.2", "Listen"], ["1.1.1", "Mentor"]],
        Measures=[["Priority reference", "Title"], ["1", "Feeling safe"]],
        Themes=[["Name", "Priorities"], ["Domestic abuse", "1; 1.1"]],
    )
    refers = "Refers to row 2 of Priorities, which has a problem"
    assert problems(sheets, walsall) == [
        "Priorities sheet, row 2, column “Title”: This must be 200 characters or fewer. It has 201",
        f"Measures sheet, row 2, column “Priority reference”: {refers}",
        f"Themes sheet, row 2, column “Priorities”: {refers}",
        f"Actions sheet, row 2, column “Priority reference”: {refers}",
    ]


# Item 6: what a plan does not state is left blank, with a warning -------------------------------------


def test_units_sources_periods_and_dates_a_plan_does_not_state_are_left_blank_with_a_warning(
    walsall, admin_user
):
    sheets = minimal(
        Plan=[["Detail", "Value"], ["Title", "Shapes Plan 2021"], ["Period", "2021"],
              ["Strategic assessment", "Assessment 2021"]],
        Measures=[["Priority reference", "Title", "Direction", "Baseline value"],
                  ["1", "Violent crimes", "Lower", "3,700"]],
        **{"Baseline statistics": [STATISTIC_HEADINGS, ["S1", "Violent crimes", "3700", "", "", ""]]},
    )  # fmt: skip
    preview = preview_of(sheets, walsall)
    assert preview.problems == []
    assert [note for note in preview.notes if "not stated" in note] == [
        "Baseline statistics sheet, row 2: Unit, Period and Source are not stated in the plan, so they are "
        "left blank",
        "Measures sheet, row 2: Unit, Baseline period and Baseline source are not stated in the plan, so "
        "they are left blank",
        "Plan sheet: Assessment completed on is not stated in the plan, so it is left blank",
    ]
    plan = creating.apply(preview, by=admin_user)
    statistic = BaselineStatistic.objects.get(assessment=plan.strategic_assessment)
    assert (statistic.unit, statistic.period, statistic.source) == ("", "", "")
    assert plan.strategic_assessment.completed_on is None
    measure = Measure.objects.get(priority__plan=plan)
    assert (measure.unit, measure.baseline_period, measure.baseline_source) == ("", "", "")


# Item 7: a plan brought in mid-year ------------------------------------------------------------------

LATEST_HEADINGS = ["Reference", "Overall objective", "Latest RAG", "Latest progress", "What is being done",
                   "Reported for"]  # fmt: skip


def test_each_actions_latest_status_becomes_an_accepted_update_in_its_quarter(walsall, admin_user):
    sheets = minimal(
        Plan=[["Detail", "Value"], ["Title", "Mid-year Plan 2021/22"], ["Period", "2021/22"]],
        Actions=[
            LATEST_HEADINGS,
            ["1.1", "Listen to communities", "Amber", "Two of five meetings held", "Dates set", "2021/22 q2"],
            ["1.2", "Map hotspots", "g", "Map drafted", "", datetime.date(2021, 12, 15)],
            ["1.3", "Not reported yet", "", "", "", ""],
        ],
    )
    preview = preview_of(sheets, walsall)
    assert preview.problems == []
    assert ("Latest updates", 2) in preview.counts()
    plan = creating.apply(preview, by=admin_user)

    updates = {u.action.reference: u for u in ActionUpdate.objects.filter(action__plan=plan)}
    assert sorted(updates) == ["1.1", "1.2"]
    first, second = updates["1.1"], updates["1.2"]
    assert (first.period.label, first.rag, first.progress, first.recovery_plan, first.state) == (
        "2021/22 Q2", "amber", "Two of five meetings held", "Dates set", ActionUpdate.State.ACCEPTED,
    )  # fmt: skip
    assert (second.period.label, second.rag, second.state) == ("2021/22 Q3", "green", "accepted")
    assert first.reviewed_by == first.submitted_by == admin_user
    record = first.history.get()
    assert record.history_user == admin_user
    assert record.history_change_reason == "Imported from a plan workbook: the update reported for 2021/22 Q2"


@pytest.mark.parametrize(
    "row, expected",
    [
        (["1.1", "A", "Red", "Behind", "", "2021/22 Q2"],
         "Actions sheet, row 2, column “What is being done”: Say what is being done to get this red action "
         "back on track"),
        (["1.1", "A", "Green", "On track", "", ""],
         "Actions sheet, row 2, column “Reported for”: Say which quarter this was reported for"),
        (["1.1", "A", "", "On track", "", "2021/22 Q2"],
         "Actions sheet, row 2, column “Latest RAG”: Give the RAG rating reported with this progress"),
        (["1.1", "A", "Purple", "On track", "", "2021/22 Q2"],
         "Actions sheet, row 2, column “Latest RAG”: “Purple” is not a RAG rating"),
        (["1.1", "A", "Green", "On track", "", "Q7"],
         "Actions sheet, row 2, column “Reported for”: “Q7” is not one of the plan's quarters (2021/22 Q1, "
         "2021/22 Q2, 2021/22 Q3, 2021/22 Q4)"),
        (["1.1", "A", "Green", "On track", "", "31/09/2021"],
         "Actions sheet, row 2, column “Reported for”: “31/09/2021” is not a real date"),
    ],
)  # fmt: skip
def test_a_latest_status_the_database_would_refuse_is_refused_at_its_cell(row, expected, walsall):
    sheets = minimal(
        Plan=[["Detail", "Value"], ["Title", "Mid-year Plan 2021/22"], ["Period", "2021/22"]],
        Actions=[LATEST_HEADINGS, row],
    )
    found = problems(sheets, walsall)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_a_latest_status_for_a_quarter_that_has_not_begun_is_refused(walsall):
    next_year = timezone.localdate().year + 1
    sheets = minimal(
        Plan=[["Detail", "Value"], ["Title", "Next year's plan"], ["Period", str(next_year)]],
        Actions=[LATEST_HEADINGS, ["1.1", "A", "Green", "On track", "", f"{next_year} Q1"]],
    )
    assert problems(sheets, walsall) == [
        f"Actions sheet, row 2, column “Reported for”: {next_year} Q1 has not started yet: a latest update "
        "can be brought in only for a quarter that has begun"
    ]


# Item 6: a plan as written, and a round trip through export_plan and import_plan ---------------------

AS_WRITTEN = {
    "Plan": [
        ["Detail", "Value"], ["Title", "Safer Shire Strategy 2020-2029"], ["Starts", "01/01/2020"],
        ["Ends", "31/12/2029"], ["Strategic assessment", "Shire assessment 2019"],
    ],
    "Partners": [
        ["Name", "Short name", "Kind"],
        ["Shire Council", "SC", "Council"],
        ["Shire Police", "SP", "Police"],
        ["Borough Fire & Rescue", "", "Fire and rescue"],
        ["Violence Reduction Group", "VRG", "Group"],
        ["Reducing Reoffending Group", "RRG", "Group"],
    ],
    "Priorities": [
        ["Reference", "Title", "Lead bodies", "Statistics cited"],
        ["1", "Violence", "SC; Shire Police; Borough Fire & Rescue", "S1"],
        ["1.1", "Youth violence", "VRG", ""],
    ],
    "Measures": [
        ["Priority reference", "Title", "Direction", "Baseline value", "Target value"],
        ["1", "Repeat victims", "Lower", Shown(0.26, "0%"), Shown(0.2, "0%")],
    ],
    "Actions": [
        ["Reference", "Overall objective", "Horizon", "Start date", "Deadline", "Latest RAG",
         "Latest progress", "What is being done", "Reported for"],
        ["1.1.1", "Mentor young people", "ten years", "2020", "2030", "Amber", "Slow start",
         "Second provider", "2020 Q2"],
        ["1.2", "Map hotspots", "", 2020, "Ongoing", "Green", "Map drafted", "", datetime.date(2020, 8, 1)],
    ],
    "Baseline statistics": [
        STATISTIC_HEADINGS, ["S1", "Violent crimes", "3,700", "crimes", "2018/19", ""],
    ],
}  # fmt: skip


def test_a_plan_is_loaded_as_it_is_written(walsall, admin_user):
    preview = preview_of(AS_WRITTEN, walsall)
    assert preview.problems == []
    assert "Actions sheet, row 2: start “2020” is a year, so it is taken as 1 January 2020" in preview.notes
    plan = creating.apply(preview, by=admin_user)

    priorities = {p.reference: p for p in plan.priorities.select_related("lead_organisation")}
    leads = leads_as_written(list(priorities.values()))
    assert [b.name for b in leads[priorities["1"].pk].partners] == [
        "Shire Council", "Shire Police", "Borough Fire & Rescue",
    ]  # fmt: skip
    assert [b.name for b in leads[priorities["1.1"].pk].groups] == ["Violence Reduction Group"]
    groups = Board.objects.filter(partnership=walsall, kind=Board.Kind.THEMATIC_GROUP)
    assert sorted((g.name, g.short_name) for g in groups) == [
        ("Reducing Reoffending Group", "RRG"), ("Violence Reduction Group", "VRG"),
    ]  # fmt: skip
    actions = {a.reference: a for a in Action.objects.filter(plan=plan)}
    assert (actions["1.1.1"].horizon, actions["1.1.1"].start_date, actions["1.1.1"].timescale) == (
        Action.Horizon.LONGER, datetime.date(2020, 1, 1), "2030",
    )  # fmt: skip
    assert actions["1.2"].start_date == datetime.date(2020, 1, 1)
    assert plan.periods.count() == 40  # ten years of quarters


def _template_sheets(data: bytes) -> dict[str, list[tuple]]:
    """The sheets an export shares with the template, as values: what import_plan reads back."""
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    return {
        sheet.title: [tuple(row) for row in book[sheet.title].iter_rows(values_only=True)]
        for sheet in f.TEMPLATE_SHEETS
    }


def test_a_plan_as_written_round_trips_through_export_plan_and_import_plan_unchanged(
    walsall, admin_user, tmp_path
):
    first = creating.apply(preview_of(AS_WRITTEN, walsall), by=admin_user)
    out = io.StringIO()
    call_command("export_plan", "--partnership", walsall.slug, "--plan", str(first.pk),
                 "--output", str(tmp_path / "first.xlsx"), stdout=out)  # fmt: skip
    elsewhere = factories.make_partnership("Elsewhere Partnership")
    call_command("import_plan", str(tmp_path / "first.xlsx"), "--partnership", elsewhere.slug, "--commit",
                 stdout=out)  # fmt: skip
    second = Plan.objects.get(partnership=elsewhere)
    call_command("export_plan", "--partnership", elsewhere.slug, "--plan", str(second.pk),
                 "--output", str(tmp_path / "second.xlsx"), stdout=out)  # fmt: skip

    before = _template_sheets((tmp_path / "first.xlsx").read_bytes())
    after = _template_sheets((tmp_path / "second.xlsx").read_bytes())
    assert after == before
    assert ("Reducing Reoffending Group", "RRG", "Group", None) in before["Partners"]
    assert before["Priorities"][1][3] == "Shire Council; Shire Police; Borough Fire & Rescue"
    updates = ActionUpdate.objects.filter(action__plan=second, state=ActionUpdate.State.ACCEPTED)
    assert sorted((u.action.reference, u.period.label, u.rag) for u in updates) == [
        ("1.1.1", "2020 Q2", "amber"), ("1.2", "2020 Q3", "green"),
    ]  # fmt: skip


def test_the_loaded_plans_page_names_joint_leads_in_the_order_written(client, walsall, admin_user):
    plan = creating.apply(preview_of(AS_WRITTEN, walsall), by=admin_user)
    client.force_login(admin_user)
    page = client.get(reverse("plan_workbook:plan", args=[plan.pk])).content.decode()
    assert "Shire Council; Shire Police; Borough Fire &amp; Rescue" in page


def test_the_csv_export_brings_each_actions_latest_status_back_too(walsall, admin_user):
    first = creating.apply(preview_of(AS_WRITTEN, walsall), by=admin_user)
    data = exporter.export_bytes(first, "csv")
    preview = read_workbook(data, "zip", partnership=factories.make_partnership("Elsewhere Partnership"))
    assert preview.problems == []
    reported = [(a.reference, a.reported.period, a.reported.rag) for a in preview.actions if a.reported]
    assert sorted(reported) == [("1.1.1", "2020 Q2", "amber"), ("1.2", "2020 Q3", "green")]
    assert [p.reference for p in preview.priorities] == ["1", "1.1"]
    assert [preview.body_name(key) for key in preview.priorities[0].leads] == [
        "Shire Council", "Shire Police", "Borough Fire & Rescue",
    ]  # fmt: skip


def test_import_plan_lists_each_latest_update_it_would_load(walsall, tmp_path):
    (tmp_path / "plan.xlsx").write_bytes(build(AS_WRITTEN))
    out = io.StringIO()
    call_command("import_plan", str(tmp_path / "plan.xlsx"), "--partnership", walsall.slug, stdout=out)
    assert "    Latest update: Amber in 2020 Q2, accepted when loaded" in out.getvalue().splitlines()
    assert not Plan.objects.filter(partnership=walsall).exists()


def test_the_preview_page_warns_of_what_is_not_stated_and_lists_the_latest_updates(
    client, walsall, admin_user
):
    client.force_login(admin_user)
    upload = SimpleUploadedFile("shire.xlsx", build(AS_WRITTEN), XLSX)
    response = client.post(reverse("plan_workbook:upload"), {"file": upload}, follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Baseline statistics sheet, row 2: Source is not stated in the plan, so it is left blank" in page
    assert "Latest updates, accepted in the quarter they were reported for (2)" in page
    assert "Second provider" in page
    assert not Plan.objects.filter(partnership=walsall).exists()
