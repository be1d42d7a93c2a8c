"""Spreadsheet import and export of actions and their quarterly updates (admin; issue 6).

As in priorities/resources.py, every row names its partnership and plan, and everything else is
found inside that plan: an action by its reference (1.4), a period by its label, a person by their
work email. Updates are saved through the model (full_clean first, so every constraint holds, and
save(), so django-simple-history records who imported what).
"""

from import_export import fields

from priorities.models import Plan
from priorities.resources import (
    PLAN,
    PRIORITY,
    InPlanWidget,
    MemberWidget,
    PeriodInPlanWidget,
    PlanWidget,
    PriorityInPlanWidget,
    partnership_field,
)
from swp.import_export.resources import SafeModelResource
from swp.import_export.widgets import (
    ChoiceWidget,
    NumberWidget,
    RagWidget,
    TextWidget,
    UKDateTimeWidget,
    UKDateWidget,
    YesNoWidget,
)

from .models import Action, ActionUpdate, Rag

REFERENCE = "Reference"
ACTION = "Action reference"


class ActionInPlanWidget(InPlanWidget):
    """An action of the row's plan, by its reference (1.4; a trailing full stop is ignored)."""

    model = Action
    lookup = "reference__iexact"

    def key_value(self, key: str) -> str:
        return key.rstrip(".")

    def missing(self, plan: Plan, key: str, value: str) -> str:
        return f"Plan {plan.pk} has no action “{key}”"


class ActionResource(SafeModelResource):
    partnership = partnership_field("plan__partnership")
    plan = fields.Field("plan", PLAN, PlanWidget())
    reference = fields.Field("reference", REFERENCE, TextWidget())
    priority = fields.Field("priority", PRIORITY, PriorityInPlanWidget())
    order = fields.Field("order", "Order", NumberWidget(whole=True), default=0)
    overall_objective = fields.Field("overall_objective", "Overall objective", TextWidget())
    objective = fields.Field("objective", "Objective", TextWidget())
    horizon = fields.Field("horizon", "Horizon", ChoiceWidget(Action.Horizon.choices))
    responsible_officer = fields.Field("responsible_officer", "Responsible officer", TextWidget())
    owner = fields.Field("owner", "Owner email", MemberWidget())
    start_date = fields.Field("start_date", "Start date", UKDateWidget())
    deadline = fields.Field("deadline", "Deadline", UKDateWidget())
    status = fields.Field(
        "status", "Status", ChoiceWidget(Action.Status.choices), default=Action.Status.NOT_STARTED
    )

    class Meta(SafeModelResource.Meta):
        model = Action
        fields = (
            "partnership", "plan", "reference", "priority", "order", "overall_objective", "objective",
            "horizon", "responsible_officer", "owner", "start_date", "deadline", "status",
        )  # fmt: skip
        import_id_fields = ("plan", "reference")

    def get_queryset(self):
        return super().get_queryset().select_related("plan__partnership", "priority", "owner")

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.attribute == "reference":
            # References are compared as written, less a trailing full stop ("1.4." is 1.4).
            value = " ".join(str(row.get(REFERENCE) or "").split()).rstrip(".")
            row = {**row, REFERENCE: value}
        super().import_field(field, instance, row, is_m2m, **kwargs)


class ActionUpdateResource(SafeModelResource):
    partnership = partnership_field("action__plan__partnership")
    plan = fields.Field("action__plan", PLAN, PlanWidget(), readonly=True)
    action = fields.Field("action", ACTION, ActionInPlanWidget())
    period = fields.Field("period", "Period", PeriodInPlanWidget())
    rag = fields.Field("rag", "RAG", RagWidget(Rag.choices))
    progress = fields.Field("progress", "Progress", TextWidget())
    recovery_plan = fields.Field("recovery_plan", "What is being done", TextWidget())
    outcomes = fields.Field("outcomes", "Outcomes", TextWidget())
    marks_complete = fields.Field("marks_complete", "Action complete", YesNoWidget())
    proposed_deadline = fields.Field("proposed_deadline", "Proposed deadline", UKDateWidget())
    deadline_change_reason = fields.Field(
        "deadline_change_reason", "Why the deadline should change", TextWidget()
    )
    state = fields.Field(
        "state", "State", ChoiceWidget(ActionUpdate.State.choices), default=ActionUpdate.State.DRAFT
    )
    submitted_by = fields.Field("submitted_by", "Submitted by email", MemberWidget())
    submitted_at = fields.Field("submitted_at", "Submitted at", UKDateTimeWidget())

    class Meta(SafeModelResource.Meta):
        model = ActionUpdate
        fields = (
            "partnership", "plan", "action", "period", "rag", "progress", "recovery_plan", "outcomes",
            "marks_complete", "proposed_deadline", "deadline_change_reason", "state", "submitted_by",
            "submitted_at",
        )  # fmt: skip
        import_id_fields = ("plan", "action", "period")

    def get_queryset(self):
        return super().get_queryset().select_related("action__plan__partnership", "period", "submitted_by")
