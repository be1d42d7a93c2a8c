"""The form for issuing a board pack, in the GOV.UK voice. It validates; reports/services.py writes."""

from datetime import timedelta

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from governance.models import Meeting
from priorities.models import ReportingPeriod
from swp.forms import FreeTextField, GovUKForm, character_count
from swp.text_limits import COMMENT

from .models import IssuedPack, Marking

MARKING_CHOICES = [
    Choice(
        Marking.OFFICIAL,
        "OFFICIAL",
        hint="Routine partnership business. Most board packs are OFFICIAL.",
    ),
    Choice(
        Marking.OFFICIAL_SENSITIVE,
        "OFFICIAL-SENSITIVE",
        hint="Information that could cause harm if it were lost or shared widely, "
        "such as details of ongoing operations.",
    ),
]
# Meetings offered: those from the quarter's start to six months after it ends.
MEETING_WINDOW_AFTER = timedelta(days=183)


def meeting_label(meeting: Meeting) -> str:
    title = f": {meeting.title}" if meeting.title else ""
    return f"{meeting.board.name}, {meeting.date:%-d %B %Y}{title}"


def meetings_for(period: ReportingPeriod) -> list[Meeting]:
    """The partnership's board meetings a pack for this quarter could be for, the quarter's own first."""
    nearby = Meeting.objects.filter(
        board__partnership_id=period.plan.partnership_id,
        date__gte=period.start,
        date__lte=period.end + MEETING_WINDOW_AFTER,
    ).select_related("board")
    meetings = sorted(nearby, key=lambda m: (m.date, m.board.name))
    own = period.meeting
    if own is not None:
        meetings = [own] + [m for m in meetings if m.pk != own.pk]
    return meetings


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Meeting) -> str:
        return meeting_label(obj)


class IssuePackForm(GovUKForm):
    submit_label = "Issue pack"
    meeting = MeetingChoiceField(
        queryset=Meeting.objects.none(),
        label="Which board meeting is this pack for?",
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Choose the board meeting this pack is for",
            "invalid_choice": "Choose one of the meetings listed",
        },
    )
    protective_marking = forms.ChoiceField(
        label="Protective marking",
        help_text="Printed on the cover and at the top and bottom of every page.",
        widget=forms.RadioSelect,
        choices=MARKING_CHOICES,
        error_messages={
            "required": "Choose a protective marking",
            "invalid_choice": "Choose OFFICIAL or OFFICIAL-SENSITIVE",
        },
    )
    reason = FreeTextField(
        label="Why are you issuing a correction?",
        help_text="For example, an update for action 2.3 was accepted after the pack was issued. "
        "This is shown beside the new revision; the earlier one stays available.",
        max_length=COMMENT,
        error_messages={"required": "Enter why you are issuing a correction"},
    )
    confirm_open = forms.BooleanField(
        error_messages={"required": "Confirm that you want to issue the pack while updates are still open"},
    )

    def __init__(self, *args, period: ReportingPeriod, previous: IssuedPack | None, **kwargs):
        meetings = meetings_for(period)
        initial = kwargs.setdefault("initial", {})
        marking = previous.protective_marking if previous else Marking.OFFICIAL
        initial.setdefault("protective_marking", marking)
        if meetings:
            initial.setdefault("meeting", (previous.meeting if previous else None) or meetings[0])
        super().__init__(*args, **kwargs)
        self.period, self.previous = period, previous
        if previous is None:
            self.page_title = f"Issue the {period.label} board pack"
            del self.fields["reason"]
        else:
            self.page_title = f"Issue a correction to the {period.label} board pack"
            self.submit_label = f"Issue revision {previous.revision + 1}"
        if meetings:
            self.fields["meeting"].queryset = Meeting.objects.filter(pk__in=[m.pk for m in meetings])
            self.fields["meeting"].choices = [(m.pk, meeting_label(m)) for m in meetings]
        else:
            del self.fields["meeting"]
        if period.status == ReportingPeriod.Status.OPEN:
            self.fields["confirm_open"].label = (
                f"I understand {period.label} is still open for updates, "
                "so this pack may not include them all"
            )
        else:
            del self.fields["confirm_open"]
        self.helper.inputs[0].value = self.submit_label
        self.helper.layout = Layout(*self._layout())

    def _layout(self):
        if "meeting" in self.fields:
            yield Field.radios("meeting", legend_size=Size.MEDIUM, legend_tag="h2")
        yield Field.radios("protective_marking", legend_size=Size.MEDIUM, legend_tag="h2")
        if "reason" in self.fields:
            yield character_count("reason", self, label_size=Size.MEDIUM, label_tag="h2")
        if "confirm_open" in self.fields:
            yield Field.checkbox("confirm_open")

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Enter why you are issuing a correction")
        return reason
