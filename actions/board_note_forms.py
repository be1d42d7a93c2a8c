"""Forms for the notes written for the board: a lead's commentary and the secretary's asks."""

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms

from swp.forms import GovUKForm, VersionField

from .forms import SAVE_DRAFT, SUBMIT, ReviewForm
from .models import BoardNote

MAX_LENGTH = 3000
# What each kind of note asks for, in the form's words: (label, hint, what to enter when it is empty).
WORDING = {
    BoardNote.Kind.COMMENTARY: (
        "Your commentary for the board",
        "A few sentences on where the priority stands this quarter: what went well, what is off track "
        "and why, and what you need from partners. It is printed at the top of the priority's section.",
        "Enter your commentary",
    ),
    BoardNote.Kind.ASKS: (
        "What is the board asked to decide or note?",
        "The decisions and escalations for the board this quarter, one to a paragraph. They are printed "
        "on the pack's first page and in its decisions section.",
        "Enter what the board is asked to decide or note",
    ),
}


class NoteForm(GovUKForm):
    page_title = "Note for the board"
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=MAX_LENGTH,
        error_messages={"max_length": f"Keep it to {MAX_LENGTH:,} characters or fewer"},
    )
    version = VersionField()

    def __init__(self, *args, kind: str, submitting: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        label, hint, self.empty_message = WORDING[kind]
        self.fields["text"].label = label
        self.fields["text"].help_text = hint
        self.helper.inputs = []
        self.helper.layout = Layout(
            Field.textarea("text", label_size=Size.MEDIUM),
            Field("version"),
            Button(SUBMIT, "Submit for review"),
            Button.secondary(SAVE_DRAFT, "Save as draft"),
        )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if self.submitting and not text:
            raise forms.ValidationError(self.empty_message)
        return text


class NoteReviewForm(ReviewForm):
    """The reviewer's decision on a submitted note: the update review's form, in a note's words."""

    page_title = "Review this note"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        decision = self.fields["decision"]
        decision.label = "What do you want to do with this note?"
        decision.choices = [
            Choice(self.ACCEPT, "Accept it", hint="It goes into the board pack as it stands."),
            Choice(self.RETURN, "Return it to its writer", hint="They see your comment and can change it."),
        ]
        decision.error_messages["required"] = "Select whether to accept or return the note"
        self.fields["comment"].label = "Comment for its writer"
        self.fields["comment"].help_text = "Needed when you return a note: say what needs to change."
