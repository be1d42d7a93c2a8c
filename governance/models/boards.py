"""The partnership board and its groups, their members, and their meetings with what was decided."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from swp.hierarchy import parent_chain_loops
from swp.model_fields import FreeTextField
from swp.text_limits import DOCUMENT, NARRATIVE

from .partnership import Organisation, Partnership, User


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
    # As the plan abbreviates it ("VRG"), so a plan workbook can name it that way and get it back.
    short_name = models.CharField(max_length=40, blank=True)
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
    terms_of_reference = FreeTextField(blank=True, max_length=DOCUMENT)
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
        if self.parent_id and self.pk and parent_chain_loops(self):
            raise ValidationError({"parent": "A board cannot report to one of its own groups."})


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
    notes = FreeTextField(blank=True, max_length=DOCUMENT)
    minutes = FreeTextField(blank=True, max_length=DOCUMENT)
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
    paper = FreeTextField(
        "paper or notes",
        blank=True,
        help_text="The report or paper taken, or notes on the item.",
        max_length=DOCUMENT,
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
    text = FreeTextField("what was decided", max_length=NARRATIVE)
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
