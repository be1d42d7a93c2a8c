"""The plan's approvals trail: the bodies a plan goes through, and each one's decision on it.

Only priorities/approvals.py moves Plan.status, from this trail. ApprovalStep names the plan by
string ("Plan") because plans.py imports the stages and messages from here.
"""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from governance.models import Meeting, User
from swp.model_fields import FreeTextField
from swp.text_limits import COMMENT


class ApprovalStage(models.TextChoices):
    """The bodies a plan goes through on its way to approval, in the order councils usually use."""

    WORKING_PARTY = "working_party", "Working party sign-off"
    SCRUTINY = "scrutiny", "Scrutiny and overview committee"
    BOARD = "board", "Partnership board"
    EXECUTIVE_DIRECTOR = "executive_director", "Executive director"
    CMT = "cmt", "Corporate management team"
    CABINET = "cabinet", "Cabinet"
    COUNCIL = "council", "Full council"
    OTHER = "other", "Other"
    # Not an approval: the annual review's decision that the plan has run its course.
    CLOSE = "close", "Close the plan (annual review)"


# The bodies whose approval can be the one that makes a plan approved (Plan.final_approval_stage).
FINAL_APPROVAL_STAGES = [
    (ApprovalStage.COUNCIL.value, ApprovalStage.COUNCIL.label),
    (ApprovalStage.CABINET.value, ApprovalStage.CABINET.label),
    (ApprovalStage.BOARD.value, ApprovalStage.BOARD.label),
]

STATUS_BY_TRAIL_ONLY = (
    "A plan's status changes only through its approvals trail. Record the approval step instead "
    "(Governance, then Plan approvals)."
)
APPROVING_BODY_FIXED = "The body that approves the plan cannot change once the plan has been approved."


class ApprovalStep(models.Model):
    """One step of the plan's approvals trail: a body's decision on the plan, on a date."""

    Stage = ApprovalStage

    class Outcome(models.TextChoices):
        APPROVED = "approved", "Approved"
        APPROVED_WITH_CHANGES = "approved_with_changes", "Approved with changes"
        DEFERRED = "deferred", "Deferred"
        REJECTED = "rejected", "Rejected"
        NOTED = "noted", "Noted"

    plan = models.ForeignKey("Plan", on_delete=models.CASCADE, related_name="approval_steps")
    order = models.PositiveSmallIntegerField()
    stage = models.CharField(max_length=20, choices=ApprovalStage.choices)
    body = models.CharField(
        max_length=200,
        blank=True,
        help_text="The body as the papers name it, such as Safer Walsall Partnership Board.",
    )
    date = models.DateField()
    outcome = models.CharField(max_length=30, choices=Outcome.choices)
    notes = FreeTextField(blank=True, max_length=COMMENT)
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="approval_steps"
    )
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "order"], name="approval_step_order_unique_in_plan"),
        ]

    def __str__(self) -> str:
        return f"{self.body or self.get_stage_display()}, {self.date:%-d %B %Y}: {self.get_outcome_display()}"

    @property
    def body_name(self) -> str:
        return self.body or self.get_stage_display()

    @property
    def is_approval(self) -> bool:
        return self.outcome in (self.Outcome.APPROVED, self.Outcome.APPROVED_WITH_CHANGES)

    def clean(self) -> None:
        if self.meeting_id and self.plan_id and self.meeting.board.partnership_id != self.plan.partnership_id:
            raise ValidationError({"meeting": "Choose a meeting of this partnership's boards."})
