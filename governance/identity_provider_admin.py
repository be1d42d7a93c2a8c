"""The Django admin for identity providers (governance/oidc.py): site administrators set them up here."""

from django import forms
from django.contrib import admin

from .models import FederatedIdentity, IdentityProvider, IdentityProviderDomain
from .oidc import client_secret

SECRET_NOT_SET = (
    "{name} is not set on this server: neither in the environment nor in the file named by "
    "SWP_OIDC_SECRETS_FILE. Set it there first, or untick Enabled to save the provider switched off."
)


class HttpsURLField(forms.URLField):
    """An issuer typed without a scheme is taken as https, the only one allowed outside development."""

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class IdentityProviderForm(forms.ModelForm):
    class Meta:
        model = IdentityProvider
        field_classes = {"issuer": HttpsURLField}
        fields = [
            "name", "slug", "organisations", "issuer", "client_id", "client_secret_name",
            "mfa_claim", "mfa_values", "enabled",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One organisation's name recurs in every partnership it belongs to: say which is which.
        organisations = self.fields["organisations"]
        organisations.queryset = organisations.queryset.select_related("partnership")
        organisations.label_from_instance = lambda organisation: (
            f"{organisation.name} ({organisation.partnership.name})"
        )

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("client_secret_name")
        # Enabled with no secret would send its people to a sign-in that cannot finish.
        if cleaned.get("enabled") and name and not client_secret(name):
            self.add_error("client_secret_name", SECRET_NOT_SET.format(name=name))
        return cleaned


class DomainInline(admin.TabularInline):
    model = IdentityProviderDomain
    extra = 1


@admin.register(IdentityProvider)
class IdentityProviderAdmin(admin.ModelAdmin):
    form = IdentityProviderForm
    inlines = [DomainInline]
    list_display = ["name", "issuer", "enabled", "email_domains"]
    list_filter = ["enabled"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["organisations"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("domains")

    @admin.display(description="email domains")
    def email_domains(self, provider: IdentityProvider) -> str:
        return ", ".join(domain.domain for domain in provider.domains.all())


@admin.register(IdentityProviderDomain)
class IdentityProviderDomainAdmin(admin.ModelAdmin):
    """Every domain and its provider in one list; usually edited on the provider's own page."""

    list_display = ["domain", "provider"]
    list_filter = ["provider"]
    search_fields = ["domain"]


@admin.register(FederatedIdentity)
class FederatedIdentityAdmin(admin.ModelAdmin):
    """Links made at people's first sign-in with their provider; delete one to let it link afresh."""

    list_display = ["user", "provider", "linked_at"]
    list_filter = ["provider"]
    search_fields = ["user__email", "user__full_name"]
    readonly_fields = ["user", "provider", "subject", "linked_at"]

    def has_add_permission(self, request):
        return False
