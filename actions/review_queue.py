"""The secretary's review queue: the quarter's updates filtered by state, partner and priority, in plan
order, and which submitted update comes next after a decision."""

from crispy_forms_gds.layout import HTML, Div, Field, Layout, Size
from django import forms
from django.http import QueryDict

from governance.models import Organisation
from priorities.models import ReportingPeriod
from priorities.outline import in_plan_order, numbered_title, with_sub_priorities
from swp.forms import GovUKForm

from .models import Action, ActionUpdate
from .status import UPDATE_STATE_LABELS

QUEUE_ORDER = ("action__priority__order", "action__order", "action_id")


class QueueFilterForm(GovUKForm):
    """The queue's filters, sent by GET so a filtered queue has its own address to come back to."""

    label_size = Size.SMALL
    state = forms.ChoiceField(label="State", required=False)
    partner = forms.ChoiceField(label="Responsible partner", required=False)
    priority = forms.ChoiceField(label="Priority, with its sub-priorities", required=False)

    def __init__(self, data: QueryDict, *, period: ReportingPeriod):
        super().__init__({k: data[k] for k in ("state", "partner", "priority") if data.get(k)})
        ordered = in_plan_order(period.plan.priorities.all())
        self.priorities = [p for p, _ in ordered]
        organisations = Organisation.objects.filter(partnership_id=period.plan.partnership_id)
        fields = self.fields
        fields["state"].choices = [("", "Any state"), *UPDATE_STATE_LABELS.items()]
        fields["partner"].choices = [("", "Any partner")] + [
            (str(o.pk), o.name) for o in organisations.order_by("name")
        ]
        fields["priority"].choices = [("", "Any priority")] + [
            (str(p.pk), "\u00a0\u00a0" * depth + numbered_title(p.number, p.title)) for p, depth in ordered
        ]
        for name, what in (("state", "a state"), ("partner", "a partner"), ("priority", "a priority")):
            fields[name].error_messages["invalid_choice"] = f"Choose {what} from the list"
        self.helper.form_method = "get"
        self.helper.form_id = "queue-filters"
        self.helper.inputs = []
        self.helper.layout = Layout(
            Div(
                *(Div(Field.select(name), css_class="govuk-grid-column-one-third") for name in fields),
                css_class="govuk-grid-row",
            ),
            HTML(
                '<div class="govuk-button-group"><button type="submit" class="govuk-button '
                'govuk-button--secondary" data-module="govuk-button">Filter the updates</button>'
                '<a class="govuk-link" href="?">Show every update</a></div>'
            ),
        )

    @property
    def chosen(self) -> dict[str, str]:
        """The valid filters chosen; an invalid one is ignored (and shown as an error on the page)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in ("state", "partner", "priority") if data.get(name)}

    @property
    def query(self) -> str:
        """The chosen filters as a query string, to carry from the queue to an update and back."""
        query = QueryDict(mutable=True)
        query.update(self.chosen)
        return query.urlencode()

    def priority_ids(self) -> set[int] | None:
        chosen = self.chosen.get("priority")
        return with_sub_priorities(self.priorities, int(chosen)) if chosen else None

    def keep(self, actions: list[Action]) -> list[Action]:
        """The actions (fetched by review_board) that pass the filters, in the order given."""
        chosen, priorities = self.chosen, self.priority_ids()
        partner = int(chosen["partner"]) if "partner" in chosen else None
        return [
            action
            for action in actions
            if ("state" not in chosen or action.this_state == chosen["state"])
            and (priorities is None or action.priority_id in priorities)
            and (partner is None or any(o.pk == partner for o in action.responsible_organisations.all()))
        ]

    def next_to_review(self, after: ActionUpdate) -> int | None:
        """The submitted update after `after` in the queue (from the start again once at the end), the
        partner and priority filters applied; the state filter is not, since only submitted ones wait."""
        if self.chosen.get("state") not in (None, ActionUpdate.State.SUBMITTED.value):
            return None
        updates = ActionUpdate.objects.filter(period_id=after.period_id).exclude(
            action__status=Action.Status.CANCELLED
        )
        priorities = self.priority_ids()
        if priorities is not None:
            updates = updates.filter(action__priority_id__in=priorities)
        if "partner" in self.chosen:
            updates = updates.filter(action__responsible_organisations=self.chosen["partner"])
        queue = list(updates.order_by(*QUEUE_ORDER).values_list("pk", "state"))
        position = next((i for i, (pk, _) in enumerate(queue) if pk == after.pk), -1)
        later, earlier = queue[position + 1 :], queue[: max(position, 0)]
        return next((pk for pk, state in later + earlier if state == ActionUpdate.State.SUBMITTED), None)
