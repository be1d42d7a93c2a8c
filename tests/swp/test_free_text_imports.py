"""Limits on typed text and invisible characters in every spreadsheet path (issue 20, items 1 and 5).

The update sheet, the plan workbook and the admin's import refuse a cell over its field's limit, on its
row and column, and save nothing; each takes bidirectional controls and zero-width characters out.
"""

import json

import pytest

from actions.models import ActionUpdate
from actions.plan_workbook import read_workbook
from priorities.models import Plan
from swp.text_limits import COMMENT, DOCUMENT, NARRATIVE
from tests.actions import test_update_sheet_helpers as helpers
from tests.actions.test_update_sheet_helpers import download, fill, preview, xlsx
from tests.fixtures.plan_workbooks import minimal, workbook
from tests.swp.test_admin_import_export import UPDATE_HEADERS, csv_file, import_file, update_row
from tests.swp.test_admin_import_export import actions as actions  # noqa: F401 (fixtures)
from tests.swp.test_admin_import_export import preview as admin_preview
from tests.swp.test_admin_import_export import su_client as su_client  # noqa: F401
from tests.swp.test_admin_import_export import superuser as superuser  # noqa: F401

sheet_world = helpers.sheet_world  # the fixture

RLO = "\u202e"
DISGUISED = f"Evidence: photo{RLO}gnp.exe"
SHOWN = "Evidence: photognp.exe"


# --- The update sheet ------------------------------------------------------------------------------


def test_the_update_sheet_refuses_an_over_long_cell_on_its_row_and_column(sheet_world):
    sheet = download(sheet_world.lead, sheet_world.plan, sheet_world.period)
    fill(sheet, "1.1", RAG="Green", Progress="p" * (NARRATIVE + 1))
    fill(
        sheet, "1.2", RAG="Red", Progress="Slow", What_is_being_done="More staff", Reason="r" * (COMMENT + 1)
    )
    result = preview(sheet_world, xlsx(sheet))
    row_11, row_12 = (helpers.row_preview(result, ref).number for ref in ("1.1", "1.2"))
    assert (
        f"Row {row_11}, Progress: This must be 4,000 characters or fewer. It has 4,001"
        in result.error_messages
    )
    assert (
        f"Row {row_12}, Reason for new deadline: This must be 2,000 characters or fewer. It has 2,001"
        in result.error_messages
    )
    assert not result.can_confirm
    assert not ActionUpdate.objects.filter(action__plan=sheet_world.plan).exists()


def test_the_update_sheet_takes_text_at_the_limit_and_strips_invisible_characters(sheet_world):
    sheet = download(sheet_world.lead, sheet_world.plan, sheet_world.period)
    fill(sheet, "1.1", RAG="Green", Progress="p" * NARRATIVE)
    fill(sheet, "1.2", RAG="Green", Progress=DISGUISED, Outcomes="\u200bThree\u2060 events\ufeff")
    result = preview(sheet_world, xlsx(sheet))
    assert result.error_messages == []
    first, second = result.changes
    assert first.data.progress == "p" * NARRATIVE
    assert second.data.progress == SHOWN and second.data.outcomes == "Three events"


# --- The plan workbook -----------------------------------------------------------------------------


def problems_of(sheets: dict, partnership) -> list[str]:
    return [str(p) for p in read_workbook(workbook(sheets), "xlsx", partnership=partnership).problems]


@pytest.mark.parametrize(
    ("sheets", "expected"),
    [
        (
            minimal(Actions=[["Reference", "Overall objective"], ["1.1", "o" * (NARRATIVE + 1)]]),
            "Actions sheet, row 2, column “Overall objective”: This must be 4,000 characters or fewer. "
            "It has 4,001",
        ),
        (
            minimal(
                Priorities=[["Reference", "Title", "Why it is a priority"], ["1", "A", "w" * (DOCUMENT + 1)]]
            ),
            "Priorities sheet, row 2, column “Why it is a priority”: This must be 20,000 characters or "
            "fewer. It has 20,001",
        ),
        (
            minimal(Plan=[["Title", "T 2021"], ["Period", "2021"], ["Vision", "v" * (NARRATIVE + 1)]]),
            "Plan sheet, row 3, column “Vision”: This must be 4,000 characters or fewer. It has 4,001",
        ),
        (
            minimal(Themes=[["Name", "Description"], ["Domestic abuse", "d" * (NARRATIVE + 1)]]),
            "Themes sheet, row 2, column “Description”: This must be 4,000 characters or fewer. It has 4,001",
        ),
    ],
)
def test_the_plan_workbook_refuses_an_over_long_cell_naming_sheet_row_and_column(walsall, sheets, expected):
    assert problems_of(sheets, walsall) == [expected]
    assert not Plan.objects.filter(partnership=walsall).exists()


def test_the_plan_workbook_takes_invisible_characters_out(walsall):
    sheets = minimal(Actions=[["Reference", "Overall objective"], ["1.1", f"\u200b{DISGUISED}"]])
    preview_ = read_workbook(workbook(sheets), "xlsx", partnership=walsall)
    assert preview_.problems == []
    assert preview_.actions[0].overall_objective == SHOWN


# --- The admin's import ----------------------------------------------------------------------------


def test_the_admin_import_refuses_an_over_long_cell_by_column_and_saves_nothing(
    su_client, plan, period, actions
):
    rows = [
        update_row(plan, actions[0], period),
        update_row(plan, actions[1], period, Outcomes="o" * (NARRATIVE + 1)),
    ]
    previewed = admin_preview(su_client, ActionUpdate, "updates.csv", csv_file(UPDATE_HEADERS, rows))
    result = previewed.context["result"]
    assert previewed.context.get("confirm_form") is None
    invalid = {row.number: row.error_dict for row in result.invalid_rows}
    assert json.loads(json.dumps(invalid[2], default=str)) == {
        "Outcomes": ["This must be 4,000 characters or fewer. It has 4,001"]
    }
    assert "This must be 4,000 characters or fewer. It has 4,001" in previewed.content.decode()
    assert not ActionUpdate.objects.filter(action__plan=plan).exists()


def test_the_admin_import_takes_invisible_characters_out(su_client, plan, period, actions):
    rows = [update_row(plan, actions[0], period, Progress=DISGUISED, Outcomes="\ufeffTwo events\u200d")]
    import_file(su_client, ActionUpdate, "updates.csv", csv_file(UPDATE_HEADERS, rows))
    update = ActionUpdate.objects.get(action=actions[0], period=period)
    assert update.progress == SHOWN and update.outcomes == "Two events"
