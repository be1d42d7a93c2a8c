import logging

from crispy_forms_gds.layout import Div, Field, Layout, Size
from django import forms
from django.contrib.auth.forms import AuthenticationForm

from swp.forms import (
    FreeTextField,
    GovUKDateField,
    GovUKForm,
    GovUKFormMixin,
    GovUKModelForm,
    GovUKSearchForm,
    character_count,
)
from swp.security_log import security_event
from swp.text_limits import NARRATIVE

from .demo_accounts import demo_sign_in_allowed, is_demo_sign_in
from .models import AgendaItem, Attendance, Board, BoardMember, Decision, Meeting, Organisation, Partnership
from .oidc import provider_for_email


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
        "demo_account": (
            "Demo accounts cannot sign in to this installation. Sign in with your own account, or ask your "
            "partnership admin for one."
        ),
        "use_provider": "People with this email address sign in with their {provider} account. "
        "Choose Continue with {provider}.",
    }
    use_provider = None  # the provider whose sign-in this address must use, once refused

    def clean(self):
        """When an enabled provider signs in for the address's domain, its sign-in (and its organisation's
        leavers' process) is the only way in, so our password is refused.

        Except for superusers: break-glass access to the Django admin while the provider is down. The
        password is checked first, and the refusal reads the same for an unknown address, a wrong
        password and a right one, so it never tells whether an account exists or is a superuser."""
        provider = provider_for_email(self.cleaned_data.get("username") or "")
        if provider is None:
            return super().clean()
        try:
            super().clean()
        except forms.ValidationError:
            self.user_cache = None
        if self.user_cache is not None and self.user_cache.is_superuser:
            return self.cleaned_data
        self.user_cache, self.use_provider = None, provider
        security_event(
            "sign_in_refused",
            request=self.request,
            reason="organisation signs in",
            username=self.cleaned_data.get("username", ""),
            level=logging.WARNING,
        )
        message = self.error_messages["use_provider"].format(provider=provider.name)
        raise forms.ValidationError(message, code="use_provider")

    def confirm_login_allowed(self, user) -> None:
        """The password was right: refuse a demo account, whose password is published, with DEBUG off."""
        super().confirm_login_allowed(user)
        if not demo_sign_in_allowed() and is_demo_sign_in(user, self.cleaned_data["password"]):
            security_event(
                "sign_in_refused",
                request=self.request,
                user=user,
                reason="demo account",
                level=logging.WARNING,
            )
            raise forms.ValidationError(self.error_messages["demo_account"], code="demo_account")


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


class DecisionSearchForm(GovUKSearchForm):
    """The decisions log's search, sent by GET so every search has its own address."""

    page_title = "Decisions log"
    label_size = Size.SMALL
    form_id = "search"
    apply_label = "Search"
    clear_label = "Clear search"
    date_range = ("date_from", "date_to")
    date_range_error = "The end of the date range must be on or after its start"

    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        help_text="Words in the decision, its reference, who owns it, or the meeting or agenda item",
    )
    board = forms.ModelChoiceField(
        label="Board or committee",
        queryset=Board.objects.none(),
        required=False,
        empty_label="Any board",
        error_messages={"invalid_choice": "Choose one of the partnership's boards"},
    )
    kind = forms.ChoiceField(
        label="Type",
        choices=[("", "Any type"), *Decision.Kind.choices],
        required=False,
        error_messages={"invalid_choice": "Choose decision, resolution or action"},
    )
    date_from = GovUKDateField(
        what="the start of the date range",
        label="Meetings from",
        help_text="For example, 1 7 2019",
        required=False,
        require_all_fields=False,
    )
    date_to = GovUKDateField(
        what="the end of the date range",
        label="Meetings to",
        help_text="For example, 31 12 2019",
        required=False,
        require_all_fields=False,
    )

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["board"].queryset = Board.objects.filter(partnership=partnership).order_by(
            "order", "name"
        )
        self.lay_out(
            Field.text("q", field_width="two-thirds"),
            Div(
                Div(Field.select("board"), css_class="govuk-grid-column-one-half"),
                Div(Field.select("kind"), css_class="govuk-grid-column-one-half"),
                css_class="govuk-grid-row",
            ),
        )


