"""Forms for the quarterly update cycle, in the GOV.UK voice. They validate; services write."""

import dataclasses

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms
from django.urls import reverse

from swp.forms import FreeTextField, GovUKDateField, GovUKForm, GovUKModelForm, VersionField, character_count
from swp.text_limits import COMMENT, NARRATIVE

from .models import Action, ActionUpdate, Rag, UpdateComment
from .services import UpdateInput
from .update_rules import UpdateRule, broken_rules

SUBMIT = "submit"
SAVE_DRAFT = "save_draft"
# The update rules in the form's words; the update sheet words them for its cells.
_RULE_MESSAGES = {
    UpdateRule.RATING_TO_SUBMIT: "Select how the action is doing",
    UpdateRule.PROGRESS_TO_SUBMIT: "Enter the progress this quarter",
    UpdateRule.RECOVERY_PLAN_WHEN_OFF_TRACK: "Say what is being done, as you rated it {rag}",
    UpdateRule.DEADLINE_NOT_BEFORE_START: "The new deadline must be on or after the action's start date",
    UpdateRule.DEADLINE_CHANGES: "The new deadline must be different from the current deadline",
    UpdateRule.REASON_FOR_DEADLINE: "Give a reason for the new deadline",
}


def rag_choices(plan) -> list[Choice]:
    """Each colour with what it means in this plan, so nobody has to guess (the plan sets tolerances)."""
    return [
        Choice(Rag.RED, "Red", hint=plan.rag_red_definition),
        Choice(Rag.AMBER, "Amber", hint=plan.rag_amber_definition),
        Choice(Rag.GREEN, "Green", hint=plan.rag_green_definition),
    ]


class UpdateForm(GovUKForm):
    """A quarter's update on one action. Only these fields can change: anything else posted is ignored."""

    page_title = "Update"
    rag = forms.ChoiceField(
        label="How is this action doing?",
        widget=forms.RadioSelect,
        required=False,
    )
    progress = FreeTextField(
        label="Progress this quarter",
        help_text="What has been done since the last update, in plain English.",
        max_length=NARRATIVE,
        required=False,
    )
    recovery_plan = FreeTextField(
        label="What is being done to bring it back on track",
        help_text="Needed if you rate the action red or amber.",
        max_length=NARRATIVE,
        required=False,
    )
    outcomes = FreeTextField(
        label="Actual outcomes",
        help_text="What difference it has made so far, for example, 3 events held with 120 residents.",
        max_length=NARRATIVE,
        required=False,
    )
    marks_complete = forms.BooleanField(label="This action is complete", required=False)
    proposed_deadline = GovUKDateField(
        what="the new deadline",
        label="Propose a new deadline (optional)",
        help_text="For example, 31 3 2021. The secretary's acceptance changes the deadline.",
        required=False,
        require_all_fields=False,
    )
    deadline_change_reason = FreeTextField(
        label="Why the deadline should change", max_length=COMMENT, required=False
    )
    version = VersionField()

    def __init__(self, *args, action: Action, submitting: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.submitting = submitting
        self.fields["rag"].choices = rag_choices(action.plan)
        self.fields["rag"].error_messages["invalid_choice"] = "Select red, amber or green"
        self.helper.inputs = []
        self.helper.layout = Layout(
            Field.radios("rag", legend_size=Size.MEDIUM, legend_tag="h2"),
            character_count("progress", self),
            character_count("recovery_plan", self),
            character_count("outcomes", self),
            Field.checkbox("marks_complete"),
            Field("proposed_deadline"),
            character_count("deadline_change_reason", self),
            Field("version"),
            Button(SUBMIT, "Submit for review"),
            Button.secondary(SAVE_DRAFT, "Save as draft"),
        )

    def clean(self):
        data = super().clean()
        update = UpdateInput(
            rag=data.get("rag") or "",
            progress=data.get("progress", ""),
            recovery_plan=data.get("recovery_plan", ""),
            proposed_deadline=data.get("proposed_deadline"),
            deadline_change_reason=data.get("deadline_change_reason", ""),
        )
        for field, rule in broken_rules(self.action, update, submitting=self.submitting).items():
            self.add_error(field, _RULE_MESSAGES[rule].format(rag=update.rag))
        return data

    def to_input(self) -> UpdateInput:
        data = self.cleaned_data
        return UpdateInput(
            rag=data["rag"] or "",
            progress=data["progress"].strip(),
            recovery_plan=data["recovery_plan"].strip(),
            outcomes=data["outcomes"].strip(),
            marks_complete=data["marks_complete"],
            proposed_deadline=data["proposed_deadline"],
            deadline_change_reason=data["deadline_change_reason"].strip(),
        )

    @classmethod
    def initial_from(cls, update: ActionUpdate | None) -> dict:
        if update is None:
            return {"version": 0}
        names = [field.name for field in dataclasses.fields(UpdateInput)] + ["version"]
        return {name: getattr(update, name) for name in names}


class CommentForm(GovUKModelForm):
    """Adds to an update's thread. It posts to its own URL and says which page to come back to."""

    page_title = "Add a comment"
    submit_label = "Add comment"
    body = FreeTextField(
        label="Add a comment", max_length=COMMENT, error_messages={"required": "Enter a comment"}
    )
    next = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = UpdateComment
        fields = ["body"]

    def __init__(self, *args, update: ActionUpdate, author=None, back_to: str = "", **kwargs):
        """`author`, the person posting, is needed only to save the comment."""
        instance = UpdateComment(update=update, author=author)
        super().__init__(*args, instance=instance, initial={"next": back_to}, **kwargs)
        self.helper.form_action = reverse("actions:add_comment", args=[update.pk])
        self.helper.inputs = []
        self.helper.layout = Layout(
            character_count("body", self), "next", Button.secondary("add", self.submit_label)
        )


class ReviewForm(GovUKForm):
    """The secretary's decision on a submitted update."""

    ACCEPT = "accept"
    RETURN = "return"

    page_title = "Review this update"
    submit_label = "Save decision"
    decision = forms.ChoiceField(
        label="What do you want to do with this update?",
        widget=forms.RadioSelect,
        choices=[
            Choice(ACCEPT, "Accept it", hint="It goes into the board pack as it stands."),
            Choice(
                RETURN, "Return it to the owner", hint="They see your comment and can change and resubmit it."
            ),
        ],
        error_messages={"required": "Select whether to accept or return the update"},
    )
    comment = FreeTextField(
        label="Comment for the owner",
        help_text="Needed when you return an update: say what needs to change.",
        max_length=COMMENT,
        required=False,
    )
    version = VersionField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.radios("decision", legend_size=Size.MEDIUM, legend_tag="h2"),
            character_count("comment", self),
            Field("version"),
        )

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.RETURN and not data.get("comment", "").strip():
            self.add_error("comment", "Enter a comment saying what needs to change")
        return data
