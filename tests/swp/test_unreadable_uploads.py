"""Text in uploads that is not valid text is refused with a message, never read with stand-in characters.

Two ways in (issue 20 item 5): a file's contents in neither UTF-8 nor Windows-1252, or UTF-8 damaged
in places (swp/sheets/uploads.text_encoding), and a file name Django's upload parser could not decode
(it puts U+FFFD in place of the bytes; swp/forms.check_file_name). Each upload path is tried: the
update sheet, the plan workbook's ZIP of CSV files, evidence, and the admin's import. Real
Windows-1252 files still load (tests/swp/test_sheet_reading.py, test_upload_checks.py).
"""

import io
import logging
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actions.models import UpdateEvidence
from actions.plan_workbook import exporter, read_workbook
from governance.models import Organisation, PendingImport, Role
from priorities.models import Plan
from swp.sheets.reading import decode_csv
from swp.sheets.uploads import MB, UploadRefused, check_spreadsheet_upload, text_encoding
from tests import factories
from tests.actions.test_update_sheet_helpers import sheet_world  # noqa: F401 (a fixture)

# UTF-8 with one byte that is not: "Café" then a lone Windows-1252 "é", as when two files are joined.
DAMAGED_UTF8 = "Ref,Progress\r\n1.1,Café opened\r\n1.2,".encode() + b"Caf\xe9 closed\r\n"
UNREADABLE_NAME = "caf\ufffd.csv"  # what Django makes of filename*=UTF-8''caf%E9.csv


def unreadable_name_post(client, url: str, field: str, content: bytes, **fields: str):
    """A multipart POST whose file name is not UTF-8, written the RFC 2231 way a client may send it."""
    boundary = "unreadable-name"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename*=UTF-8''caf%E9.csv\r\n"
        "Content-Type: text/csv\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return client.generic("POST", url, body, content_type=f"multipart/form-data; boundary={boundary}")


# --- Which text a file is in ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Café £5".encode(), "utf-8"),
        ("Café £5".encode("utf-8-sig"), "utf-8"),
        ("Café £5 – “ok”".encode("cp1252"), "cp1252"),
        (("x" * (MB - 1) + "é").encode(), "utf-8"),  # a character across the decoder's pieces
        (DAMAGED_UTF8, None),
        (b"\x81\x8d\x8f\x90\x9d", None),  # bytes Windows-1252 does not use
    ],
)
def test_a_file_is_utf8_or_windows_1252_or_neither(data, encoding):
    assert text_encoding(data) == encoding


def test_damaged_utf8_is_refused_rather_than_read_as_windows_1252():
    with pytest.raises(UploadRefused, match="Save it as “CSV UTF-8” and upload it again"):
        decode_csv(DAMAGED_UTF8)


def test_the_spreadsheet_check_names_the_file_and_says_what_to_do():
    with pytest.raises(UploadRefused) as refused:
        check_spreadsheet_upload(io.BytesIO(DAMAGED_UTF8), name="updates.csv")

    assert str(refused.value) == (
        "“updates.csv” has characters that could not be read. Save it as “CSV UTF-8” and upload it again"
    )


# --- The update sheet ----------------------------------------------------------------------------


@pytest.fixture
def lead_client(client, sheet_world):  # noqa: F811
    client.force_login(sheet_world.lead)
    return client


def test_an_update_sheet_in_damaged_utf8_is_refused_and_nothing_is_kept(lead_client, sheet_world):  # noqa: F811
    response = lead_client.post(
        reverse("actions:update_sheet_upload"), {"file": SimpleUploadedFile("my updates.csv", DAMAGED_UTF8)}
    )

    content = response.content.decode()
    assert response.status_code == 400 and "govuk-error-summary" in content
    assert "“my updates.csv” has characters that could not be read" in content
    assert "Save it as “CSV UTF-8” and upload it again" in content
    assert not PendingImport.objects.filter(created_by=sheet_world.lead).exists()


def test_an_update_sheet_whose_name_cannot_be_read_is_refused(lead_client, sheet_world):  # noqa: F811
    csv = b"Ref,Progress\r\n1.1,Started\r\n"
    response = unreadable_name_post(lead_client, reverse("actions:update_sheet_upload"), "file", csv)

    content = response.content.decode()
    assert response.status_code == 400
    assert f"The file name “{UNREADABLE_NAME}” has characters that could not be read" in content
    assert "Rename the file and upload it again" in content
    assert not PendingImport.objects.filter(created_by=sheet_world.lead).exists()


# --- The plan workbook's ZIP of CSV files ---------------------------------------------------------