class DecisionForm(GovUKModelForm):
    """Record what a meeting decided or resolved, or an action it gave someone."""

    page_title = "Record a decision"
    submit_label = "Save decision"

    kind = forms.ChoiceField(
        label="What kind of record is this?",
        choices=Decision.Kind.choices,
        widget=forms.RadioSelect,
        initial=Decision.Kind.DECISION,
        error_messages={"required": "Select decision, resolution or action"},
    )
    text = FreeTextField(
        label="What was decided", max_length=NARRATIVE, error_messages={"required": "Enter what was decided"}
    )
    agenda_item = forms.ModelChoiceField(
        label="Agenda item (optional)",
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label="Not linked to an agenda item",
        error_messages={"invalid_choice": "Choose an item on this meeting's agenda"},
    )
    reference = forms.CharField(
        label="Reference (optional)",
        help_text="The minute or decision number, for example SWP 19/07/3",
        max_length=40,
        required=False,
        error_messages={"max_length": "Enter a reference of 40 characters or fewer"},
    )
    owner = forms.CharField(
        label="Who will do it",
        help_text="Needed for an action: a person, a role or a partner organisation",
        max_length=200,
        required=False,
        error_messages={"max_length": "Enter an owner of 200 characters or fewer"},
    )
    due_on = GovUKDateField(
        what="the due date",
        label="Due by (optional)",
        help_text="For example, 31 10 2020",
        required=False,
        require_all_fields=False,
    )

    class Meta:
        model = Decision
        fields = ["kind", "text", "agenda_item", "reference", "owner", "due_on"]

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, instance=Decision(meeting=meeting), **kwargs)
        self.meeting = meeting
        self.fields["agenda_item"].queryset = meeting.agenda_items.order_by("order")
        self.fields["kind"].error_messages["invalid_choice"] = "Select decision, resolution or action"
        self.helper.layout = Layout(
            Field.radios("kind", legend_size=Size.SMALL, inline=True),
            character_count("text", self),
            Field.select("agenda_item"),
            Field.text("reference", field_width=10),
            Field.text("owner", field_width="two-thirds"),
            Field("due_on"),
        )

    def clean(self):
        data = super().clean()
        if data.get("kind") == Decision.Kind.ACTION and not data.get("owner", "").strip():
            self.add_error("owner", "Enter who will do this action")
        due = data.get("due_on")
        if due and due < self.meeting.date:
            self.add_error(
                "due_on", f"The due date must be on or after the meeting, {self.meeting.date:%-d %B %Y}"
            )
        reference = data.get("reference", "").strip()
        if reference and self.meeting.decisions.filter(reference__iexact=reference).exists():
            self.add_error("reference", f"Another decision of this meeting is already {reference}")
        return data


class AttendanceForm(GovUKModelForm):
    """Add someone to a meeting's attendance list: present, sent apologies, or absent.

    `member` is not saved: choosing a board member fills in their name, organisation, seat and account.
    """

    page_title = "Record attendance"
    submit_label = "Save attendance"

    member = forms.ModelChoiceField(
        label="Board member",
        queryset=BoardMember.objects.none(),
        required=False,
        empty_label="Someone else (enter their name below)",
        error_messages={"invalid_choice": "Choose a member of this board"},
    )
    name = forms.CharField(
        label="Name",
        help_text="Leave blank for a board member chosen above",
        max_length=150,
        required=False,
        error_messages={"max_length": "Enter a name of 150 characters or fewer"},
    )
    organisation = forms.ModelChoiceField(
        label="Organisation (optional)",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="Not given",
        error_messages={"invalid_choice": "Choose one of the partnership's organisations"},
    )
    position = forms.ChoiceField(
        label="Attending as",
        choices=[("", "Their seat on the board, or member"), *Attendance.Capacity.choices],
        required=False,
        error_messages={"invalid_choice": "Choose how they attended"},
    )
    status = forms.ChoiceField(
        label="Were they there?",
        choices=Attendance.Status.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select present, apologies or absent",
            "invalid_choice": "Select present, apologies or absent",
        },
    )

    field_order = ["member"]  # first, as on the page and in the error summary (ModelForm puts it last)

    class Meta:
        model = Attendance
        fields = ["name", "organisation", "position", "status"]

    def __init__(self, *args, meeting: Meeting, **kwargs):
        # Seat and status blank, not the model's defaults, so the form starts with nothing chosen.
        super().__init__(*args, instance=Attendance(meeting=meeting, position="", status=""), **kwargs)
        self.meeting = meeting
        self.fields["member"].queryset = meeting.board.members.select_related("organisation").order_by("id")
        self.fields["organisation"].queryset = Organisation.objects.filter(
            partnership_id=meeting.board.partnership_id
        ).order_by("name")
        self.helper.layout = Layout(
            Field.select("member"),
            Field.text("name", field_width="two-thirds"),
            Field.select("organisation"),
            Field.select("position"),
            Field.radios("status", legend_size=Size.SMALL, inline=True),
        )

    def clean(self):
        data = super().clean()
        member: BoardMember | None = data.get("member")
        name = data.get("name", "").strip()
        self.instance.user = member.user if member is not None else None  # the account is not a field
        if member is not None:
            data["name"] = name or member.name
            data["organisation"] = data.get("organisation") or member.organisation
            data["position"] = data.get("position") or member.position
        else:
            data["name"] = name
            if not name and "name" not in self.errors:
                self.add_error("name", "Choose a board member or enter the person's name")
        data["position"] = data.get("position") or Attendance.Capacity.MEMBER
        name = data.get("name", "")
        if name and self.meeting.attendance.filter(name__iexact=name).exists():
            self.add_error(
                "name" if member is None else "member", f"{name} is already on this meeting's attendance list"
            )
        return data
