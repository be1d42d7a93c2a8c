"""Issuing board packs: every write to IssuedPack goes through here or the task in reports/tasks.py.

Nothing here imports WeasyPrint, directly or through reports.pdf: the web process asks for a
pack and a worker makes it (with SWP_TASKS_BACKEND=database), so pages never pay for loading it.
"""

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from governance.models import Meeting, User
from priorities.models import Plan, ReportingPeriod

from .models import IN_PROGRESS, IssuedPack

logger = logging.getLogger(__name__)

# A pack still "being made" after this long was lost with its worker (killed, restarted):
# asking again may start afresh. The largest packs measured take under a minute.
STALLED_AFTER = timedelta(minutes=30)
STALLED_MESSAGE = "The pack was not finished: the process making it stopped. Ask for it again."


class PackBeingMade(Exception):
    """A pack for this quarter is already queued or being made; `pack` is that one."""

    def __init__(self, pack: IssuedPack):
        super().__init__(
            f"A {pack.period} board pack is already being made. Wait for it to finish before asking again."
        )
        self.pack = pack


class CannotIssue(Exception):
    """The request cannot be met as it stands; the message says why, in plain English."""


def latest_issued(*, period: ReportingPeriod) -> IssuedPack | None:
    return IssuedPack.objects.issued().filter(period=period).order_by("-revision").first()


def issue_problem(period: ReportingPeriod) -> str | None:
    """Why no pack can be issued for the quarter now, or None. Open quarters are allowed, with a warning."""
    if period.status == ReportingPeriod.Status.PLANNED:
        return f"{period.label} has not opened for updates yet, so there is nothing to report."
    return None


def _give_up_if_stalled(pack: IssuedPack) -> bool:
    if pack.requested_at > timezone.now() - STALLED_AFTER:
        return False
    stopped = IssuedPack.objects.filter(pk=pack.pk, state__in=IN_PROGRESS).update(
        state=IssuedPack.State.FAILED, failure_message=STALLED_MESSAGE
    )
    if stopped:
        logger.warning("pack_stalled pack=%s period=%s task=%s", pack.pk, pack.period_id, pack.task_id)
    return True


def request_pack(
    *,
    plan: Plan,
    period: ReportingPeriod,
    user: User,
    marking: str,
    meeting: Meeting | None = None,
    reason: str = "",
) -> IssuedPack:
    """Queue the quarter's next revision and ask a worker to make it. Returns the new pack.

    Revision 1 needs no reason; every later revision is a correction and must say why. With the
    immediate backend the pack is made before this returns; with the database backend, later.
    Raises PackBeingMade if one is already on its way, CannotIssue if the quarter can't be issued.
    """
    from .tasks import (  # the task module loads reports.pdf only when a pack is made
        issue_from_draft,
        make_pack,
    )

    if period.plan_id != plan.pk:
        raise CannotIssue("Choose a quarter of this plan.")
    problem = issue_problem(period)
    if problem:
        raise CannotIssue(problem)
    reason = reason.strip()
    with transaction.atomic():
        # One request at a time per quarter (PostgreSQL; SQLite serialises writers anyway). The
        # partial unique constraint one_pack_being_made_per_period backs this up.
        ReportingPeriod.objects.select_for_update().filter(pk=period.pk).first()
        waiting = IssuedPack.objects.filter(period=period, state__in=IN_PROGRESS).first()
        if waiting is not None and not _give_up_if_stalled(waiting):
            raise PackBeingMade(waiting)
        previous = latest_issued(period=period)
        revision = previous.revision + 1 if previous else 1
        if revision > 1 and not reason:
            raise CannotIssue("Enter why you are issuing a correction.")
        pack = IssuedPack(
            plan=plan,
            period=period,
            meeting=meeting if meeting is not None else period.meeting,
            revision=revision,
            reissue_of=previous,
            reason=reason if revision > 1 else "",
            protective_marking=marking,
            issued_by=user,
        )
        pack.full_clean()
        try:
            with transaction.atomic():
                pack.save()
        except IntegrityError:
            # Someone else's request won the race between our check and our insert.
            winner = IssuedPack.objects.filter(period=period, state__in=IN_PROGRESS).get()
            raise PackBeingMade(winner) from None
    logger.info("pack_requested pack=%s period=%s revision=%s user=%s", pack.pk, period.pk, revision, user.pk)

    # Unchanged since the worker pre-rendered it (reports/prerender.py): issued here and now, no task.
    if issue_from_draft(pack):
        pack.refresh_from_db()
        return pack
    # The database backend stores the task in this same connection, so a worker can never see
    # the task before the pack row; the immediate backend makes the pack here and now.
    result = make_pack.enqueue(pack.pk)
    waiting = IssuedPack.objects.filter(pk=pack.pk, state=IssuedPack.State.QUEUED, task_id="")
    waiting.update(task_id=str(result.id))
    pack.refresh_from_db()
    return pack


def retry_pack(*, pack: IssuedPack, user: User) -> IssuedPack:
    """Ask again for a pack that failed, with the same meeting, marking and reason."""
    if pack.state != IssuedPack.State.FAILED:
        raise CannotIssue("Only a pack that failed can be tried again.")
    return request_pack(
        plan=pack.plan,
        period=pack.period,
        user=user,
        marking=pack.protective_marking,
        meeting=pack.meeting,
        reason=pack.reason,
    )
