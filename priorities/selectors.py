"""Read models for plans, shared by the staff pages and the public pages.

Also how a plan's priorities read as the plan writes them: nested (1, 1.1, 1.1.1) in the plan's
order, each named by its number and title, led by its partners in the order the plan names them
or by a group, and each measure's baseline with its caveats.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from django.db.models import Prefetch, QuerySet

from governance.models import Board, Organisation, Partnership

from .models import Measure, Plan, Priority


def current_plan(*, partnership: Partnership) -> Plan | None:
    """The plan the partnership is working to: the active one, else the most recent."""
    plans = Plan.objects.filter(partnership=partnership)
    return plans.filter(status=Plan.Status.ACTIVE).order_by("-period_start").first() or plans.first()


def published_plans() -> QuerySet[Plan]:
    return (
        Plan.objects.filter(is_published=True)
        .select_related("partnership")
        .order_by("partnership__name", "-period_start")
    )


def published_plan(*, partnership_slug: str) -> Plan | None:
    """The latest published plan of a partnership, for the public plan page."""
    return published_plans().filter(partnership__slug=partnership_slug).first()


def priorities_with_measures(*, plan: Plan) -> QuerySet[Priority]:
    measures = Measure.objects.select_related("baseline_statistic").order_by("order")
    return (
        plan.priorities.select_related("lead_organisation", "lead_officer")
        .prefetch_related(Prefetch("measures", queryset=measures))
        .order_by("order")
    )


# ---- Sub-priorities ------------------------------------------------------------------------------


class Nested(Protocol):
    """A priority, or a row of a read model made from one: all the hierarchy needs."""

    id: int
    parent_id: int | None
    order: int


N = TypeVar("N", bound=Nested)


def in_plan_order(priorities: Iterable[N]) -> list[tuple[N, int]]:
    """Each priority with its depth (0 for a priority, 1 for a sub-priority...), every sub-priority
    straight after its parent, siblings in the plan's order. A priority whose parent is not among
    those given (a filtered list) stands at the top."""
    given = list(priorities)
    ids = {p.id for p in given}
    children: dict[int | None, list[N]] = {}
    for priority in sorted(given, key=lambda p: p.order):
        parent = priority.parent_id if priority.parent_id in ids else None
        children.setdefault(parent, []).append(priority)
    ordered: list[tuple[N, int]] = []

    def visit(parent: int | None, depth: int) -> None:
        for child in children.get(parent, []):
            ordered.append((child, depth))
            visit(child.id, depth + 1)

    visit(None, 0)
    return ordered


def with_sub_priorities(priorities: Sequence[Nested], priority_id: int) -> set[int]:
    """The priority's id and the ids of its sub-priorities, theirs, and so on."""
    found, frontier = {priority_id}, [priority_id]
    while frontier:
        frontier = [p.id for p in priorities if p.parent_id in frontier and p.id not in found]
        found.update(frontier)
    return found


def numbered_title(number: str, title: str) -> str:
    """A priority as the plan heads it: "1. Violence reduction", "1.1 Youth violence"."""
    return f"{number} {title}" if "." in number else f"{number}. {title}"


# ---- Who leads a priority ------------------------------------------------------------------------


@dataclass
class LeadLine:
    """One line of "who leads it": a label and the bodies it names, or the lead in words."""

    label: str  # Lead partner, Joint lead partners, Lead group or Lead groups
    bodies: list = field(default_factory=list)  # each with .id and .name, in the plan's order
    text: str = ""  # with no body: the lead as the plan words it ("All partners"), or ""
    groups: bool = False  # whether the bodies are groups of the partnership, not partner organisations


def lead_lines(partners: Sequence, groups: Sequence, as_written: str = "") -> list[LeadLine]:
    """How every page labels a priority's leads: partners first, the first named being the lead
    partner; a group is a "Lead group", never a partner; with neither, the plan's words."""
    lines = []
    if partners or not groups:
        label = "Joint lead partners" if len(partners) > 1 else "Lead partner"
        lines.append(LeadLine(label, list(partners), "" if partners else as_written))
    if groups:
        lines.append(LeadLine("Lead groups" if len(groups) > 1 else "Lead group", list(groups), groups=True))
    return lines


@dataclass
class Leads:
    partners: list[Organisation]  # in the order the plan names them: the first is the lead partner
    groups: list[Board]
    as_written: str

    @property
    def lines(self) -> list[LeadLine]:
        return lead_lines(self.partners, self.groups, self.as_written)


def leads_as_written(priorities: Sequence[Priority]) -> dict[int, Leads]:
    """Each priority's leads, in two queries whatever the number of priorities.

    The plan's order of joint leads and groups is the order they were linked in, so they are read
    from the link tables in the order of their rows, which a prefetch cannot do.
    """
    co_leads: dict[int, list[Organisation]] = {}
    groups: dict[int, list[Board]] = {}
    ids = [p.pk for p in priorities]
    for name, found in (("co_lead_organisations", co_leads), ("lead_groups", groups)):
        relation = Priority._meta.get_field(name)
        target = relation.m2m_reverse_field_name()
        links = relation.remote_field.through.objects.filter(priority_id__in=ids)
        for link in links.select_related(target).order_by("id"):
            found.setdefault(link.priority_id, []).append(getattr(link, target))
    return {
        p.pk: Leads(
            partners=([p.lead_organisation] if p.lead_organisation else [])
            + [o for o in co_leads.get(p.pk, []) if o.pk != p.lead_organisation_id],
            groups=groups.get(p.pk, []),
            as_written=p.lead_as_written,
        )
        for p in priorities
    }


# ---- Measures ------------------------------------------------------------------------------------


def baseline_caveats(measure: Measure) -> list[str]:
    """What the plan says qualifies a measure's baseline: its own note, and the note on the strategic
    assessment figure it comes from (a figure another source states differently, say). Fetch the
    measure with its baseline_statistic."""
    notes = [measure.baseline_note.strip()]
    if measure.baseline_statistic is not None:
        notes.append(measure.baseline_statistic.note.strip())
    return [note for i, note in enumerate(notes) if note and note not in notes[:i]]
