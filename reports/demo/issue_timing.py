"""How long "Issue" takes to give a downloadable PDF, with and without a pre-rendered draft.

For bench_board_pack. Each case runs inside a transaction that is rolled back and with a scratch
MEDIA_ROOT, so no pack is left issued and no file is left behind. "Downloadable" means what the
download view checks: the stored bytes read back and their SHA-256 equal to the pack's.
"""

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.test import override_settings

from governance.models import User
from priorities.models import ReportingPeriod
from reports import services
from reports.models import IssuedPack, PackDraft
from reports.prerender import render_draft

# The request makes the pack itself here (as `make run` did before it had a worker), so the
# figure is the whole way from asking to a PDF that can be downloaded.
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@dataclass
class IssueTimes:
    without_draft: float | None  # seconds from request_pack() to a verified download
    with_draft: float | None
    prerender: float | None  # the worker's render of the draft, off any request
    reused: bool  # whether the draft was in fact used
    problem: str = ""  # why nothing could be measured, in words


def _downloadable(pack: IssuedPack) -> bool:
    with pack.pdf.open("rb") as stored:
        return hashlib.sha256(stored.read()).hexdigest() == pack.pdf_sha256


def _issue(period: ReportingPeriod, user: User) -> tuple[float, IssuedPack]:
    started = time.perf_counter()
    pack = services.request_pack(
        plan=period.plan, period=period, user=user, marking=IssuedPack.Marking.OFFICIAL
    )
    if pack.state != IssuedPack.State.ISSUED or not _downloadable(pack):
        raise RuntimeError(f"The pack was not issued: {pack.failure_message or pack.state}")
    return time.perf_counter() - started, pack


def time_issue(period: ReportingPeriod, *, workdir: Path) -> IssueTimes:
    if services.latest_issued(period=period) is not None:
        return IssueTimes(
            None, None, None, False, f"{period.label} is already issued; a correction needs a reason"
        )
    user = User.objects.filter(is_superuser=True).first() or User.objects.first()
    if user is None:
        return IssueTimes(None, None, None, False, "there is no user to issue it as")
    with override_settings(MEDIA_ROOT=workdir / "media", TASKS=IMMEDIATE):
        with transaction.atomic():
            PackDraft.objects.filter(period=period).delete()
            without, _ = _issue(period, user)
            transaction.set_rollback(True)
        with transaction.atomic():
            started = time.perf_counter()
            render_draft(period)
            prerender = time.perf_counter() - started
            draft_sha = PackDraft.objects.get(period=period).pdf_sha256
            with_draft, pack = _issue(period, user)
            reused = pack.pdf_sha256 == draft_sha
            transaction.set_rollback(True)
    return IssueTimes(without, with_draft, prerender, reused)
