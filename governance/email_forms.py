"""Which optional emails a person gets (/accounts/emails/)."""

from crispy_forms_gds.layout import Field, Layout
from django import forms

from swp.forms import GovUKForm

from .models import EmailPreferences
from .outbox import OPTIONAL


class EmailPreferencesForm(GovUKForm):
    page_title = "Emails you get"
    submit_label = "Save your choices"
    wanted = forms.MultipleChoiceField(
        label="Which of these emails do you want?",
        help_text="Select all that apply. Untick an email to stop it.",
        choices=[(name, EmailPreferences._meta.get_field(name).verbose_name) for name in OPTIONAL],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Choose from the emails listed"},
    )

    def __init__(self, *args, preferences: EmailPreferences, **kwargs):
        initial = {"wanted": [name for name in OPTIONAL if getattr(preferences, name)]}
        super().__init__(*args, initial=initial, **kwargs)
        self.preferences = preferences
        self.helper.layout = Layout(Field.checkboxes("wanted", legend_size="m"))

    def save(self) -> EmailPreferences:
        for name in OPTIONAL:
            setattr(self.preferences, name, name in self.cleaned_data["wanted"])
        self.preferences.save()
        return self.preferences
