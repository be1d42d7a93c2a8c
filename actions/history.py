"""An action's change history, for people: who changed what, when, from what to what, and why.

Read from django-simple-history's tables for the action, its updates and their evidence, in a
fixed number of queries, and merged newest first. Each entry reads as a sentence ("RAG rating
changed from Green to Red by Priya Shah on 4 December 2026 at 1:55pm"): people and records by
name, dates as people say them, and changes made by loading the plan as "set up when the plan
was loaded" rather than the loader's own words.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import models
from django.utils.text import capfirst

from governance.models import Organisation, User
from priorities.models import ConsultationFinding, Priority, Theme
from swp.wording import by_loader, day, moment

from .models import Action, ActionUpdate, UpdateEvidence

# Bookkeeping that means nothing to a reader.
HIDDEN_FIELDS = {"version", "plan", "id", "action", "period", "update", "file", "sha256"}

GONE = "a record since deleted"


@dataclass
class Change:
    field: str
    old: str
    new: str

    @property
    def sentence(self) -> str:
        """'RAG rating changed from Green to Red', 'Deadline set to 6 October 2020'."""
        if not self.old:
            return f"{self.field} set to {self.new}"
        if not self.new:
            return f"{self.field} cleared, was {self.old}"
        return f"{self.field} changed from {self.old} to {self.new}"


@dataclass
class HistoryEntry:
    when: datetime
    who: str  # a person's name, or "" for a change nobody signed in made
    what: str  # "Action", "2020 Q3 update", "Evidence “x.pdf” on the 2020 Q3 update"
    verb: str  # "created", "changed", "deleted"
    changes: list[Change]
    reason: str  # why, in the words of the person who changed it ("" if none, or the loader's)
    loaded: bool = False  # made by loading the plan, not by a person

    @property
    def by(self) -> str:
        """'by Priya Shah on 4 December 2026 at 1:55pm' or 'when the plan was loaded, on …'."""
        if self.loaded:
            return f"when the plan was loaded, on {moment(self.when)}"
        who = f"by {self.who} " if self.who else ""
        return f"{who}on {moment(self.when)}"

    @property
    def headline(self) -> str:
        """The entry in one sentence; with more than one change, what the list under it is about."""
        if self.verb == "changed" and len(self.changes) == 1:
            about = "" if self.what == "Action" else f"{self.what}: "
            return f"{about}{self.changes[0].sentence} {self.by}"
        verb = {"created": "set up" if self.loaded else "added", "deleted": "removed"}.get(
            self.verb, "changed"
        )
        return f"{self.what} {verb} {self.by}"

    @property
    def listed_changes(self) -> list[Change]:
        """The changes shown under the headline: none when the headline already says the only one."""
        return [] if self.verb == "changed" and len(self.changes) == 1 else self.changes


def _text(value: str) -> str:
    return f"“{value[:200]}…”" if len(value) > 200 else f"“{value}”"


def _display(model: type[models.Model], field_name: str, value, names: dict) -> str:
    """A field's value as a reader would say it; "" when blank."""
    if value in (None, ""):
        return ""
    field = model._meta.get_field(field_name)
    if field.many_to_many:  # simple-history gives the join rows, as dicts
        target = field.m2m_reverse_field_name()
        return ", ".join(names.get((field.related_model, row[target]), GONE) for row in value)
    if field.is_relation:
        return names.get((field.related_model, value), GONE)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return moment(value)
    if isinstance(value, date):
        return day(value)
    if isinstance(value, str) and isinstance(field, models.CharField | models.TextField):
        return _text(value)
    return str(value)


def _m2m_links(model: type[models.Model], records: list) -> dict[tuple[int, str], list[dict]]:
    """Each record's many-to-many links, one query per field for all records together.

    simple-history's diff_against would ask the database twice per field for every pair of records,
    so a long-lived action's page would slow down with every change made to it.
    """
    links: dict[tuple[int, str], list[dict]] = {}
    if not records:
        return links
    for field in getattr(model.history.model, "_history_m2m_fields", []):
        through = getattr(records[0], field.name).model
        target = field.m2m_reverse_field_name()
        rows = through.objects.filter(history_id__in=[r.history_id for r in records]).values(
            "history_id", target
        )
        for row in rows.order_by(target):
            links.setdefault((row["history_id"], field.name), []).append({target: row[target]})
    return links


