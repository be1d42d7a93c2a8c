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


# Board notes (BoardNote): a priority's commentary, written by its lead officer (or those who run the
# cycle, on their behalf); the asks of the board, written by those who run the cycle; both reviewed
# by those who run the cycle. Predicates on a priority, a plan or a note.


@rules.predicate
def is_member_for_priority(user, priority) -> bool:
    return is_partnership_member(user, priority.plan.partnership_id)


@rules.predicate
def leads_the_priority(user, priority) -> bool:
    return priority.lead_officer_id is not None and priority.lead_officer_id == user.pk


@rules.predicate
def runs_the_cycle_for_priority(user, priority) -> bool:
    return runs_the_cycle(user, priority.plan.partnership_id)


@rules.predicate
def runs_the_cycle_for_plan(user, plan) -> bool:
    return runs_the_cycle(user, plan.partnership_id)


@rules.predicate
def leads_a_priority_of_the_plan(user, plan) -> bool:
    return (
        is_partnership_member(user, plan.partnership_id)
        and plan.priorities.filter(lead_officer=user).exists()
    )


@rules.predicate
def runs_the_cycle_for_note(user, note) -> bool:
    return runs_the_cycle(user, note.period.plan.partnership_id)


rules.add_perm(
    "actions.write_commentary",
    is_member_for_priority & (leads_the_priority | runs_the_cycle_for_priority),
)
rules.add_perm("actions.see_board_notes", runs_the_cycle_for_plan | leads_a_priority_of_the_plan)
rules.add_perm("actions.write_asks", runs_the_cycle_for_plan)
rules.add_perm("actions.review_note", runs_the_cycle_for_note)
