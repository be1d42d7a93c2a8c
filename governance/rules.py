"""Who may do what, in one place. Predicates take (user, partnership) and ask the person's role.

Priority leads and action owners are decided by the plan itself (priorities and actions add
their own predicates); here are the partnership-wide roles.
"""

import rules

from .models import Membership, Partnership, Role


def role_of(user, partnership: Partnership | None) -> str | None:
    if partnership is None or not user.is_authenticated:
        return None
    # Cached per request user object, since templates and views ask several rules in a row.
    cache = user.__dict__.setdefault("_partnership_roles", {})
    if partnership.pk not in cache:
        membership = Membership.objects.filter(user=user, partnership=partnership).only("role").first()
        cache[partnership.pk] = membership.role if membership else None
    return cache[partnership.pk]


@rules.predicate
def is_partnership_member(user, partnership) -> bool:
    return role_of(user, partnership) is not None


@rules.predicate
def is_partnership_admin(user, partnership) -> bool:
    return role_of(user, partnership) == Role.ADMIN


@rules.predicate
def is_board_secretary(user, partnership) -> bool:
    return role_of(user, partnership) == Role.SECRETARY


rules.add_perm("governance.view_plan_data", is_partnership_member)
rules.add_perm("governance.manage_partnership", is_partnership_admin)