def _entries(records: list, model: type[models.Model], label, names: dict) -> list[HistoryEntry]:
    entries, previous_by_object = [], {}
    m2m_names = [field.name for field in getattr(model.history.model, "_history_m2m_fields", [])]
    links = _m2m_links(model, records)
    for record in records:  # oldest first
        previous = previous_by_object.get(record.id)
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous, excluded_fields=m2m_names, foreign_keys_are_objs=False)
            moved = [(c.field, c.old, c.new) for c in delta.changes]
            for name in m2m_names:
                old, new = (
                    links.get((previous.history_id, name), []),
                    links.get((record.history_id, name), []),
                )
                if old != new:
                    moved.append((name, old, new))
            for field, old, new in moved:
                if field in HIDDEN_FIELDS:
                    continue
                changes.append(
                    Change(
                        field=capfirst(str(model._meta.get_field(field).verbose_name)),
                        old=_display(model, field, old, names),
                        new=_display(model, field, new, names),
                    )
                )
        previous_by_object[record.id] = record
        verb = {"+": "created", "~": "changed", "-": "deleted"}[record.history_type]
        if verb == "changed" and not changes and not record.history_change_reason:
            continue  # only bookkeeping changed
        reason = record.history_change_reason or ""
        loaded = by_loader(reason, record.history_user)
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=str(record.history_user) if record.history_user else "",
                what=label(record),
                verb=verb,
                changes=changes,
                reason="" if loaded else reason,
                loaded=loaded,
            )
        )
    return entries


def _names_for(action: Action, records: list) -> dict:
    """How to show the people and priorities a record points at, fetched once for all records."""
    user_ids = {
        getattr(record, name)
        for record in records
        for name in ("owner_id", "submitted_by_id", "reviewed_by_id")
        if getattr(record, name, None)
    }
    names = {(User, user.pk): str(user) for user in User.objects.filter(pk__in=user_ids)}
    names.update({(Priority, p.pk): str(p) for p in Priority.objects.filter(plan_id=action.plan_id)})
    names.update({(Theme, t.pk): str(t) for t in Theme.objects.filter(plan_id=action.plan_id)})
    partnership_id = action.plan.partnership_id
    names.update(
        {(Organisation, o.pk): str(o) for o in Organisation.objects.filter(partnership_id=partnership_id)}
    )
    findings = ConsultationFinding.objects.filter(consultation__partnership_id=partnership_id)
    names.update({(ConsultationFinding, f.pk): f"“{f}”" for f in findings})
    earlier = {
        record.carried_over_from_id for record in records if getattr(record, "carried_over_from_id", None)
    }
    names.update(
        {
            (Action, a.pk): f"{a.reference} in {a.plan}"
            for a in Action.objects.filter(pk__in=earlier).select_related("plan")
        }
    )
    return names


def action_history(*, action: Action) -> list[HistoryEntry]:
    """Every recorded change to the action, its updates and their evidence, newest first."""
    periods = dict(action.plan.periods.values_list("pk", "label"))
    action_records = list(
        action.history.select_related("history_user").order_by("history_date", "history_id")
    )
    update_records = list(
        ActionUpdate.history.filter(action_id=action.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    update_period = {r.id: r.period_id for r in update_records}
    evidence_records = list(
        UpdateEvidence.history.filter(update_id__in=list(update_period))
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    names = _names_for(action, [*action_records, *update_records])
    entries = [
        *_entries(action_records, Action, lambda r: "Action", names),
        *_entries(update_records, ActionUpdate, lambda r: f"{periods.get(r.period_id, '')} update", names),
        *_entries(
            evidence_records,
            UpdateEvidence,
            lambda r: (
                f"Evidence “{r.original_name}” on the {periods.get(update_period.get(r.update_id))} update"
            ),
            names,
        ),
    ]
    return sorted(entries, key=lambda entry: entry.when, reverse=True)
