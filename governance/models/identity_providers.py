"""Partner organisations' own sign-in services (OpenID Connect), and who has signed in with one.

A site administrator (superuser) adds a provider in the Django admin: its issuer, our client id
there, the *name* of the environment variable (or secrets-file entry) holding the client secret,
and the email domains it signs in for. The secret itself never reaches the database. See
governance/oidc.py for the sign-in itself.
"""

import ipaddress
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone

from .partnership import Organisation, User

LOOPBACK_NAMES = {"localhost"}
# One label or more, each letters, digits and inner hyphens, dot-separated: "westmidlands.police.uk".
DOMAIN_PATTERN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_issuer(value: str) -> None:
    """https always; plain http only to this machine, and only in development or tests."""
    parts = urlsplit(value)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and is_loopback(parts.hostname or "") and settings.SWP_OIDC_ALLOW_HTTP_LOOPBACK:
        return
    raise ValidationError("Enter the issuer's address starting https://, as its provider gives it.")


def validate_email_domain(value: str) -> None:
    if not DOMAIN_PATTERN.match(value):
        raise ValidationError(
            "Enter an email domain such as westmidlands.police.uk: the part after the @, with no @ or spaces."
        )


class IdentityProvider(models.Model):
    """One organisation's sign-in service, such as West Midlands Police's Microsoft Entra ID tenant."""

    class MfaClaim(models.TextChoices):
        AMR = "amr", "amr (authentication methods used)"
        ACR = "acr", "acr (authentication context class)"

    name = models.CharField(
        max_length=150, help_text='Shown to people signing in: "Sign out of your … account too".'
    )
    slug = models.SlugField(
        max_length=60,
        unique=True,
        help_text="Used in the provider's redirect address: "
        "https://<this site>/accounts/oidc/<slug>/callback/.",
    )
    organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="identity_providers",
        help_text="The partner organisations whose people sign in with it, in any partnership. "
        "For reference: who may sign in with it is decided by the email domains below.",
    )
    issuer = models.URLField(
        max_length=300,
        validators=[validate_issuer],
        help_text="The provider's issuer, such as https://login.microsoftonline.com/<tenant id>/v2.0. "
        "Its discovery document is read from <issuer>/.well-known/openid-configuration.",
    )
    client_id = models.CharField(
        "client id", max_length=200, help_text="This site's client (application) id at the provider."
    )
    client_secret_name = models.CharField(
        "name of the client secret",
        max_length=100,
        validators=[
            RegexValidator(
                r"^[A-Z_][A-Z0-9_]*$",
                "Enter a name in capitals, digits and underscores, such as SWP_OIDC_WMP_SECRET.",
            )
        ],
        help_text="Not the secret itself: the name of the environment variable that holds it on the server, "
        "or of its entry in the JSON file named by SWP_OIDC_SECRETS_FILE.",
    )
    mfa_claim = models.CharField(
        "claim that shows multi-factor sign-in",
        max_length=3,
        choices=MfaClaim.choices,
        default=MfaClaim.AMR,
        help_text="Where the provider's ID token says how the person signed in.",
    )
    mfa_values = models.CharField(
        "values that count as multi-factor",
        max_length=300,
        default="mfa",
        help_text="Separated by commas. When the claim holds one of them, our own second factor is not asked "
        "for; otherwise people whose role needs it give our code as well.",
    )
    enabled = models.BooleanField(
        default=True,
        help_text="Untick to switch it off: its people then sign in with a password of ours. "
        "When no provider is enabled, the sign-in page asks for an email and password together, as before.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def mfa_value_list(self) -> list[str]:
        return [value.strip() for value in self.mfa_values.split(",") if value.strip()]


class EmailDomainField(models.CharField):
    """Kept lower-case, as email domains are compared without case; cleaned before it is validated."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.strip().lower() if value else value


class IdentityProviderDomain(models.Model):
    """An email domain whose people sign in with this provider. A domain has one provider at most."""

    provider = models.ForeignKey(IdentityProvider, on_delete=models.CASCADE, related_name="domains")
    domain = EmailDomainField(
        max_length=253,
        unique=True,
        validators=[validate_email_domain],
        error_messages={"unique": "Another provider already signs in for this email domain."},
        help_text="The part of the email address after the @, such as westmidlands.police.uk.",
    )

    class Meta:
        ordering = ["domain"]
        verbose_name = "email domain"

    def __str__(self) -> str:
        return self.domain


class FederatedIdentity(models.Model):
    """A person's account at a provider (its `sub`), linked at their first sign-in there.

    Later sign-ins match on the subject, so a changed email at the provider still finds the person.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="federated_identities")
    provider = models.ForeignKey(IdentityProvider, on_delete=models.CASCADE, related_name="identities")
    subject = models.CharField(max_length=255, help_text="The provider's unchanging id for the person.")
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "federated identity"
        verbose_name_plural = "federated identities"
        constraints = [
            models.UniqueConstraint(fields=["provider", "subject"], name="one_account_per_provider_subject"),
            models.UniqueConstraint(fields=["provider", "user"], name="one_subject_per_provider_and_person"),
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.provider}"
