from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.contrib.auth.forms import AuthenticationForm

from swp.forms import GovUKForm, GovUKFormMixin

from .models import Partnership


class SignInForm(GovUKFormMixin, AuthenticationForm):
    """Sign in with a work email and password. The user model's USERNAME_FIELD is the email."""

    page_title = "Sign in"
    submit_label = "Sign in"

    # Type "email" brings up the email keyboard on phones; "username" lets password
    # managers pair it with the password. No autofocus: it moves screen reader users
    # past the page heading (GOV.UK guidance).
    username = forms.CharField(
        label="Work email",
        max_length=254,
        error_messages={"required": "Enter your work email"},
        widget=forms.EmailInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        error_messages={"required": "Enter your password"},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    # Deliberately the same message whether or not the email has an account.
    error_messages = {
        "invalid_login": (
            "Enter the work email and password for your account. The password is case-sensitive."
        ),
        "inactive": "Your account has been switched off. Ask your partnership admin to switch it back on.",
    }


class ChoosePartnershipForm(GovUKForm):
    """For people with a role in more than one partnership: which one they are working in now."""

    page_title = "Choose a partnership"
    submit_label = "Continue"

    partnership = forms.ModelChoiceField(
        queryset=Partnership.objects.none(),
        label="Which partnership are you working in?",
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Select the partnership you are working in",
            "invalid_choice": "Select a partnership you have a role in",
        },
    )

    def __init__(self, *args, partnerships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = partnerships
        # One question on the page, so its legend is the page heading (GOV.UK pattern).
        self.helper.layout = Layout(Field.radios("partnership", legend_size=Size.LARGE, legend_tag="h1"))
