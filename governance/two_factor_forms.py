"""The two-factor forms: a 6-digit code from an authenticator app, or a one-time recovery code.

Each checks the code against one device with django_otp.verify_token, which locks the device's row
while it checks, refuses a code already used (TOTP) or spent (recovery), and throttles: after n
wrong codes in a row the next try must wait 2^(n-1) seconds. `outcome` says what happened, for the
security log: "verified", "wrong" or "throttled". Codes themselves are never kept or logged.
"""

import math
import re

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils import timezone
from django_otp import verify_token

from swp.forms import GovUKForm

NOT_DIGITS_OR_LETTERS = re.compile(r"[\s-]+")


def wait_message(device) -> str | None:
    """A plain message when the device is throttled after wrong codes, else None."""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    locked_until = (details or {}).get("locked_until")
    seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds())) if locked_until else 60
    if seconds < 120:
        wait = f"{seconds} second{'' if seconds == 1 else 's'}"
    else:
        wait = f"{math.ceil(seconds / 60)} minutes"
    return f"You have entered too many wrong codes. Wait {wait}, then try again."


class _OneTimeCodeForm(GovUKForm):
    """One question; the device the code must come from is given by the view."""

    code_label = ""
    code_hint = ""
    wrong_message = ""
    code_format = re.compile("")  # a code as typed, in lower case, without its spaces and hyphens
    format_message = ""

    def __init__(self, *args, user, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.device, self.outcome = user, device, None
        self.fields["code"].label = self.code_label
        self.fields["code"].help_text = self.code_hint
        self.helper.layout = Layout(Field.text("code", field_width=10, label_size=Size.SMALL))

    def clean_code(self) -> str:
        code = NOT_DIGITS_OR_LETTERS.sub("", self.cleaned_data["code"]).lower()
        if not self.code_format.fullmatch(code):
            raise forms.ValidationError(self.format_message)
        return code

    def clean(self):
        cleaned = super().clean()
        code = cleaned.get("code")
        if code is None:
            return cleaned
        if self.device is None:  # no codes left to check against
            self.outcome = "wrong"
            self.add_error("code", self.wrong_message)
            return cleaned
        refused = wait_message(self.device)
        if refused:
            self.outcome = "throttled"
            self.add_error("code", refused)
        elif verify_token(self.user, self.device.persistent_id, code) is None:
            self.outcome = "wrong"
            self.add_error("code", self.wrong_message)
        else:
            self.outcome = "verified"
        return cleaned


class AuthenticatorCodeForm(_OneTimeCodeForm):
    page_title = "Enter the 6-digit code from your authenticator app"
    submit_label = "Continue"
    code_label = "Code"
    code_hint = "The code changes every 30 seconds. For example, 123456"
    wrong_message = "The code is not right. Enter the code your authenticator app shows now"
    code_format = re.compile(r"\d{6}")
    format_message = "The code must be 6 digits, like 123456"

    code = forms.CharField(
        max_length=20,
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
                "autocapitalize": "none",
            }
        ),
    )


class ConfirmAuthenticatorForm(AuthenticatorCodeForm):
    page_title = "Set up two-factor authentication"
    submit_label = "Confirm and continue"
    code_label = "Enter the 6-digit code your app shows"


class RecoveryCodeForm(_OneTimeCodeForm):
    page_title = "Enter a recovery code"
    submit_label = "Continue"
    code_label = "Recovery code"
    code_hint = "One of the 10 codes you saved when you set up two-factor authentication. Each works once."
    wrong_message = "That recovery code is not right, or it has already been used"
    code_format = re.compile(r"[a-z2-7]{8,16}")
    format_message = "A recovery code is 8 letters and numbers, like abcd 2345"

    code = forms.CharField(
        max_length=40,
        error_messages={"required": "Enter one of your recovery codes"},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "spellcheck": "false", "autocapitalize": "none"}
        ),
    )


class NewRecoveryCodesForm(AuthenticatorCodeForm):
    page_title = "Make new recovery codes"
    submit_label = "Make new recovery codes"
    code_label = "Enter the 6-digit code your authenticator app shows now"


class TurnOffForm(AuthenticatorCodeForm):
    page_title = "Turn off two-factor authentication"
    submit_label = "Turn off two-factor authentication"
    code_label = "Enter the 6-digit code your authenticator app shows now"
