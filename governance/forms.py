from django import forms
from django.contrib.auth.forms import AuthenticationForm

from swp.forms import GovUKFormMixin


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
