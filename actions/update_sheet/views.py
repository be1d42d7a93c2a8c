"""A lead's bulk updates from a spreadsheet: download the sheet, upload it, preview, confirm.

Download and upload are for anyone who may update at least one action of the current plan (its
owners and priority leads, and the board secretary and admins); others get 403, another
partnership's people only ever see their own. A pending upload is loaded by its random id AND its
uploader AND the current partnership, else 404 (INT-06). Confirm re-reads the stored bytes, never
anything the browser sends but the digest of the preview it showed, and applies all or nothing.
"""

import hashlib
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from governance.models import PendingImport
from swp.downloads import attachment
from swp.security_log import security_event
from swp.sheets.uploads import UploadRefused
from swp.sheets.writing import XLSX_CONTENT_TYPE

from .. import services
from ..access import get_pending_update_sheet_for_user, get_update_sheet_plan_for_user
from .applying import PreviewOutOfDate, apply_import
from .forms import UpdateSheetUploadForm
from .preview import UploadPreview, pending_bytes, preview_upload
from .saved_message import saved_message
from .writing import instructions, sheet_actions, update_sheet_bytes

# A preview lists at most this many changed rows (every error is always listed, up to ERRORS_SHOWN).
CHANGES_SHOWN = 1000
ERRORS_SHOWN = 1000
KIND = PendingImport.Kind.UPDATE_SHEET


@login_required
@require_safe
def download(request: HttpRequest) -> HttpResponse:
    plan, period = get_update_sheet_plan_for_user(request)
    actions = sheet_actions(user=request.user, plan=plan, period=period)
    body = update_sheet_bytes(user=request.user, plan=plan, period=period, actions=actions)
    filename = f"{slugify(f'{plan.title} updates {period.label}') or 'update-sheet'}.xlsx"
    security_event(
        "update_sheet_downloaded",
        request=request,
        obj=plan,
        rows=len(actions),
        period=period.label,
        format="xlsx",
        filename=filename,
    )
    return attachment(body, filename=filename, content_type=XLSX_CONTENT_TYPE)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    plan, period = get_update_sheet_plan_for_user(request)
    form = UpdateSheetUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            upload_preview = preview_upload(
                data=form.content, fmt=form.fmt, user=request.user, plan=plan, period=period
            )
        except UploadRefused as refusal:
            form.add_error("file", str(refusal))
        else:
            PendingImport.objects.discard_stale()
            pending = PendingImport.objects.create(
                kind=KIND,
                partnership=plan.partnership,
                created_by=request.user,
                original_name=upload.name[-200:],
                file_format=form.fmt,
                content=form.content,
                sha256=hashlib.sha256(form.content).hexdigest(),
                context={"plan": plan.pk, "period": period.pk},
            )
            security_event(
                "import_previewed",
                request=request,
                obj=pending,
                rows=len(upload_preview.rows),
                changes=len(upload_preview.changes),
                reason=f"{len(upload_preview.error_messages)} errors",
                period=period.label,
                format=form.fmt,
                filename=pending.original_name,
                sha256=pending.sha256,
            )
            return redirect("actions:update_sheet_preview", pending.pk)
    if request.method == "POST" and form.errors:
        security_event(
            "import_refused",
            request=request,
            obj=plan,
            reason="; ".join(str(e) for e in form.errors.get("file", []))[:300],
            level=logging.WARNING,
        )
    context = {"form": form, "plan": plan, "period": period, "instructions": instructions(plan, period)}
    return render(request, "actions/update_sheet/upload.html", context, status=400 if form.errors else 200)


def _preview(
    request, pending, upload_preview: UploadPreview, *, status: int = 200, out_of_date: bool = False
):
    changes = upload_preview.changes
    errors = upload_preview.error_messages
    return render(
        request,
        "actions/update_sheet/preview.html",
        {
            "pending": pending,
            "plan": upload_preview.plan,
            "period": upload_preview.period,
            "preview": upload_preview,
            "changes": changes[:CHANGES_SHOWN],
            "changes_not_shown": max(0, len(changes) - CHANGES_SHOWN),
            "errors": errors[:ERRORS_SHOWN],
            "errors_not_shown": max(0, len(errors) - ERRORS_SHOWN),
            "unchanged": upload_preview.unchanged,
            "skipped": upload_preview.skipped,
            "ignored": upload_preview.ignored,
            "out_of_date": out_of_date,
        },
        status=status,
    )


@login_required
@require_safe
def preview(request: HttpRequest, pk) -> HttpResponse:
    plan, period = get_update_sheet_plan_for_user(request)
    pending = get_pending_update_sheet_for_user(request, pk, plan)
    try:
        upload_preview = preview_upload(
            data=pending_bytes(pending), fmt=pending.file_format, user=request.user, plan=plan, period=period
        )
    except UploadRefused as refusal:  # pragma: no cover - it was read once already at upload
        messages.error(request, str(refusal))
        return redirect("actions:update_sheet_upload")
    return _preview(request, pending, upload_preview)


def _failed(request, plan, pending, reason: str, *, status: int) -> HttpResponse:
    security_event(
        "import_failed",
        request=request,
        obj=pending,
        reason=reason[:300],
        filename=pending.original_name,
        sha256=pending.sha256,
        level=logging.WARNING,
    )
    return render(
        request,
        "actions/update_sheet/failed.html",
        {"plan": plan, "pending": pending, "reason": reason},
        status=status,
    )


@login_required
@require_POST
def confirm(request: HttpRequest, pk) -> HttpResponse:
    plan, period = get_update_sheet_plan_for_user(request)
    pending = get_pending_update_sheet_for_user(request, pk, plan)
    try:
        saved, updates = apply_import(
            pending=pending,
            user=request.user,
            plan=plan,
            period=period,
            expected_digest=request.POST.get("digest", ""),
        )
    except PreviewOutOfDate as stale:
        security_event(
            "import_failed",
            request=request,
            obj=pending,
            reason="the preview no longer matches the database, or the sheet has errors",
            level=logging.WARNING,
        )
        return _preview(request, pending, stale.preview, status=409, out_of_date=True)
    except services.Conflict as conflict:
        reference = conflict.current.action.reference if conflict.current else "an action"
        reason = f"Someone else changed the update for {reference} while it was saving."
        return _failed(request, plan, pending, reason, status=409)
    except (services.NotAllowedNow, ValidationError) as refusal:
        reason = "; ".join(refusal.messages) if isinstance(refusal, ValidationError) else str(refusal)
        return _failed(request, plan, pending, reason, status=409)
    except DatabaseError:
        _failed(request, plan, pending, "database error", status=500)
        raise
    security_event(
        "import_applied",
        request=request,
        obj=pending,
        rows=len(saved.rows),
        changes=len(saved.changes),
        period=period.label,
        filename=pending.original_name,
        sha256=pending.sha256,
    )
    messages.success(request, saved_message(saved, updates, filename=pending.original_name))
    return redirect("actions:my_updates")
