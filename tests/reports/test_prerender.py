"""The pack ready when asked: pre-rendered after the last change, and reused only when nothing changed.

WeasyPrint is swapped for `fake_pdf`, whose "PDF" holds the read model it was given, so what a pack
was made from can be read back out of its bytes.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks.signals import task_enqueued

from actions.models import Action, ActionUpdate, BoardNote, Rag
from actions.services.notes import save_note
from actions.services.updates import UpdateInput, save_update
from priorities.models import ReportingPeriod
from priorities.services import open_period
from reports import prerender
from reports.models import IssuedPack, PackDraft
from reports.prerender import read_model_sha256, render_draft, run_prerender, schedule_prerender
from reports.selectors import board_pack
from tests import factories
from tests.reports import pack_helpers
from tests.reports.pack_helpers import DUMMY, IMMEDIATE, issue, stored_bytes

media, fake_pdf, quarter = pack_helpers.media, pack_helpers.fake_pdf, pack_helpers.quarter


@pytest.fixture
def enqueued(settings):
    """Tasks queued while the test runs, on a backend that can run them later and runs none."""
    settings.TASKS = DUMMY
    seen = []

    def record(sender, task_result, **kwargs):
        seen.append(task_result)

    task_enqueued.connect(record)
    yield seen
    task_enqueued.disconnect(record)


def draft_bytes(period) -> bytes:
    with PackDraft.objects.get(period=period).pdf.open("rb") as stored:
        return stored.read()


def change_progress(period, text: str) -> None:
    update = ActionUpdate.objects.get(period=period, action__reference="1.1")  # this plan's only
    update.progress = text
    update.save()


# Reuse ---------------------------------------------------------------------------------------


def test_an_unchanged_pack_is_issued_from_the_draft_in_the_request_without_rendering(
    quarter, secretary, fake_pdf, enqueued
):
    assert render_draft(quarter) is True
    fake_pdf.clear()

    pack = issue(quarter, secretary)

    assert pack.state == IssuedPack.State.ISSUED  # no worker ran: the request issued it
    assert not fake_pdf and not enqueued  # nothing rendered, nothing queued
    assert stored_bytes(pack) == draft_bytes(quarter)
    assert pack.read_model["priorities"][0]["actions"][0]["progress"] == "Two events held"
    assert pack.pages == 3


def test_an_update_changed_after_the_draft_is_not_issued_stale(quarter, secretary, fake_pdf, settings):
    render_draft(quarter)
    change_progress(quarter, "Three events held")
    settings.TASKS = IMMEDIATE
    fake_pdf.clear()

    pack = issue(quarter, secretary)

    assert pack.state == IssuedPack.State.ISSUED
    assert len(fake_pdf) == 1  # rendered afresh, as before drafts
    assert b"Three events held" in stored_bytes(pack)
    assert b"Two events held" not in stored_bytes(pack)
    assert stored_bytes(pack) != draft_bytes(quarter)


def test_a_pack_is_not_issued_from_a_draft_for_another_marking(quarter, secretary, fake_pdf, enqueued):
    render_draft(quarter)

    pack = issue(quarter, secretary, marking=IssuedPack.Marking.OFFICIAL_SENSITIVE)

    assert pack.state == IssuedPack.State.QUEUED  # left to the worker to make
    assert [r.task.name for r in enqueued] == ["make_pack"]


@pytest.fixture
def drawing_code_changed(monkeypatch, tmp_path):
    """A release that changes only the Python that draws the pack (reports/rendering.py), not its
    templates: a wording made in code, such as a table's heading or the headline's sentence."""
    changed = tmp_path / "rendering.py"
    real_files = prerender._drawing_files()
    changed.write_bytes(
        next(p for p in real_files if p.name == "rendering.py").read_bytes() + b"\n# reworded\n"
    )

    def release():
        monkeypatch.setattr(
            prerender,
            "_drawing_files",
            lambda: [changed if p.name == "rendering.py" else p for p in real_files],
        )
        prerender._templates_fingerprint.cache_clear()

    yield release
    monkeypatch.undo()
    prerender._templates_fingerprint.cache_clear()


def test_a_draft_drawn_by_an_earlier_release_of_the_code_is_not_reused(
    quarter, secretary, fake_pdf, enqueued, drawing_code_changed
):
    render_draft(quarter)
    drawing_code_changed()

    pack = issue(quarter, secretary)

    assert pack.state == IssuedPack.State.QUEUED  # not copied from the draft: left to the worker to make
    assert [r.task.name for r in enqueued] == ["make_pack"]


def test_the_worker_uses_a_draft_finished_after_the_pack_was_asked_for(
    quarter, secretary, fake_pdf, settings
):
    settings.TASKS = DUMMY
    pack = issue(quarter, secretary)  # queued: no draft yet
    render_draft(quarter)
    fake_pdf.clear()

    from reports.tasks import make_pack

    settings.TASKS = IMMEDIATE
    make_pack.enqueue(pack.pk)
    pack.refresh_from_db()

    assert pack.state == IssuedPack.State.ISSUED
    assert not fake_pdf
    assert stored_bytes(pack) == draft_bytes(quarter)


def test_the_reuse_key_changes_with_any_byte_of_the_read_model(quarter):
    data = board_pack(plan=quarter.plan, period=quarter)
    key = read_model_sha256(data, marking="OFFICIAL")
    assert read_model_sha256(board_pack(plan=quarter.plan, period=quarter), marking="OFFICIAL") == key

    data.priorities[0].actions[0].progress += "."
    assert read_model_sha256(data, marking="OFFICIAL") != key
    assert (
        read_model_sha256(board_pack(plan=quarter.plan, period=quarter), marking="OFFICIAL-SENSITIVE") != key
    )


def test_a_draft_whose_file_was_altered_is_not_used(quarter, secretary, fake_pdf, enqueued):
    render_draft(quarter)
    draft = PackDraft.objects.get(period=quarter)
    with open(draft.pdf.path, "ab") as stored:
        stored.write(b"tampered")

    pack = issue(quarter, secretary)

    assert pack.state == IssuedPack.State.QUEUED


def test_no_draft_once_the_quarter_is_issued(quarter, secretary, fake_pdf, settings):
    settings.TASKS = IMMEDIATE
    issue(quarter, secretary)
    fake_pdf.clear()
    PackDraft.objects.create(period=quarter)

    assert render_draft(quarter) is False  # the next one is a correction, with a reason
    assert not fake_pdf


# Scheduling ----------------------------------------------------------------------------------


def test_renders_wait_for_30_seconds_after_the_last_change(quarter, fake_pdf, enqueued):
    start = timezone.now()
    schedule_prerender(plan_id=quarter.plan_id, now=start)
    schedule_prerender(plan_id=quarter.plan_id, now=start + timedelta(seconds=10))
    schedule_prerender(plan_id=quarter.plan_id, now=start + timedelta(seconds=20))

    assert len(enqueued) == 1  # one queued render for three changes
    assert enqueued[0].task.run_after == start + timedelta(seconds=30)

    # At 30 s the last change is only 10 s old: the run puts itself back to 50 s, and renders nothing.
    assert run_prerender(quarter.pk, now=start + timedelta(seconds=30)) == "later"
    assert enqueued[1].task.run_after == start + timedelta(seconds=50)
    assert not fake_pdf

    assert run_prerender(quarter.pk, now=start + timedelta(seconds=50)) == "rendered"
    assert len(fake_pdf) == 1
    draft = PackDraft.objects.get(period=quarter)
    assert (draft.due_at, draft.scheduled_for) == (None, None)

    # A change after the render queues a new one; with nothing in the read model changed, it renders nothing.
    schedule_prerender(plan_id=quarter.plan_id, now=start + timedelta(seconds=60))
    assert len(enqueued) == 3
    assert run_prerender(quarter.pk, now=start + timedelta(seconds=90)) == "unchanged"
    assert len(fake_pdf) == 1


def test_a_render_lost_with_its_worker_is_queued_again(quarter, enqueued):
    start = timezone.now()
    schedule_prerender(plan_id=quarter.plan_id, now=start)
    schedule_prerender(plan_id=quarter.plan_id, now=start + timedelta(minutes=20))

    assert len(enqueued) == 2


def test_saving_an_update_schedules_the_current_quarters_render(
    quarter, lead_a, enqueued, django_capture_on_commit_callbacks
):
    action = Action.objects.get(reference="1.1", priority__plan=quarter.plan)
    update = ActionUpdate.objects.get(action=action, period=quarter)
    update.state = ActionUpdate.State.DRAFT
    update.save()
    quarter.status = quarter.Status.OPEN
    quarter.save()

    with django_capture_on_commit_callbacks(execute=True):
        save_update(
            action=action,
            period=quarter,
            by=lead_a,
            expected_version=update.version,
            data=UpdateInput(rag=Rag.GREEN, progress="All four held"),
            submit=True,
        )

    draft = PackDraft.objects.get(period=quarter)
    assert draft.due_at is not None
    assert [(r.task.name, r.args) for r in enqueued] == [("prerender_pack", [quarter.pk])]


def test_a_lead_submitting_their_commentary_schedules_the_render(
    quarter, p1, lead_a, enqueued, django_capture_on_commit_callbacks
):
    quarter.status = quarter.Status.OPEN
    quarter.save()

    with django_capture_on_commit_callbacks(execute=True):
        save_note(
            period=quarter,
            kind=BoardNote.Kind.COMMENTARY,
            priority=p1,
            by=lead_a,
            expected_version=0,
            text="Two events held; the other two move to the autumn.",
            submit=True,
        )

    assert PackDraft.objects.get(period=quarter).due_at is not None
    assert [(r.task.name, r.args) for r in enqueued] == [("prerender_pack", [quarter.pk])]


def test_nothing_is_pre_rendered_without_a_worker(quarter, settings):
    """With the immediate backend the render would run inside the request that changed the plan."""
    settings.TASKS = IMMEDIATE

    assert schedule_prerender(plan_id=quarter.plan_id) == []
    assert not PackDraft.objects.exists()


def test_the_draft_is_for_the_latest_quarter_opened(quarter, plan):
    assert prerender.current_period(plan.pk) == quarter


def test_an_admin_edit_to_an_action_schedules_the_render(
    quarter, admin_user, enqueued, rf, django_capture_on_commit_callbacks
):
    from django.contrib import admin

    action = Action.objects.get(reference="1.1", priority__plan=quarter.plan)
    request = rf.post("/admin/")
    request.user = admin_user

    with django_capture_on_commit_callbacks(execute=True):
        admin.site._registry[Action].log_change(request, action, "Changed objective")

    assert PackDraft.objects.get(period=quarter).due_at is not None
    assert [r.task.name for r in enqueued] == ["prerender_pack"]


def test_an_admin_edit_to_a_board_note_schedules_the_render(
    quarter, p1, lead_a, admin_user, enqueued, rf, django_capture_on_commit_callbacks
):
    from django.contrib import admin

    note = BoardNote.objects.create(
        period=quarter, kind=BoardNote.Kind.COMMENTARY, priority=p1, text="Two held.", written_by=lead_a
    )
    request = rf.post("/admin/")
    request.user = admin_user

    with django_capture_on_commit_callbacks(execute=True):
        admin.site._registry[BoardNote].log_change(request, note, "Changed text")

    assert [(r.task.name, r.args) for r in enqueued] == [("prerender_pack", [quarter.pk])]


def test_moving_the_quarters_board_meeting_schedules_the_render(
    quarter, enqueued, django_capture_on_commit_callbacks
):
    meeting = quarter.meeting
    with django_capture_on_commit_callbacks(execute=True):
        meeting.date += timedelta(days=7)  # the cover names the meeting's date
        meeting.save()
    assert [(r.task.name, r.args) for r in enqueued] == [("prerender_pack", [quarter.pk])]

    enqueued.clear()
    due = PackDraft.objects.get(period=quarter).due_at
    with django_capture_on_commit_callbacks(execute=True):
        meeting.board.name = "Safer Test Partnership Board"  # and its board
        meeting.board.save()
    assert PackDraft.objects.get(period=quarter).due_at > due  # the waiting render moved on
    assert enqueued == []  # not queued twice


def test_opening_the_next_quarter_schedules_its_pack(
    quarter, secretary, enqueued, django_capture_on_commit_callbacks
):
    next_quarter = factories.make_period(quarter.plan, quarter=3, status=ReportingPeriod.Status.PLANNED)

    with django_capture_on_commit_callbacks(execute=True):
        open_period(period=next_quarter, by=secretary, update_deadline=next_quarter.end)

    assert PackDraft.objects.filter(period=next_quarter, due_at__isnull=False).exists()
    # Q2's pack is not issued yet, so it is kept ready too: the board meets on it in July.
    assert [(r.task.name, r.args) for r in enqueued] == [
        ("prerender_pack", [next_quarter.pk]),
        ("prerender_pack", [quarter.pk]),
    ]


def test_a_late_review_of_last_quarter_after_the_next_opened_still_leaves_its_pack_ready(
    quarter, secretary, fake_pdf, enqueued
):
    next_quarter = factories.make_period(quarter.plan, quarter=3, status=ReportingPeriod.Status.OPEN)
    start = timezone.now()
    render_draft(quarter)
    change_progress(quarter, "Three events held")  # accepted late, in July, with Q3 open

    schedule_prerender(plan_id=quarter.plan_id, now=start)
    assert [r.args for r in enqueued] == [[next_quarter.pk], [quarter.pk]]
    assert run_prerender(quarter.pk, now=start + timedelta(seconds=30)) == "rendered"
    fake_pdf.clear()
    enqueued.clear()

    pack = issue(quarter, secretary)

    assert pack.state == IssuedPack.State.ISSUED and not fake_pdf and not enqueued  # from the draft
    assert pack.read_model["priorities"][0]["actions"][0]["progress"] == "Three events held"
    # Issued: from now on only the open quarter is kept ready.
    assert prerender.periods_to_prerender(quarter.plan_id) == [next_quarter]


def test_older_quarters_without_a_pack_are_not_pre_rendered(quarter, plan):
    factories.make_period(plan, quarter=1, status=ReportingPeriod.Status.LOCKED)  # never issued

    assert prerender.periods_to_prerender(plan.pk) == [quarter]  # Q2, locked and the latest opened


def test_loading_the_demo_has_the_worker_ready_the_packs_the_board_is_asked_for_next(
    db, enqueued, django_capture_on_commit_callbacks
):
    from reports.demo.loader import load_walsall_demo

    with django_capture_on_commit_callbacks(execute=True):
        load_walsall_demo(with_users=False)

    periods = ReportingPeriod.objects.filter(plan__partnership__slug="safer-walsall")
    open_now, last_locked = periods.get(label="2020 Q3"), periods.get(label="2020 Q2")
    assert [r.args for r in enqueued] == [[open_now.pk], [last_locked.pk]]
    enqueued.clear()

    with django_capture_on_commit_callbacks(execute=True):
        load_walsall_demo(with_users=False)  # nothing changed: nothing to render again

    assert enqueued == []
