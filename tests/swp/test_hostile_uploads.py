"""SEC-13: hostile files are refused before parsing or full decompression, in bounded memory.

Each file of the checklist goes through swp/sheets/uploads.check_spreadsheet_upload (which every
upload path calls first) and through the admin's import page. The peak memory of the checks is
measured: the Python heap with tracemalloc, and the process's peak RSS with getrusage.
"""

import importlib.metadata
import io
import logging
import resource
import tracemalloc
import zipfile

import openpyxl
import pytest
from django.conf import settings as django_settings
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from packaging.version import Version

from actions.models import ActionUpdate
from governance.models import Role
from swp.sheets.uploads import UploadRefused, check_spreadsheet_upload
from tests import factories

MEMORY_BUDGET = 100 * 1024 * 1024  # +100 MB, as the checklist suggests
HEAP_BUDGET = 20 * 1024 * 1024  # the checks themselves should need far less than that
MB = 1024 * 1024


def minimal_xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.append(["Ref", "RAG"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def with_parts(path, *, extra=None, sheet_writer=None, count_padding=0):
    """A workbook written to `path`, optionally with extra parts, a streamed sheet, or padding entries."""
    with (
        zipfile.ZipFile(io.BytesIO(minimal_xlsx())) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            if sheet_writer and info.filename == "xl/worksheets/sheet1.xml":
                with out.open(info.filename, "w", force_zip64=False) as part:
                    sheet_writer(part)
                continue
            out.writestr(info.filename, source.read(info))
        for name, data in (extra or {}).items():
            out.writestr(name, data)
        for n in range(count_padding):
            out.writestr(f"xl/media/pad{n}.bin", b"")
    return path


def bomb_sheet(part) -> None:
    """110 MB of sheet XML, streamed in 1 MB pieces: never all in memory."""
    part.write(b'<?xml version="1.0"?><worksheet><sheetData>')
    chunk = b"<row/>" * (MB // 6)
    for _ in range(110):
        part.write(chunk)
    part.write(b"</sheetData></worksheet>")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">
<c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""


def big_csv(path):
    with open(path, "wb") as out:
        line = b"1.1,Green,Progress as planned with partners\n" * 1000
        while out.tell() < 25 * MB:
            out.write(line)
    return path


def exe(path):
    path.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(500) + b"PE\x00\x00")
    return path


HOSTILE = {
    # name: (file name as uploaded, builder, words the refusal must contain)
    "a-25MB-csv": ("updates.csv", big_csv, "must be smaller than 10"),
    "b-exe-renamed-xlsx": ("updates.xlsx", exe, "not a real Excel workbook"),
    "c-xlsm": ("updates.xlsm", lambda p: with_parts(p), "contains macros"),
    "c-vbaProject-in-xlsx": (
        "updates.xlsx",
        lambda p: with_parts(p, extra={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + bytes(512)}),
        "contains macros",
    ),
    "d-zip-bomb": ("updates.xlsx", lambda p: with_parts(p, sheet_writer=bomb_sheet), "too large once opened"),
    "d-1001-entries": ("updates.xlsx", lambda p: with_parts(p, count_padding=1001), "too many parts"),
    "e-billion-laughs": (
        "updates.xlsx",
        lambda p: with_parts(p, sheet_writer=lambda part: part.write(BILLION_LAUGHS)),
        "not allowed in a spreadsheet",
    ),
    "f-yaml": (
        "plan.yaml",
        lambda p: p.write_bytes(b"plan:\n  - !!python/object/apply:os.system ['id']\n") and p,
        "or CSV (.csv)",
    ),
    "f-json": ("plan.json", lambda p: p.write_bytes(b'[{"Ref": "1.1"}]') and p, "or CSV (.csv)"),
}


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    files = {}
    for key, (name, build, _) in HOSTILE.items():
        path = folder / f"{key}-{name}"
        build(path)
        files[key] = path
    return files


def test_the_zip_bomb_really_is_one(hostile_files):
    path = hostile_files["d-zip-bomb"]
    with zipfile.ZipFile(path) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
    assert sheet.file_size > 100 * MB
    assert path.stat().st_size < 400 * 1024  # about 100 to 200 kB on disk


@pytest.mark.parametrize("key", list(HOSTILE))
def test_each_hostile_file_is_refused_before_parsing_with_a_clear_message_in_bounded_memory(
    key, hostile_files, monkeypatch
):
    name, _, words = HOSTILE[key]
    # Nothing may parse the file: if openpyxl or a CSV reader were reached, the test fails.
    monkeypatch.setattr(openpyxl, "load_workbook", _never)
    monkeypatch.setattr("openpyxl.reader.excel.load_workbook", _never)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    tracemalloc.start()
    try:
        with open(hostile_files[key], "rb") as upload:
            with pytest.raises(UploadRefused) as refused:
                check_spreadsheet_upload(upload, name=name, size=hostile_files[key].stat().st_size)
        _, heap_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - rss_before
    print(f"SEC-13 {key}: heap peak {heap_peak / MB:.2f} MB, peak RSS growth {rss_growth / MB:.2f} MB")
    assert words in str(refused.value)
    assert heap_peak < HEAP_BUDGET, f"{key}: {heap_peak / MB:.1f} MB of heap"
    assert rss_growth < MEMORY_BUDGET, f"{key}: {rss_growth / MB:.1f} MB more RSS"


def _never(*args, **kwargs):
    raise AssertionError("the file was parsed before it was checked")


@pytest.mark.parametrize("key", [k for k in HOSTILE if k != "a-25MB-csv"])
def test_each_hostile_file_is_refused_by_the_admin_import_before_django_import_export_reads_it(
    key, hostile_files, client, walsall, monkeypatch, caplog
):
    from import_export.formats import base_formats

    superuser = factories.make_user(walsall, Role.ADMIN, is_staff=True, is_superuser=True)
    client.force_login(superuser)
    name, _, words = HOSTILE[key]
    for fmt in (base_formats.CSV, base_formats.XLSX):
        monkeypatch.setattr(fmt, "create_dataset", _never)
    monkeypatch.setattr("swp.import_export.formats.SafeXLSX.create_dataset", _never)
    monkeypatch.setattr("swp.import_export.formats.SafeCSV.create_dataset", _never)
    upload = SimpleUploadedFile(name, hostile_files[key].read_bytes())
    with caplog.at_level(logging.WARNING, logger="swp.security"):
        response = client.post(
            reverse("admin:actions_actionupdate_import"),
            {"resource": "0", "format": "1", "import_file": upload},
        )
    assert response.status_code == 200
    assert words in str(response.context["form"].errors["import_file"])
    assert response.context.get("confirm_form") is None
    assert any(getattr(r, "security", {}).get("event") == "import_refused" for r in caplog.records)


def test_a_25_mb_csv_is_refused_by_the_admin_import(client, walsall, settings, tmp_path):
    """The same rule at a smaller limit, so the test client need not build a 25 MB request."""
    settings.SWP_MAX_SPREADSHEET_BYTES = 1 * MB
    superuser = factories.make_user(walsall, Role.ADMIN, is_staff=True, is_superuser=True)
    client.force_login(superuser)
    upload = SimpleUploadedFile("updates.csv", b"1.1,Green,Progress\n" * (MB // 18 + 10))
    response = client.post(
        reverse("admin:actions_actionupdate_import"), {"format": "0", "import_file": upload}
    )
    assert "must be smaller than 1.0\xa0MB" in str(response.context["form"].errors["import_file"])


# Second lines of defence and the environment ----------------------------------------------------


def test_openpyxl_parses_with_defusedxml_so_a_dtd_that_got_past_the_check_is_still_refused(hostile_files):
    import defusedxml  # noqa: F401  (installed)

    assert openpyxl.DEFUSEDXML is True
    from defusedxml import DefusedXmlException

    with pytest.raises(Exception) as caught:  # openpyxl wraps defusedxml's refusal in a ValueError
        openpyxl.load_workbook(hostile_files["e-billion-laughs"], read_only=False)
    chain, error = [], caught.value
    while error is not None:
        chain.append(error)
        error = error.__cause__ or error.__context__
    assert any(isinstance(e, DefusedXmlException) for e in chain), [type(e) for e in chain]


def test_library_versions_are_at_least_those_with_the_fixes_we_rely_on():
    minimum = {"django-import-export": "4.4", "openpyxl": "2.4.1", "tablib": "0.11.5", "defusedxml": "0.7"}
    for package, version in minimum.items():
        assert Version(importlib.metadata.version(package)) >= Version(version), package


def test_only_csv_and_xlsx_are_offered_anywhere():
    from import_export.formats import base_formats

    assert django_settings.IMPORT_EXPORT_FORMATS == [base_formats.CSV, base_formats.XLSX]
    for model, model_admin in admin.site._registry.items():
        if hasattr(model_admin, "get_import_formats"):
            titles = {
                f().get_title() for f in model_admin.get_import_formats() + model_admin.get_export_formats()
            }
            assert titles == {"csv", "xlsx"}, model


def test_django_import_export_never_sees_a_file_we_did_not_check(monkeypatch, client, walsall):
    """The checked form runs check_spreadsheet_upload on every admin upload."""
    calls = []
    import swp.import_export.forms as support

    original = support.check_spreadsheet_upload

    def spy(upload, **kwargs):
        calls.append(kwargs["name"])
        return original(upload, **kwargs)

    monkeypatch.setattr(support, "check_spreadsheet_upload", spy)
    superuser = factories.make_user(walsall, Role.ADMIN, is_staff=True, is_superuser=True)
    client.force_login(superuser)
    upload = SimpleUploadedFile("orgs.csv", b"Partnership,Name,Short name,Kind,Membership\n")
    client.post(reverse("admin:governance_organisation_import"), {"format": "0", "import_file": upload})
    assert calls == ["orgs.csv"]
    assert ActionUpdate.objects.count() >= 0
