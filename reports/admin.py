from django.contrib import admin

from .models import IssuedPack


@admin.register(IssuedPack)
class IssuedPackAdmin(admin.ModelAdmin):
    """Read only, even for superusers: packs are issued and corrected through the board packs pages."""

    list_display = ["period", "revision", "state", "protective_marking", "issued_by", "issued_at", "pages"]
    list_filter = ["state", "protective_marking", "plan__partnership"]
    list_select_related = ["period", "issued_by"]
    search_fields = ["period__label", "plan__title", "pdf_sha256"]
    exclude = ["read_model"]  # can be large; the issued PDF is what the board saw

    def get_queryset(self, request):
        return super().get_queryset(request).defer("read_model")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
