"""Issued board packs: made by a task, stored with their JSON and hash, and frozen once issued (INT-08).

Most tests swap WeasyPrint for a fast stand-in (`fake_pdf`), since what they check is the issuing,
not the rendering; the tests marked "real PDF" make the pack with WeasyPrint, as production does.
"""

import hashlib
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection
from django.utils import timezone

from actions.models import Rag
from governance.models import Meeting
from priorities.models import ReportingPeriod
from reports import services
from reports.models import IssuedPack, IssuedPackIsFinal
from reports.pdf import RenderedPdf
from reports.tasks import make_pack
from tests import factories
from tests.reports import pack_helpers
from tests.reports.pack_helpers import DUMMY, IMMEDIATE, issue, stored_bytes

media, fake_pdf, quarter = pack_helpers.media, pack_helpers.fake_pdf, pack_helpers.quarter

# Issuing -------------------------------------------------------------------------------------


def test_issuing_stores_the_pdf_its_json_and_the_hash_of_its_bytes(quarter, secretary):
    """Real PDF: WeasyPrint makes it inside the task, as the worker would."""
    pack = issue(quarter, secretary)

    assert pack.state == IssuedPack.State.ISSUED, pack.failure_message
    content = stored_bytes(pack)
    assert content.startswith(b"%PDF")
    assert hashlib.sha256(content).hexdigest() == pack.pdf_sha256
    assert (pack.pdf_size, pack.revision, pack.issued_by) == (len(content), 1, secretary)
    assert pack.pages >= 2 and pack.render_seconds > 0 and pack.issued_at is not None
    assert pack.task_id
    assert pack.read_model["period_label"] == quarter.label
    assert [p["title"] for p in pack.read_model["priorities"]] == [
        "Violence reduction",
        "Prevent extremist activity",
    ]
    assert pack.read_model["priorities"][0]["actions"][0]["progress"] == "Two events held"
    assert pack.pdf.name.startswith(f"packs/{quarter.plan_id}/")


def test_the_pack_is_for_the_quarters_meeting_unless_another_is_chosen(quarter, secretary, fake_pdf):
    own = quarter.meeting
    other = Meeting.objects.create(board=own.board, date=own.date + timedelta(days=30))

    first = issue(quarter, secretary)
    assert first.meeting == own
    assert first.read_model["meeting"] == f"Safer Test Board, {own.date:%-d %B %Y}"
    second = issue(quarter, secretary, meeting=other, reason="Moved to the later meeting")
    assert second.meeting == other
    assert second.read_model["meeting"] == f"Safer Test Board, {other.date:%-d %B %Y}"
    assert fake_pdf[-1][0].meeting_date == other.date


def test_the_marking_chosen_is_the_one_printed(quarter, secretary, fake_pdf):
    pack = issue(quarter, secretary, marking=IssuedPack.Marking.OFFICIAL_SENSITIVE)
    assert pack.protective_marking == "OFFICIAL-SENSITIVE"
    assert fake_pdf[-1][1] == "OFFICIAL-SENSITIVE"


def test_a_quarter_not_yet_open_cannot_be_issued(plan, secretary, fake_pdf):
    planned = factories.make_period(plan, quarter=4, status=ReportingPeriod.Status.PLANNED)
    with pytest.raises(services.CannotIssue, match="has not opened for updates yet"):
        issue(planned, secretary)
    assert not IssuedPack.objects.filter(period=planned).exists()


def test_an_open_quarter_can_be_issued(plan, secretary, fake_pdf):
    # The form makes the secretary confirm; the service itself allows it.
    open_quarter = factories.make_period(plan, quarter=3)
    assert issue(open_quarter, secretary).state == IssuedPack.State.ISSUED


# Frozen once issued --------------------------------------------------------------------------


@pytest.fixture
def issued(quarter, secretary, fake_pdf) -> IssuedPack:
    pack = issue(quarter, secretary)
    assert pack.state == IssuedPack.State.ISSUED
    return pack


