"""The plan's actions list, filtered (django-filter): the filters as a GOV.UK form, and the filterset.

The rating each action shows, and is filtered by, is its status in the chosen quarter (actions/status.py).
"""

import django_filters
from crispy_forms_gds.layout import Div, Field, Size
from django import forms
from django.db.models import QuerySet

from governance.models import Organisation
from priorities.models import Priority, ReportingPeriod, Theme
from priorities.outline import numbered_title, with_sub_priorities
from swp.forms import GovUKDateField, GovUKSearchForm

from .models import Action
from .search import search_actions
from .status import STATUS_CHOICES, with_quarter_status


class ActionFilterForm(GovUKSearchForm):
    """The filters as a GOV.UK form sent by GET, so every filtered list has its own address."""

    page_title = "Plan actions"
    label_size = Size.SMALL
    form_id = "filters"
    apply_label = "Apply filters"
    clear_label = "Clear filters"
    date_range = ("deadline_from", "deadline_to")
    date_range_error = "The end of the deadline range must be on or after its start"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lay_out(
            Field.text("q", field_width="two-thirds"),
            Div(
                Div(Field.select("priority"), css_class="govuk-grid-column-one-third"),
                Div(Field.select("organisation"), css_class="govuk-grid-column-one-third"),
                Div(Field.select("theme"), css_class="govuk-grid-column-one-third"),
                css_class="govuk-grid-row",
            ),
            Div(
                Div(Field.checkboxes("rag", small=True), css_class="govuk-grid-column-one-third"),
                Div(Field.select("quarter"), css_class="govuk-grid-column-one-third"),
                Div(Field.select("horizon"), Field.select("status"), css_class="govuk-grid-column-one-third"),
                css_class="govuk-grid-row",
            ),
        )


class GovUKDateFilter(django_filters.DateFilter):
    """A deadline bound entered as the GOV.UK date input: day, month and year boxes."""

    field_class = GovUKDateField

    def __init__(self, *, what: str, **kwargs):
        super().__init__(what=what, help_text="For example, 31 12 2020", require_all_fields=False, **kwargs)


class ActionFilter(django_filters.FilterSet):
    """Filters over one plan's actions. The choices come from lists the view has already fetched."""

    q = django_filters.CharFilter(
        label="Search",
        method="search",
        help_text=(
            "An item number, or words in an objective, the responsible officer, progress, "
            "what is being done, outcomes or comments"
        ),
        max_length=200,
    )
    priority = django_filters.ChoiceFilter(label="Priority", empty_label="Any priority", method="in_priority")
    organisation = django_filters.ChoiceFilter(
        label="Responsible partner", empty_label="Any partner", method="responsible"
    )
    theme = django_filters.ChoiceFilter(
        label="Cross-cutting theme", empty_label="Any theme", method="in_theme"
    )
    rag = django_filters.MultipleChoiceFilter(
        label="Rating",
        choices=STATUS_CHOICES,
        method="rated",
        widget=forms.CheckboxSelectMultiple,
    )
    quarter = django_filters.ChoiceFilter(label="Quarter", empty_label=None, method="for_quarter")
    horizon = django_filters.ChoiceFilter(
        label="Horizon", choices=Action.Horizon.choices, empty_label="Any horizon"
    )
    status = django_filters.ChoiceFilter(
        label="Action status", choices=Action.Status.choices, empty_label="Any status"
    )
    deadline_from = GovUKDateFilter(
        field_name="deadline",
        lookup_expr="gte",
        label="Deadline from",
        what="the start of the deadline range",
    )
    deadline_to = GovUKDateFilter(
        field_name="deadline", lookup_expr="lte", label="Deadline to", what="the end of the deadline range"
    )

    class Meta:
        model = Action
        fields: list[str] = []
        form = ActionFilterForm

    def __init__(
        self,
        data,
        *,
        periods: list[ReportingPeriod],
        default_period: ReportingPeriod | None,
        priorities: list[tuple[Priority, int]],
        organisations: list[Organisation],
        themes: list[Theme],
        queryset: QuerySet[Action],
        text: bool = False,
    ):
        self.text = text  # for downloads: the quarter's progress and outcomes too
        self.priorities = [priority for priority, _ in priorities]
        self.periods = {str(p.pk): p for p in periods}
        self.default_period = default_period
        if default_period is not None and "quarter" not in data:
            data = data.copy()
            data["quarter"] = str(default_period.pk)  # so the list shows the quarter it is filtering
        super().__init__(data, queryset=queryset)
        fields = self.form.fields
        # django-filter adds each select's "Any ..." option itself.
        # Each sub-priority by its number, under its parent (the number says where it sits; the
        # indent only echoes it). Choosing a priority takes in its sub-priorities' actions.
        fields["priority"].choices = [
            (str(p.pk), "\u00a0\u00a0" * depth + numbered_title(p.number, p.title)) for p, depth in priorities
        ]
        if any(depth for _, depth in priorities):
            fields["priority"].label = "Priority, with its sub-priorities"
        fields["organisation"].choices = [(str(o.pk), o.name) for o in organisations]
        fields["theme"].choices = [(str(t.pk), t.name) for t in themes]
        fields["quarter"].choices = [(key, _quarter_label(p)) for key, p in self.periods.items()]
        fields["quarter"].help_text = "The quarter the ratings are for"
        for name, what in (
            ("priority", "a priority"),
            ("organisation", "a partner"),
            ("theme", "a theme"),
            ("quarter", "a quarter"),
            ("horizon", "a horizon"),
            ("status", "a status"),
        ):
            fields[name].error_messages["invalid_choice"] = f"Choose {what} from the list"
        fields["rag"].error_messages["invalid_choice"] = "Choose red, amber, green, complete or no rating"
        fields["q"].error_messages["max_length"] = "Search for 200 characters or fewer"

    @property
    def period(self) -> ReportingPeriod | None:
        """The quarter whose ratings are shown and filtered: the chosen one, else the current one."""
        chosen = self.form.cleaned_data.get("quarter") if self.form.is_valid() else None
        return self.periods.get(chosen, self.default_period)

    def filter_queryset(self, queryset):
        # The status must be in the query before the rating filter can use it.
        return super().filter_queryset(with_quarter_status(queryset, self.period, text=self.text))

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return search_actions(queryset, value)

    def rated(self, queryset, name, value):
        # One IN, so the status expression appears once in the WHERE clause, not once per rating.
        return queryset.filter(quarter_status__in=value) if value else queryset

    def in_priority(self, queryset, name, value):
        return (
            queryset.filter(priority_id__in=with_sub_priorities(self.priorities, int(value)))
            if value
            else queryset
        )

    def responsible(self, queryset, name, value):
        return queryset.filter(responsible_organisations=value) if value else queryset

    def in_theme(self, queryset, name, value):
        return queryset.filter(themes=value) if value else queryset

    def for_quarter(self, queryset, name, value):
        return queryset  # chooses the quarter the ratings come from (filter_queryset), filters nothing

    @property
    def active(self) -> bool:
        """Whether anything but the quarter narrows the list."""
        data = self.form.cleaned_data if self.form.is_valid() else {}
        return any(value not in (None, "", []) for name, value in data.items() if name != "quarter")


def _quarter_label(period: ReportingPeriod) -> str:
    return f"{period.label} ({period.get_status_display().lower()})"
