from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from swp.import_export.admin import SafeImportExportMixin

from . import approvals
from .models import (
    ApprovalStep,
    BaselineStatistic,
    Consultation,
    ConsultationFinding,
    EqiaActionItem,
    EqiaImpact,
    EqualityImpactAssessment,
    Measure,
    MeasureReading,
    Plan,
    PlanAim,
    Priority,
    ReportingPeriod,
    StrategicAssessment,
    Theme,
)
from .resources import MeasureReadingResource, MeasureResource, PriorityResource


class BaselineStatisticInline(admin.TabularInline):
    model = BaselineStatistic
    extra = 0
    fields = ["order", "label", "value", "unit", "period", "source"]


@admin.register(StrategicAssessment)
class StrategicAssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "completed_on", "partnership"]
    list_filter = ["partnership"]
    search_fields = ["title", "summary"]
    autocomplete_fields = ["partnership"]
    inlines = [BaselineStatisticInline]


@admin.register(BaselineStatistic)
class BaselineStatisticAdmin(SimpleHistoryAdmin):
    list_display = ["label", "value", "unit", "period", "source", "assessment"]
    list_filter = ["assessment__partnership", "assessment", "period"]
    search_fields = ["label", "source", "note"]
    autocomplete_fields = ["assessment"]
    list_select_related = ["assessment"]


class PlanAimInline(admin.TabularInline):
    model = PlanAim
    extra = 0


class ReportingPeriodInline(admin.TabularInline):
    model = ReportingPeriod
    extra = 0
    autocomplete_fields = ["meeting"]


class PriorityInline(admin.TabularInline):
    model = Priority
    extra = 0
    fields = ["order", "title", "lead_organisation", "lead_officer"]
    autocomplete_fields = ["lead_organisation", "lead_officer"]
    show_change_link = True


class ApprovalStepInline(admin.TabularInline):
    """The trail, read only here: steps are added on the approvals page or in their own admin."""

    model = ApprovalStep
    extra = 0
    fields = ["order", "stage", "body", "date", "outcome", "meeting"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "partnership", "period_start", "period_end", "status", "is_published"]
    list_filter = ["partnership", "status", "is_published"]
    search_fields = ["title", "vision"]
    autocomplete_fields = ["partnership", "strategic_assessment"]
    inlines = [PlanAimInline, ReportingPeriodInline, PriorityInline, ApprovalStepInline]

    def get_readonly_fields(self, request, obj=None):
        # The status follows the approvals trail (priorities/approvals.py), never a form; the approving
        # body is fixed once the plan has been approved.
        fixed = ["status"]
        if obj is not None and obj.status != Plan.Status.DRAFT:
            fixed.append("final_approval_stage")
        return fixed


