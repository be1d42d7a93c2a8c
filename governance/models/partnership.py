"""The partnership, its partner organisations, and the people who sign in with their roles."""

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import F
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import salted_hmac
from simple_history.models import HistoricalRecords

# Django's four model permissions plus django-import-export's two, for the models the admin can
# import and export (IMPORT_EXPORT_IMPORT/EXPORT_PERMISSION_CODE in settings).
IMPORT_EXPORT_PERMISSIONS = ("add", "change", "delete", "view", "import", "export")
SIGN_OUT_EVERYWHERE_SALT = "governance.User.sign_outs"


class Partnership(models.Model):
    """A Community Safety Partnership: every other record belongs to exactly one."""

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in public addresses, such as /plans/safer-walsall/."
    )
    area = models.CharField(
        max_length=200, blank=True, help_text="The council area it covers, such as Walsall."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """A partner organisation, as the partnership's plan names it."""

    class Kind(models.TextChoices):
        POLICE = "police", "Police"
        COUNCIL = "council", "Council"
        FIRE = "fire", "Fire and rescue"
        HEALTH = "health", "Health"
        PROBATION = "probation", "Probation"
        REHABILITATION = "rehabilitation", "Community rehabilitation company"
        HOUSING = "housing", "Housing"
        PUBLIC_HEALTH = "public_health", "Public health"
        YOUTH_JUSTICE = "youth_justice", "Youth justice"
        EDUCATION = "education", "Education"
        VOLUNTARY = "voluntary", "Voluntary and community"
        PCC = "pcc", "Police and crime commissioner"
        BUSINESS = "business", "Business"
        OTHER = "other", "Other"

    class Membership(models.TextChoices):
        RESPONSIBLE_AUTHORITY = "responsible_authority", "Statutory responsible authority"
        ASSOCIATE = "associate", "Associate member"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    membership = models.CharField(max_length=30, choices=Membership.choices)
    history = HistoricalRecords()

    class Meta:
        # import and export: the admin's spreadsheet permissions (django-import-export, SEC-12).
        default_permissions = IMPORT_EXPORT_PERMISSIONS
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="organisation_name_unique_in_partnership"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("Users sign in with their work email, so it must be set.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username: str):
        # Work emails are matched without regard to case: Jo.Bloggs@ and jo.bloggs@ are one person.
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with their work email. Belongs to a partner organisation."""

    email = models.EmailField("work email", unique=True)
    full_name = models.CharField(max_length=150)
    job_title = models.CharField(max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="people"
    )
    is_staff = models.BooleanField(
        "staff status",
        default=False,
        help_text="Needed, with superuser status, to use the Django admin (it spans all partnerships).",
    )
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    # How many times every session of theirs was ended at once (sign_out_everywhere). Part of the
    # hash each session carries, so raising it ends them all at their next request.
    sign_outs = models.PositiveIntegerField(default=0, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_ignoring_case",
                violation_error_message="Someone already signs in with this email.",
            )
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def get_session_auth_hash(self) -> str:
        return self._with_sign_outs(super().get_session_auth_hash())

    def get_session_auth_fallback_hash(self):
        for fallback in super().get_session_auth_fallback_hash():
            yield self._with_sign_outs(fallback)

    def _with_sign_outs(self, session_hash: str) -> str:
        # At 0 the hash is Django's own, so adding the field signed nobody out.
        if not self.sign_outs:
            return session_hash
        value = f"{session_hash}:{self.sign_outs}"
        return salted_hmac(SIGN_OUT_EVERYWHERE_SALT, value, algorithm="sha256").hexdigest()

    def sign_out_everywhere(self) -> None:
        """End every session they have, in every browser: each is signed out at its next request.

        Django checks each request's session against get_session_auth_hash(), as it does after a
        password change; this changes that hash without touching the password (a superuser's
        break-glass password stays as it was)."""
        User.objects.filter(pk=self.pk).update(sign_outs=F("sign_outs") + 1)
        self.refresh_from_db(fields=["sign_outs"])


class Role(models.TextChoices):
    """Partnership-level roles. Priority leads and action owners follow from the plan itself."""

    ADMIN = "admin", "Partnership admin"
    SECRETARY = "secretary", "Board secretary"
    CONTRIBUTOR = "contributor", "Partner officer"
    VIEWER = "viewer", "Viewer"


class MembershipQuerySet(models.QuerySet):
    def current(self):
        """Roles that count: a deactivated membership is kept, for its history, but gives nothing."""
        return self.filter(ended_at__isnull=True)


class Membership(models.Model):
    """Gives a person a role in one partnership; without one they see none of its data.

    People who leave are deactivated (`ended_at` set), never deleted, so their history stays and
    a partnership admin can reactivate them.
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    ended_at = models.DateTimeField(
        "deactivated at", null=True, blank=True, help_text="When set, the role gives nothing."
    )
    history = HistoricalRecords()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["partnership", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "user"], name="one_role_per_person_per_partnership"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} of {self.partnership}"
