"""Forms for measure readings and running the quarters, in the GOV.UK voice. They validate; services write."""

from decimal import Decimal

from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.utils.html import escape
from django.utils.safestring import SafeString

from swp.forms import FreeTextField, GovUKDateField, GovUKForm, VersionField, character_count
from swp.text_limits import COMMENT, NARRATIVE

from .measure_periods import reading_hint
from .models import Measure, ReportingPeriod


def reading_hint_text(measure: Measure, period: ReportingPeriod) -> SafeString:
    """The hint beside the value's box: the period the value must cover, what kind of number it is,
    and the baseline with its own period and unit, so a quarter's count is not entered against a
    year's baseline by mistake."""
    parts = [
        reading_hint(
            measure.value_covers, start=period.start, end=period.end, plan_start=period.plan.period_start
        ),
        f"{measure.get_unit_type_display()}.",
    ]
    if measure.baseline_value is not None:
        value = f"{measure.baseline_value.normalize():,f} {measure.unit}".strip()
        when = f" for {measure.baseline_period}" if measure.baseline_period else ", period not stated"
        parts.append(f"The baseline is {value}{when}.")
    # Escaped here: crispy-forms-gds draws help text as markup, and a unit or period is typed text.
    return escape(" ".join(parts))


class ReadingForm(GovUKForm):
    page_title = "Enter a reading"
    submit_label = "Save reading"
    value = forms.DecimalField(
        label="Value this quarter",
        required=False,
        max_digits=14,
        decimal_places=2,
        localize=False,
        error_messages={
            "invalid": "Enter the value as a number, like 42 or 12.5",
            "max_decimal_places": "Enter the value with no more than 2 decimal places",
            "max_digits": "Enter a smaller number",
        },
    )
    narrative = FreeTextField(label="Commentary", max_length=NARRATIVE, required=False)
    version = VersionField()

    def __init__(self, *args, measure: Measure, period: ReportingPeriod, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure = measure
        if measure.is_numeric:
            unit = f" ({measure.unit})" if measure.unit else ""
            self.fields["value"].label = f"Value this quarter{unit}"
            self.fields["value"].help_text = reading_hint_text(measure, period)
            self.fields["value"].widget.attrs.update(inputmode="decimal", spellcheck="false")
            self.fields["narrative"].help_text = "Optional: what lies behind the figure."
            self.helper.layout = Layout(
                Field.text("value", field_width=10), character_count("narrative", self), "version"
            )
        else:
            del self.fields["value"]
            self.fields["narrative"].label = "Progress towards this outcome this quarter"
            self.helper.layout = Layout(character_count("narrative", self), "version")

    def clean(self):
        data = super().clean()
        if self.measure.is_numeric:
            value: Decimal | None = data.get("value")
            if value is None and "value" not in self.errors:
                self.add_error("value", "Enter the value for this quarter")
            elif value is not None:
                problem = self.measure.value_problem(value)
                if problem:
                    self.add_error("value", problem)
        elif not data.get("narrative", "").strip() and "narrative" not in self.errors:
            self.add_error("narrative", "Describe the progress towards this outcome this quarter")
        return data


class _PeriodForm(GovUKForm):
    operation = ""

    def __init__(self, *args, period: ReportingPeriod, **kwargs):
        super().__init__(*args, prefix=self.operation, **kwargs)
        self.period = period
        self.helper.inputs = []
        fields = (
            character_count(name, self) if isinstance(field, FreeTextField) else name
            for name, field in self.fields.items()
        )
        self.helper.layout = Layout(*fields, self.button())
        self.helper.form_id = f"{self.operation}-form"

    def button(self):
        # Each operation is its own <form>; the button's name says which one was posted.
        return Button(self.operation, self.submit_label)


class OpenPeriodForm(_PeriodForm):
    operation = "open"
    submit_label = "Open for updates"
    update_deadline = GovUKDateField(what="the deadline for updates", label="Deadline for updates")

    def clean_update_deadline(self):
        deadline = self.cleaned_data["update_deadline"]
        if deadline < self.period.start:
            raise forms.ValidationError(
                f"The deadline must be on or after the quarter starts, {self.period.start:%-d %B %Y}"
            )
        return deadline


class DeadlineForm(OpenPeriodForm):
    operation = "deadline"
    submit_label = "Change the deadline"


class LockPeriodForm(_PeriodForm):
    operation = "lock"
    submit_label = "Lock this quarter"
    confirm = forms.BooleanField(
        label="I understand that updates and readings for this quarter cannot be changed once it is locked",
        error_messages={"required": "Confirm that you understand updates can no longer be changed"},
    )

    def button(self):
        return Button.warning(self.operation, self.submit_label)


class ReopenPeriodForm(_PeriodForm):
    operation = "reopen"
    submit_label = "Reopen this quarter"
    reason = FreeTextField(
        label="Why are you reopening it?",
        help_text="This is recorded in the quarter's history.",
        max_length=COMMENT,
        error_messages={"required": "Enter why you are reopening this quarter"},
    )
