"""The next packs, rendered before anyone asks for them, so "Issue" gives the PDF at once.

A change to what the pack reads (an update saved, reviewed or imported, a reading entered: the
services send priorities.signals.plan_changed) schedules a render of each quarter whose pack the
board may be asked for next (periods_to_prerender: the latest opened, and the locked one before it
until its pack is issued) on the worker SWP_PACK_PRERENDER_DELAY_SECONDS (30) after the *last*
change: each change moves the draft's `due_at` on, and the one queued task, when it runs early,
puts itself back until then. So a lead saving ten updates in a minute costs one render, not ten.

Issuing builds the read model as it is at that moment and compares its SHA-256 (with the marking
and the templates and code it would be drawn with) to the one the draft was made from. Only when they are
the same, byte for byte, is the draft's PDF copied into the issued pack; otherwise the pack is
rendered as it always was. A draft can therefore be stale without harm: it is simply not used.

Only with a backend that can run a task later (the database backend and its worker): with the
immediate backend, as in tests and a bare `runserver`, nothing is pre-rendered, since the render
would run inside the request that changed the plan.

WeasyPrint is imported only inside render_draft, which runs on the worker.
"""

import hashlib
import importlib
import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from priorities.models import ReportingPeriod
from priorities.signals import announce_plan_changed

from .models import IssuedPack, PackDraft
from .pack_data import BoardPack
from .rendering import DEFAULT_MARKING, PRINT_CSS
from .selectors import board_pack

logger = logging.getLogger(__name__)

# A queued render that has not run this long after it was due was lost with its worker: queue another.
LOST_AFTER = timedelta(minutes=10)


def for_meeting(data: BoardPack, pack: IssuedPack) -> BoardPack:
    """The read model with the meeting the secretary chose (which may not be the quarter's own),
    and the revision with its reason, so a correction says on its cover that it is one."""
    meeting = pack.meeting
    data.meeting = f"{meeting.board.name}, {meeting.date:%-d %B %Y}" if meeting else None
    data.meeting_date = meeting.date if meeting else None
    data.revision = pack.revision
    data.correction = pack.reason if pack.revision > 1 else ""
    return data


# The code between the read model and the HTML: a wording or chart change made in Python alone
# changes the PDF as surely as a template change does.
DRAWING_MODULES = (
    "reports.rendering",
    "reports.charts",
    "reports.pack_exceptions",
    "reports.pack_overview",
    "reports.templatetags.status_tags",
    "actions.status",
    "priorities.figures",
    "priorities.outline",
)


def _drawing_files() -> list[Path]:
    template_dir = Path(settings.BASE_DIR) / "templates" / "reports" / "pack"
    modules = [Path(importlib.import_module(name).__file__) for name in DRAWING_MODULES]
    return sorted(template_dir.glob("*.html")) + [Path(finders.find(PRINT_CSS))] + modules


