"""Who may do what with plan content. Predicates take (user, object)."""

import rules

from governance.rules import is_partnership_member, keeps_governance_records, runs_the_cycle

from .models import Measure, Plan, Priority, ReportingPeriod


def _partnership_id(obj) -> int:
    if isinstance(obj, Plan):
        return obj.partnership_id
    if isinstance(obj, (Priority, ReportingPeriod)):
        return obj.plan.partnership_id
    if isinstance(obj, Measure):
        return obj.priority.plan.partnership_id
    raise TypeError(f"No partnership rule for {type(obj).__name__}")


@rules.predicate
def is_member_for(user, obj) -> bool:
    return is_partnership_member(user, _partnership_id(obj))


@rules.predicate
def runs_the_cycle_for(user, obj) -> bool:
    return runs_the_cycle(user, _partnership_id(obj))


@rules.predicate
def is_priority_lead(user, obj) -> bool:
    """The lead officer of the priority (of a measure), who reports its progress."""
    priority = obj.priority if isinstance(obj, Measure) else obj
    return priority.lead_officer_id is not None and priority.lead_officer_id == user.pk


rules.add_perm("priorities.view_plan_content", is_member_for)
rules.add_perm("priorities.enter_reading", is_member_for & (is_priority_lead | runs_the_cycle_for))
rules.add_perm("priorities.manage_period", runs_the_cycle_for)


# The plan's statutory records (approvals trail, EqIA action plan): members read, admins and the
# secretary keep them. Predicates take the Plan.
@rules.predicate
def keeps_governance_records_for(user, obj) -> bool:
    return keeps_governance_records(user, _partnership_id(obj))


rules.add_perm("priorities.record_approval", keeps_governance_records_for)
rules.add_perm("priorities.update_equality_actions", keeps_governance_records_for)
