"""Board packs: list, preview, issue, follow while being made, download.

Members (viewers included) list and download issued packs; the secretary and admins preview and
issue them. Nothing here imports reports.pdf: the PDF is made by the task in reports/tasks.py.

Asking for a pack (or asking again after a failure) answers 202 Accepted as soon as the pack is
queued (LOAD-04), with a Location header and a page linking to the pack's status page: the
request never waits for the PDF. Only with the immediate task backend (development, tests) is
the pack already made by then, and the answer is a redirect to the finished pack's page.
"""

import hashlib
import logging
import re
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from governance.permissions import can
from priorities.models import ReportingPeriod
from swp.downloads import attachment
from swp.security_log import security_event

from . import services
from .access import get_issued_pack_for_user, get_pack_to_download, get_period_for_packs, get_plan_for_packs
from .models import IN_PROGRESS, IssuedPack, Marking
from .pack_forms import IssuePackForm
from .rendering import pack_context
from .selectors import board_pack

INTEGRITY_MESSAGE = (
    "This board pack cannot be downloaded: its stored file no longer matches the one that was "
    "issued, so it may have been damaged or altered. Nothing has been sent. The problem has been "
    "logged; tell your system administrator, quoting pack reference {reference}."
)


@dataclass
class QuarterPacks:
    period: ReportingPeriod
    issued: list[IssuedPack] = field(default_factory=list)
    being_made: IssuedPack | None = None
    last_failed: IssuedPack | None = None  # only when it is newer than the latest issued revision

    @property
    def can_issue_now(self) -> bool:
        return self.period.status != ReportingPeriod.Status.PLANNED and self.being_made is None


def _quarters(plan) -> list[QuarterPacks]:
    """Each quarter of the plan with its packs: two queries however many quarters and revisions."""
    periods = plan.periods.select_related("meeting__board").order_by("start")
    quarters = {period.pk: QuarterPacks(period) for period in periods}
    packs = (
        IssuedPack.objects.filter(plan=plan)
        .defer("read_model")
        .select_related("issued_by", "meeting__board")
        .order_by("revision", "requested_at")
    )
    for pack in packs:
        quarter = quarters.get(pack.period_id)
        if quarter is None:
            continue
        if pack.state == IssuedPack.State.ISSUED:
            quarter.issued.append(pack)
            quarter.last_failed = None
        elif pack.state in IN_PROGRESS:
            quarter.being_made = pack
        else:
            quarter.last_failed = pack
    return list(quarters.values())


@require_safe
@login_required
def packs(request: HttpRequest) -> HttpResponse:
    plan = get_plan_for_packs(request)
    return render(
        request,
        "reports/packs/list.html",
        {
            "plan": plan,
            "quarters": _quarters(plan),
            "may_issue": can(request.user, "reports.issue_pack", plan),
        },
    )


@require_safe
@login_required
def preview(request: HttpRequest, period_pk: int) -> HttpResponse:
    period = get_period_for_packs(request, period_pk, issue=True)
    marking = request.GET.get("marking")
    if marking not in Marking.values:
        marking = Marking.OFFICIAL
    context = pack_context(board_pack(plan=period.plan, period=period), marking=marking, on_screen=True)
    issued = IssuedPack.objects.issued().filter(period=period).defer("read_model").order_by("revision")
    return render(
        request,
        "reports/packs/preview.html",
        {
            **context,
            "period": period,
            "issued_packs": list(issued),
            "problem": services.issue_problem(period),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def issue(request: HttpRequest, period_pk: int) -> HttpResponse:
    period = get_period_for_packs(request, period_pk, issue=True)
    problem = services.issue_problem(period)
    if problem:
        context = {"problem": problem, "period": period}
        return render(request, "reports/packs/not_now.html", context, status=403)
    previous = services.latest_issued(period=period)
    form = IssuePackForm(request.POST or None, period=period, previous=previous)
    if form.is_valid():
        try:
            pack = services.request_pack(
                plan=period.plan,
                period=period,
                user=request.user,
                marking=form.cleaned_data["protective_marking"],
                meeting=form.cleaned_data.get("meeting"),
                reason=form.cleaned_data.get("reason", ""),
            )
        except services.PackBeingMade as busy:
            messages.info(request, str(busy))
            return redirect("reports:pack_status", busy.pack.pk)
        except services.CannotIssue as refusal:
            form.add_error(None, str(refusal))
        else:
            return _requested(request, pack)
    being_made = IssuedPack.objects.filter(period=period, state__in=IN_PROGRESS).first()
    return render(
        request,
        "reports/packs/issue.html",
        {"form": form, "period": period, "previous": previous, "being_made": being_made},
    )


@require_safe
@login_required
def status(request: HttpRequest, pk: int) -> HttpResponse:
    pack = get_issued_pack_for_user(request, pk)
    return render(
        request,
        "reports/packs/status.html",
        {"issued_pack": pack, "may_issue": can(request.user, "reports.issue_pack", pack)},
    )


@require_POST
@login_required
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    failed = get_issued_pack_for_user(request, pk, issue=True)
    try:
        pack = services.retry_pack(pack=failed, user=request.user)
    except services.PackBeingMade as busy:
        messages.info(request, str(busy))
        return redirect("reports:pack_status", busy.pack.pk)
    except services.CannotIssue as refusal:
        messages.error(request, str(refusal))
        return redirect("reports:pack_status", failed.pk)
    return _requested(request, pack)


def _requested(request: HttpRequest, pack: IssuedPack) -> HttpResponse:
    """The answer to a pack just asked for: 202 and a page saying it is being made, while it is."""
    if pack.in_progress:
        response = render(request, "reports/packs/accepted.html", {"issued_pack": pack}, status=202)
        response["Location"] = reverse("reports:pack_status", args=[pack.pk])
        return response
    # Made inline (the immediate backend): straight to the finished (or failed) pack.
    if pack.is_issued:
        messages.success(request, f"{pack.period.label} board pack issued (revision {pack.revision})")
    return redirect("reports:pack_status", pack.pk)


def download_name(pack: IssuedPack) -> str:
    """safer-walsall-2020-Q2-pack-r1.pdf: partnership, quarter and revision, nothing else."""
    quarter = re.sub(r"[^A-Za-z0-9]+", "-", pack.period.label).strip("-")
    return f"{pack.plan.partnership.slug}-{quarter}-pack-r{pack.revision}.pdf"


@require_safe
@login_required
def download(request: HttpRequest, pk: int) -> HttpResponse:
    pack = get_pack_to_download(request, pk)
    try:
        with pack.pdf.open("rb") as stored:
            content = stored.read()
    except FileNotFoundError:
        content = None
    if content is None or hashlib.sha256(content).hexdigest() != pack.pdf_sha256:
        security_event(
            "pack_integrity_failed",
            request=request,
            obj=pack,
            level=logging.ERROR,
            reason="missing" if content is None else "hash_mismatch",
            sha256=pack.pdf_sha256,
        )
        return HttpResponse(
            INTEGRITY_MESSAGE.format(reference=pack.pk),
            status=500,
            content_type="text/plain; charset=utf-8",
        )
    security_event("pack_downloaded", request=request, obj=pack, revision=pack.revision)
    return attachment(content, filename=download_name(pack), content_type="application/pdf")
