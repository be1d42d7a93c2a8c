"""Django's password forms, drawn the GOV.UK way and worded in ours (SEC-08).

Asking for a reset link, choosing a new password from one and changing your own share one hint for
a new password: the rules are AUTH_PASSWORD_VALIDATORS in swp/settings.py. Every password input
says what it is for (autocomplete "current-password" or "new-password"), so password managers fill
and save them; pasting is never blocked.
"""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.core.mail import EmailMultiAlternatives
from django.template import loader

from swp.forms import GovUKFormMixin

from .models import User
from .oidc import provider_for_email

NEW_PASSWORD_HINT = (
    "Use at least 12 characters. It cannot be only numbers, a commonly used password, or too like "
    "your name or email. A few words you will remember, with spaces between them, make a good password."
)


class ResetRequestForm(GovUKFormMixin, PasswordResetForm):
    """The address to send a reset link to. The page only takes it: the task that may send the
    email (governance/password_reset.py) makes this form again from the address and saves it."""

    page_title = "Reset your password"
    submit_label = "Send the link"

    email = forms.EmailField(
        label="Work email",
        help_text="The email you sign in with",
        max_length=254,
        error_messages={
            "required": "Enter your work email",
            "invalid": "Enter your work email in the right format, like name@example.org",
            "max_length": "Your work email must be 254 characters or fewer",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )

    def get_users(self, email):
        """Django's (active, with a password), and also whoever has only signed in with their
        organisation's account (so has no password here) once no enabled provider covers their
        address: switching a provider off must not shut its people out. While one does, their
        organisation's sign-in, with its leavers' process, stays the only way in, so nobody but a
        superuser (who keeps a password for when the provider is down, governance/forms.py) is sent
        a link to choose a password that signing in would refuse. Other accounts with no password
        still get no email."""
        covered = provider_for_email(email) is not None
        yield from (user for user in super().get_users(email) if user.is_superuser or not covered)
        people = User.objects.filter(email__iexact=email, is_active=True)
        for user in people.filter(federated_identities__isnull=False).distinct():
            if not user.has_usable_password() and provider_for_email(user.email) is None:
                yield user

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ) -> None:
        """Django's, but with the subject and the recipient in the context, as every email's layout
        (templates/email/base.html) wants them, and letting a failure to send fail the task instead
        of only logging it."""
        context = {**context, "recipient": context["user"]}
        context["subject"] = " ".join(loader.render_to_string(subject_template_name, context).split())
        message = EmailMultiAlternatives(
            context["subject"],
            loader.render_to_string(email_template_name, context),
            from_email or settings.DEFAULT_FROM_EMAIL,
            [to_email],
        )
        message.attach_alternative(loader.render_to_string(html_email_template_name, context), "text/html")
        message.send()


def _new_password_fields(form: forms.Form) -> None:
    first, second = form.fields["new_password1"], form.fields["new_password2"]
    first.label, first.help_text = "New password", NEW_PASSWORD_HINT
    second.label, second.help_text = "Confirm your new password", ""
    first.error_messages["required"] = "Enter a new password"
    second.error_messages["required"] = "Enter your new password again"


MISMATCH = {"password_mismatch": "The two new passwords do not match – enter the same password twice"}


class NewPasswordForm(GovUKFormMixin, SetPasswordForm):
    """Choosing a new password from a reset link."""

    page_title = "Choose a new password"
    submit_label = "Save your new password"
    error_messages = MISMATCH

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_password_fields(self)


class ChangePasswordForm(GovUKFormMixin, PasswordChangeForm):
    """Changing your own password, signed in, with the one you have now."""

    page_title = "Change your password"
    submit_label = "Change password"
    error_messages = {**PasswordChangeForm.error_messages, **MISMATCH}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_password_fields(self)
        self.fields["old_password"].label = "Current password"
        self.fields["old_password"].error_messages["required"] = "Enter your current password"
