"""A plan's Equality Impact Assessment, its impacts by protected characteristic, and its action plan."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from governance.models import User
from swp.model_fields import FreeTextField
from swp.text_limits import DOCUMENT, NARRATIVE

from .evidence import Consultation
from .plans import Plan


class EqualityImpactAssessment(models.Model):
    """A plan's Equality Impact Assessment (EqIA), laid out as councils' EqIA forms are."""

    class ProposalType(models.TextChoices):
        POLICY = "policy", "Policy"
        PROCEDURE = "procedure", "Procedure"
        GUIDANCE = "guidance", "Guidance"
        SERVICE = "service", "Service"
        OTHER = "other", "Other"

    class NewOrRevision(models.TextChoices):
        NEW = "new", "New"
        REVISION = "revision", "Revision"

    class JustifiableAction(models.TextChoices):
        NO_MAJOR_CHANGE = "no_major_change", "No major change required"
        ADJUSTMENTS = "adjustments", "Adjustments needed to remove barriers or to better promote equality"
        CONTINUE = "continue", "Continue despite possible adverse impact"
        STOP = "stop", "Stop and rethink the proposal"

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="equality_impact_assessment")
    reference = models.CharField("reference number", max_length=60, blank=True)
    proposal_name = models.CharField(max_length=300)
    directorate = models.CharField(max_length=200, blank=True)
    service = models.CharField(max_length=200, blank=True)
    responsible_officer = models.CharField(max_length=150, blank=True)
    planning_started_on = models.DateField("proposal planning start", null=True, blank=True)
    proposal_starts_on = models.DateField("proposal start date (due or actual)", null=True, blank=True)
    proposal_type = models.CharField(max_length=20, choices=ProposalType.choices, blank=True)
    new_or_revision = models.CharField(max_length=20, choices=NewOrRevision.choices, blank=True)
    business_case = FreeTextField(
        blank=True,
        help_text="The main purpose of the service, intended outcomes and reasons for change.",
        max_length=DOCUMENT,
    )
    who_affected = FreeTextField("who the proposal is likely to affect", blank=True, max_length=DOCUMENT)
    service_data = FreeTextField("service data on protected characteristics", blank=True, max_length=DOCUMENT)
    consultation = models.ForeignKey(
        Consultation, on_delete=models.SET_NULL, null=True, blank=True, related_name="equality_assessments"
    )
    engagement = FreeTextField("engagement and consultation carried out", blank=True, max_length=DOCUMENT)
    evidence_overview = FreeTextField(
        "overview of evidence, engagement and consultation", blank=True, max_length=DOCUMENT
    )
    cumulative_effect = FreeTextField(
        "links with other proposals",
        blank=True,
        help_text="Proposals that may have a cumulative effect.",
        max_length=DOCUMENT,
    )
    justifiable_action = models.CharField(max_length=20, choices=JustifiableAction.choices, blank=True)
    justifiable_action_detail = FreeTextField(blank=True, max_length=DOCUMENT)
    signed_off_by = models.CharField(max_length=150, blank=True)
    signed_off_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Equality Impact Assessment"

    def __str__(self) -> str:
        return f"Equality Impact Assessment: {self.proposal_name}"

    def clean(self) -> None:
        if self.consultation_id and self.plan_id:
            if self.consultation.partnership_id != self.plan.partnership_id:
                raise ValidationError({"consultation": "Choose a consultation of this partnership."})


class EqiaImpact(models.Model):
    """The expected effect of the proposal on people with one protected characteristic."""

    class Characteristic(models.TextChoices):
        AGE = "age", "Age"
        DISABILITY = "disability", "Disability"
        GENDER_REASSIGNMENT = "gender_reassignment", "Gender reassignment"
        MARRIAGE = "marriage_civil_partnership", "Marriage and civil partnership"
        PREGNANCY = "pregnancy_maternity", "Pregnancy and maternity"
        RACE = "race", "Race"
        RELIGION = "religion_belief", "Religion or belief"
        SEX = "sex", "Sex"
        SEXUAL_ORIENTATION = "sexual_orientation", "Sexual orientation"
        OTHER = "other", "Other"

    class Effect(models.TextChoices):
        POSITIVE = "positive", "Positive"
        NEGATIVE = "negative", "Negative"
        NEUTRAL = "neutral", "Neutral"
        UNKNOWN = "unknown", "Not known"

    eqia = models.ForeignKey(EqualityImpactAssessment, on_delete=models.CASCADE, related_name="impacts")
    characteristic = models.CharField(max_length=30, choices=Characteristic.choices)
    detail = models.CharField(max_length=200, blank=True, help_text="For Other: which group.")
    effect = models.CharField(max_length=10, choices=Effect.choices)
    reasons = FreeTextField(blank=True, max_length=NARRATIVE)
    action_needed = models.BooleanField(null=True, blank=True, help_text="Leave unset if not stated.")
    main_focus = models.BooleanField(
        "a main characteristic affected",
        default=False,
        help_text="The assessment names it as one of the main ones.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["eqia", "id"]
        verbose_name = "EqIA impact"
        constraints = [
            models.UniqueConstraint(
                fields=["eqia", "characteristic"],
                condition=~Q(characteristic="other"),
                name="one_impact_per_characteristic",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_characteristic_display()}: {self.get_effect_display()}"

    @property
    def sort_key(self) -> int:
        return list(self.Characteristic.values).index(self.characteristic)


class EqiaActionItem(models.Model):
    """A row of the EqIA's action and monitoring plan.

    Dates are kept as written ("Autumn", "6 months") and, where exact, as dates too.
    """

    eqia = models.ForeignKey(EqualityImpactAssessment, on_delete=models.CASCADE, related_name="action_items")
    order = models.PositiveSmallIntegerField()
    action_date_text = models.CharField(
        "action date as written", max_length=60, blank=True, help_text="For example, Autumn or 6 months."
    )
    action_date = models.DateField(null=True, blank=True)
    action = FreeTextField(max_length=NARRATIVE)
    responsibility = models.CharField(max_length=200)
    outcome_date_text = models.CharField("outcome date as written", max_length=60, blank=True)
    outcome_date = models.DateField(null=True, blank=True)
    outcome = FreeTextField(blank=True, max_length=NARRATIVE)
    done = models.BooleanField(default=False)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["eqia", "order"]
        verbose_name = "EqIA action"
        constraints = [
            models.UniqueConstraint(fields=["eqia", "order"], name="eqia_action_order_unique"),
            models.CheckConstraint(
                condition=Q(done=False, done_at__isnull=True) | Q(done=True, done_at__isnull=False),
                name="eqia_action_done_has_a_time",
                violation_error_message="An action marked done needs the time it was done, and only then.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action}: {self.outcome}" if self.outcome else self.action

    @property
    def when(self) -> str:
        return self.action_date_text or (f"{self.action_date:%-d %B %Y}" if self.action_date else "")

    @property
    def outcome_when(self) -> str:
        return self.outcome_date_text or (f"{self.outcome_date:%-d %B %Y}" if self.outcome_date else "")
