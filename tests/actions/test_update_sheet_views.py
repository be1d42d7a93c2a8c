"""Upload, preview and confirm: all or nothing (INT-04, INT-05), twice is once (INT-06), yours only."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from actions import services
from actions.models import Action, ActionUpdate
from actions.services import bulk
from governance.models import PendingImport
from tests import factories
from tests.actions import test_update_sheet_helpers as helpers
from tests.actions.test_update_sheet_helpers import (
    csv_of,
    download,
    fill,
    xlsx,
)

sheet_world = helpers.sheet_world  # the fixture

UPLOAD = reverse("actions:update_sheet_upload")


def upload(client, data: bytes, name: str = "updates.xlsx"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data)})


def filled_sheet(world) -> bytes:
    workbook = download(world.lead, world.plan, world.period)
    fill(workbook, "1.1", RAG="Amber", Progress="Halfway.", What_is_being_done="More staff.")
    fill(workbook, "1.2", RAG="g", Progress="Done.", Complete="Yes")
    fill(workbook, "1.3", Progress="Started.")
    return xlsx(workbook)


def history_counts(world) -> tuple[int, int]:
    return (
        ActionUpdate.history.filter(action__plan=world.plan).count(),
        Action.history.filter(plan=world.plan).count(),
    )


def digest_of(page: str) -> str:
    return re.search(r'name="digest" value="([0-9a-f]{64})"', page)[1]


def confirm(client, pending, page: str):
    return client.post(
        reverse("actions:update_sheet_confirm", args=[pending.pk]), {"digest": digest_of(page)}
    )


@pytest.fixture
def lead_client(client, sheet_world) -> Client:
    client.force_login(sheet_world.lead)
    return client


def test_upload_preview_and_confirm(lead_client, sheet_world, caplog):
    assert lead_client.get(UPLOAD).status_code == 200
    with caplog.at_level("INFO", logger="swp.security"):
        response = upload(lead_client, filled_sheet(sheet_world))
        pending = PendingImport.objects.get(created_by=sheet_world.lead)
        assert response.status_code == 302
        assert response["Location"] == reverse("actions:update_sheet_preview", args=[pending.pk])
        page = lead_client.get(response["Location"]).content.decode()
        assert "Check your updates before saving" in page
        assert "<strong>RAG</strong>: “No rating” to “Amber”" in page
        assert "Kept as a draft: choose Red, Amber or Green" in page
        assert "Save 3 updates" in page
        assert ActionUpdate.objects.filter(period=sheet_world.period).count() == 0  # nothing saved yet
        response = confirm(lead_client, pending, page)
    assert response.status_code == 302 and response["Location"] == reverse("actions:my_updates")
    updates = {u.action.reference: u for u in ActionUpdate.objects.filter(period=sheet_world.period)}
    assert updates["1.1"].state == "submitted" and updates["1.1"].rag == "amber"
    assert updates["1.2"].marks_complete and updates["1.3"].state == "draft"
    assert all(u.history.get().history_user == sheet_world.lead for u in updates.values())
    assert Action.objects.get(pk=sheet_world.actions["1.1"].pk).status == Action.Status.IN_PROGRESS
    pending.refresh_from_db()
    assert pending.applied_at is not None
    events = [record.security["event"] for record in caplog.records if hasattr(record, "security")]
    assert "import_previewed" in events and "import_applied" in events
    page = lead_client.get(reverse("actions:my_updates")).content.decode()
    assert "3 updates saved from updates.xlsx: 2 submitted for review and 1 saved as a draft" in page


def test_the_same_file_twice_changes_nothing_the_second_time(lead_client, sheet_world):
    """INT-06: every row is unchanged, there is nothing to confirm, and no history is written."""
    data = filled_sheet(sheet_world)
    upload(lead_client, data)
    first = PendingImport.objects.get(created_by=sheet_world.lead)
    confirm(
        lead_client,
        first,
        lead_client.get(reverse("actions:update_sheet_preview", args=[first.pk])).content.decode(),
    )
    before = history_counts(sheet_world)
    response = upload(lead_client, data)
    page = lead_client.get(response["Location"]).content.decode()
    assert "There is nothing to save" in page and 'name="digest"' not in page
    assert "3 rows the same as what is saved" in page
    second = PendingImport.objects.get(created_by=sheet_world.lead, applied_at__isnull=True)
    response = lead_client.post(reverse("actions:update_sheet_confirm", args=[second.pk]), {"digest": "x"})
    assert response.status_code == 409
    assert history_counts(sheet_world) == before
    assert ActionUpdate.objects.filter(period=sheet_world.period).count() == 3


def test_errors_block_the_whole_sheet(lead_client, sheet_world):
    workbook = download(sheet_world.lead, sheet_world.plan, sheet_world.period)
    fill(workbook, "1.1", RAG="Green", Progress="Fine.")
    fill(workbook, "1.2", RAG="Purple", Progress="Fine.")
    response = upload(lead_client, xlsx(workbook))
    page = lead_client.get(response["Location"]).content.decode()
    assert "Error: Check your updates" in page
    assert "Row 5, RAG: “Purple” is not a RAG rating" in page
    assert "Nothing can be saved until every problem is fixed" in page
    assert 'name="digest"' not in page
    pending = PendingImport.objects.get(created_by=sheet_world.lead)
    response = lead_client.post(
        reverse("actions:update_sheet_confirm", args=[pending.pk]), {"digest": "0" * 64}
    )
    assert response.status_code == 409
    assert not ActionUpdate.objects.filter(period=sheet_world.period).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("updates.xlsx", b"MZ\x90\x00 a program", "The file is not a real Excel workbook"),
        ("updates.xlsm", b"PK\x03\x04", "The file contains macros"),
        ("updates.json", b"{}", "The file must be a spreadsheet"),
    ],
)
def test_unsafe_files_are_refused_before_reading(lead_client, sheet_world, name, content, message):
    response = upload(lead_client, content, name)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and message in page
    assert not PendingImport.objects.filter(created_by=sheet_world.lead).exists()


def test_someone_elses_pending_upload_is_not_found(lead_client, sheet_world, secretary, outsider):
    """INT-06: a pending upload is found only for its uploader, in their partnership."""
    upload(lead_client, filled_sheet(sheet_world))
    pending = PendingImport.objects.get(created_by=sheet_world.lead)
    for person in (secretary, outsider):
        other = Client()
        other.force_login(person)
        assert other.get(reverse("actions:update_sheet_preview", args=[pending.pk])).status_code in (403, 404)
        response = other.post(reverse("actions:update_sheet_confirm", args=[pending.pk]), {"digest": "x"})
        assert response.status_code in (403, 404)
    secretary_client = Client()
    secretary_client.force_login(secretary)
    assert secretary_client.get(reverse("actions:update_sheet_preview", args=[pending.pk])).status_code == 404
    assert not ActionUpdate.objects.filter(period=sheet_world.period).exists()


def test_confirm_needs_a_csrf_token(sheet_world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sheet_world.lead)
    pending = PendingImport.objects.create(
        kind=PendingImport.Kind.UPDATE_SHEET,
        partnership=sheet_world.plan.partnership,
        created_by=sheet_world.lead,
        original_name="x.xlsx",
        file_format="xlsx",
        content=filled_sheet(sheet_world),
        sha256="0",
        context={"plan": sheet_world.plan.pk, "period": sheet_world.period.pk},
    )
    response = client.post(reverse("actions:update_sheet_confirm", args=[pending.pk]), {"digest": "x"})
    assert response.status_code == 403


def test_a_failure_on_row_100_saves_nothing(lead_client, sheet_world, monkeypatch, caplog):
    """INT-05: the user sees a failure, never "imported 99 rows", and nothing is committed."""
    for n in range(5, 155):
        factories.make_action(sheet_world.p1, f"1.{n}", order=n)
    workbook = download(sheet_world.lead, sheet_world.plan, sheet_world.period)
    for n in range(5, 155):
        fill(workbook, f"1.{n}", RAG="Green", Progress=f"Progress {n}")
    response = upload(lead_client, xlsx(workbook))
    page = lead_client.get(response["Location"]).content.decode()
    assert "Save 150 updates" in page
    pending = PendingImport.objects.get(created_by=sheet_world.lead)
    before = history_counts(sheet_world)
    real, calls = bulk.apply_input, []

    def fail_on_row_100(update, data, **kwargs):
        calls.append(update)
        if len(calls) == 100:
            raise services.NotAllowedNow("The quarter was locked while saving.")
        real(update, data, **kwargs)

    monkeypatch.setattr(bulk, "apply_input", fail_on_row_100)
    with caplog.at_level("INFO", logger="swp.security"):
        response = confirm(lead_client, pending, page)
    assert response.status_code == 409
    text = response.content.decode()
    assert "Your updates were not saved" in text and "The quarter was locked while saving." in text
    assert "saved from" not in text
    assert not ActionUpdate.objects.filter(period=sheet_world.period).exists()
    assert history_counts(sheet_world) == before
    assert Action.objects.filter(plan=sheet_world.plan, status=Action.Status.IN_PROGRESS).count() == 0
    pending.refresh_from_db()
    assert pending.applied_at is None
    assert any(getattr(r, "security", {}).get("event") == "import_failed" for r in caplog.records)


def test_a_change_between_preview_and_confirm_is_shown_not_applied(lead_client, sheet_world):
    response = upload(lead_client, filled_sheet(sheet_world))
    page = lead_client.get(response["Location"]).content.decode()
    pending = PendingImport.objects.get(created_by=sheet_world.lead)
    services.save_update(
        action=sheet_world.actions["1.3"],
        period=sheet_world.period,
        by=sheet_world.other_lead,
        expected_version=0,
        data=services.UpdateInput(rag="green", progress="Someone else's."),
        submit=False,
    )
    response = confirm(lead_client, pending, page)
    assert response.status_code == 409
    assert "something changed since you saw the preview" in response.content.decode()
    assert ActionUpdate.objects.filter(period=sheet_world.period).count() == 1  # only the other person's


def test_the_preview_takes_a_fixed_number_of_queries(lead_client, sheet_world, django_assert_max_num_queries):
    for n in range(5, 80):
        factories.make_action(sheet_world.p1, f"1.{n}", order=n)
    workbook = download(sheet_world.lead, sheet_world.plan, sheet_world.period)
    for n in range(5, 80):
        fill(workbook, f"1.{n}", RAG="Amber", Progress=f"Progress {n}", What_is_being_done="Plan")
    response = upload(lead_client, xlsx(workbook))
    with django_assert_max_num_queries(15):
        page = lead_client.get(response["Location"]).content.decode()
    assert "Save 75 updates" in page


def test_a_csv_upload(lead_client, sheet_world):
    rows = [["Item No.", "RAG status", "Progress update"], ["1.4", "G", "Café opened – “on time”."]]
    response = upload(lead_client, csv_of(rows, encoding="cp1252"), "mine.csv")
    page = lead_client.get(response["Location"]).content.decode()
    assert "Café opened – “on time”." in page
    pending = PendingImport.objects.get(created_by=sheet_world.lead)
    assert confirm(lead_client, pending, page).status_code == 302
    assert ActionUpdate.objects.get(action=sheet_world.actions["1.4"]).progress == "Café opened – “on time”."
