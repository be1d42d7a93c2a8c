"""The first step of signing in when partner organisations sign in with their own accounts."""

from django import forms

from swp.forms import GovUKForm


class WorkEmailForm(GovUKForm):
    """Email first: it decides whether the person signs in at their organisation or with a password."""

    page_title = "Sign in"
    submit_label = "Continue"

    email = forms.EmailField(
        label="Work email",
        max_length=254,
        error_messages={
            "required": "Enter your work email",
            "invalid": "Enter your work email in the right format, like name@example.org",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )
