from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from swp.import_export.admin import SafeImportExportMixin

from .models import (
    AgendaItem,
    Attendance,
    Board,
    BoardMember,
    DailyJobRun,
    Decision,
    DigestLine,
    EmailPreferences,
    Invitation,
    Meeting,
    Membership,
    Organisation,
    OutboxMessage,
    Partnership,
    PasswordResetRequest,
    PendingImport,
    User,
)
from .resources import OrganisationResource


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "slug", "area"]
    search_fields = ["name", "short_name", "slug", "area"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Organisation)
class OrganisationAdmin(SafeImportExportMixin, SimpleHistoryAdmin):
    resource_classes = [OrganisationResource]
    list_display = ["name", "short_name", "kind", "membership", "partnership"]
    list_filter = ["partnership", "kind", "membership"]
    search_fields = ["name", "short_name"]
    autocomplete_fields = ["partnership"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["full_name"]
    list_display = ["email", "full_name", "organisation", "is_active", "is_staff", "last_login"]
    list_filter = ["is_active", "is_staff", "is_superuser", "organisation__partnership", "organisation"]
    search_fields = ["email", "full_name", "job_title", "organisation__name"]
    autocomplete_fields = ["organisation"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "job_title", "organisation")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "full_name", "organisation", "password1", "password2"),
            },
        ),
    )
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "partnership", "role", "ended_at"]
    list_filter = ["partnership", "role", ("ended_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__email", "user__full_name"]
    autocomplete_fields = ["user", "partnership"]
    list_select_related = ["user", "partnership"]


class BoardMemberInline(admin.TabularInline):
    model = BoardMember
    extra = 0
    autocomplete_fields = ["organisation", "user"]


@admin.register(Board)
class BoardAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "parent", "meeting_frequency", "partnership"]
    list_filter = ["partnership", "kind"]
    search_fields = ["name"]
    autocomplete_fields = ["partnership", "parent"]
    inlines = [BoardMemberInline]


@admin.register(BoardMember)
class BoardMemberAdmin(SimpleHistoryAdmin):
    list_display = ["name", "position", "board", "organisation"]
    list_filter = ["board__partnership", "board", "position"]
    search_fields = ["name", "title", "organisation__name"]
    autocomplete_fields = ["board", "organisation", "user"]
    list_select_related = ["board", "organisation"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["order", "title", "presenter", "paper"]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    fields = ["name", "user", "organisation", "position", "status"]
    autocomplete_fields = ["user", "organisation"]


class DecisionInline(admin.StackedInline):
    model = Decision
    extra = 0
    fields = [("order", "reference", "kind"), "text", ("agenda_item", "owner", "due_on")]
    raw_id_fields = ["agenda_item"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["date", "board", "title", "location", "minutes_approved_on"]
    list_filter = ["board__partnership", "board"]
    search_fields = ["title", "notes", "minutes", "board__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["board"]
    list_select_related = ["board"]
    fields = ["board", "date", "title", "location", "notes", "minutes", "minutes_approved_on"]
    inlines = [AgendaItemInline, AttendanceInline, DecisionInline]


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "kind", "meeting", "owner", "due_on"]
    list_filter = ["meeting__board__partnership", "meeting__board", "kind"]
    search_fields = ["text", "reference", "owner", "meeting__title"]
    autocomplete_fields = ["meeting"]
    list_select_related = ["meeting__board"]
    raw_id_fields = ["agenda_item"]
    readonly_fields = ["recorded_by"]


@admin.register(AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "presenter"]
    list_filter = ["meeting__board__partnership", "meeting__board"]
    search_fields = ["title", "presenter", "paper"]
    autocomplete_fields = ["meeting"]
    list_select_related = ["meeting__board"]


@admin.register(Attendance)
class AttendanceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "status", "position", "organisation", "meeting"]
    list_filter = ["meeting__board__partnership", "status", "position"]
    search_fields = ["name", "organisation__name"]
    autocomplete_fields = ["meeting", "user", "organisation"]
    list_select_related = ["meeting__board", "organisation"]


@admin.register(PendingImport)
class PendingImportAdmin(admin.ModelAdmin):
    """Uploads waiting for their uploader's confirmation: visible for support, never editable here."""

    list_display = ["original_name", "kind", "partnership", "created_by", "created_at", "applied_at"]
    list_filter = ["kind", "partnership"]
    exclude = ["content"]  # the file itself is not shown: it may hold OFFICIAL-SENSITIVE text
    readonly_fields = [
        "kind",
        "partnership",
        "created_by",
        "original_name",
        "file_format",
        "sha256",
        "context",
        "created_at",
        "applied_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PasswordResetRequest)
class PasswordResetRequestAdmin(admin.ModelAdmin):
    """Requests for a reset link in the limit's window (governance/password_reset.py), for support:
    never added or changed here. Addresses show only as the keyed hashes the security log has."""

    list_display = ["requested_at", "limited"]
    list_filter = ["limited"]
    readonly_fields = ["requested_at", "address_key", "client_key", "limited"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Every email the app queued, for support: whether it went, and why not. Written only by the
    notifications themselves; the partnership's own page is /outbox/."""

    list_display = ["subject", "to_address", "kind", "state", "attempts", "created_at", "sent_at"]
    list_filter = ["state", "kind", "partnership"]
    search_fields = ["to_address", "subject", "key"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations, for support: never added or changed here, so that the people page's rules
    (governance/invitations.py: single use, a new link on resend, one open per address) hold."""

    list_display = ["email", "full_name", "partnership", "role", "created_at", "sent_at", "accepted_at"]
    list_filter = ["partnership", "role"]
    search_fields = ["email", "full_name"]
    list_select_related = ["partnership"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(DigestLine)
class DigestLineAdmin(admin.ModelAdmin):
    """Lines waiting for this evening's summary emails; each goes once its summary is queued."""

    list_display = ["text", "recipient", "partnership", "created_at"]
    list_select_related = ["recipient", "partnership"]
    readonly_fields = ["recipient", "partnership", "text", "url", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.register(EmailPreferences)
class EmailPreferencesAdmin(admin.ModelAdmin):
    list_display = ["user", "digests", "comments", "pack_issued"]
    autocomplete_fields = ["user"]
    search_fields = ["user__email", "user__full_name"]


@admin.register(DailyJobRun)
class DailyJobRunAdmin(admin.ModelAdmin):
    """When each daily job ran on the worker and what it said (governance/daily_jobs.py)."""

    list_display = ["job", "date", "succeeded", "started_at", "finished_at"]
    list_filter = ["job", "succeeded"]
    readonly_fields = ["job", "date", "started_at", "finished_at", "succeeded", "outcome"]

    def has_add_permission(self, request):
        return False


from . import identity_provider_admin  # noqa: E402, F401 - registers the identity providers' admin
