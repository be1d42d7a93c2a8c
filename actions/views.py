"""Reading the plan: where people land, the plan's actions, and one action with its history."""

from dataclasses import dataclass
from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from governance.access import current_partnership, get_current_partnership_for_user
from governance.models import Organisation
from governance.permissions import can
from priorities.models import Plan, Priority, ReportingPeriod
from priorities.outline import in_plan_order, numbered_title, section_links, spread_text
from priorities.selectors import LeadLine, Leads, current_plan, leads_as_written
from swp.security_log import security_event
from swp.sheets.downloads import download, sheet_filename

from .access import get_action_for_user
from .filters import ActionFilter
from .history import action_history
from .models import Action, ActionUpdate, UpdateComment
from .search import snippet
from .selectors import choosable_quarters, person_owing, quarter_for_updates, reports_on_something
from .status import STATUS_LABELS, UPDATE_STATE_LABELS

EXPORT_FORMATS = ("csv", "xlsx")


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """After sign-in: the secretary to review, people who report to their updates, the rest to the plan."""
    partnership = current_partnership(request)
    if partnership is not None and can(request.user, "governance.run_cycle", partnership):
        return redirect("actions:review")
    if partnership is not None and reports_on_something(user=request.user, partnership=partnership):
        return redirect("actions:my_updates")
    return redirect("actions:plan")


@dataclass
class PrioritySection:
    """A priority's part of the actions list: its own actions, under a heading as deep as it is
    among the priorities listed."""

    priority: Priority
    depth: int
    leads: list[LeadLine]
    actions: list[Action]
    parent: Priority | None
    parent_listed: bool  # a filtered list may leave the parent out: then it is named, not linked to
    sub_priorities: list[Priority]  # those listed

    @property
    def level(self) -> int:
        return min(2 + self.depth, 4)


def _sections(
    priorities: list[Priority], leads: dict[int, Leads], by_priority: dict[int, list[Action]], shown: set[int]
) -> list[PrioritySection]:
    listed = [p for p in priorities if p.pk in shown]
    by_id = {p.pk: p for p in priorities}
    return [
        PrioritySection(
            priority=priority,
            depth=depth,
            leads=leads[priority.pk].lines,
            actions=by_priority.get(priority.pk, []),
            parent=by_id.get(priority.parent_id),
            parent_listed=priority.parent_id in shown,
            sub_priorities=[p for p in listed if p.parent_id == priority.pk],
        )
        for priority, depth in in_plan_order(listed)
    ]


@login_required
def plan_actions(request: HttpRequest) -> HttpResponse:
    """The plan's actions, filtered by the query string; ?format=csv or xlsx downloads the same list."""
    partnership = get_current_partnership_for_user(request)
    plan = current_plan(partnership=partnership)
    if plan is None:
        # A new partnership: the menu's "Plan actions" says where its plan comes from, not "Page not found".
        return render(
            request,
            "actions/no_plan_yet.html",
            {
                "partnership": partnership,
                "can_load": can(request.user, "governance.manage_partnership", partnership),
            },
        )
    fmt = request.GET.get("format", "")
    periods = list(plan.periods.order_by("start"))
    default_period = quarter_for_updates(periods)
    ordered = in_plan_order(plan.priorities.select_related("lead_organisation", "lead_officer"))
    priorities = [priority for priority, _ in ordered]
    actions = (
        Action.objects.filter(plan=plan)
        .select_related(
            "owner",
            *(
                ["owner__organisation", "priority__lead_officer__organisation"]
                if fmt in EXPORT_FORMATS
                else []
            ),
        )
        .prefetch_related("responsible_organisations", *(["themes"] if fmt in EXPORT_FORMATS else []))
        .order_by("priority__order", "order", "id")
    )
    filterset = ActionFilter(
        request.GET,
        periods=choosable_quarters(periods, default_period),
        default_period=default_period,
        priorities=ordered,
        organisations=list(Organisation.objects.filter(partnership_id=plan.partnership_id).order_by("name")),
        themes=list(plan.themes.order_by("name")),
        queryset=actions,
        text=fmt in EXPORT_FORMATS,
    )
    valid = filterset.is_valid()
    period = filterset.period
    if fmt in EXPORT_FORMATS and valid:
        return _download(request, fmt, plan, period, priorities, list(filterset.qs))
    found = list(filterset.qs) if valid else []
    for action in found:  # labels here, so the template needs no include per row
        action.rating_label = STATUS_LABELS.get(action.quarter_status, "")
        action.update_label = UPDATE_STATE_LABELS[action.quarter_update_state]
        action.search_snippet = snippet(getattr(action, "search_snippet_raw", ""))
    by_priority = {key: list(group) for key, group in groupby(found, key=lambda a: a.priority_id)}
    shown = {p.pk for p in priorities if p.pk in by_priority or not filterset.active}
    sections = _sections(priorities, leads_as_written(priorities), by_priority, shown)
    subs = sum(1 for section in sections if section.priority.parent_id)
    query = request.GET.copy()
    query.pop("format", None)
    return render(
        request,
        "actions/plan_actions.html",
        {
            "plan": plan,
            "period": period,
            "filter": filterset,
            "form": filterset.form,
            "sections": sections,
            "contents": section_links(section.priority for section in sections),
            "found": len(found),
            # "4 actions across 5 priorities (3 sub-priorities)", where the list shows sub-priorities.
            "spread": spread_text(len(found), len(sections), subs) if subs else "",
            "query": query.urlencode(),
        },
    )


