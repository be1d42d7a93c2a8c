from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from priorities.admin import MeasureInline, PriorityAdmin
from priorities.models import Priority
from swp.import_export.admin import SafeImportExportMixin

from .models import Action, ActionUpdate, BoardNote, UpdateComment, UpdateEvidence
from .resources import ActionResource, ActionUpdateResource


class VersionedAdmin(SimpleHistoryAdmin):
    """Admin edits count as edits: bump the version so an open update form sees it is stale."""

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0
    fields = ["reference", "overall_objective", "horizon", "owner", "deadline", "status"]
    autocomplete_fields = ["owner"]
    show_change_link = True


admin.site.unregister(Priority)


@admin.register(Priority)
class PriorityWithActionsAdmin(PriorityAdmin):
    inlines = [MeasureInline, ActionInline]


class ActionUpdateInline(admin.StackedInline):
    model = ActionUpdate
    extra = 0
    fields = [("period", "state", "rag"), "progress", "outcomes", ("submitted_by", "submitted_at")]
    autocomplete_fields = ["period", "submitted_by"]
    show_change_link = True


@admin.register(Action)
class ActionAdmin(SafeImportExportMixin, VersionedAdmin):
    resource_classes = [ActionResource]
    list_display = ["reference", "short_title", "priority", "horizon", "owner", "deadline", "status"]
    list_display_links = ["reference", "short_title"]
    list_filter = [
        "plan__partnership",
        "plan",
        "priority",
        "horizon",
        "status",
        "themes",
        "responsible_organisations",
    ]
    search_fields = ["reference", "overall_objective", "objective", "responsible_officer"]
    autocomplete_fields = ["priority", "owner", "responsible_organisations", "themes", "answers"]
    list_select_related = ["priority", "owner"]
    readonly_fields = ["plan", "carried_over_from", "version"]
    inlines = [ActionUpdateInline]


@admin.register(ActionUpdate)
class ActionUpdateAdmin(SafeImportExportMixin, VersionedAdmin):
    resource_classes = [ActionUpdateResource]
    list_display = ["action", "period", "rag", "state", "submitted_by", "submitted_at"]
    list_filter = ["period__plan__partnership", "period__plan", "period", "state", "rag"]
    search_fields = ["action__reference", "action__overall_objective", "progress", "outcomes"]
    autocomplete_fields = ["action", "period", "submitted_by", "reviewed_by"]
    list_select_related = ["action", "period", "submitted_by"]
    readonly_fields = ["version"]


@admin.register(UpdateComment)
class UpdateCommentAdmin(admin.ModelAdmin):
    list_display = ["update", "author", "created_at"]
    list_filter = ["update__period__plan__partnership", "update__period"]
    search_fields = ["body", "author__full_name", "update__action__reference"]
    autocomplete_fields = ["update", "author"]
    list_select_related = ["update__action", "update__period", "author"]


@admin.register(UpdateEvidence)
class UpdateEvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["original_name", "update", "content_type", "size", "uploaded_by", "uploaded_at"]
    list_filter = ["update__period__plan__partnership", "content_type"]
    search_fields = ["original_name", "sha256", "update__action__reference"]
    # Files are added through the update page, where their content is checked; here they are read only.
    readonly_fields = [
        "update",
        "file",
        "original_name",
        "content_type",
        "size",
        "sha256",
        "uploaded_by",
        "uploaded_at",
    ]
    list_select_related = ["update__action", "update__period", "uploaded_by"]

    def has_add_permission(self, request):
        return False


@admin.register(BoardNote)
class BoardNoteAdmin(VersionedAdmin):
    list_display = ["kind", "priority", "period", "state", "written_by", "submitted_at"]
    list_filter = ["period__plan__partnership", "period__plan", "period", "kind", "state"]
    search_fields = ["text", "priority__title"]
    autocomplete_fields = ["period", "priority", "written_by", "reviewed_by"]
    list_select_related = ["priority", "period", "written_by"]
    readonly_fields = ["version"]
