"""A whole plan out again: the template's sheets filled in, plus quarters, updates, readings and history.

The template's sheets (Plan, Partners, Priorities, Measures, Actions, Themes, Baseline statistics)
and Reporting periods use exactly the layout the importer reads, so an export imported into another
partnership (or an empty installation) gives back the same plan (INT-07). Updates, Readings and
History (export_history.py) are the record of what happened; the import leaves them out. Every
text cell is neutralised and every time shown as the clock in Europe/London showed it (writer.py,
swp/sheets/writing.py, SEC-14). A fixed number of queries, whatever the size of the plan.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from governance.models import Board, Organisation, User
from priorities.models import (
    BaselineStatistic,
    Measure,
    MeasureReading,
    Plan,
    Priority,
    ReportingPeriod,
    Theme,
)
from priorities.selectors import leads_as_written

from ..models import Action, ActionUpdate
from . import format as f
from .export_history import history_sheet
from .writer import SheetData, csv_zip, xlsx_workbook


def _join(names) -> str:
    return "; ".join(names)


def _reported(update: ActionUpdate, period_labels: dict[int, str]) -> list:
    """The Actions sheet's latest RAG, progress, what is being done, outcomes and quarter."""
    return [
        update.get_rag_display() if update.rag else "",
        update.progress,
        update.recovery_plan,
        update.outcomes,
        period_labels.get(update.period_id, ""),
    ]


