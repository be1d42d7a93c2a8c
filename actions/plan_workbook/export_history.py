"""The export's History sheet: who changed what in the plan, when, and the reason they gave.

One row for each historical record (django-simple-history) of the plan, its priorities, measures,
themes, reporting periods, actions, updates and readings, oldest first. A change lists the fields that
differ from the record before it, each value cut to HISTORY_VALUE_LIMIT characters; internal fields
(ids, version counters, the history's own) are left out.
"""

from django.db import models

from governance.models import User
from priorities.models import Measure, MeasureReading, Plan, Priority, ReportingPeriod, Theme

from ..models import Action, ActionUpdate
from . import format as f
from .writer import SheetData

HISTORY_HIDDEN = {"id", "version", "plan", "history_id", "history_date", "history_change_reason",
                  "history_type", "history_user", "history_relation"}  # fmt: skip
HISTORY_VALUE_LIMIT = 200
CHANGE = {"+": "Created", "~": "Changed", "-": "Deleted"}


def history_sheet(plan: Plan, *, action_refs: dict[int, str], period_labels: dict[int, str]) -> SheetData:
    """Every change to the plan and everything in it, oldest first: who, what, and why."""
    headers = ["When", "Who", "Record", "Item", "Change", "What changed", "Reason"]
    action_ids = set(Action.history.filter(plan_id=plan.pk).values_list("id", flat=True))
    priority_ids = set(Priority.history.filter(plan_id=plan.pk).values_list("id", flat=True))
    measure_ids = set(Measure.history.filter(priority_id__in=priority_ids).values_list("id", flat=True))
    sources = [
        ("Plan", Plan.history.filter(id=plan.pk), lambda r: r.title),
        ("Priority", Priority.history.filter(plan_id=plan.pk), lambda r: r.reference or str(r.order)),
        ("Measure", Measure.history.filter(priority_id__in=priority_ids), lambda r: r.title),
        ("Theme", Theme.history.filter(plan_id=plan.pk), lambda r: r.name),
        ("Reporting period", ReportingPeriod.history.filter(plan_id=plan.pk), lambda r: r.label),
        ("Action", Action.history.filter(plan_id=plan.pk), lambda r: r.reference),
        (
            "Update",
            ActionUpdate.history.filter(action_id__in=action_ids),
            lambda r: (
                f"{action_refs.get(r.action_id, '#' + str(r.action_id))} "
                f"{period_labels.get(r.period_id, '')}".strip()
            ),
        ),
        (
            "Reading",
            MeasureReading.history.filter(measure_id__in=measure_ids),
            lambda r: f"Measure #{r.measure_id} {period_labels.get(r.period_id, '')}".strip(),
        ),
    ]
    entries = []
    user_ids = set()
    for kind, queryset, name in sources:
        previous: dict[int, object] = {}
        for record in queryset.order_by("history_date", "history_id"):
            before = previous.get(record.id)
            previous[record.id] = record
            user_ids.add(record.history_user_id)
            entries.append((record, kind, name(record), _changes(record, before)))
    users = {u.pk: u.full_name for u in User.objects.filter(pk__in=user_ids - {None})}
    entries.sort(key=lambda e: (e[0].history_date, e[1]))
    rows = (
        [
            record.history_date,
            users.get(record.history_user_id, "") if record.history_user_id else "",
            kind,
            item,
            CHANGE.get(record.history_type, record.history_type),
            changes,
            record.history_change_reason or "",
        ]
        for record, kind, item, changes in entries
    )
    return SheetData(f.HISTORY.title, headers, rows)


def _changes(record: models.Model, before: models.Model | None) -> str:
    if before is None or record.history_type != "~":
        return ""
    lines = []
    for model_field in record._meta.fields:
        name = model_field.attname
        if model_field.name in HISTORY_HIDDEN or name in HISTORY_HIDDEN:
            continue
        old, new = getattr(before, name), getattr(record, name)
        if old != new:
            label = str(getattr(model_field, "verbose_name", name)).replace(" id", "")
            lines.append(f"{label}: {_shown(old)} → {_shown(new)}")
    return "\n".join(lines)


def _shown(value: object) -> str:
    if value in (None, ""):
        return "(blank)"
    shown = str(value)
    return shown if len(shown) <= HISTORY_VALUE_LIMIT else shown[: HISTORY_VALUE_LIMIT - 1] + "…"
