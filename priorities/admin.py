from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    BaselineStatistic,
    Measure,
    MeasureReading,
    Plan,
    PlanAim,
    Priority,
    ReportingPeriod,
    StrategicAssessment,
    Theme,
)


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


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "partnership", "period_start", "period_end", "status", "is_published"]
    list_filter = ["partnership", "status", "is_published"]
    search_fields = ["title", "vision"]
    autocomplete_fields = ["partnership", "strategic_assessment"]
    inlines = [PlanAimInline, ReportingPeriodInline, PriorityInline]


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
        ("kind", "unit", "unit_type", "direction"),
        ("baseline_value", "baseline_period", "baseline_source"),
        ("baseline_statistic", "baseline_note"),
        ("target_value", "target_description"),
    ]
    autocomplete_fields = ["baseline_statistic"]
    show_change_link = True


@admin.register(Priority)
class PriorityAdmin(SimpleHistoryAdmin):
    list_display = ["order", "title", "plan", "lead_organisation", "lead_officer"]
    list_display_links = ["title"]
    list_filter = ["plan__partnership", "plan", "lead_organisation"]
    search_fields = ["title", "aim", "you_told_us", "why"]
    autocomplete_fields = ["plan", "lead_organisation", "lead_officer", "lead_support_officer"]
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
class MeasureAdmin(SimpleHistoryAdmin):
    list_display = ["title", "priority", "kind", "unit", "direction", "baseline_value", "target_value"]
    list_filter = ["priority__plan__partnership", "priority__plan", "kind", "direction"]
    search_fields = ["title", "baseline_source"]
    autocomplete_fields = ["priority", "baseline_statistic"]
    list_select_related = ["priority"]


@admin.register(MeasureReading)
class MeasureReadingAdmin(SimpleHistoryAdmin):
    list_display = ["measure", "period", "value", "entered_by", "entered_at"]
    list_filter = ["period__plan__partnership", "period__plan", "period"]
    search_fields = ["measure__title", "narrative"]
    autocomplete_fields = ["measure", "period", "entered_by"]
    list_select_related = ["measure", "period", "entered_by"]
