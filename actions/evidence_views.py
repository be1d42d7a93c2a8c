"""Evidence files on updates: upload, download, remove. Checking a file is actions/evidence.py's job."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from swp.downloads import attachment

from . import services
from .access import get_evidence_for_user, get_update_for_user, open_evidence_for_user
from .evidence import EvidenceForm
from .models import ActionUpdate


def _update_page(update: ActionUpdate) -> str:
    return reverse("actions:edit_update", args=[update.action_id, update.period_id])


def _refuse(request: HttpRequest, problem: str, back: str) -> HttpResponse:
    """The workflow forbids this now (a locked quarter, an accepted update): 403, saying why."""
    return render(request, "actions/not_allowed_now.html", {"problem": problem, "back": back}, status=403)


@require_POST
@login_required
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    update = get_update_for_user(request, pk, perm="actions.edit_update")
    problem = services.editable_problem(update, update.period)
    if problem:
        return _refuse(request, problem, _update_page(update))
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        received = form.cleaned_data["file"]
        same = services.same_file_on(update, received)
        if same and not form.cleaned_data.get("again"):
            # The same file twice is usually a double click or a second try: ask, keep nothing yet.
            asking = EvidenceForm(same_as=same)
            return render(request, "actions/evidence_upload.html", {"form": asking, "update": update})
        try:
            services.add_evidence(
                update=update, by=request.user, upload=received, content_type=form.content_type
            )
        except services.NotAllowedNow as refusal:
            return _refuse(request, str(refusal), _update_page(update))
        messages.success(request, f"{received.name} added")
        return redirect(_update_page(update))
    return render(request, "actions/evidence_upload.html", {"form": form, "update": update})


@require_safe
@login_required
def download(request: HttpRequest, pk: int) -> HttpResponse:
    evidence, stored = open_evidence_for_user(request, pk)
    return attachment(stored, filename=evidence.original_name, content_type=evidence.content_type)


@require_http_methods(["GET", "POST"])
@login_required
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = get_evidence_for_user(request, pk, perm="actions.edit_update")
    back = _update_page(evidence.update)
    problem = services.editable_problem(evidence.update, evidence.update.period)
    if problem:
        return _refuse(request, problem, back)
    if request.method == "POST":
        try:
            services.remove_evidence(evidence=evidence, by=request.user)
        except services.NotAllowedNow as refusal:
            return _refuse(request, str(refusal), back)
        messages.success(request, f"{evidence.original_name} removed")
        return redirect(back)
    return render(request, "actions/evidence_delete.html", {"evidence": evidence, "cancel_url": back})
