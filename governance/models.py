"""The partnership, its partner organisations, people, roles, boards and meetings."""

import datetime
import uuid

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from simple_history.models import HistoricalRecords

# Django's four model permissions plus django-import-export's two, for the models the admin can
# import and export (IMPORT_EXPORT_IMPORT/EXPORT_PERMISSION_CODE in settings).
IMPORT_EXPORT_PERMISSIONS = ("add", "change", "delete", "view", "import", "export")


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


class Role(models.TextChoices):
    """Partnership-level roles. Priority leads and action owners follow from the plan itself."""

    ADMIN = "admin", "Partnership admin"
    SECRETARY = "secretary", "Board secretary"
    CONTRIBUTOR = "contributor", "Partner officer"
    VIEWER = "viewer", "Viewer"


class Membership(models.Model):
    """Gives a person a role in one partnership; without one they see none of its data."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "user"], name="one_role_per_person_per_partnership"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} of {self.partnership}"


class Board(models.Model):
    """The Partnership Board, and the thematic groups that report to it."""

    class Kind(models.TextChoices):
        PARTNERSHIP_BOARD = "board", "Partnership board"
        THEMATIC_GROUP = "thematic", "Thematic group"
        WORKING_PARTY = "working_party", "Working party"
        # Not part of the partnership: the council's cabinet, full council and scrutiny committees,
        # which the plan goes to for approval. Recorded so their meetings and decisions can be too.
        COUNCIL_BODY = "council_body", "Council cabinet or committee"

    PARTNERSHIP_KINDS = (Kind.PARTNERSHIP_BOARD, Kind.THEMATIC_GROUP, Kind.WORKING_PARTY)

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="boards")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PARTNERSHIP_BOARD)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="groups",
        help_text="The board this group reports to.",
    )
    meeting_frequency = models.CharField(max_length=100, blank=True, help_text="For example, quarterly.")
    terms_of_reference = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="board_name_unique_in_partnership"),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")),
                name="board_not_its_own_parent",
                violation_error_message="A board cannot report to itself.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.parent_id and self.partnership_id and self.parent.partnership_id != self.partnership_id:
            raise ValidationError({"parent": "Choose a board of this partnership."})
        if self.parent_id and self.pk:
            # Walk up from the parent: meeting this board again would make a loop.
            seen, board = {self.pk}, self.parent
            while board is not None:
                if board.pk in seen:
                    raise ValidationError({"parent": "A board cannot report to one of its own groups."})
                seen.add(board.pk)
                board = board.parent


class BoardMember(models.Model):
    """A seat on a board. Members need not have an account (a councillor who chairs, say)."""

    class Position(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice chair"
        MEMBER = "member", "Member"
        ADVISER = "adviser", "Adviser"
        SECRETARY = "secretary", "Secretary"

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(max_length=150)
    title = models.CharField(max_length=200, blank=True, help_text="For example, Walsall Borough Commander.")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True, blank=True)
    user = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True)
    position = models.CharField(max_length=20, choices=Position.choices, default=Position.MEMBER)
    history = HistoricalRecords()

    class Meta:
        ordering = ["board", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_position_display()}, {self.board})"

    def clean(self) -> None:
        if self.organisation_id and self.board_id:
            if self.organisation.partnership_id != self.board.partnership_id:
                raise ValidationError({"organisation": "Choose one of this partnership's organisations."})


class Meeting(models.Model):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    title = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    minutes = models.TextField(blank=True)
    minutes_approved_on = models.DateField(
        null=True, blank=True, help_text="When the board agreed these minutes as a true record."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["board", "date"], name="one_meeting_per_board_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.board} – {self.date:%-d %B %Y}"

    def clean(self) -> None:
        if self.minutes_approved_on and self.date and self.minutes_approved_on < self.date:
            raise ValidationError(
                {"minutes_approved_on": "The minutes can only be agreed on or after the meeting."}
            )


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    presenter = models.CharField(max_length=200, blank=True, help_text="Who introduces the item.")
    paper = models.TextField(
        "paper or notes", blank=True, help_text="The report or paper taken, or notes on the item."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "order"], name="agenda_item_order_unique_in_meeting")
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class Attendance(models.Model):
    """Who was at a meeting, who sent apologies and who was absent. People need not have an account."""

    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"

    class Capacity(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice chair"
        MEMBER = "member", "Member"
        ADVISER = "adviser", "Adviser"
        SECRETARY = "secretary", "Secretary"
        IN_ATTENDANCE = "in_attendance", "In attendance (not a member)"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    name = models.CharField(max_length=150)
    user = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True, blank=True)
    position = models.CharField(max_length=20, choices=Capacity.choices, default=Capacity.MEMBER)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PRESENT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "status", "id"]
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "name"],
                name="one_attendance_per_person_per_meeting",
                violation_error_message="This person is already on the meeting's attendance list.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    def clean(self) -> None:
        if self.organisation_id and self.meeting_id:
            if self.organisation.partnership_id != self.meeting.board.partnership_id:
                raise ValidationError({"organisation": "Choose one of this partnership's organisations."})


class Decision(models.Model):
    """What a meeting decided or resolved, or an action it gave someone: the decisions log."""

    class Kind(models.TextChoices):
        DECISION = "decision", "Decision"
        RESOLUTION = "resolution", "Resolution"
        ACTION = "action", "Action"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    order = models.PositiveSmallIntegerField(default=0)
    reference = models.CharField(
        max_length=40, blank=True, help_text="The minute or decision number, for example SWP 19/07/3."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.DECISION)
    text = models.TextField("what was decided")
    owner = models.CharField(max_length=200, blank=True, help_text="Who will carry out an action.")
    due_on = models.DateField("due by", null=True, blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "reference"],
                condition=~Q(reference=""),
                name="decision_reference_unique_in_meeting",
                violation_error_message="Another decision of this meeting has this reference.",
            ),
        ]

    def __str__(self) -> str:
        return self.reference or f"{self.get_kind_display()} {self.order}"

    def clean(self) -> None:
        errors = {}
        if self.agenda_item_id and self.meeting_id and self.agenda_item.meeting_id != self.meeting_id:
            errors["agenda_item"] = "Choose an item on this meeting's agenda."
        if self.due_on and self.meeting_id and self.due_on < self.meeting.date:
            errors["due_on"] = "The due date must be on or after the meeting."
        if errors:
            raise ValidationError(errors)


class PendingImportQuerySet(models.QuerySet):
    def for_user(self, *, user, partnership, kind: str) -> "PendingImportQuerySet":
        """Only the uploader's own, unapplied uploads of this kind in this partnership."""
        return self.filter(created_by=user, partnership=partnership, kind=kind, applied_at__isnull=True)

    def discard_stale(self, *, older_than: datetime.timedelta = datetime.timedelta(days=1)) -> int:
        """Delete uploads nobody confirmed within a day, and applied ones: they are not needed again."""
        cutoff = timezone.now() - older_than
        deleted, _ = self.filter(Q(created_at__lt=cutoff) | Q(applied_at__isnull=False)).delete()
        return deleted


class PendingImport(models.Model):
    """A spreadsheet uploaded for a preview, kept until its uploader confirms it or walks away.

    Confirming re-reads these stored bytes, never a file name or path sent back by the browser, and
    only the person who uploaded it, in the same partnership, can confirm it (INT-06): views load it
    with `PendingImport.objects.for_user(...)`. Old ones are discarded (see `discard_stale`).
    """

    class Kind(models.TextChoices):
        UPDATE_SHEET = "update_sheet", "Quarterly update sheet"
        PLAN_WORKBOOK = "plan_workbook", "Whole-plan workbook"

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel workbook (.xlsx)"

    # Random, so one person cannot guess another's pending upload.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    original_name = models.CharField(max_length=200)
    file_format = models.CharField(max_length=4, choices=Format.choices)
    # The upload itself: already size-checked (swp/upload_checks.py), so a few megabytes at most.
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    # What it was uploaded for, e.g. {"plan": 3, "period": 7}: the confirm step must match it.
    context = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    objects = PendingImportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["created_by", "kind", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"