def _download(
    request: HttpRequest,
    fmt: str,
    plan: Plan,
    period: ReportingPeriod | None,
    priorities: list[Priority],
    actions: list[Action],
) -> HttpResponse:
    """The filtered list as a spreadsheet: the page's columns, plus the quarter's progress, what is
    being done and outcomes, and who reports progress."""
    quarter = period.label if period else "no quarter"
    titles = {p.pk: numbered_title(p.number, p.title) for p in priorities}
    # (heading, width in characters, the cell): widths sized for a board officer reading it on screen.
    columns = [
        ("Priority", 30, lambda a: titles[a.priority_id]),
        ("Item", 8, lambda a: a.reference),
        ("Overall objective", 45, lambda a: a.overall_objective),
        ("Objective", 45, lambda a: a.objective),
        ("Horizon", 16, lambda a: a.get_horizon_display()),
        ("Responsible officer", 24, lambda a: a.responsible_officer),
        ("Responsible partners", 28, lambda a: "; ".join(o.name for o in a.responsible_organisations.all())),
        ("Reports progress", 28, _reports_progress),
        ("Start date", 12, lambda a: a.start_date),
        # The plan's words when it gives no date.
        ("Deadline", 12, lambda a: a.deadline or a.timescale or None),
        ("Action status", 14, lambda a: a.get_status_display()),
        (f"Rating {quarter}", 12, lambda a: STATUS_LABELS.get(a.quarter_status, "Not rated (cancelled)")),
        (f"Update {quarter}", 12, lambda a: UPDATE_STATE_LABELS[a.quarter_update_state]),
        (f"Progress {quarter}", 60, lambda a: a.quarter_progress),
        (f"What is being done {quarter}", 50, lambda a: a.quarter_recovery_plan),
        (f"Actual outcomes {quarter}", 50, lambda a: a.quarter_outcomes),
        ("Themes", 20, lambda a: "; ".join(t.name for t in a.themes.all())),
        ("Link", 40, lambda a: request.build_absolute_uri(reverse("actions:detail", args=[a.pk]))),
    ]
    rows = ([cell(a) for _, _, cell in columns] for a in actions)
    name = f"{plan.title} actions {quarter}"
    response = download(
        fmt,
        filename=name,
        headers=[heading for heading, _, _ in columns],
        rows=rows,
        title=f"Actions {quarter}",
        widths=[width for _, width, _ in columns],
    )
    security_event(
        "actions_exported",
        request=request,
        obj=plan,
        format=fmt,
        rows=len(actions),
        period=quarter,
        filename=sheet_filename(name, fmt),
    )
    return response


def _reports_progress(action: Action) -> str:
    """Who reports the action's progress (its owner, else its priority's lead), with their organisation."""
    person = person_owing(action)
    if person is None:
        return ""
    organisation = person.organisation.display_name if person.organisation else ""
    return f"{person.full_name}, {organisation}" if organisation else person.full_name


@login_required
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_action_for_user(request, pk)
    comments = UpdateComment.objects.select_related("author")
    updates = (
        ActionUpdate.objects.filter(action=action)
        .select_related("period", "submitted_by", "reviewed_by")
        .prefetch_related(Prefetch("comments", queryset=comments), "evidence__uploaded_by")
        .order_by("period__start")
    )
    updates = list(updates)
    periods = action.plan.periods.order_by("start")
    return render(
        request,
        "actions/action_detail.html",
        {
            "action": action,
            "updates": updates,
            "reported_period_ids": {update.period_id for update in updates},
            "periods": periods,
            "organisations": action.responsible_organisations.all(),
            "themes": action.themes.all(),
            "answers": action.answers.all(),
            "history": action_history(action=action),
            "can_edit": can(request.user, "actions.edit_update", action),
        },
    )
