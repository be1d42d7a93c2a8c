"""Who may do what with actions and their quarterly updates. Predicates take (user, action)."""

import rules

from governance.rules import is_partnership_member, runs_the_cycle


@rules.predicate
def is_member_for_action(user, action) -> bool:
    return is_partnership_member(user, action.plan.partnership_id)


@rules.predicate
def is_action_owner(user, action) -> bool:
    return action.owner_id is not None and action.owner_id == user.pk


@rules.predicate
def leads_the_actions_priority(user, action) -> bool:
    return action.priority.lead_officer_id is not None and action.priority.lead_officer_id == user.pk


@rules.predicate
def runs_the_cycle_for_action(user, action) -> bool:
    return runs_the_cycle(user, action.plan.partnership_id)


reports_on_action = is_action_owner | leads_the_actions_priority

rules.add_perm("actions.view_action", is_member_for_action)
rules.add_perm("actions.edit_update", is_member_for_action & (reports_on_action | runs_the_cycle_for_action))
rules.add_perm("actions.review_update", is_member_for_action & runs_the_cycle_for_action)
rules.add_perm(
    "actions.comment_on_update", is_member_for_action & (reports_on_action | runs_the_cycle_for_action)
)
