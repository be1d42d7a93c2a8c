"""The update sheet's last quarter column and the Measures sheet: for information, never read back
(issue 16, item 6)."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone

from actions.models import ActionUpdate, Rag
from actions.update_sheet import writing
from actions.update_sheet.preview import preview_upload
from priorities.models import MeasureReading, ReportingPeriod
from tests import factories
from tests.actions.test_update_sheet_helpers import fill, headings, row_of, xlsx

LAST = "Last quarter (do not change)"


@pytest.fixture
def second_quarter(plan, p1, lead_a):
    q1 = factories.make_period(plan, 1, status=ReportingPeriod.Status.LOCKED)
    q2 = factories.make_period(plan, 2)
    reported = factories.make_action(p1, "1.1", deadline=datetime.date(2020, 12, 31))
    factories.make_action(p1, "1.2")
    factories.make_update(
        reported,
        q1,
        rag=Rag.AMBER,
        state=ActionUpdate.State.ACCEPTED,
        submitted_at=timezone.now(),
        progress="Knife arches bought for two schools.",
        recovery_plan="Waiting for the third.",
    )
    measure = factories.make_measure(
        p1, 1, title="Knife crime offences", baseline_value=Decimal("120"), baseline_period="2018/19"
    )
    MeasureReading.objects.create(measure=measure, period=q1, value=Decimal("104"))
    factories.make_measure(p1, 2, title="Residents who feel safe", kind="qualitative", direction="", unit="")
    return {"plan": plan, "q2": q2, "lead": lead_a}


def _download(world, user=None):
    data = writing.update_sheet_bytes(user=user or world["lead"], plan=world["plan"], period=world["q2"])
    return openpyxl.load_workbook(io.BytesIO(data))


def test_each_row_shows_last_quarters_rating_and_progress(second_quarter):
    sheet = _download(second_quarter)[writing.UPDATES_SHEET]
    column = headings(sheet)[LAST]
    assert (
        sheet.cell(row_of(sheet, "1.1"), column).value
        == "2020 Q1, Amber: Knife arches bought for two schools."
    )
    assert sheet.cell(row_of(sheet, "1.2"), column).value == "No update reported for 2020 Q1"
    assert sheet.cell(row_of(sheet, "1.1"), column).protection.locked


def test_the_lead_gets_their_measures_with_last_quarters_readings(second_quarter):
    workbook = _download(second_quarter)
    assert workbook.sheetnames == ["Updates", "Measures", "Instructions", "About"]
    sheet = workbook["Measures"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    assert rows[0] == [
        "Priority",
        "Measure",
        "Baseline",
        "Target",
        "Reading 2020 Q1 (last quarter)",
        "Reading 2020 Q2",
    ]
    assert rows[1][1:3] == ["Knife crime offences", "120 offences (2018/19)"]
    assert rows[1][4:] == ["104 offences", "No reading"]
    assert rows[2][1] == "Residents who feel safe"
    assert sheet.protection.sheet


def test_someone_who_leads_no_measures_gets_no_measures_sheet(second_quarter, secretary):
    assert "Measures" not in _download(second_quarter, user=secretary).sheetnames


def test_the_upload_ignores_the_last_quarter_column_and_the_measures_sheet(second_quarter):
    workbook = _download(second_quarter)
    sheet = workbook[writing.UPDATES_SHEET]
    sheet.cell(row_of(sheet, "1.2"), headings(sheet)[LAST]).value = "Green: typed over"
    workbook["Measures"].cell(4, 5).value = "999"
    fill(workbook, "1.1", RAG="Green", Progress="All three schools have arches.")
    result = preview_upload(
        data=xlsx(workbook),
        fmt="xlsx",
        user=second_quarter["lead"],
        plan=second_quarter["plan"],
        period=second_quarter["q2"],
    )
    assert result.error_messages == []
    assert [row.reference for row in result.changes] == ["1.1"]
    assert LAST not in result.unused_columns
    assert MeasureReading.objects.filter(value=Decimal("999")).count() == 0