def _snapshot(pack: IssuedPack) -> tuple:
    row = IssuedPack.objects.values().get(pk=pack.pk)
    return row, stored_bytes(IssuedPack.objects.get(pk=pack.pk))


def _save_changed(pack):
    pack.protective_marking = IssuedPack.Marking.OFFICIAL_SENSITIVE
    pack.save()


def _save_after_pretending_it_is_not_issued(pack):
    pack.state = IssuedPack.State.MAKING  # the copy in memory says so; the record does not
    pack.save()


def _save_one_field(pack):
    pack.reason = "Quietly edited"
    pack.save(update_fields=["reason"])


def _replace_the_file(pack):
    from django.core.files.base import ContentFile

    pack.pdf.save("other.pdf", ContentFile(b"%PDF-1.7 something else"), save=False)


WRITES = {
    "save": _save_changed,
    "save with the state changed in memory": _save_after_pretending_it_is_not_issued,
    "save(update_fields)": _save_one_field,
    "delete": lambda pack: pack.delete(),
    "queryset update": lambda pack: IssuedPack.objects.filter(pk=pack.pk).update(reason="Edited"),
    "queryset update of every pack": lambda pack: IssuedPack.objects.update(pages=1),
    "queryset delete": lambda pack: IssuedPack.objects.filter(pk=pack.pk).delete(),
    "file delete": lambda pack: pack.pdf.delete(save=False),
    "file replace": _replace_the_file,
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_an_issued_pack_and_its_file_cannot_be_changed(issued, write):
    before = _snapshot(issued)
    with pytest.raises(IssuedPackIsFinal, match="issue a new revision with a reason"):
        write(issued)
    assert _snapshot(issued) == before


def test_packs_not_yet_issued_can_still_change(quarter, secretary, settings):
    settings.TASKS = DUMMY
    waiting = issue(quarter, secretary)
    assert waiting.state == IssuedPack.State.QUEUED
    IssuedPack.objects.filter(pk=waiting.pk).update(state=IssuedPack.State.FAILED, failure_message="Stopped")
    waiting.refresh_from_db()
    waiting.delete()
    assert not IssuedPack.objects.filter(pk=waiting.pk).exists()


def test_a_correction_needs_a_reason_in_the_database_too(issued):
    from django.db import transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        IssuedPack.objects.create(
            plan=issued.plan, period=issued.period, revision=2, issued_by=issued.issued_by, reason=""
        )


@pytest.mark.postgres
def test_postgresql_refuses_raw_sql_on_an_issued_pack(issued):
    if connection.vendor != "postgresql":
        pytest.skip("The trigger is PostgreSQL's; make test runs this on it")
    from django.db import transaction

    for sql in (
        "UPDATE reports_issuedpack SET reason = 'edited' WHERE id = %s",
        "DELETE FROM reports_issuedpack WHERE id = %s",
    ):
        with pytest.raises(IntegrityError, match="cannot be changed or deleted"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql, [issued.pk])
    assert IssuedPack.objects.get(pk=issued.pk).reason == ""


# INT-08: later edits don't reach an issued pack -----------------------------------------------


def test_an_issued_pack_survives_later_edits_byte_for_byte(quarter, secretary, client, p1):
    """Real PDF. Issue, then edit an action and its update; the download is the same bytes."""
    pack = issue(quarter, secretary)
    client.force_login(secretary)
    url = f"/packs/issued/{pack.pk}/download/"
    first = client.get(url)
    assert first.status_code == 200
    original, original_hash = first.content, pack.pdf_sha256

    action = p1.actions.get(reference="1.1")
    action.objective = "A quite different objective, typed after the pack was issued"
    action.save()
    update = action.updates.get(period=quarter)
    update.progress = "Rewritten after the board met"
    update.rag = Rag.RED
    update.save()

    again = client.get(url)
    assert again.content == original
    assert hashlib.sha256(again.content).hexdigest() == original_hash == pack.pdf_sha256
    pack.refresh_from_db()
    assert pack.pdf_sha256 == original_hash
    assert pack.read_model["priorities"][0]["actions"][0]["objective"] == "Hold four listening events"
    assert pack.read_model["priorities"][0]["actions"][0]["progress"] == "Two events held"


# Corrections ---------------------------------------------------------------------------------


def test_a_correction_is_revision_two_beside_revision_one(issued, secretary):
    with pytest.raises(services.CannotIssue, match="Enter why you are issuing a correction"):
        issue(issued.period, secretary)
    with pytest.raises(services.CannotIssue):
        issue(issued.period, secretary, reason="   ")

    second = issue(issued.period, secretary, reason="Action 1.1's update was corrected")

    assert (second.revision, second.reissue_of, second.reason) == (
        2,
        issued,
        "Action 1.1's update was corrected",
    )
    assert second.state == IssuedPack.State.ISSUED
    assert list(IssuedPack.objects.issued().filter(period=issued.period).order_by("revision")) == [
        issued,
        second,
    ]
    assert stored_bytes(issued).startswith(b"%PDF") and stored_bytes(second).startswith(b"%PDF")
    assert issued.pdf.name != second.pdf.name
    # The correction says so in what was rendered and stored; the first pack stays as it was.
    assert (second.read_model["revision"], second.read_model["correction"]) == (
        2,
        "Action 1.1's update was corrected",
    )
    assert (issued.read_model["revision"], issued.read_model["correction"]) == (1, "")


def test_a_corrections_cover_says_which_revision_it_is_and_why(issued, secretary):
    from reports.pack_data import from_json
    from reports.rendering import pack_html

    second = issue(issued.period, secretary, reason="Action 1.1's update was corrected")
    second.refresh_from_db()

    html = pack_html(from_json(second.read_model))

    assert (
        "Revision 2, replacing the pack issued earlier. Why: Action 1.1&#x27;s update was corrected" in html
    )


def test_a_first_pack_ignores_a_reason(quarter, secretary, fake_pdf):
    assert issue(quarter, secretary, reason="Not needed").reason == ""


# One at a time ---------------------------------------------------------------------------------


def test_a_second_request_while_one_is_being_made_says_so(quarter, secretary, admin_user, settings):
    settings.TASKS = DUMMY
    first = issue(quarter, secretary)
    assert first.state == IssuedPack.State.QUEUED and first.task_id

    with pytest.raises(services.PackBeingMade, match="already being made") as refused:
        issue(quarter, admin_user)
    assert refused.value.pack == first
    assert IssuedPack.objects.filter(period=quarter).count() == 1


def test_a_pack_stalled_for_half_an_hour_gives_way_to_a_new_request(quarter, secretary, settings, fake_pdf):
    settings.TASKS = DUMMY
    stalled = issue(quarter, secretary)
    IssuedPack.objects.filter(pk=stalled.pk).update(requested_at=timezone.now() - timedelta(minutes=31))
    settings.TASKS = IMMEDIATE

    fresh = issue(quarter, secretary)

    stalled.refresh_from_db()
    assert stalled.state == IssuedPack.State.FAILED and "stopped" in stalled.failure_message
    assert (fresh.state, fresh.revision) == (IssuedPack.State.ISSUED, 1)


def test_the_task_leaves_a_pack_that_is_not_waiting_alone(issued):
    before = _snapshot(issued)
    assert make_pack.enqueue(issued.pk).return_value == "skipped"
    assert _snapshot(issued) == before


def test_a_pack_given_up_on_while_it_rendered_is_not_issued_after_all(quarter, secretary, monkeypatch, media):
    def slow_render(pack, *, marking):
        # Meanwhile, a new request found it stalled and marked it failed.
        IssuedPack.objects.filter(period_id=pack.period_id).update(state="failed", failure_message="Stopped")
        return RenderedPdf(pdf=b"%PDF-1.7 late", pages=1, render_seconds=0.1, blocked=[])

    monkeypatch.setattr("reports.pdf.render_pdf", slow_render)
    pack = issue(quarter, secretary)
    assert (pack.state, pack.failure_message, pack.pdf_sha256) == ("failed", "Stopped", "")
    assert not list(media.rglob("*.pdf"))


# Failures ------------------------------------------------------------------------------------


@pytest.fixture
def broken_renderer(monkeypatch):
    def render_pdf(pack, *, marking):
        raise RuntimeError("cairo exploded at /srv/secret/path")

    monkeypatch.setattr("reports.pdf.render_pdf", render_pdf)


def test_a_failed_pack_says_so_plainly_and_is_logged(quarter, secretary, broken_renderer, media, caplog):
    pack = issue(quarter, secretary)

    assert pack.state == IssuedPack.State.FAILED
    assert pack.failure_message.startswith("The PDF could not be made. Nothing was issued.")
    assert f"pack reference {pack.pk}" in pack.failure_message
    assert "cairo" not in pack.failure_message and "/srv" not in pack.failure_message
    assert not pack.pdf and not pack.pdf_sha256
    assert not list(media.rglob("*.pdf"))
    failure = next(r for r in caplog.records if r.getMessage().startswith("pack_failed"))
    assert failure.levelname == "ERROR" and "cairo exploded" in failure.exc_text


def test_a_failed_pack_can_be_tried_again(quarter, secretary, monkeypatch):
    monkeypatch.setattr("reports.pdf.render_pdf", lambda pack, *, marking: 1 / 0)
    failed = issue(quarter, secretary, marking=IssuedPack.Marking.OFFICIAL_SENSITIVE)
    assert failed.state == IssuedPack.State.FAILED
    working = RenderedPdf(pdf=b"%PDF-1.7 ok", pages=1, render_seconds=0.1, blocked=[])
    monkeypatch.setattr("reports.pdf.render_pdf", lambda pack, *, marking: working)

    again = services.retry_pack(pack=failed, user=secretary)

    assert again.pk != failed.pk
    assert (again.state, again.revision, again.protective_marking) == ("issued", 1, "OFFICIAL-SENSITIVE")
    with pytest.raises(services.CannotIssue, match="Only a pack that failed"):
        services.retry_pack(pack=again, user=secretary)


def test_a_renderer_that_returns_no_pdf_fails_the_pack(quarter, secretary, monkeypatch):
    monkeypatch.setattr("reports.pdf.render_pdf", lambda pack, *, marking: RenderedPdf(b"<html>", 1, 0.1, []))
    assert issue(quarter, secretary).state == IssuedPack.State.FAILED


# The web process never loads WeasyPrint ------------------------------------------------------------

WEB_MODULES = [
    "swp.urls",
    "reports.views",
    "reports.pack_views",
    "reports.pack_urls",
    "reports.services",
    "reports.tasks",
    "reports.rendering",
    "reports.admin",
]


def test_web_modules_do_not_import_weasyprint(settings):
    """In a fresh interpreter: import every web module and resolve the URLs; WeasyPrint stays unloaded."""
    script = (
        "import sys, django, importlib; django.setup(); "
        f"[importlib.import_module(m) for m in {WEB_MODULES!r}]; "
        "from django.urls import get_resolver; get_resolver().url_patterns; "
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'reports')); "
        "print('\\n'.join(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "swp.test_settings"},
        cwd=settings.BASE_DIR,
        check=True,
    )
    loaded = result.stdout.split()
    assert "reports.pack_views" in loaded and "reports.tasks" in loaded
    assert not [m for m in loaded if m.startswith("weasyprint")]
    assert "reports.pdf" not in loaded
