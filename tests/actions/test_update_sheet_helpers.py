"""Shared helpers for the update sheet tests (no tests here): a small plan, and sheets to fill in."""

import datetime
import io
from types import SimpleNamespace

import openpyxl
import pytest

from actions.update_sheet import writing
from actions.update_sheet.preview import UploadPreview, preview_upload
from tests import factories

HEADER_ROW = writing.HEADER_ROW


@pytest.fixture
def sheet_world(plan, period, p1, p2, lead_a, lead_b):
    """P1 (led by lead_a) has items 1.1–1.4; P2 (led by lead_b) has 2.1. Q1 is open."""
    actions = {
        ref: factories.make_action(
            p1,
            ref,
            order=order,
            start_date=datetime.date(2020, 1, 1),
            deadline=datetime.date(2020, 12, 31),
            objective=f"Objective {ref}",
        )
        for order, ref in enumerate(["1.1", "1.2", "1.3", "1.4"], start=1)
    }
    actions["2.1"] = factories.make_action(p2, "2.1", objective="Objective 2.1")
    return SimpleNamespace(
        plan=plan, period=period, p1=p1, p2=p2, lead=lead_a, other_lead=lead_b, actions=actions
    )


def download(user, plan, period) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(writing.update_sheet_bytes(user=user, plan=plan, period=period)))


def headings(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[HEADER_ROW] if cell.value}


def row_of(sheet, reference: str) -> int:
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        if sheet.cell(row, 1).value == reference:
            return row
    raise AssertionError(f"No row for {reference}")


def fill(workbook: openpyxl.Workbook, reference: str, **values) -> None:
    """Type into our sheet's row for `reference`: fill(wb, "1.1", RAG="Amber", Progress="…")."""
    sheet = workbook[writing.UPDATES_SHEET]
    columns = headings(sheet)
    row = row_of(sheet, reference)
    for heading, value in values.items():
        heading = {"What_is_being_done": "What is being done", "Complete": "Complete?"}.get(heading, heading)
        heading = heading.replace("_", " ")
        if heading == "Submit":
            heading = "Submit for review?"
        if heading == "Reason":
            heading = "Reason for new deadline"
        if heading == "Proposed":
            heading = "Proposed deadline"
        sheet.cell(row, columns[heading]).value = value


def xlsx(workbook: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def new_xlsx(rows: list[list], *, title: str = "Sheet1") -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    return xlsx(workbook)


def csv_of(rows: list[list], *, encoding: str = "utf-8-sig") -> bytes:
    import csv

    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


def preview(world, data: bytes, fmt: str = "xlsx", user=None) -> UploadPreview:
    return preview_upload(data=data, fmt=fmt, user=user or world.lead, plan=world.plan, period=world.period)


def row_preview(result, reference: str):
    return next(row for row in result.rows if row.reference == reference)
