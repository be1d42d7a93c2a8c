"""Evidence files: what EvidenceForm accepts, and who may upload, download and remove them."""

import hashlib
import io
import struct
import tracemalloc
import zipfile
import zlib
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse

from actions.evidence import EvidenceForm
from actions.models import UpdateEvidence
from governance.models import Role
from priorities.models import ReportingPeriod
from swp.downloads import DOWNLOAD_POLICY
from tests import factories

TYPE_ERROR = "The selected file must be a PDF, Word, Excel, PowerPoint, OpenDocument, image or text file"
MACRO_ERROR = "The selected file must not contain macros"
ZIP_LIMITS_ERROR = "The selected file must not contain more than 1,000 parts or 100MB when uncompressed"

# --- Small files, built in memory -------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(56) + b"\x02\x00\x3e\x00"
PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(50) + b"\x40\x00\x00\x00" + b"PE\x00\x00" + bytes(40)
CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
DOC = CFB + b"\xec\xa5\xc1\x00" + bytes(1024) + "WordDocument".encode("utf-16-le") + bytes(64)
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
EXCEL_MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


def content_types(main_part: str, main_type: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main_part}" ContentType="{main_type}"/></Types>'
    )


def office_zip(entries: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx(**extra: bytes | str) -> bytes:
    return office_zip(
        {
            "[Content_Types].xml": content_types("word/document.xml", WORD_MAIN),
            "_rels/.rels": "<Relationships/>",
            "word/document.xml": "<w:document/>",
            **extra,
        }
    )


def xlsx(main_type: str = EXCEL_MAIN, **extra: bytes | str) -> bytes:
    return office_zip(
        {
            "[Content_Types].xml": content_types("xl/workbook.xml", main_type),
            "_rels/.rels": "<Relationships/>",
            "xl/workbook.xml": "<workbook/>",
            **extra,
        }
    )


def odt(**extra: bytes | str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # ODF wants its mimetype first and stored, which is how its type is recognised.
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
        for name, data in extra.items():
            archive.writestr(name, data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def zip_bomb_xlsx() -> bytes:
    """An .xlsx whose sheet inflates to 101MB of zeros: about 100KB on disk."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types("xl/workbook.xml", EXCEL_MAIN))
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            megabyte = bytes(1024 * 1024)
            for _ in range(101):
                sheet.write(megabyte)
    return buffer.getvalue()


def many_parts_xlsx() -> bytes:
    return xlsx(**{f"xl/media/image{n}.png": b"" for n in range(1_000)})


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def check(name: str, content: bytes) -> EvidenceForm:
    form = EvidenceForm(files={"file": upload(name, content)})
    form.is_valid()
    return form


# --- What the form accepts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("report.pdf", PDF, "application/pdf"),
        ("photo.png", png(), "image/png"),
        ("photo.JPEG", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(32), "image/jpeg"),
        ("chart.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/gif"),
        ("minutes.docx", docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("figures.xlsx", xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("minutes.odt", odt(), "application/vnd.oasis.opendocument.text"),
        ("minutes.doc", DOC, "application/msword"),
        ("figures.csv", "Ward,Offences\nSt Matthew’s,12\n".encode(), "text/csv; charset=utf-8"),
        ("notes.txt", "Café notes – £20".encode("cp1252"), "text/plain; charset=windows-1252"),
    ],
)
def test_accepted_files_and_the_type_their_content_shows(name, content, content_type):
    form = check(name, content)
    assert form.errors == {}
    assert form.content_type == content_type


def test_a_workbook_saved_by_a_real_spreadsheet_library_is_accepted():
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Offences"
    saved = io.BytesIO()
    workbook.save(saved)
    form = check("figures.xlsx", saved.getvalue())
    assert form.errors == {}
    assert form.content_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_csv_that_happens_to_start_like_a_bitmap_is_still_text():
    # filetype calls anything starting "BM" a bitmap; text has no magic number to go by.
    form = check("bmi.csv", b"BMI,Ward\n24.1,Darlaston South\n")
    assert form.errors == {}
    assert form.content_type == "text/csv; charset=utf-8"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.pdf", b"", "The selected file is empty"),
        ("elf.pdf", ELF, TYPE_ERROR),
        ("setup.docx", PE, TYPE_ERROR),
        ("setup.txt", PE, TYPE_ERROR),
        ("report.docx", PDF, TYPE_ERROR),
        ("report.txt", PDF, TYPE_ERROR),
        ("minutes.pdf", docx(), TYPE_ERROR),
        ("minutes.xlsx", docx(), TYPE_ERROR),
        ("photo.jpg", png(), TYPE_ERROR),
        ("archive.zip", office_zip({"notes.txt": "hello"}), TYPE_ERROR),
        ("notes.docx", office_zip({"notes.txt": "hello"}), TYPE_ERROR),
        ("page.html", b"<!doctype html><script>alert(1)</script>", TYPE_ERROR),
        ("report", PDF, TYPE_ERROR),
        ("binary.csv", b"a,b\n\x00\x01,2\n", TYPE_ERROR),
        (
            "garbled.txt",
            b"\x81\x8d\x8f\x90\x9d",
            "“garbled.txt” has characters that could not be read. Save it as UTF-8 text and upload it again",
        ),
        ("figures.xlsm", xlsx(EXCEL_MACRO_MAIN, **{"xl/vbaProject.bin": b"\x00" * 64}), MACRO_ERROR),
        ("figures.xlsx", xlsx(EXCEL_MACRO_MAIN), MACRO_ERROR),
        ("figures.xlsx", xlsx(**{"xl/vbaProject.bin": b"\x00" * 64}), MACRO_ERROR),
        ("minutes.docx", docx(**{"word/vbaProject.bin": b"\x00" * 64}), MACRO_ERROR),
        ("minutes.odt", odt(**{"Basic/Standard/Module1.xml": "<script:module/>"}), MACRO_ERROR),
        ("minutes.doc", DOC + "_VBA_PROJECT".encode("utf-16-le"), MACRO_ERROR),
        ("figures.xlsx", many_parts_xlsx(), ZIP_LIMITS_ERROR),
        (
            "figures.xlsx",
            xlsx()[:200],
            "The selected file could not be opened – check it is not damaged and try again",
        ),
    ],
)
def test_refused_files_and_what_they_are_told(name, content, message):
    form = check(name, content)
    assert form.errors == {"file": [message]}


def test_no_file_asks_for_one():
    assert EvidenceForm(files={}).errors == {"file": ["Select a file"]}


def test_a_file_over_the_limit_is_refused_with_the_limit_in_words(settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    form = check("report.pdf", PDF + bytes(1024))
    assert form.errors == {"file": ["The selected file must be smaller than 1KB"]}


def test_the_hint_lists_the_types_and_the_limit():
    hint = EvidenceForm().fields["file"].help_text
    assert "PDF, Word, Excel, PowerPoint, OpenDocument" in hint and "Smaller than 10MB" in hint


def test_a_zip_bomb_is_refused_without_being_inflated():
    bomb = zip_bomb_xlsx()
    tracemalloc.start()
    try:
        form = check("figures.xlsx", bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert form.errors == {"file": [ZIP_LIMITS_ERROR]}
    assert peak < 5 * 1024 * 1024


def test_a_zip_directory_too_big_for_its_entry_count_is_refused_before_it_is_parsed():
    long_names = {f"xl/media/{'x' * 300}{n}.png": b"" for n in range(900)}
    assert check("figures.xlsx", xlsx(**long_names)).errors == {"file": [ZIP_LIMITS_ERROR]}


def test_control_and_bidirectional_characters_are_taken_out_of_the_name():
    form = check("invoice\u202efdp.\r\nQ1\u00a0report.pdf", PDF)
    assert form.errors == {}
    assert form.cleaned_data["file"].name == "invoicefdp.Q1 report.pdf"


# --- The views ----------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def owner(walsall):
    return factories.make_user(walsall, Role.CONTRIBUTOR, full_name="Olu Owner")


@pytest.fixture
def action(p1, owner):
    return factories.make_action(p1, "1.1", owner=owner)


@pytest.fixture
def update(action, period):
    return factories.make_update(action, period)


@pytest.fixture
def evidence(update, owner):
    from actions import services

    return services.add_evidence(
        update=update, by=owner, upload=upload("report.pdf", PDF), content_type="application/pdf"
    )


def upload_url(update) -> str:
    return reverse("actions:upload_evidence", args=[update.pk])


def update_page(update) -> str:
    return reverse("actions:edit_update", args=[update.action_id, update.period_id])


def stored_files(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()]


def test_the_owner_uploads_a_file_to_an_open_quarters_update(client, owner, update, media):
    client.force_login(owner)
    response = client.post(upload_url(update), {"file": upload("Q1 report.pdf", PDF)}, follow=True)
    assert response.redirect_chain == [(update_page(update), 302)]
    assert "Q1 report.pdf added" in response.content.decode()
    evidence = UpdateEvidence.objects.get(update=update)
    assert (evidence.original_name, evidence.content_type, evidence.size) == (
        "Q1 report.pdf",
        "application/pdf",
        len(PDF),
    )
    assert evidence.uploaded_by == owner
    path = media / evidence.file.name
    assert path.is_relative_to(media / "evidence") and "Q1 report" not in str(path)
    assert evidence.sha256 == hashlib.sha256(path.read_bytes()).hexdigest() == hashlib.sha256(PDF).hexdigest()
    assert evidence.history.get().history_user == owner


def test_the_priority_lead_can_upload_to_their_priorities_actions(client, lead_a, update):
    client.force_login(lead_a)
    response = client.post(upload_url(update), {"file": upload("minutes.docx", docx())})
    assert response.status_code == 302
    assert UpdateEvidence.objects.get(update=update).content_type.endswith("wordprocessingml.document")


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("setup.pdf", PE, TYPE_ERROR),
        ("report.docx", PDF, TYPE_ERROR),
        ("figures.xlsm", xlsx(EXCEL_MACRO_MAIN, **{"xl/vbaProject.bin": b"\x00" * 64}), MACRO_ERROR),
        ("figures.xlsx", many_parts_xlsx(), ZIP_LIMITS_ERROR),
        ("empty.pdf", b"", "The selected file is empty"),
        ("big.pdf", PDF + bytes(10 * 1024 * 1024), "The selected file must be smaller than 10MB"),
    ],
)
def test_a_refused_file_shows_why_and_nothing_is_stored(client, owner, update, media, name, content, message):
    client.force_login(owner)
    response = client.post(upload_url(update), {"file": upload(name, content)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: Add evidence" in html
    assert 'class="govuk-error-summary"' in html and message in html
    assert f'action="{upload_url(update)}"' in html and 'enctype="multipart/form-data"' in html
    assert f'href="{update_page(update)}"' in html
    assert not UpdateEvidence.objects.filter(update=update).exists()
    assert stored_files(media) == []


def test_uploads_spooled_to_disk_are_checked_the_same_way(client, settings, owner, update):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    client.force_login(owner)
    client.post(upload_url(update), {"file": upload("minutes.docx", docx())})
    refused = client.post(upload_url(update), {"file": upload("figures.xlsx", xlsx(EXCEL_MACRO_MAIN))})
    assert MACRO_ERROR in refused.content.decode()
    assert [e.original_name for e in UpdateEvidence.objects.filter(update=update)] == ["minutes.docx"]


def test_get_on_the_upload_url_is_not_allowed(client, owner, update):
    client.force_login(owner)
    assert client.get(upload_url(update)).status_code == 405


def test_a_viewer_downloads_the_file_as_an_attachment(client, viewer, evidence):
    client.force_login(viewer)
    response = client.get(reverse("actions:evidence", args=[evidence.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == DOWNLOAD_POLICY
    assert "default-src 'none'" in DOWNLOAD_POLICY and "sandbox" in DOWNLOAD_POLICY
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_file_missing_from_storage_is_not_found(client, viewer, evidence, media):
    (media / evidence.file.name).unlink()
    client.force_login(viewer)
    assert client.get(reverse("actions:evidence", args=[evidence.pk])).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client, evidence):
    response = client.get(reverse("actions:evidence", args=[evidence.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_another_partnerships_member_finds_nothing(client, outsider, update, evidence, media):
    client.force_login(outsider)
    delete_url = reverse("actions:delete_evidence", args=[evidence.pk])
    assert client.get(reverse("actions:evidence", args=[evidence.pk])).status_code == 404
    assert client.post(upload_url(update), {"file": upload("x.pdf", PDF)}).status_code == 404
    assert client.get(delete_url).status_code == 404
    assert client.post(delete_url).status_code == 404
    assert list(UpdateEvidence.objects.filter(update=update)) == [evidence]
    assert len(stored_files(media)) == 1


def test_a_viewer_cannot_upload_or_remove(client, viewer, update, evidence, media):
    client.force_login(viewer)
    delete_url = reverse("actions:delete_evidence", args=[evidence.pk])
    assert client.post(upload_url(update), {"file": upload("x.pdf", PDF)}).status_code == 403
    assert client.get(delete_url).status_code == 403
    assert client.post(delete_url).status_code == 403
    assert list(UpdateEvidence.objects.filter(update=update)) == [evidence]
    assert len(stored_files(media)) == 1


def test_a_lead_cannot_upload_to_another_priorities_action(client, lead_b, update):
    client.force_login(lead_b)
    assert client.post(upload_url(update), {"file": upload("x.pdf", PDF)}).status_code == 403
    assert not UpdateEvidence.objects.filter(update=update).exists()


def test_a_locked_quarter_refuses_uploads_and_removals(client, owner, update, period, evidence, media):
    period.status = ReportingPeriod.Status.LOCKED
    period.save()
    client.force_login(owner)
    response = client.post(upload_url(update), {"file": upload("late.pdf", PDF)})
    assert response.status_code == 403
    assert "2020 Q1 is locked" in response.content.decode()
    delete_url = reverse("actions:delete_evidence", args=[evidence.pk])
    for response in (client.get(delete_url), client.post(delete_url)):
        assert response.status_code == 403 and "You cannot change this now" in response.content.decode()
    assert list(UpdateEvidence.objects.filter(update=update)) == [evidence]
    assert len(stored_files(media)) == 1


def test_removing_asks_first(client, owner, evidence):
    client.force_login(owner)
    response = client.get(reverse("actions:delete_evidence", args=[evidence.pk]))
    html = response.content.decode()
    assert "Are you sure you want to remove report.pdf?" in html
    assert "govuk-button--warning" in html and "Remove file" in html
    assert f'href="{update_page(evidence.update)}"' in html
    assert UpdateEvidence.objects.filter(pk=evidence.pk).exists()


def test_removing_deletes_the_row_and_then_the_file(
    client, owner, evidence, media, django_capture_on_commit_callbacks
):
    path = media / evidence.file.name
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("actions:delete_evidence", args=[evidence.pk]), follow=True)
        assert path.exists(), "the file must outlive the transaction that deletes its row"
    assert len(callbacks) == 1
    assert "report.pdf removed" in response.content.decode()
    assert not UpdateEvidence.objects.filter(pk=evidence.pk).exists()
    assert not path.exists()
    assert evidence.history.latest().history_type == "-"
    assert evidence.history.latest().history_user == owner


# --- The partial the update and action pages include ---------------------------------------------


def test_the_partial_lists_files_with_download_and_remove_links(rf, owner, evidence):
    request = rf.get("/")
    request.user, request.session = owner, {}
    html = render_to_string(
        "actions/_evidence.html",
        {"update": evidence.update, "can_edit": True, "evidence_form": EvidenceForm()},
        request=request,
    )
    assert f'href="{reverse("actions:evidence", args=[evidence.pk])}">report.pdf</a>' in html
    assert f'href="{reverse("actions:delete_evidence", args=[evidence.pk])}"' in html
    assert f"PDF, {len(PDF)}\xa0bytes" in html and "Added by Olu Owner" in html
    assert f'action="{upload_url(evidence.update)}"' in html and 'enctype="multipart/form-data"' in html
    assert html.count("csrfmiddlewaretoken") == 1


def test_the_read_only_partial_has_no_remove_links_or_form(evidence):
    html = render_to_string("actions/_evidence.html", {"update": evidence.update, "can_edit": False})
    assert "report.pdf" in html
    assert "Remove" not in html and "<form" not in html


def test_the_partial_asks_for_a_draft_before_evidence():
    html = render_to_string(
        "actions/_evidence.html", {"update": None, "can_edit": True, "evidence_form": None}
    )
    assert "Save your update as a draft before adding evidence." in html
    assert "<form" not in html


class _FormNesting(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = self.deepest = 0

    def handle_starttag(self, tag, attrs):
        if tag == "form":
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag):
        if tag == "form":
            self.depth -= 1


def test_the_update_page_has_the_upload_form_outside_the_update_form(client, owner, update):
    client.force_login(owner)
    html = client.get(update_page(update)).content.decode()
    assert f'action="{upload_url(update)}"' in html
    parser = _FormNesting()
    parser.feed(html)
    assert parser.deepest == 1


def test_the_same_file_twice_asks_before_keeping_both(client, owner, update, evidence):
    client.force_login(owner)

    asked = client.post(upload_url(update), {"file": upload("report copy.pdf", PDF)})

    page = asked.content.decode()
    assert asked.status_code == 200
    assert "This file is already on the update" in page
    assert "Olu Owner added the same file as “report.pdf” on " in page and "Nothing has been added." in page
    assert "Add it again, keeping both copies" in page
    assert UpdateEvidence.objects.filter(update=update).count() == 1


def test_ticking_add_it_again_keeps_both_copies(client, owner, update, evidence):
    client.force_login(owner)

    response = client.post(upload_url(update), {"file": upload("report copy.pdf", PDF), "again": "on"})

    assert response.status_code == 302
    assert sorted(UpdateEvidence.objects.filter(update=update).values_list("original_name", flat=True)) == [
        "report copy.pdf",
        "report.pdf",
    ]


def test_a_different_file_is_added_without_asking(client, owner, update, evidence):
    client.force_login(owner)

    response = client.post(upload_url(update), {"file": upload("minutes.docx", docx())})

    assert response.status_code == 302
    assert UpdateEvidence.objects.filter(update=update).count() == 2


def test_the_update_page_does_not_offer_to_add_a_file_again(client, owner, update):
    client.force_login(owner)

    page = client.get(update_page(update)).content.decode()

    assert "Add a file" in page and "Add it again" not in page