@admin.register(ApprovalStep)
class ApprovalStepAdmin(SimpleHistoryAdmin):
    """For correcting a step. Every save and delete brings the plan's status back in line with its trail."""

    list_display = ["__str__", "plan", "order", "stage", "date", "outcome"]
    list_filter = ["plan__partnership", "plan", "stage", "outcome"]
    search_fields = ["body", "notes", "plan__title"]
    autocomplete_fields = ["plan", "meeting"]
    list_select_related = ["plan"]
    readonly_fields = ["recorded_by"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        approvals.sync_status(plan=obj.plan, by=request.user)

    def delete_model(self, request, obj):
        plan = obj.plan
        super().delete_model(request, obj)
        approvals.sync_status(plan=plan, by=request.user)

    def delete_queryset(self, request, queryset):
        plans = {step.plan for step in queryset.select_related("plan")}
        super().delete_queryset(request, queryset)
        for plan in plans:
            approvals.sync_status(plan=plan, by=request.user)


@admin.register(PlanAim)
class PlanAimAdmin(SimpleHistoryAdmin):
    list_display = ["text", "order", "plan"]
    list_filter = ["plan"]
    search_fields = ["text"]
    autocomplete_fields = ["plan"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    list_display = ["label", "plan", "start", "end", "update_deadline", "meeting", "status"]
    list_filter = ["plan__partnership", "plan", "status"]
    search_fields = ["label", "plan__title"]
    autocomplete_fields = ["plan", "meeting"]
    list_select_related = ["plan", "meeting__board"]


class MeasureInline(admin.StackedInline):
    model = Measure
    extra = 0
    fields = [
        ("order", "title"),
        ("kind", "unit", "unit_type", "direction", "value_covers"),
        ("baseline_value", "baseline_period", "baseline_source"),
        ("baseline_statistic", "baseline_note"),
        ("target_value", "target_description"),
    ]
    autocomplete_fields = ["baseline_statistic"]
    show_change_link = True


@admin.register(Priority)
class PriorityAdmin(SafeImportExportMixin, SimpleHistoryAdmin):
    resource_classes = [PriorityResource]
    list_display = ["order", "title", "plan", "lead_organisation", "lead_officer"]
    list_display_links = ["title"]
    list_filter = ["plan__partnership", "plan", "lead_organisation"]
    search_fields = ["title", "aim", "you_told_us", "why"]
    autocomplete_fields = [
        "plan", "parent", "lead_organisation", "co_lead_organisations", "lead_groups", "lead_officer",
        "lead_support_officer", "cites",
    ]  # fmt: skip
    list_select_related = ["plan", "lead_organisation", "lead_officer"]
    # actions.admin re-registers this with the actions inline too, so this app never imports actions.
    inlines = [MeasureInline]


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "plan"]
    list_filter = ["plan__partnership", "plan"]
    search_fields = ["name", "description"]
    autocomplete_fields = ["plan", "priorities"]


@admin.register(Measure)
class MeasureAdmin(SafeImportExportMixin, SimpleHistoryAdmin):
    resource_classes = [MeasureResource]
    list_display = ["title", "priority", "kind", "unit", "direction", "baseline_value", "target_value"]
    list_filter = ["priority__plan__partnership", "priority__plan", "kind", "direction"]
    search_fields = ["title", "baseline_source"]
    autocomplete_fields = ["priority", "baseline_statistic"]
    list_select_related = ["priority"]


@admin.register(MeasureReading)
class MeasureReadingAdmin(SafeImportExportMixin, SimpleHistoryAdmin):
    resource_classes = [MeasureReadingResource]
    list_display = ["measure", "period", "value", "entered_by", "entered_at"]
    list_filter = ["period__plan__partnership", "period__plan", "period"]
    search_fields = ["measure__title", "narrative"]
    autocomplete_fields = ["measure", "period", "entered_by"]
    list_select_related = ["measure", "period", "entered_by"]


class ConsultationFindingInline(admin.StackedInline):
    model = ConsultationFinding
    extra = 0
    fields = [("order", "heard_on", "source"), "text", "priorities"]
    autocomplete_fields = ["priorities"]


@admin.register(Consultation)
class ConsultationAdmin(SimpleHistoryAdmin):
    list_display = ["title", "partnership", "plan", "held_from", "held_to", "respondents"]
    list_filter = ["partnership"]
    search_fields = ["title", "summary", "participants"]
    autocomplete_fields = ["partnership", "plan"]
    inlines = [ConsultationFindingInline]


class EqiaImpactInline(admin.TabularInline):
    model = EqiaImpact
    extra = 0
    fields = ["characteristic", "detail", "effect", "main_focus", "action_needed", "reasons"]


class EqiaActionItemInline(admin.StackedInline):
    model = EqiaActionItem
    extra = 0
    fields = [
        ("order", "responsibility"),
        ("action_date_text", "action_date"),
        "action",
        ("outcome_date_text", "outcome_date"),
        "outcome",
        ("done", "done_at", "done_by"),
    ]
    raw_id_fields = ["done_by"]


@admin.register(EqualityImpactAssessment)
class EqualityImpactAssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["proposal_name", "plan", "responsible_officer", "planning_started_on"]
    list_filter = ["plan__partnership"]
    search_fields = ["proposal_name", "plan__title", "responsible_officer"]
    autocomplete_fields = ["plan", "consultation"]
    list_select_related = ["plan"]
    inlines = [EqiaImpactInline, EqiaActionItemInline]


@admin.register(ConsultationFinding)
class ConsultationFindingAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "consultation", "order", "source"]
    list_filter = ["consultation__partnership", "consultation"]
    search_fields = ["text", "source"]
    autocomplete_fields = ["consultation", "priorities"]
    list_select_related = ["consultation"]


@admin.register(EqiaImpact)
class EqiaImpactAdmin(SimpleHistoryAdmin):
    list_display = ["characteristic", "effect", "main_focus", "eqia"]
    list_filter = ["eqia__plan__partnership", "characteristic", "effect"]
    search_fields = ["reasons", "detail"]
    autocomplete_fields = ["eqia"]
    list_select_related = ["eqia"]


@admin.register(EqiaActionItem)
class EqiaActionItemAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "order", "responsibility", "done", "done_at", "eqia"]
    list_filter = ["eqia__plan__partnership", "done"]
    search_fields = ["action", "outcome", "responsibility"]
    autocomplete_fields = ["eqia"]
    raw_id_fields = ["done_by"]
    list_select_related = ["eqia"]