def with_member(data: bytes, name: str, content: bytes) -> bytes:
    """The ZIP with one of its files replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            target.writestr(entry, content if entry.filename == name else source.read(entry))
    return out.getvalue()


def test_a_plan_zip_with_a_damaged_csv_names_it_and_loads_nothing(demo, walsall):
    exported = exporter.export_csv_zip(Plan.objects.get(partnership__slug="safer-walsall"))
    name = next(n for n in zipfile.ZipFile(io.BytesIO(exported)).namelist() if n.startswith("actions"))
    damaged = with_member(
        exported, name, "Reference,Overall objective\r\n1.1,Café\r\n".encode() + b"1.2,\xe9\r\n"
    )

    preview = read_workbook(damaged, "zip", partnership=walsall)

    assert f"“{name}” has characters that could not be read. Save it as “CSV UTF-8” and upload it again" in [
        p.message for p in preview.problems
    ]
    assert not Plan.objects.filter(partnership=walsall).exists()


def test_a_plan_workbook_whose_name_cannot_be_read_is_refused(client, walsall):
    client.force_login(factories.make_user(walsall, Role.ADMIN))

    response = unreadable_name_post(client, reverse("plan_workbook:upload"), "file", b"PK\x03\x04")

    assert (
        f"The file name “{UNREADABLE_NAME}” has characters that could not be read"
        in response.content.decode()
    )
    assert not PendingImport.objects.filter(partnership=walsall).exists()


# --- Evidence ------------------------------------------------------------------------------------


@pytest.fixture
def evidence_page(client, p1, period, settings, tmp_path):
    """An owner signed in, the upload address of their action's update, and where files are kept."""
    settings.MEDIA_ROOT = tmp_path
    owner = factories.make_user(p1.plan.partnership, Role.CONTRIBUTOR)
    update = factories.make_update(factories.make_action(p1, "1.1", owner=owner), period)
    client.force_login(owner)
    return client, reverse("actions:upload_evidence", args=[update.pk]), update


@pytest.mark.parametrize(
    "name, what_to_do",
    [
        ("notes.txt", "Save it as UTF-8 text and upload it again"),
        ("figures.csv", "Save it as “CSV UTF-8” and upload it again"),
    ],
)
def test_evidence_in_damaged_utf8_is_refused_and_nothing_is_stored(evidence_page, tmp_path, name, what_to_do):
    client, url, update = evidence_page

    response = client.post(url, {"file": SimpleUploadedFile(name, DAMAGED_UTF8)})

    content = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in content
    assert f"“{name}” has characters that could not be read. {what_to_do}" in content
    assert not UpdateEvidence.objects.filter(update=update).exists()
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []


def test_evidence_whose_name_cannot_be_read_is_refused_and_nothing_is_stored(evidence_page, tmp_path):
    client, url, update = evidence_page

    response = unreadable_name_post(client, url, "file", b"Plain notes\r\n")

    assert (
        f"The file name “{UNREADABLE_NAME}” has characters that could not be read"
        in response.content.decode()
    )
    assert not UpdateEvidence.objects.filter(update=update).exists()
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []


# --- The admin's import --------------------------------------------------------------------------


@pytest.fixture
def superuser_client(client, walsall):
    client.force_login(factories.make_user(walsall, Role.ADMIN, is_staff=True, is_superuser=True))
    return client


def organisations_csv(walsall, name: bytes) -> bytes:
    return (
        b"Partnership,Name,Short name,Kind,Membership\r\n"
        + walsall.slug.encode()
        + b","
        + name
        + b",,Police,\r\n"
    )


def test_the_admin_import_refuses_damaged_utf8_naming_the_file(superuser_client, walsall, caplog):
    content = organisations_csv(walsall, "Café Partners".encode() + b" \xe9")

    with caplog.at_level(logging.WARNING, logger="swp.security"):
        response = superuser_client.post(
            reverse("admin:governance_organisation_import"),
            {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("partners.csv", content)},
        )

    assert "“partners.csv” has characters that could not be read" in str(response.context["form"].errors)
    assert response.context.get("confirm_form") is None
    assert not Organisation.objects.filter(partnership=walsall, name__startswith="Café").exists()
    assert any(getattr(r, "security", {}).get("event") == "import_refused" for r in caplog.records)


def test_the_admin_import_refuses_a_name_it_cannot_read(superuser_client, walsall):
    content = organisations_csv(walsall, b"Readable Partners")

    response = unreadable_name_post(
        superuser_client,
        reverse("admin:governance_organisation_import"),
        "import_file",
        content,
        resource="0",
        format="0",
    )

    assert "has characters that could not be read" in str(response.context["form"].errors)
    assert response.context.get("confirm_form") is None
    assert not Organisation.objects.filter(partnership=walsall, name="Readable Partners").exists()
