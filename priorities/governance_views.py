"""The plan's statutory records under /governance/: approvals trail, strategic assessment,
consultation ("you told us") and the Equality Impact Assessment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from governance.permissions import can
from swp.history import save_as

from . import approvals
from .models import ConsultationFinding, EqualityImpactAssessment, Measure, Priority
from .record_forms import ApprovalStepForm
from .records_access import get_eqia_action_for_user, get_plan_records_for_user


@login_required
def approvals_trail(request: HttpRequest) -> HttpResponse:
    plan = get_plan_records_for_user(request)
    steps = approvals.trail(plan=plan)
    return render(
        request,
        "priorities/approvals.html",
        {
            "plan": plan,
            "steps": steps,
            "trail_status": approvals.status_from_trail(plan=plan, steps=steps, today=timezone.localdate()),
            "can_record": can(request.user, "priorities.record_approval", plan),
            # The roll-forward lives in the actions app (it copies actions); this page only links to it.
            "can_roll_forward": plan.status == plan.Status.ACTIVE
            and can(request.user, "governance.manage_partnership", plan.partnership),
            "governance_page": "approvals",
        },
    )


@login_required
def record_approval(request: HttpRequest) -> HttpResponse:
    plan = get_plan_records_for_user(request, perm="priorities.record_approval")
    form = ApprovalStepForm(
        request.POST or None, plan=plan, steps=approvals.trail(plan=plan), today=timezone.localdate()
    )
    if form.is_valid():
        before = plan.status
        try:
            approvals.record_step(plan=plan, by=request.user, **form.step())
        except approvals.ApprovalRefused as refused:  # the trail changed after the form was checked
            for field, message in refused.problems.items():
                form.add_error(field or None, message)
        else:
            changed = plan.status != before
            messages.success(
                request,
                f"Step recorded. The plan is now {plan.get_status_display().lower()}."
                if changed
                else "Step recorded",
            )
            return redirect("priorities:approvals")
    return render(
        request,
        "priorities/record_approval.html",
        {"form": form, "plan": plan, "governance_page": "approvals"},
    )


@login_required
def assessment(request: HttpRequest) -> HttpResponse:
    """The strategic assessment behind the current plan, its figures, and what in the plan uses them."""
    plan = get_plan_records_for_user(request)
    found = plan.strategic_assessment
    statistics = []
    if found is not None:
        statistics = list(
            found.statistics.prefetch_related(
                Prefetch("cited_by", queryset=Priority.objects.filter(plan=plan).order_by("order")),
                Prefetch(
                    "measures",
                    queryset=Measure.objects.filter(priority__plan=plan)
                    .select_related("priority")
                    .order_by("priority__order", "order"),
                ),
            ).order_by("order", "id")
        )
    return render(
        request,
        "priorities/assessment.html",
        {"plan": plan, "assessment": found, "statistics": statistics, "governance_page": "assessment"},
    )


@login_required
def consultation(request: HttpRequest) -> HttpResponse:
    """The consultations that informed the plan, and what people told us, with the priorities it shaped."""
    plan = get_plan_records_for_user(request)
    # "We did": the actions that answer each finding (actions.models.Action.answers, related name
    # "answered_by"), reached by name so this app never imports actions.
    findings = ConsultationFinding.objects.prefetch_related(
        Prefetch("priorities", queryset=Priority.objects.order_by("order")), "answered_by"
    ).order_by("order")
    consultations = list(
        plan.consultations.prefetch_related(Prefetch("findings", queryset=findings)).order_by("-held_from")
    )
    return render(
        request,
        "priorities/consultation.html",
        {
            "plan": plan,
            "consultations": consultations,
            "governance_page": "consultation",
        },
    )


@login_required
def equality(request: HttpRequest) -> HttpResponse:
    plan = get_plan_records_for_user(request)
    eqia = EqualityImpactAssessment.objects.filter(plan=plan).select_related("consultation").first()
    impacts, items = [], []
    if eqia is not None:
        impacts = sorted(eqia.impacts.all(), key=lambda impact: (impact.sort_key, impact.pk))
        items = list(eqia.action_items.select_related("done_by").order_by("order"))
    return render(
        request,
        "priorities/equality.html",
        {
            "plan": plan,
            "eqia": eqia,
            "impacts": impacts,
            "items": items,
            "open_count": sum(1 for item in items if not item.done),
            "can_update": can(request.user, "priorities.update_equality_actions", plan),
            "governance_page": "equality",
        },
    )


@login_required
@require_POST
def mark_eqia_action_done(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_eqia_action_for_user(request, pk)
    if item.done:
        messages.info(request, "That action was already marked done")
    else:
        item.done, item.done_at, item.done_by = True, timezone.now(), request.user
        save_as(item, by=request.user, reason="Marked done")
        messages.success(
            request, f"Marked done: {item.action}, {item.outcome}" if item.outcome else "Marked done"
        )
    return redirect(reverse("priorities:equality") + f"#eqia-action-{item.pk}")
