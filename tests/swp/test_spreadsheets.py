"""SEC-14: spreadsheet downloads never carry a live formula, whatever people typed."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from swp.sheets.downloads import download
from swp.sheets.writing import csv_bytes, neutralise, sheet_title, xlsx_bytes

# Each of these is run by Excel, LibreOffice or Google Sheets when it starts a cell.
DANGEROUS = [
    "=1+1",
    '=HYPERLINK("http://x.example","y")',
    '==HYPERLINK("http://x.example","y")',
    "+1",
    "+SUM(1,1)",
    "-2",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\t=1+1",
    "\r=1",
    "\r=1+1",
]
# SEC-14's list, as seeded into the actions list below: \0x loses its NUL and gains the apostrophe.
SEC_14 = ["=1+1", '==HYPERLINK("http://x","y")', "+SUM(1,1)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "\0x"]


def _read_xlsx(body: bytes) -> list[list[openpyxl.cell.Cell]]:
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    return [list(row) for row in sheet.iter_rows()]


def _read_csv(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_a_spreadsheet_would_run_gets_one_apostrophe_and_keeps_the_rest(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Reduce violence", "1 = 1", " =1", "Police (WMP)", "", "'quoted"])
def test_ordinary_text_is_left_alone(text):
    assert neutralise(text) == text


def test_openpyxl_on_its_own_would_write_a_live_formula():
    # Why swp.sheets.writing exists: without it this export would run =HYPERLINK in Excel.
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = '=HYPERLINK("http://x.example","y")'
    assert workbook.active["A1"].data_type == "f"


def test_no_xlsx_cell_is_a_formula_and_every_dangerous_text_is_kept():
    rows = [[text, -5, Decimal("2.5")] for text in DANGEROUS]
    sheet = _read_xlsx(xlsx_bytes(["Text", "Number", "Decimal"], rows))
    assert [c.value for c in sheet[0]] == ["Text", "Number", "Decimal"]
    for text, (cell, number, decimal) in zip(DANGEROUS, sheet[1:], strict=True):
        assert cell.data_type == "s" and cell.value == "'" + text
        assert number.data_type == "n" and number.value == -5
        assert decimal.data_type == "n" and decimal.value == 2.5
    assert not [c for row in sheet for c in row if c.data_type == "f"]


def test_every_dangerous_csv_cell_starts_with_an_apostrophe_and_numbers_stay_numbers():
    rows = [[text, -5] for text in DANGEROUS]
    table = _read_csv(csv_bytes(["Text", "Number"], rows))
    assert table[0] == ["Text", "Number"]
    assert [row[0] for row in table[1:]] == ["'" + text for text in DANGEROUS]
    assert {row[1] for row in table[1:]} == {"-5"}


def test_headers_are_neutralised_too():
    assert _read_csv(csv_bytes(["=cmd"], []))[0] == ["'=cmd"]
    assert _read_xlsx(xlsx_bytes(["=cmd"], []))[0][0].value == "'=cmd"


def test_dates_blanks_unicode_and_newlines_survive():
    rows = [[datetime.date(2020, 12, 31), None, "Café – “quoted”\nsecond line", True]]
    table = _read_csv(csv_bytes(["Deadline", "Blank", "Text", "Done"], rows))
    assert table[1] == ["2020-12-31", "", "Café – “quoted”\nsecond line", "Yes"]
    sheet = _read_xlsx(xlsx_bytes(["Deadline", "Blank", "Text", "Done"], rows))
    deadline, blank, text, done = sheet[1]
    assert deadline.value == datetime.datetime(2020, 12, 31) and deadline.is_date
    assert blank.value is None
    assert text.value == "Café – “quoted”\nsecond line"
    assert done.value is True


def test_control_characters_that_xlsx_cannot_hold_are_dropped_not_a_crash():
    assert _read_xlsx(xlsx_bytes(["Text"], [["a\x00b\x1fc"]]))[1][0].value == "abc"
    assert _read_csv(csv_bytes(["Text"], [["a\x00b\x1fc"]]))[1] == ["abc"]


def test_text_that_began_with_a_control_character_is_marked_like_a_formula():
    # SEC-14 lists \0x: a leading NUL may be there to slip "=..." past a filter, so after dropping
    # it the cell starts with the apostrophe, in CSV and XLSX alike.
    assert neutralise("\x00x") == "'x"
    assert neutralise("\x00=1+1") == "'=1+1"
    assert neutralise("\x00") == ""
    assert _read_xlsx(xlsx_bytes(["Text"], [["\x00x"]]))[1][0].value == "'x"
    assert _read_csv(csv_bytes(["Text"], [["\x00x"]]))[1] == ["'x"]


def test_sheet_titles_are_made_acceptable_to_excel():
    assert sheet_title("Actions: 2020/Q3 [draft]") == "Actions  2020 Q3  draft"
    assert len(sheet_title("x" * 50)) == 31
    assert sheet_title("???") == "Sheet1"


def test_download_names_the_file_and_sets_the_type():
    response = download("csv", filename="Safer Walsall actions 2020 Q3", headers=["A"], rows=[["=1"]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="safer-walsall-actions-2020-q3.csv"'
    response = download("xlsx", filename='evil"; name', headers=["A"], rows=[["=1"]])
    assert response["Content-Disposition"] == 'attachment; filename="evil-name.xlsx"'
    assert _read_xlsx(response.content)[1][0].value == "'=1"
    with pytest.raises(ValueError):
        download("xlsm", filename="x", headers=[], rows=[])


@pytest.mark.django_db
def test_the_actions_list_download_neutralises_every_sec_14_text_and_keeps_dates(client, plan, p1, viewer):
    from django.db import connection
    from django.urls import reverse
    from django.utils import timezone

    from tests import factories

    period = factories.make_period(plan, 2)
    texts = [
        t for t in SEC_14 if connection.vendor != "postgresql" or "\0" not in t
    ]  # PostgreSQL refuses NUL
    for n, dangerous in enumerate(texts, start=1):
        action = factories.make_action(
            p1,
            f"1.{n}",
            overall_objective=dangerous,
            objective=dangerous,
            deadline=datetime.date(2020, 6, 30),
        )
        factories.make_update(
            action, period, rag="green", progress=dangerous, state="submitted", submitted_at=timezone.now()
        )
    expected = {"'" + t.replace("\0", "") for t in texts}
    client.force_login(viewer)

    table = _read_csv(client.get(reverse("actions:plan"), {"format": "csv"}).content)
    header = table[0]
    for column in ("Overall objective", "Objective", "Progress 2020 Q2"):
        cells = {row[header.index(column)] for row in table[1:]}
        assert cells == expected, column
    sheet = _read_xlsx(client.get(reverse("actions:plan"), {"format": "xlsx"}).content)
    assert not [c.coordinate for row in sheet for c in row if c.data_type == "f"]
    header = [c.value for c in sheet[0]]
    assert {row[header.index("Objective")].value for row in sheet[1:]} == expected
    assert {row[header.index("Deadline")].is_date for row in sheet[1:]} == {True}
