"""The evidence a plan rests on: the strategic assessment and its figures, and consultations.

Consultation and its findings point at the plan and its priorities by name ("Plan", "Priority"),
since those modules import this one for the assessment and its figures.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from governance.models import Partnership
from swp.model_fields import FreeTextField
from swp.text_limits import COMMENT, DOCUMENT, NARRATIVE


class StrategicAssessment(models.Model):
    """The annual assessment of crime and disorder data that the plan is built on."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="strategic_assessments"
    )
    title = models.CharField(max_length=200)
    completed_on = models.DateField(
        null=True, blank=True, help_text="When the assessment was carried out. Blank: the plan does not say."
    )
    summary = FreeTextField(blank=True, max_length=DOCUMENT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-completed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "title"], name="assessment_title_unique_in_partnership"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class BaselineStatistic(models.Model):
    """A figure the plan relies on, with the period it covers and where it came from."""

    assessment = models.ForeignKey(StrategicAssessment, on_delete=models.CASCADE, related_name="statistics")
    order = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(
        max_length=300, help_text="For example, recorded crimes of public place violence."
    )
    value = models.DecimalField(max_digits=14, decimal_places=2)
    # Blank when the plan does not state it (issue 15): kept as the plan gives it, nothing invented.
    unit = models.CharField(max_length=60, blank=True, help_text="For example, offences, people or %.")
    period = models.CharField(max_length=60, blank=True, help_text="For example, 2018/19.")
    source = models.CharField(max_length=300, blank=True)
    note = FreeTextField(
        blank=True, help_text="Caveats, such as a different figure stated elsewhere.", max_length=COMMENT
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "order", "id"]

    def __str__(self) -> str:
        return f"{self.label}: {self.value.normalize():f} {self.unit} ({self.period})"


class Consultation(models.Model):
    """A consultation the partnership held, such as a residents' survey, whose findings shape a plan."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="consultations")
    plan = models.ForeignKey(
        "Plan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultations",
        help_text="The plan it informed.",
    )
    title = models.CharField(max_length=200)
    held_from = models.DateField()
    held_to = models.DateField()
    method = FreeTextField(
        blank=True, help_text="How people were asked: online, on paper, in groups.", max_length=NARRATIVE
    )
    participants = FreeTextField("who took part", blank=True, max_length=NARRATIVE)
    respondents = models.PositiveIntegerField(
        "number of respondents", null=True, blank=True, help_text="Leave blank if it was not recorded."
    )
    summary = FreeTextField(blank=True, max_length=DOCUMENT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "-held_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "title"], name="consultation_title_unique_in_partnership"
            ),
            models.CheckConstraint(
                condition=Q(held_to__gte=F("held_from")),
                name="consultation_ends_on_or_after_it_starts",
                violation_error_message="The consultation must end on or after the day it starts.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.plan_id and self.partnership_id and self.plan.partnership_id != self.partnership_id:
            raise ValidationError({"plan": "Choose a plan of this partnership."})


class ConsultationFinding(models.Model):
    """Something people said ("you told us"), with where it came from and the priorities it shaped.

    Actions say which findings they answer (actions.models.Action.answers), for "you told us, we did".
    """

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="findings")
    order = models.PositiveSmallIntegerField()
    text = FreeTextField("you told us", max_length=NARRATIVE)
    source = models.CharField(
        max_length=300, blank=True, help_text="Where it was said or written, such as the residents' survey."
    )
    heard_on = models.DateField(
        "date", null=True, blank=True, help_text="Leave blank if only the consultation's dates are known."
    )
    priorities = models.ManyToManyField(
        "Priority", blank=True, related_name="consultation_findings", help_text="The priorities it shaped."
    )
    history = HistoricalRecords(m2m_fields=[priorities])

    class Meta:
        ordering = ["consultation", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "order"], name="finding_order_unique_in_consultation"
            )
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else f"{self.text[:79]}…"
