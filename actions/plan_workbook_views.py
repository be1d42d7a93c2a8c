"""Whole-plan workbooks in the web app: the blank template, loading a plan (upload, preview, confirm)
and exporting any plan of the partnership with its updates and history.

Loading is for the partnership admin (governance.manage_partnership); reading and exporting for every
member (governance.view_plan_data: viewers read everything). Another partnership's plan, or another
person's upload, is "not found" (INT-06). Confirming reads the stored upload again and creates the
plan in one transaction, or nothing (INT-04, INT-05).
"""

import hashlib
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from governance.models import Partnership, PendingImport
from governance.permissions import can
from priorities.access import get_plan_for_user
from priorities.models import Measure, Plan
from priorities.selectors import leads_as_written
from swp.downloads import attachment
from swp.security_log import security_event
from swp.sheets.writing import XLSX_CONTENT_TYPE
from swp.wording import count

from . import named_people
from .access import (
    check_workbook_template_for_user,
    get_partnership_for_workbooks,
    get_pending_workbook_for_user,
    get_plan_export_for_user,
    get_plan_for_named_people,
)
from .plan_workbook import Preview, apply, exporter, read_workbook, template
from .plan_workbook.writer import ZIP_CONTENT_TYPE
from .plan_workbook_forms import PlanWorkbookUploadForm

logger = logging.getLogger(__name__)
KIND = PendingImport.Kind.PLAN_WORKBOOK
TEMPLATE_FILENAME = "plan-workbook-template.xlsx"


@login_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    partnership = get_partnership_for_workbooks(request)
    plans = Plan.objects.filter(partnership=partnership).order_by("-period_start", "title")
    return render(
        request,
        "actions/plan_workbook/index.html",
        {
            "partnership": partnership,
            "plans": plans,
            "can_load": can(request.user, "governance.manage_partnership", partnership),
        },
    )


@login_required
@require_safe
def template_download(request: HttpRequest) -> HttpResponse:
    """The blank workbook: for a partnership admin, and for superusers (the Django admin links here)."""
    check_workbook_template_for_user(request)
    security_event(
        "export_downloaded", request=request, format="xlsx", filename=TEMPLATE_FILENAME, reason="template"
    )
    return attachment(template.template_bytes(), filename=TEMPLATE_FILENAME, content_type=XLSX_CONTENT_TYPE)


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    partnership = get_partnership_for_workbooks(request, load=True)
    form = PlanWorkbookUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        PendingImport.objects.discard_stale()
        received = form.cleaned_data["file"]
        pending = PendingImport.objects.create(
            kind=KIND,
            partnership=partnership,
            created_by=request.user,
            original_name=received.name[:200],
            file_format=form.fmt,
            content=form.content,
            sha256=hashlib.sha256(form.content).hexdigest(),
        )
        return redirect("plan_workbook:preview", pk=pending.pk)
    if request.method == "POST":
        security_event(
            "import_refused", request=request, reason="; ".join(form.errors.get("file", [])), obj=partnership
        )
    return render(request, "actions/plan_workbook/upload.html", {"form": form, "partnership": partnership})


def _read(pending: PendingImport, partnership: Partnership) -> Preview:
    return read_workbook(bytes(pending.content), pending.file_format, partnership=partnership)


def _rows(preview: Preview) -> int:
    return len(preview.priorities) + len(preview.measures) + len(preview.actions)


def _log_upload(request: HttpRequest, event: str, pending: PendingImport, **details) -> None:
    """A security-log line about an uploaded workbook, which it names by file name and fingerprint."""
    security_event(event, request=request, filename=pending.original_name, sha256=pending.sha256, **details)


def _preview_page(request, pending, preview, *, failed: bool = False) -> HttpResponse:
    return render(
        request,
        "actions/plan_workbook/preview.html",
        {"pending": pending, "preview": preview, "failed": failed, "partnership": preview.partnership},
    )


@login_required
@require_safe
def preview(request: HttpRequest, pk) -> HttpResponse:
    partnership, pending = get_pending_workbook_for_user(request, pk)
    result = _read(pending, partnership)
    problems = f"{len(result.problems)} problems" if result.problems else "no problems"
    _log_upload(request, "import_previewed", pending, obj=partnership, rows=_rows(result), reason=problems)
    return _preview_page(request, pending, result)


