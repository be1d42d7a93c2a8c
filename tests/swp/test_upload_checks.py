"""swp/sheets/uploads.py: what an uploaded spreadsheet must pass before anything parses it (SEC-13).

The hostile files of the checklist, with memory measured, are in tests/swp/test_hostile_uploads.py;
these are the unit tests of each rule and its message.
"""

import dataclasses
import io
import struct
import zipfile

import openpyxl
import pytest

from swp.sheets.uploads import (
    XLSX_WORKBOOK,
    UploadRefused,
    check_spreadsheet_upload,
    xml_prolog_is_safe,
)

WRONG_TYPE = "must be a spreadsheet saved as Excel workbook (.xlsx) or CSV (.csv)"


def real_xlsx(rows=(("Ref", "RAG"), ("1.1", "Red"))) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def rebuilt(xlsx: bytes, *, drop=(), add=None, replace=None) -> bytes:
    """The workbook's ZIP with parts dropped, added or replaced."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(xlsx)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename in drop:
                continue
            data = (replace or {}).get(info.filename, source.read(info))
            target.writestr(info.filename, data)
        for name, data in (add or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def check(content: bytes, name: str, **kwargs) -> str:
    return check_spreadsheet_upload(io.BytesIO(content), name=name, **kwargs)


def refusal(content: bytes, name: str, **kwargs) -> str:
    with pytest.raises(UploadRefused) as caught:
        check(content, name, **kwargs)
    return str(caught.value)


# Accepted -----------------------------------------------------------------------------------------


def test_a_real_workbook_and_a_real_csv_pass_and_the_file_is_left_at_its_start():
    upload = io.BytesIO(real_xlsx())
    upload.read(10)
    assert check_spreadsheet_upload(upload, name="Updates Q3.XLSX") == "xlsx"
    assert upload.tell() == 0
    upload = io.BytesIO("Ref,RAG\n1.1,Red\n".encode("utf-8-sig"))
    assert check_spreadsheet_upload(upload, name="updates.csv") == "csv"
    assert upload.tell() == 0


def test_windows_1252_and_semicolon_csv_files_pass():
    assert check("Réf;Progrès\n1.1;£5 – done\n".encode("cp1252"), "x.csv") == "csv"


def test_a_django_upload_is_measured_by_its_declared_size(settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.SWP_MAX_SPREADSHEET_BYTES = 1000
    upload = SimpleUploadedFile("x.csv", b"a,b\n" * 300)
    assert "smaller than 1000" in str(
        pytest.raises(UploadRefused, check_spreadsheet_upload, upload, name="x.csv").value
    )


# Size ---------------------------------------------------------------------------------------------


def test_an_empty_file_is_refused():
    assert refusal(b"", "x.csv") == "The selected file is empty"


def test_a_file_over_the_limit_is_refused_by_its_declared_size_without_reading_it(settings):
    settings.SWP_MAX_SPREADSHEET_BYTES = 100

    class Unreadable(io.BytesIO):
        def read(self, *args):
            raise AssertionError("read before the size was checked")

    message = str(
        pytest.raises(UploadRefused, check_spreadsheet_upload, Unreadable(b"x"), name="x.csv", size=101).value
    )
    assert message == "The selected file must be smaller than 100\xa0bytes"


def test_a_file_larger_than_it_claims_is_still_refused(settings):
    settings.SWP_MAX_SPREADSHEET_BYTES = 100
    assert "must be smaller" in refusal(b"a" * 500, "x.csv", size=10)


# Type ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["plan.yaml", "plan.yml", "plan.json", "plan.ods", "plan.txt", "plan", "plan.xlsx.exe"]
)
def test_names_other_than_csv_and_xlsx_are_refused(name):
    assert WRONG_TYPE in refusal(b"a,b\n", name)


@pytest.mark.parametrize("name", ["plan.xlsm", "plan.XLTM", "plan.xlsb"])
def test_macro_enabled_names_are_refused(name):
    assert "contains macros" in refusal(real_xlsx(), name)


def test_old_excel_files_are_refused_with_how_to_fix_it():
    assert "old Excel format (.xls)" in refusal(b"\xd0\xcf\x11\xe0" + bytes(100), "plan.xls")


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00" + bytes(100),
        b"\x7fELF" + bytes(100),
        b"%PDF-1.7\n",
        b"\xd0\xcf\x11\xe0" + bytes(100),
        b"a,b\n1",
    ],
)
def test_an_xlsx_that_is_not_a_zip_is_refused(content):
    assert "not a real Excel workbook" in refusal(content, "plan.xlsx")


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00" + bytes(100),
        b"PK\x03\x04" + bytes(100),
        b"%PDF-1.7\n",
        b"a,b\n\x00\x01,2\n",
        "a,b".encode("utf-16"),
    ],
)
def test_a_csv_that_is_a_program_an_archive_or_binary_is_refused(content):
    assert "not a real CSV file" in refusal(content, "plan.csv")


def test_a_zip_that_is_not_a_workbook_is_refused():
    xlsx = real_xlsx()
    assert "not a real Excel workbook" in refusal(rebuilt(xlsx, drop={"xl/workbook.xml"}), "plan.xlsx")
    assert "not a real Excel workbook" in refusal(rebuilt(xlsx, drop={"[Content_Types].xml"}), "plan.xlsx")


def test_a_truncated_workbook_is_refused_as_damaged():
    assert "damaged or not a real Excel workbook" in refusal(real_xlsx()[:-30], "plan.xlsx")


# Inside the workbook --------------------------------------------------------------------------------


@pytest.mark.parametrize("part", ["xl/vbaProject.bin", "xl/vbaData.xml", "xl/activeX/activeX1.xml"])
def test_macros_and_activex_inside_an_xlsx_are_refused(part):
    assert "contains macros" in refusal(rebuilt(real_xlsx(), add={part: b"\x00" * 64}), "plan.xlsx")


def test_too_many_entries_are_counted_from_the_end_record_before_zipfile_reads_them(monkeypatch):
    padding = {f"xl/media/image{n}.png": b"" for n in range(XLSX_WORKBOOK.entries)}
    content = rebuilt(real_xlsx(), add=padding)

    def never(*args, **kwargs):
        raise AssertionError("zipfile read the central directory")

    monkeypatch.setattr("swp.sheets.uploads.zipfile.ZipFile", never)
    assert "too many parts" in refusal(content, "plan.xlsx")


def test_a_zip64_count_is_refused():
    content = bytearray(real_xlsx())
    end = content.rfind(b"PK\x05\x06")
    content[end + 8 : end + 12] = struct.pack("<HH", 0xFFFF, 0xFFFF)
    assert "too many parts" in refusal(bytes(content), "plan.xlsx")


def test_too_much_uncompressed_data_is_refused(monkeypatch):
    monkeypatch.setattr(
        "swp.sheets.uploads.XLSX_WORKBOOK", dataclasses.replace(XLSX_WORKBOOK, uncompressed_bytes=2000)
    )
    assert "too large once opened" in refusal(real_xlsx(), "plan.xlsx")


def test_a_suspicious_compression_ratio_is_refused():
    sheet = b"<worksheet>" + b"<row/>" * 400_000 + b"</worksheet>"  # 2.4 MB that squeezes to a few kB
    content = rebuilt(real_xlsx(), replace={"xl/worksheets/sheet1.xml": sheet})
    assert "too large once opened" in refusal(content, "plan.xlsx")


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<worksheet>&lol2;</worksheet>'
)


@pytest.mark.parametrize(
    "sheet",
    [
        BILLION_LAUGHS,
        b"<?xml version='1.0'?>\n<!-- "
        + b"x" * 20_000
        + b" -->\n"
        + BILLION_LAUGHS[22:],  # DOCTYPE after a long comment
        BILLION_LAUGHS.decode().encode("utf-16"),  # hidden from a byte search
        b"<?xml version='1.0'?><!-- never closed",
        b"",
    ],
    ids=["dtd", "dtd-after-comment", "utf-16", "unterminated", "empty"],
)
def test_xml_parts_declaring_a_dtd_or_hiding_their_prolog_are_refused(sheet):
    content = rebuilt(real_xlsx(), replace={"xl/worksheets/sheet1.xml": sheet})
    assert "not allowed in a spreadsheet" in refusal(content, "plan.xlsx")


def test_the_dtd_check_covers_relationship_and_vml_parts_too():
    for part in ("_rels/.rels", "xl/drawings/vmlDrawing1.vml"):
        content = rebuilt(
            real_xlsx(),
            replace={part: BILLION_LAUGHS},
            add={} if part == "_rels/.rels" else {part: BILLION_LAUGHS},
        )
        assert "not allowed in a spreadsheet" in refusal(content, "plan.xlsx")


@pytest.mark.parametrize(
    "start, safe",
    [
        (b"<worksheet/>", True),
        (
            b'\xef\xbb\xbf<?xml version="1.0"?>\r\n<!-- made by Excel --><?mso-application x?>\n<a:root/>',
            True,
        ),
        (b"<_x/>", True),
        (b"<!DOCTYPE x><x/>", False),
        (b"<!ENTITY x 'y'><x/>", False),
        (b"text<x/>", False),
        (b"<?xml version='1.0'?>", False),  # the root is not in what was read
        (b"\xff\xfe<\x00x\x00/\x00>\x00", False),
        (b"   ", False),
    ],
)
def test_xml_prolog_is_safe(start, safe):
    assert xml_prolog_is_safe(start) is safe