class PlanExport:
    """Reads the plan once; each method gives one sheet."""

    def __init__(self, plan: Plan):
        self.plan = Plan.objects.select_related("strategic_assessment", "partnership").get(pk=plan.pk)
        self.organisations = list(Organisation.objects.filter(partnership_id=self.plan.partnership_id))
        self.priorities = list(
            Priority.objects.filter(plan=self.plan)
            .select_related("parent", "lead_organisation", "lead_officer", "lead_support_officer")
            .prefetch_related("lead_groups", "cites")
            .order_by("order", "id")
        )
        self.statistics = (
            list(
                BaselineStatistic.objects.filter(assessment=self.plan.strategic_assessment).order_by(
                    "order", "id"
                )
            )
            if self.plan.strategic_assessment_id
            else []
        )
        self.statistic_refs = {s.pk: f"S{index}" for index, s in enumerate(self.statistics, start=1)}
        self.measures = list(
            Measure.objects.filter(priority__plan=self.plan).order_by("priority__order", "order", "id")
        )
        self.actions = list(
            Action.objects.filter(plan=self.plan)
            .prefetch_related(
                Prefetch("responsible_organisations", queryset=Organisation.objects.order_by("name")),
                Prefetch("themes", queryset=Theme.objects.order_by("name")),
            )
            .order_by("priority__order", "order", "id")
        )
        self.themes = list(
            Theme.objects.filter(plan=self.plan)
            .prefetch_related(Prefetch("priorities", queryset=Priority.objects.order_by("order")))
            .order_by("name")
        )
        self.periods = list(ReportingPeriod.objects.filter(plan=self.plan).select_related("meeting__board"))
        self.number = {p.pk: p.number for p in self.priorities}
        self.leads = leads_as_written(self.priorities)
        self.groups = list(
            Board.objects.filter(partnership_id=self.plan.partnership_id, kind=Board.Kind.THEMATIC_GROUP)
        )
        self.action_refs = {a.pk: a.reference for a in self.actions}
        self.period_labels = {p.pk: p.label for p in self.periods}

    # The template's sheets -------------------------------------------------------------------

    def plan_sheet(self) -> SheetData:
        plan, assessment = self.plan, self.plan.strategic_assessment
        values = {
            "title": plan.title,
            "period": "",
            "starts": plan.period_start,
            "ends": plan.period_end,
            "vision": plan.vision,
            "aims": "\n".join(aim.text for aim in plan.aims.order_by("order")),
            "quarter_scheme": plan.quarter_scheme.capitalize(),
            "red": plan.rag_red_definition,
            "amber": plan.rag_amber_definition,
            "green": plan.rag_green_definition,
            "assessment": assessment.title if assessment else "",
            "assessment_on": assessment.completed_on if assessment else None,
            "assessment_summary": assessment.summary if assessment else "",
        }
        return SheetData(
            f.PLAN.title, ["Detail", "Value"], [[fl.label, values[fl.key]] for fl in f.PLAN.fields]
        )

    def partners_sheet(self) -> SheetData:
        rows = [
            [o.name, o.short_name, o.get_kind_display(), o.get_membership_display()]
            for o in sorted(self.organisations, key=lambda o: o.name.casefold())
        ]
        # Every thematic group, whether or not it leads anything in this plan, as every organisation is
        # written: a group the workbook brought in must come back out. And any group that leads.
        groups = {g.pk: g for g in self.groups}
        groups.update({g.pk: g for p in self.priorities for g in p.lead_groups.all()})
        rows += [
            [g.name, g.short_name, "Group", ""]
            for g in sorted(groups.values(), key=lambda g: g.name.casefold())
        ]
        return SheetData(f.PARTNERS.title, f.PARTNERS.headers, rows)

    def lead_bodies(self, priority: Priority) -> list[str]:
        """The lead partners, then the lead groups, in the order the plan names them."""
        leads = self.leads[priority.pk]
        return [body.name for body in [*leads.partners, *leads.groups]]

    def priorities_sheet(self) -> SheetData:
        rows = [
            [
                p.number,
                p.title,
                p.parent.number if p.parent else "",
                _join(self.lead_bodies(p)),
                p.lead_as_written,
                p.lead_officer_name or (p.lead_officer.full_name if p.lead_officer else ""),
                p.lead_support_officer_name
                or (p.lead_support_officer.full_name if p.lead_support_officer else ""),
                p.aim,
                p.why,
                p.you_told_us,
                _join(self.statistic_refs[s.pk] for s in p.cites.all() if s.pk in self.statistic_refs),
            ]
            for p in self.priorities
        ]
        return SheetData(f.PRIORITIES.title, f.PRIORITIES.headers, rows)

    def measures_sheet(self) -> SheetData:
        # Amounts stay Decimals: a number cell in XLSX, "3700.00" in CSV, read back as the same number.
        rows = [
            [
                self.number[m.priority_id],
                m.title,
                m.get_kind_display(),
                m.unit,
                m.unit_type,
                m.get_direction_display(),
                m.baseline_value,
                m.baseline_period,
                m.baseline_source,
                m.baseline_note,
                self.statistic_refs.get(m.baseline_statistic_id, ""),
                m.target_value,
                m.target_description,
            ]
            for m in self.measures
        ]
        return SheetData(f.MEASURES.title, f.MEASURES.headers, rows)

    def latest_accepted(self) -> dict[int, ActionUpdate]:
        """Each action's latest accepted update (by its quarter), which the Actions sheet carries so that
        loading the export brings each action in where it stood."""
        updates = ActionUpdate.objects.filter(
            action__plan=self.plan, state=ActionUpdate.State.ACCEPTED
        ).order_by("period__start", "id")
        return {update.action_id: update for update in updates}

    def actions_sheet(self) -> SheetData:
        latest = self.latest_accepted()
        blank = ActionUpdate(rag="")
        rows = [
            [
                a.reference,
                self.number[a.priority_id],
                a.overall_objective,
                a.objective,
                a.get_horizon_display(),
                a.responsible_officer,
                _join(o.name for o in a.responsible_organisations.all()),
                a.start_date,
                a.deadline,
                a.timescale,
                a.get_status_display(),
                _join(t.name for t in a.themes.all()),
                *_reported(latest.get(a.pk, blank), self.period_labels),
            ]
            for a in self.actions
        ]
        return SheetData(f.ACTIONS.title, f.ACTIONS.headers, rows)

    def themes_sheet(self) -> SheetData:
        rows = [
            [t.name, t.description, _join(self.number[p.pk] for p in t.priorities.all())] for t in self.themes
        ]
        return SheetData(f.THEMES.title, f.THEMES.headers, rows)

    def statistics_sheet(self) -> SheetData:
        rows = [
            [self.statistic_refs[s.pk], s.label, s.value, s.unit, s.period, s.source, s.note]
            for s in self.statistics
        ]
        return SheetData(f.STATISTICS.title, f.STATISTICS.headers, rows)

    def periods_sheet(self) -> SheetData:
        rows = [
            [
                p.label,
                p.start,
                p.end,
                p.update_deadline,
                p.get_status_display(),
                str(p.meeting) if p.meeting else "",
            ]
            for p in self.periods
        ]
        return SheetData(f.PERIODS.title, f.PERIODS.headers, rows)

    # The record of what happened -------------------------------------------------------------

    def updates_sheet(self) -> SheetData:
        updates = (
            ActionUpdate.objects.filter(action__plan=self.plan)
            .select_related("submitted_by", "reviewed_by")
            .order_by("action__priority__order", "action__order", "action_id", "period__start")
        )
        headers = [
            "Action reference", "Period", "RAG rating", "Progress", "What is being done", "Actual outcomes",
            "Action complete", "Proposed new deadline", "Why the deadline should change", "State",
            "Submitted by", "Submitted at", "Reviewed by", "Reviewed at", "Review comment",
        ]  # fmt: skip
        rows = (
            [
                self.action_refs.get(u.action_id, ""),
                self.period_labels.get(u.period_id, ""),
                u.get_rag_display() if u.rag else "",
                u.progress,
                u.recovery_plan,
                u.outcomes,
                u.marks_complete,
                u.proposed_deadline,
                u.deadline_change_reason,
                u.get_state_display(),
                u.submitted_by.full_name if u.submitted_by else "",
                u.submitted_at,
                u.reviewed_by.full_name if u.reviewed_by else "",
                u.reviewed_at,
                u.review_comment,
            ]
            for u in updates
        )
        return SheetData(f.UPDATES.title, headers, rows)

    def readings_sheet(self) -> SheetData:
        readings = (
            MeasureReading.objects.filter(measure__priority__plan=self.plan)
            .select_related("measure", "entered_by")
            .order_by("measure__priority__order", "measure__order", "period__start")
        )
        headers = [
            "Priority reference",
            "Measure",
            "Period",
            "Value",
            "Narrative",
            "Entered by",
            "Entered at",
        ]
        rows = (
            [
                self.number.get(r.measure.priority_id, ""),
                r.measure.title,
                self.period_labels.get(r.period_id, ""),
                r.value,
                r.narrative,
                r.entered_by.full_name if r.entered_by else "",
                r.entered_at,
            ]
            for r in readings
        )
        return SheetData(f.READINGS.title, headers, rows)

    # All of it -------------------------------------------------------------------------------

    def read_me(self, *, by: User | None) -> SheetData:
        now = timezone.localtime()
        lines = [
            [f"{self.plan.title}: everything in the plan, exported from {settings.SERVICE_NAME}"],
            [f"Exported on {now:%d/%m/%Y at %H:%M}" + (f" by {by.full_name}" if by else "")],
            ["The sheets Plan to Reporting periods have the plan workbook's own layout: load this file into "
             "another partnership (“Load a plan from a workbook”) to make the same plan there, as a draft."],
            ["Updates, Readings and History are the record of what happened; loading the file leaves them "
             "out. The Actions sheet carries each action's latest accepted update, which loading the file "
             "brings in as that quarter's accepted update."],
            ["Text that a spreadsheet would run as a formula (starting with = + - or @) has an apostrophe "
             "in front, "
             "so that it shows as text. The import takes that apostrophe off again."],
        ]  # fmt: skip
        for sheet in f.EXPORT_SHEETS:
            lines.append([f"{sheet.title}: {sheet.purpose}"])
        return SheetData(f.READ_ME.title, [lines[0][0]], lines[1:])

    def sheets(self, *, by: User | None = None) -> list[SheetData]:
        return [
            self.read_me(by=by),
            self.plan_sheet(),
            self.partners_sheet(),
            self.priorities_sheet(),
            self.measures_sheet(),
            self.actions_sheet(),
            self.themes_sheet(),
            self.statistics_sheet(),
            self.periods_sheet(),
            self.updates_sheet(),
            self.readings_sheet(),
            history_sheet(self.plan, action_refs=self.action_refs, period_labels=self.period_labels),
        ]


def export_xlsx(plan: Plan, *, by: User | None = None) -> bytes:
    return xlsx_workbook(PlanExport(plan).sheets(by=by))


def export_csv_zip(plan: Plan, *, by: User | None = None) -> bytes:
    return csv_zip(PlanExport(plan).sheets(by=by))


def export_bytes(plan: Plan, fmt: str, *, by: User | None = None) -> bytes:
    if fmt == "xlsx":
        return export_xlsx(plan, by=by)
    if fmt == "csv":
        return export_csv_zip(plan, by=by)
    raise ValueError(f"Unknown export format {fmt!r}")
