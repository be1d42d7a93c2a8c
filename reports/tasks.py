"""The task that makes an issued pack: read model -> PDF -> stored, hashed, frozen.

It runs on a worker (`python manage.py db_worker`, SWP_TASKS_BACKEND=database) or, in
development and tests, inline in the request. reports.pdf, and with it WeasyPrint, is imported
inside the task, so importing this module (as the web process does, to enqueue) stays cheap.
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskContext, task

from swp.security_log import security_event

from .limits import LimitExceeded
from .models import IssuedPack, PackDraft, State
from .notifications import pack_issued
from .pack_data import BoardPack
from .prerender import for_meeting, reusable_pdf
from .selectors import board_pack

logger = logging.getLogger(__name__)

FAILED_MESSAGE = (
    "The PDF could not be made. Nothing was issued. Try again; if it fails again, tell your "
    "system administrator, quoting pack reference {reference}."
)
TOO_BIG_MESSAGE = (
    "The PDF could not be made: this pack is too big. {limit} Nothing was issued. Your system "
    "administrator can raise the limit; tell them, quoting pack reference {reference}."
)


def issue_from_draft(pack: IssuedPack) -> bool:
    """Issue a queued pack with the pre-rendered draft's PDF, if the draft was made from exactly the
    read model (and marking) this pack would be made from now. False, changing nothing, otherwise."""
    if not PackDraft.objects.filter(period_id=pack.period_id).exclude(pdf="").exists():
        return False  # nothing to reuse: do not build the read model in the request for nothing
    data = for_meeting(board_pack(plan=pack.plan, period=pack.period), pack)
    draft = reusable_pdf(data, period=pack.period, marking=pack.protective_marking)
    if draft is None:
        return False
    if not IssuedPack.objects.filter(pk=pack.pk, state=IssuedPack.State.QUEUED).update(
        state=IssuedPack.State.MAKING
    ):
        return False
    try:
        _issue(pack, data, draft.pdf, pages=draft.pages, render_seconds=draft.render_seconds)
    except Exception:
        logger.exception("pack_draft_not_issued pack=%s", pack.pk)
        making = IssuedPack.objects.filter(pk=pack.pk, state=IssuedPack.State.MAKING)
        making.update(state=IssuedPack.State.QUEUED)  # the task will make it instead
        return False
    logger.info("pack_issued_from_draft pack=%s period=%s", pack.pk, pack.period_id)
    _log_issued(pack)
    return True


@task(takes_context=True)
def make_pack(context: TaskContext, pack_id: int) -> str:
    """Make the PDF for a queued pack and issue it; on any error, mark it failed and log why."""
    started = IssuedPack.objects.filter(pk=pack_id, state=IssuedPack.State.QUEUED).update(
        state=IssuedPack.State.MAKING, task_id=str(context.task_result.id)
    )
    if not started:
        # Already made, failed as stalled, or never existed: nothing to do, and nothing to undo.
        logger.warning("pack_task_skipped pack=%s", pack_id)
        return "skipped"
    pack = IssuedPack.objects.select_related("plan__partnership", "period", "meeting__board").get(pk=pack_id)
    try:
        from .pdf import render_pdf

        data = for_meeting(board_pack(plan=pack.plan, period=pack.period), pack)
        # The draft may have been finished since the pack was asked for.
        rendered = reusable_pdf(data, period=pack.period, marking=pack.protective_marking) or render_pdf(
            data, marking=pack.protective_marking
        )
        _issue(pack, data, rendered.pdf, pages=rendered.pages, render_seconds=rendered.render_seconds)
    except LimitExceeded as stopped:
        logger.warning("pack_failed pack=%s period=%s limit=%s", pack_id, pack.period_id, stopped.kind)
        _fail(pack_id, TOO_BIG_MESSAGE.format(limit=stopped, reference=pack_id))
        return "failed"
    except Exception:
        logger.exception("pack_failed pack=%s period=%s", pack_id, pack.period_id)
        _fail(pack_id, FAILED_MESSAGE.format(reference=pack_id))
        return "failed"
    _log_issued(pack)
    return "issued"


def _log_issued(pack: IssuedPack) -> None:
    security_event(
        "pack_issued",
        user=pack.issued_by,
        obj=pack,
        period=pack.period.label,
        revision=pack.revision,
        sha256=pack.pdf_sha256,
    )


def _fail(pack_id: int, message: str) -> None:
    IssuedPack.objects.filter(pk=pack_id, state=IssuedPack.State.MAKING).update(
        state=IssuedPack.State.FAILED, failure_message=message
    )


def _issue(pack: IssuedPack, data: BoardPack, pdf: bytes, *, pages: int, render_seconds: float) -> None:
    """Store the PDF, the read model and the hash, and mark the pack issued: from here on it is final."""
    if not pdf.startswith(b"%PDF"):
        raise ValueError("The renderer did not return a PDF.")
    pack.pdf.save("pack.pdf", ContentFile(pdf), save=False)
    try:
        with transaction.atomic():
            # Given up on as stalled while it rendered? Then a newer request owns the quarter.
            if not IssuedPack.objects.select_for_update().filter(pk=pack.pk, state=State.MAKING).exists():
                raise RuntimeError(f"Pack {pack.pk} stopped being made before it was finished.")
            pack.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
            pack.pdf_size = len(pdf)
            pack.pages = pages
            pack.render_seconds = render_seconds
            pack.read_model = data.as_json()
            pack.state = IssuedPack.State.ISSUED
            pack.issued_at = timezone.now()
            pack.save()
            # In the same transaction: if issuing fails, nobody is told of a pack that is not there.
            pack_issued(pack=pack)
    except BaseException:
        pack.pdf.storage.delete(pack.pdf.name)  # the row was never issued, so its file goes too
        raise
