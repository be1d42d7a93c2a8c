"""Who may do what: the partnership-wide roles. Predicates take (user, partnership or its id).

Priority leads and action owners follow from the plan itself, so their predicates live in
priorities/rules.py and actions/rules.py, built on these. The written matrix is docs/permissions.md.
"""

import rules

from .models import Membership, Partnership, Role


def role_of(user, partnership: Partnership | int | None) -> str | None:
    """The person's role in the partnership, or None. Asked many times a page, so cached on the user."""
    if partnership is None or not user.is_authenticated or not user.is_active:
        return None
    partnership_id = partnership if isinstance(partnership, int) else partnership.pk
    cache = user.__dict__.setdefault("_partnership_roles", {})
    if partnership_id not in cache:
        membership = (
            Membership.objects.current().filter(user=user, partnership_id=partnership_id).only("role").first()
        )
        cache[partnership_id] = membership.role if membership else None
    return cache[partnership_id]


def has_role(*roles: str):
    @rules.predicate(name=f"has_role({', '.join(roles)})")
    def predicate(user, partnership) -> bool:
        return role_of(user, partnership) in roles

    return predicate


@rules.predicate
def is_partnership_member(user, partnership) -> bool:
    return role_of(user, partnership) is not None


is_partnership_admin = has_role(Role.ADMIN)
# Admins and secretaries run the quarterly cycle: they review, and may enter updates on a lead's behalf.
runs_the_cycle = has_role(Role.ADMIN, Role.SECRETARY)

rules.add_perm("governance.view_plan_data", is_partnership_member)
rules.add_perm("governance.manage_partnership", is_partnership_admin)
rules.add_perm("governance.run_cycle", runs_the_cycle)

# Governance records: boards, meetings, attendance, decisions, and (in priorities/rules.py) the plan's
# approvals trail and its EqIA action plan. Every member reads them; admins and the secretary keep them.
keeps_governance_records = has_role(Role.ADMIN, Role.SECRETARY)

rules.add_perm("governance.view_governance", is_partnership_member)
rules.add_perm("governance.record_meetings", keeps_governance_records)

# People: inviting, resending, revoking, deactivating and reactivating are the partnership admin's.
rules.add_perm("governance.manage_people", is_partnership_admin)
