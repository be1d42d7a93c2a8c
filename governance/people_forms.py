"""Forms for setting up a partnership and its people: a new partnership, an invitation, accepting one."""

from django import forms
from django.core.validators import validate_slug
from django.utils.text import slugify

from swp.forms import GovUKForm

from .models import Organisation, Partnership, Role, User
from .password_forms import NewPasswordForm

EMAIL_ERRORS = {
    "required": "Enter their work email",
    "invalid": "Enter a work email in the right format, like name@example.org",
    "max_length": "A work email must be 254 characters or fewer",
}
NAME_ERRORS = {"required": "Enter their full name", "max_length": "A name must be 150 characters or fewer"}


def email_field(label: str = "Work email", **kwargs) -> forms.EmailField:
    return forms.EmailField(
        label=label,
        max_length=254,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        **kwargs,
    )


class InviteForm(GovUKForm):
    page_title = "Invite someone"
    submit_label = "Send the invitation"

    full_name = forms.CharField(label="Full name", max_length=150, error_messages=NAME_ERRORS)
    email = email_field(help_text="They will sign in with it. The invitation is sent to it.")
    organisation = forms.ModelChoiceField(
        label="Organisation (optional)",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="Not from a partner organisation",
        error_messages={"invalid_choice": "Choose one of the partnership's organisations"},
    )
    role = forms.ChoiceField(
        label="Role",
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose their role", "invalid_choice": "Choose one of the roles"},
        help_text=(
            "Partnership admins set up the partnership and its people. The board secretary runs the "
            "quarterly cycle and the board packs. Partner officers update the actions and measures "
            "they lead or own. Viewers read everything and change nothing. Admins and secretaries "
            "must use two-factor sign-in."
        ),
    )

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = partnership.organisations.order_by("name")


class CreatePartnershipForm(GovUKForm):
    page_title = "Create a partnership"
    submit_label = "Create the partnership and invite its admin"

    name = forms.CharField(
        label="Partnership name",
        max_length=200,
        help_text="As the partnership calls itself, such as Safer Walsall Partnership",
        error_messages={
            "required": "Enter the partnership's name",
            "max_length": "The name must be 200 characters or fewer",
        },
    )
    slug = forms.CharField(
        label="Short address (optional)",
        max_length=80,
        required=False,
        help_text=(
            "Used in its public page's address, such as /plans/safer-walsall/. Lower-case letters, "
            "numbers and hyphens. Left blank, it is made from the name."
        ),
        error_messages={"max_length": "The short address must be 80 characters or fewer"},
    )
    area = forms.CharField(
        label="Area (optional)",
        max_length=200,
        required=False,
        help_text="The council area it covers, such as Walsall",
        error_messages={"max_length": "The area must be 200 characters or fewer"},
    )
    admin_name = forms.CharField(
        label="Its first admin's full name", max_length=150, error_messages=NAME_ERRORS
    )
    admin_email = email_field(
        "Its first admin's work email", help_text="They are emailed an invitation to set up the partnership."
    )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if Partnership.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError("There is already a partnership with this name")
        return name

    def clean(self):
        cleaned = super().clean()
        if "name" not in cleaned:
            return cleaned
        slug = (cleaned.get("slug") or "").strip().lower() or slugify(cleaned["name"])[:80]
        try:
            validate_slug(slug)
        except forms.ValidationError:
            self.add_error("slug", "Use only lower-case letters, numbers and hyphens in the short address")
            return cleaned
        if Partnership.objects.filter(slug=slug).exists():
            self.add_error("slug", f"The short address “{slug}” is taken: choose another")
        cleaned["slug"] = slug
        return cleaned


class AcceptInvitationForm(NewPasswordForm):
    """Choosing the password of a new account, with the same rules as everywhere else. The unsaved
    account is given so that the rules can refuse a password too like the person's name or email."""

    page_title = "Accept your invitation"
    submit_label = "Create my account"

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(User(email=invitation.email, full_name=invitation.full_name), *args, **kwargs)
        self.fields["new_password1"].label = "Choose a password"
        self.fields["new_password1"].error_messages["required"] = "Choose a password"
        self.fields["new_password2"].label = "Confirm your password"
        self.fields["new_password2"].error_messages["required"] = "Enter your password again"

    def save(self, commit=True):  # the account is made by governance.invitations.accept
        raise NotImplementedError
