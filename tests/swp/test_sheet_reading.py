"""swp/sheets/reading.py, headers.py and values.py: what the spreadsheets people really keep say."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from swp.sheets.headers import Column, find_header, match_header_row
from swp.sheets.reading import SheetRow, csv_rows, decode_csv, read_rows, xlsx_rows, xlsx_sheet_names
from swp.sheets.uploads import UploadRefused
from swp.sheets.values import (
    CellError,
    fit_decimal,
    is_blank,
    normalise_words,
    parse_number,
    parse_rag,
    parse_reference,
    parse_uk_date,
    reference_was_number,
    strip_protective_prefix,
    text,
)
from swp.sheets.writing import neutralise


def workbook(**sheets) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# Rows ---------------------------------------------------------------------------------------------


def test_utf8_with_and_without_bom_and_windows_1252_decode():
    assert decode_csv("Café £5".encode("utf-8-sig")) == "Café £5"
    assert decode_csv("Café £5".encode()) == "Café £5"
    assert decode_csv("Café £5 – “ok”".encode("cp1252")) == "Café £5 – “ok”"


def test_bytes_that_are_neither_are_refused_in_words():
    with pytest.raises(UploadRefused, match="Save it as “CSV UTF-8”"):
        decode_csv(b"\x81\x8d\x8f\x90\x9d\xff")


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_csv_rows_carry_excel_row_numbers_whatever_the_separator(separator):
    data = (
        separator.join(["Ref", "Progress"])
        + "\r\n"
        + separator.join(["1.1", '"Line one\nline two"'])
        + "\r\n"
    )
    rows = csv_rows(data.encode())
    assert rows == [SheetRow(1, ("Ref", "Progress")), SheetRow(2, ("1.1", "Line one\nline two"))]


def test_the_separator_is_the_one_the_heading_line_uses():
    assert [r.cells for r in csv_rows(b"Ref;Note\n1.1;a, b and c\n")] == [
        ("Ref", "Note"),
        ("1.1", "a, b and c"),
    ]
    assert [r.cells for r in csv_rows(b"Ref\n1.1\n")] == [("Ref",), ("1.1",)]


def test_a_csv_with_a_field_too_long_to_read_is_refused():
    with pytest.raises(UploadRefused, match="could not be read"):
        csv_rows(b'a,b\n"' + b"x" * 200_000 + b'",1\n')


def test_xlsx_rows_read_values_not_formulas_from_the_named_or_first_sheet():
    data = workbook(
        Intro=[["Read me"]], Updates=[["Ref", "Due"], ["1.1", datetime.date(2023, 3, 31)], ["1.2", "=1+1"]]
    )
    assert xlsx_sheet_names(data) == ["Intro", "Updates"]
    assert [row.cells for row in xlsx_rows(data)] == [("Read me",)]
    rows = list(read_rows(data, "xlsx", sheet="Updates"))
    assert rows[1] == SheetRow(2, ("1.1", datetime.datetime(2023, 3, 31)))
    assert rows[2].cells == ("1.2", None)  # a formula never calculated: no value, never the formula


def test_a_missing_sheet_and_a_damaged_workbook_are_refused_in_words():
    with pytest.raises(UploadRefused, match="no sheet called “Updates”"):
        list(xlsx_rows(workbook(Sheet=[["a"]]), sheet="Updates"))
    with pytest.raises(UploadRefused, match="could not be opened"):
        list(xlsx_rows(b"PK\x03\x04 not really"))


def test_read_rows_knows_only_csv_and_xlsx():
    assert [r.cells for r in read_rows(b"a,b\n", "csv")] == [("a", "b")]
    with pytest.raises(ValueError):
        read_rows(b"", "json")


def test_blank_rows_are_blank():
    assert SheetRow(3, (None, "  ", "")).is_blank()
    assert not SheetRow(3, (None, 0)).is_blank()
    assert is_blank(None) and is_blank(" \n") and not is_blank(0) and not is_blank("x")


# Headings ---------------------------------------------------------------------------------------

COLUMNS = [
    Column("reference", "Reference", ("Ref", "Item No.", "Item number"), required=True),
    Column("rag", "RAG", ("RAG status", "On target?"), required=True),
    Column("progress", "Progress", ("Update", "Progress update")),
    Column("deadline", "Deadline", ("Due",)),
]


def test_headings_are_normalised():
    assert normalise_words("  Item No. ") == "item no"
    assert normalise_words("On target?") == "on target"
    assert normalise_words("RAG/Status") == "rag status"
    assert normalise_words(None) == ""
    assert normalise_words("Budget £ (%)") == "budget £ %"


def test_the_heading_row_is_found_below_a_title_with_synonyms_in_any_case():
    rows = [
        SheetRow(1, ("Safer Walsall: quarterly updates",)),
        SheetRow(2, ()),
        SheetRow(3, ("ITEM NO.", "On Target?", "Progress update", "Notes", "due")),
        SheetRow(4, ("1.1", "G", "Done", "", "31/03/2023")),
    ]
    match = find_header(rows, COLUMNS)
    assert match.row_number == 3
    assert match.positions == {"reference": 0, "rag": 1, "progress": 2, "deadline": 4}
    assert match.ignored == ["Notes"]
    assert match.get(rows[3], "deadline") == "31/03/2023"
    assert match.get(SheetRow(5, ("1.2",)), "rag") is None


def test_two_columns_that_could_be_the_same_thing_are_an_error_not_a_choice():
    match, problems = match_header_row(SheetRow(1, ("Ref", "RAG", "Update", "Progress")), COLUMNS)
    assert problems == ["Columns C and D could both be “Progress”. Delete or rename one of them"]
    with pytest.raises(CellError, match="could both be “Progress”"):
        find_header([SheetRow(1, ("Ref", "RAG", "Update", "Progress"))], COLUMNS)


def test_missing_required_columns_and_no_headings_are_named():
    with pytest.raises(CellError, match="Row 1 looks like the headings but has no column headed “RAG”"):
        find_header([SheetRow(1, ("Ref", "Progress"))], COLUMNS)
    with pytest.raises(
        CellError, match="No heading row found. The sheet needs columns headed “Reference”, “RAG”"
    ):
        find_header([SheetRow(1, ("x", "y"))], COLUMNS)
    with pytest.raises(CellError, match="No heading row found"):
        find_header([], COLUMNS)


# Values -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, date",
    [
        ("31/03/2023", datetime.date(2023, 3, 31)),
        ("1/4/22", datetime.date(2022, 4, 1)),
        ("01.04.2022", datetime.date(2022, 4, 1)),
        ("1-4-2022", datetime.date(2022, 4, 1)),
        ("2023-03-31", datetime.date(2023, 3, 31)),
        ("2023-03-31 00:00:00", datetime.date(2023, 3, 31)),
        (" 31 March 2023 ", datetime.date(2023, 3, 31)),
        ("1st Sept 2022", datetime.date(2022, 9, 1)),
        ("3 Feb. 2021", datetime.date(2021, 2, 3)),
        (datetime.datetime(2023, 3, 31, 14, 5), datetime.date(2023, 3, 31)),
        (datetime.date(2023, 3, 31), datetime.date(2023, 3, 31)),
        ("", None),
        (None, None),
    ],
)
def test_uk_dates_are_read_day_first(written, date):
    assert parse_uk_date(written) == date


@pytest.mark.parametrize(
    "written, message",
    [
        ("31/02/2025", "“31/02/2025” is not a real date: February has no day 31"),
        ("31/09/2022", "September has no day 31"),
        ("12/13/2022", "there is no month 13"),
        ("TBC", "“TBC” is not a date. Enter a date like 31/03/2023, or leave it blank"),
        ("Ongoing", "is not a date"),
        ("Q3 2022", "is not a date"),
        ("31 Smarch 2023", "is not a date"),
        ("01/01/0001", "check the year"),
        (45000, "is a number, not a date"),
        (45000.5, "is a number, not a date"),
    ],
)
def test_anything_not_clearly_a_date_is_an_error_with_a_reason(written, message):
    with pytest.raises(CellError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_uk_date(written)


@pytest.mark.parametrize(
    "written, rag",
    [
        ("R", "red"),
        (" red ", "red"),
        ("AMBER", "amber"),
        ("a", "amber"),
        ("Green", "green"),
        ("g ", "green"),
        ("", ""),
    ],
)
def test_rag_from_letters_or_words_in_any_case(written, rag):
    assert parse_rag(written) == rag


@pytest.mark.parametrize("written", ["Purple", "RA", "Red/Amber", "On track", "1"])
def test_anything_else_is_not_a_rag_rating(written):
    with pytest.raises(CellError, match=f"“{written}” is not a RAG rating. Enter red, amber or green"):
        parse_rag(written)


@pytest.mark.parametrize(
    "written, number",
    [
        ("£1,234.50", Decimal("1234.50")),
        ("1,234,567", Decimal("1234567")),
        ("-£5", Decimal("-5")),
        ("45%", Decimal("45")),
        (" 12 ", Decimal("12")),
        (".5", Decimal("0.5")),
        (7, Decimal(7)),
        (2.5, Decimal("2.5")),
        (0.1, Decimal("0.1")),
        (Decimal("3.25"), Decimal("3.25")),
        ("", None),
        (None, None),
    ],
)
def test_numbers_with_pounds_commas_and_percent(written, number):
    assert parse_number(written) == number


@pytest.mark.parametrize(
    "written",
    [
        "1,5",
        "12,34",
        "1,2345",
        "TBC",
        "-",
        "£",
        "1.2.3",
        "(5)",
        True,
        float("nan"),
        float("inf"),
        Decimal("NaN"),
    ],
)
def test_anything_that_could_be_two_numbers_or_none_is_an_error(written):
    with pytest.raises(CellError, match="is not a number"):
        parse_number(written)


def test_references_keep_their_text_and_say_when_excel_made_them_numbers():
    assert parse_reference("1.10") == "1.10"
    assert parse_reference(" 1.1. ") == "1.1"
    assert parse_reference(1.1) == "1.1" and reference_was_number(1.1)
    assert parse_reference(2.0) == "2" and parse_reference(3) == "3" and reference_was_number(3)
    assert parse_reference(None) == "" and not reference_was_number("1.1") and not reference_was_number(True)


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("'=1+1", "=1+1"),
        ("'+SUM(1,1)", "+SUM(1,1)"),
        ("'-2+3", "-2+3"),
        ("'@SUM(A1)", "@SUM(A1)"),
        ("'\t=1", "\t=1"),
        ("''=x", "'=x"),
        ("'''x", "''x"),
        ("'quoted", "'quoted"),  # not followed by a trigger: the apostrophe is the person's own
        ("'", "'"),
        ("don't", "don't"),
    ],
)
def test_strip_protective_prefix_takes_off_exactly_the_exports_apostrophe(cell, expected):
    assert strip_protective_prefix(cell) == expected


@pytest.mark.parametrize(
    "original",
    ["=1+1", '==HYPERLINK("http://x","y")', "+SUM(1,1)", "-2+3", "@SUM(A1)", "'=x", "''x", "'x", "plain"],
)
def test_neutralise_then_strip_gives_back_the_original(original):
    assert strip_protective_prefix(neutralise(original)) == original


def test_text_cleans_a_cell_for_a_text_field():
    assert text("  Progress\r\nline two\rthree ") == "Progress\nline two\nthree"
    assert text("'=1+1") == "=1+1"
    assert text(None) == "" and text(True) == "Yes" and text(False) == "No"
    assert text(12.0) == "12" and text(12.5) == "12.5"
    assert text(datetime.date(2023, 3, 31)) == "31/03/2023"
    assert text(datetime.datetime(2023, 3, 31)) == "31/03/2023"
    assert text(datetime.datetime(2023, 3, 31, 9, 30)) == "31/03/2023 09:30"
    assert text(datetime.datetime(2023, 3, 31, 9, 30, 5)) == "31/03/2023 09:30:05"


# Numbers as Excel shows them (issue 15 item 4) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "number_format", "expected", "as_text"),
    [
        (0.26, "0%", Decimal("26"), "26%"),
        (0.438, "0.0%", Decimal("43.8"), "43.8%"),
        (1, "0%", Decimal("100"), "100%"),
        (26, "0\\%", 26, "26"),  # a literal % sign: the number is as typed
        (26, '0"%"', 26, "26"),
        (0.26, "General", 0.26, "0.26"),
    ],
)
def test_a_number_shown_as_a_percentage_is_read_as_shown(value, number_format, expected, as_text):
    book = openpyxl.Workbook()
    cell = book.active.cell(1, 1, value)
    cell.number_format = number_format
    out = io.BytesIO()
    book.save(out)
    [row] = list(xlsx_rows(out.getvalue(), percentages=True))
    assert row.cells[0] == expected and parse_number(row.cells[0]) == Decimal(str(expected))
    assert text(row.cells[0]) == as_text
    [plain] = list(xlsx_rows(out.getvalue()))
    assert plain.cells[0] == value  # only readers that ask look at formats


@pytest.mark.parametrize(
    ("number", "kept", "message"),
    [
        ("43.800", Decimal("43.80"), None),
        ("-5", Decimal("-5.00"), None),
        ("0.438", None, "“0.438” has more than 2 decimal places. If it is a percentage, type it with a % "
                        "sign (43.8%). Otherwise, round it to 2 decimal places"),
        ("12.345", None, "“12.345” has more than 2 decimal places. Round it to 2 decimal places"),
        ("1000000000000", None, "“1000000000000” is too large to keep: figures up to 999,999,999,999.99 "
                                "can be kept"),
    ],
)  # fmt: skip
def test_a_number_is_fitted_to_its_column_or_refused_in_plain_english(number, kept, message):
    if message is None:
        assert fit_decimal(Decimal(number), max_digits=14, decimal_places=2) == kept
    else:
        with pytest.raises(CellError) as refused:
            fit_decimal(Decimal(number), max_digits=14, decimal_places=2)
        assert str(refused.value) == message
