"""Who may see and issue board packs. Predicates take (user, plan, quarter or issued pack).

Any member of the partnership, viewers included, may list and download issued packs: they are
what the board was told. Only those who run the quarterly cycle (admin, secretary) may preview
a pack and issue or reissue one.
"""

import rules

from governance.models import Partnership
from governance.rules import is_partnership_member, runs_the_cycle
from priorities.models import Plan, ReportingPeriod

from .models import IssuedPack


def _partnership_id(obj) -> int:
    if isinstance(obj, Partnership):
        return obj.pk
    if isinstance(obj, Plan):
        return obj.partnership_id
    if isinstance(obj, (ReportingPeriod, IssuedPack)):
        return obj.plan.partnership_id
    raise TypeError(f"No board pack rule for {type(obj).__name__}")


@rules.predicate
def is_member_for_packs(user, obj) -> bool:
    return is_partnership_member(user, _partnership_id(obj))


@rules.predicate
def runs_the_cycle_for_packs(user, obj) -> bool:
    return runs_the_cycle(user, _partnership_id(obj))


rules.add_perm("reports.view_packs", is_member_for_packs)
rules.add_perm("reports.issue_pack", is_member_for_packs & runs_the_cycle_for_packs)