@cache
def _templates_fingerprint() -> str:
    """The pack's templates, print stylesheet and drawing code as one hash: a release that changes
    how a pack looks must not issue a PDF drawn by the old ones, however equal the data."""
    digest = hashlib.sha256()
    for path in _drawing_files():
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def read_model_sha256(data: BoardPack, *, marking: str) -> str:
    """What a PDF is made from, as one hash: the read model's JSON, the marking and the templates."""
    text = json.dumps(data.as_json(), cls=DjangoJSONEncoder, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(text.encode())
    digest.update(b"\0" + marking.encode() + b"\0" + _templates_fingerprint().encode())
    return digest.hexdigest()


@dataclass
class DraftPdf:
    pdf: bytes
    pages: int
    render_seconds: float


def reusable_pdf(data: BoardPack, *, period: ReportingPeriod, marking: str) -> DraftPdf | None:
    """The draft's PDF if it was made from exactly this read model and marking, else None."""
    draft = PackDraft.objects.filter(period=period).exclude(pdf="").first()
    if draft is None or draft.read_model_sha256 != read_model_sha256(data, marking=marking):
        return None
    try:
        with draft.pdf.open("rb") as stored:
            pdf = stored.read()
    except OSError:
        logger.warning("pack_draft_missing period=%s", period.pk)
        return None
    if hashlib.sha256(pdf).hexdigest() != draft.pdf_sha256:
        logger.warning("pack_draft_corrupt period=%s", period.pk)
        return None
    return DraftPdf(pdf=pdf, pages=draft.pages or 0, render_seconds=draft.render_seconds or 0.0)


def current_period(plan_id: int) -> ReportingPeriod | None:
    """The latest quarter opened (open or locked)."""
    return (
        ReportingPeriod.objects.filter(plan_id=plan_id)
        .exclude(status=ReportingPeriod.Status.PLANNED)
        .order_by("-start")
        .first()
    )


def periods_to_prerender(plan_id: int) -> list[ReportingPeriod]:
    """The quarters whose pack the board may be asked for next: the latest opened; and while it is
    open, the locked quarter before it if no pack has been issued for it yet. In July the board meets
    on Q2, locked, while Q3 is already open, and Q2's late reviews still change its pack."""
    current = current_period(plan_id)
    if current is None:
        return []
    periods = [current]
    if current.status == ReportingPeriod.Status.OPEN:
        previous = (
            ReportingPeriod.objects.filter(
                plan_id=plan_id, status=ReportingPeriod.Status.LOCKED, start__lt=current.start
            )
            .order_by("-start")
            .first()
        )
        if previous is not None and not IssuedPack.objects.issued().filter(period=previous).exists():
            periods.append(previous)
    return periods


def can_prerender() -> bool:
    return default_task_backend.supports_defer


def schedule_prerender(*, plan_id: int, now: datetime | None = None) -> list[PackDraft]:
    """Move each of periods_to_prerender's renders to SWP_PACK_PRERENDER_DELAY_SECONDS from now,
    queuing a task only when none is waiting. Empty when nothing is pre-rendered (no worker, no
    quarter opened). A quarter whose read model the change left as it was renders nothing."""
    if not can_prerender():
        return []
    now = now or timezone.now()
    return [_schedule(period, now=now) for period in periods_to_prerender(plan_id)]


def _schedule(period: ReportingPeriod, *, now: datetime) -> PackDraft:
    due = now + timedelta(seconds=settings.SWP_PACK_PRERENDER_DELAY_SECONDS)
    try:
        with transaction.atomic():
            PackDraft.objects.get_or_create(period=period)
    except IntegrityError:
        pass  # made by a concurrent change; it is there now
    with transaction.atomic():
        draft = PackDraft.objects.select_for_update().get(period=period)
        draft.due_at = due
        queue = draft.scheduled_for is None or draft.scheduled_for < now - LOST_AFTER
        if queue:
            draft.scheduled_for = due
        draft.save(update_fields=["due_at", "scheduled_for"])
        if queue:
            # Queued in the same transaction as the draft says so (the database backend's row).
            prerender_pack.using(run_after=due).enqueue(period.pk)
    return draft


def on_plan_changed(sender, *, plan_id: int, **kwargs) -> None:
    """plan_changed's receiver (connected in ReportsConfig.ready())."""
    schedule_prerender(plan_id=plan_id)


# How to find the plan of a record the pack reads, for edits made in the Django admin (which go
# round the services). Deletions are logged before the record goes, so it can still be found.
PLAN_OF = {
    "priorities.plan": "pk",
    "priorities.priority": "plan_id",
    "priorities.theme": "plan_id",
    "priorities.reportingperiod": "plan_id",
    "priorities.measure": "priority__plan_id",
    "priorities.measurereading": "period__plan_id",
    "actions.action": "priority__plan_id",
    "actions.actionupdate": "period__plan_id",
    "actions.boardnote": "period__plan_id",
}


def on_admin_change(sender, instance, created: bool, **kwargs) -> None:
    """post_save of the admin's LogEntry: an admin edit to what the pack reads announces plan_changed."""
    if not created or instance.content_type is None or not instance.object_id:
        return
    content_type = instance.content_type
    path = PLAN_OF.get(f"{content_type.app_label}.{content_type.model}")
    if path is None:
        return
    model = content_type.model_class()
    plan_id = model.objects.filter(pk=instance.object_id).values_list(path, flat=True).first()
    if plan_id is not None:
        announce_plan_changed(plan_id=plan_id)


# How to find the quarters whose pack cover names a saved governance record (the board and the date).
PERIODS_OF = {"governance.meeting": "meeting", "governance.board": "meeting__board"}


def on_meeting_saved(sender, instance, **kwargs) -> None:
    """post_save of a governance Meeting or Board (connected in ReportsConfig.ready()): governance
    may not send plan_changed itself."""
    path = PERIODS_OF[sender._meta.label_lower]
    plan_ids = ReportingPeriod.objects.filter(**{path: instance}).values_list("plan_id", flat=True)
    for plan_id in set(plan_ids):
        announce_plan_changed(plan_id=plan_id)


def run_prerender(period_id: int, *, now: datetime) -> str:
    """What the queued task does: wait for the last change's delay, then render if anything changed."""
    with transaction.atomic():
        draft = PackDraft.objects.select_for_update().filter(period_id=period_id).first()
        if draft is None:
            return "gone"
        if draft.due_at is not None and draft.due_at > now:
            # Changed again since this run was queued: run again 30 s after that change instead.
            draft.scheduled_for = draft.due_at
            draft.save(update_fields=["scheduled_for"])
            prerender_pack.using(run_after=draft.due_at).enqueue(period_id)
            return "later"
        # From here a new change queues a new run, which renders again if this one read too early.
        draft.due_at = draft.scheduled_for = None
        draft.save(update_fields=["due_at", "scheduled_for"])
    return "rendered" if render_draft(draft.period) else "unchanged"


@task()
def prerender_pack(period_id: int) -> str:
    return run_prerender(period_id, now=timezone.now())


def draft_marking(period: ReportingPeriod) -> str:
    """The marking the secretary last issued this plan's packs with (OFFICIAL before any)."""
    last = IssuedPack.objects.issued().filter(plan_id=period.plan_id).order_by("-issued_at").first()
    return last.protective_marking if last else DEFAULT_MARKING


def render_draft(period: ReportingPeriod) -> bool:
    """Render the quarter's pack as it would first be issued now (its own meeting, revision 1, the
    usual marking) unless the draft already shows exactly that. True if it rendered."""
    from .limits import LimitExceeded
    from .pdf import render_pdf

    latest = IssuedPack.objects.issued().filter(period=period).order_by("-revision").first()
    if latest is not None:
        return False  # the next issue is a correction, with a reason no draft can know
    as_issued = IssuedPack(plan=period.plan, period=period, meeting=period.meeting, revision=1)
    data = for_meeting(board_pack(plan=period.plan, period=period), as_issued)
    marking = draft_marking(period)
    key = read_model_sha256(data, marking=marking)
    draft, _ = PackDraft.objects.get_or_create(period=period)
    if draft.read_model_sha256 == key and draft.pdf:
        return False
    try:
        rendered = render_pdf(data, marking=marking)
    except LimitExceeded:
        logger.warning("pack_draft_too_big period=%s", period.pk)
        return False
    old = draft.pdf.name
    draft.pdf.save("draft.pdf", ContentFile(rendered.pdf), save=False)
    draft.read_model_sha256 = key
    draft.pdf_sha256 = hashlib.sha256(rendered.pdf).hexdigest()
    draft.pages = rendered.pages
    draft.render_seconds = rendered.render_seconds
    draft.rendered_at = timezone.now()
    rendered_fields = ["pdf", "read_model_sha256", "pdf_sha256", "pages", "render_seconds", "rendered_at"]
    draft.save(update_fields=rendered_fields)
    if old:
        draft.pdf.storage.delete(old)
    logger.info("pack_draft_rendered period=%s seconds=%.2f", period.pk, rendered.render_seconds)
    return True