@login_required
@require_POST
def confirm(request: HttpRequest, pk) -> HttpResponse:
    partnership, pending = get_pending_workbook_for_user(request, pk)
    result = _read(pending, partnership)  # what is created is what the stored file says, checked again
    if not result.ok:
        return _preview_page(request, pending, result)
    try:
        plan = apply(result, by=request.user)
    except Exception:  # anything at all: nothing was saved, and the person must be told so
        logger.exception("Plan workbook import failed: %s", pending.pk)
        _log_upload(request, "import_failed", pending, obj=partnership, level=logging.ERROR)
        return _preview_page(request, pending, result, failed=True)
    pending.applied_at = timezone.now()
    pending.save(update_fields=["applied_at"])
    _log_upload(request, "import_applied", pending, obj=plan, rows=_rows(result))
    messages.success(request, _loaded_message(plan))
    return redirect("plan_workbook:plan", pk=plan.pk)


def _loaded_message(plan: Plan) -> str:
    """Counted in the plan as saved, not the workbook's rows: what the person will find in it."""
    priorities = count(plan.priorities.count(), "priority", "priorities")
    measures = count(Measure.objects.filter(priority__plan=plan).count(), "measure")
    actions = count(plan.actions.count(), "action")
    counts = f"{priorities}, {measures} and {actions}"
    return f"Loaded “{plan.title}” as a draft: {counts}. It now needs its approvals."


@login_required
@require_safe
def plan_summary(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request, pk)
    return _plan_page(request, plan)


def _plan_page(request: HttpRequest, plan: Plan, people_form=None) -> HttpResponse:
    """The plan at a glance; for its partnership admin, the people it names, with an email box each."""
    people = []
    if can(request.user, "governance.manage_people", plan.partnership):
        people = named_people.named_people(plan)
        if people_form is None:
            people_form = named_people.NamedPeopleForm(people=people, plan=plan)
    priorities = list(
        plan.priorities.select_related("parent", "lead_organisation")
        .prefetch_related("measures", "actions")
        .order_by("order")
    )
    leads = leads_as_written(priorities)  # joint leads and groups in the order the plan names them
    for priority in priorities:
        found = leads[priority.pk]
        names = [body.name for body in [*found.partners, *found.groups]]
        priority.lead_text = "; ".join(names) or priority.lead_as_written or "No single lead"
    return render(
        request,
        "actions/plan_workbook/plan.html",
        {
            "plan": plan,
            "priorities": priorities,
            "periods": list(plan.periods.order_by("start")),
            "named_people": people,
            "people_form": people_form,
        },
    )


@login_required
@require_POST
def invite_named_people(request: HttpRequest, pk: int) -> HttpResponse:
    """One submit turns the typed addresses into invitations, all of them or (any address wrong) none."""
    plan = get_plan_for_named_people(request, pk)
    people = named_people.named_people(plan)
    form = named_people.NamedPeopleForm(request.POST, people=people, plan=plan)
    if not form.is_valid():
        return _plan_page(request, plan, people_form=form)
    sent = named_people.invite_named_people(form, by=request.user, request=request)
    messages.success(
        request, f"Invited {len(sent)} {'person' if len(sent) == 1 else 'people'} named in the plan"
    )
    return redirect("plan_workbook:plan", pk=plan.pk)


@login_required
@require_safe
def export(request: HttpRequest, pk: int) -> HttpResponse:
    plan, fmt = get_plan_export_for_user(request, pk)
    body = exporter.export_bytes(plan, fmt, by=request.user)
    stem = slugify(plan.title) or "plan"
    filename = f"{stem}.xlsx" if fmt == "xlsx" else f"{stem}-csv.zip"
    security_event(
        "export_downloaded",
        request=request,
        obj=plan,
        format=fmt,
        filename=filename,
        rows=plan.actions.count(),
    )
    return attachment(
        body, filename=filename, content_type=XLSX_CONTENT_TYPE if fmt == "xlsx" else ZIP_CONTENT_TYPE
    )
