"""Forms for the plan's governance records, in the GOV.UK voice. They validate; approvals.py writes."""

import datetime

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.html import format_html

from governance.models import Board, Meeting
from swp.forms import FreeTextField, GovUKDateField, GovUKForm, character_count
from swp.text_limits import COMMENT

from . import approvals
from .models import ApprovalStage, ApprovalStep, Plan


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting: Meeting) -> str:
        return f"{meeting.board.name}, {meeting.date:%-d %B %Y}"


class ApprovalStepForm(GovUKForm):
    page_title = "Record an approval step"
    submit_label = "Save step"

    stage = forms.ChoiceField(
        label="Which body made the decision?",
        choices=ApprovalStage.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the body that made the decision"},
    )
    body = forms.CharField(
        label="Name of the body (optional)",
        max_length=200,
        required=False,
        error_messages={"max_length": "Enter a name of 200 characters or fewer"},
    )
    date = GovUKDateField(
        what="the date of the decision", label="Date of the decision", help_text="For example, 23 10 2019"
    )
    outcome = forms.ChoiceField(
        label="What was the outcome?",
        choices=ApprovalStep.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome"},
    )
    meeting = MeetingChoiceField(
        label="Meeting (optional)",
        queryset=Meeting.objects.none(),
        required=False,
        empty_label="Not at a recorded meeting",
        help_text="The meeting where the decision was made, if it is recorded here.",
        error_messages={"invalid_choice": "Choose a meeting of this partnership's boards"},
    )
    notes = FreeTextField(
        label="Notes (optional)",
        help_text="What was decided, in the body's own words, and any conditions.",
        max_length=COMMENT,
        required=False,
    )

    def __init__(self, *args, plan: Plan, steps: list[ApprovalStep], today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan, self.steps, self.today = plan, steps, today
        self.fields["stage"].error_messages["invalid_choice"] = "Select the body that made the decision"
        self.fields["outcome"].error_messages["invalid_choice"] = "Select the outcome"
        board = (
            Board.objects.filter(partnership_id=plan.partnership_id, kind=Board.Kind.PARTNERSHIP_BOARD)
            .order_by("order", "name")
            .values_list("name", flat=True)
            .first()
        )
        example = board or "the partnership board"
        # crispy-forms-gds draws help text as markup, and a board's name is typed text.
        self.fields["body"].help_text = format_html(
            "As the papers name it, for example {}. Needed for Other.", example
        )
        self.fields["meeting"].queryset = (
            Meeting.objects.filter(board__partnership_id=plan.partnership_id)
            .select_related("board")
            .order_by("-date", "board__order")
        )
        self.helper.layout = Layout(
            Field.radios("stage", legend_size=Size.SMALL),
            Field.text("body", field_width="two-thirds"),
            Field("date"),
            Field.radios("outcome", legend_size=Size.SMALL),
            Field.select("meeting"),
            character_count("notes", self),
        )

    def clean(self):
        data = super().clean()
        if {"stage", "date", "outcome"} <= data.keys():
            problems = approvals.step_problems(
                plan=self.plan,
                steps=self.steps,
                stage=data["stage"],
                body=data.get("body", ""),
                date=data["date"],
                outcome=data["outcome"],
                meeting=data.get("meeting"),
                today=self.today,
            )
            for field, message in problems.items():
                if field and field in self.errors:
                    continue
                self.add_error(field or None, message)
        return data

    def step(self) -> dict:
        """The service's keyword arguments, from the cleaned form."""
        data = self.cleaned_data
        return {name: data[name] for name in ("stage", "body", "date", "outcome", "meeting", "notes")}
