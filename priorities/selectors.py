"""Read models for plans, shared by the staff pages and the public pages.

Also what every page says of a priority as the plan writes it: who leads it, partners in the order
the plan names them or a group, and each measure's baseline with its caveats. How priorities nest
and are numbered is in outline.py.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import BooleanField, Prefetch, QuerySet, Value

from governance.models import Partnership

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


@dataclass(frozen=True)
class LeadBody:
    """A body that leads a priority: a partner organisation, or a group of the partnership."""

    id: int
    name: str


@dataclass
class Leads:
    partners: list[LeadBody]  # in the order the plan names them: the first is the lead partner
    groups: list[LeadBody]
    as_written: str

    @property
    def lines(self) -> list[LeadLine]:
        return lead_lines(self.partners, self.groups, self.as_written)


def leads_as_written(priorities: Sequence[Priority]) -> dict[int, Leads]:
    """Each priority's leads, in one query whatever the number of priorities (fetch them with their
    lead_organisation).

    The plan's order of joint leads, and of groups, is the order they were linked in: the order of
    the link tables' rows, which a prefetch does not keep.
    """
    ids = [p.pk for p in priorities]
    joint = Priority.co_lead_organisations.through.objects.filter(priority_id__in=ids)
    groups = Priority.lead_groups.through.objects.filter(priority_id__in=ids)
    links = joint.annotate(group=Value(False, output_field=BooleanField())).values_list(
        "group", "id", "priority_id", "organisation_id", "organisation__name"
    )
    links = links.union(
        groups.annotate(group=Value(True, output_field=BooleanField())).values_list(
            "group", "id", "priority_id", "board_id", "board__name"
        ),
        all=True,
    )
    found: dict[tuple[bool, int], list[LeadBody]] = {}
    for group, _, priority_id, body_id, name in sorted(links, key=lambda link: link[1]):
        found.setdefault((bool(group), priority_id), []).append(LeadBody(body_id, name))
    return {
        p.pk: Leads(
            partners=(
                [LeadBody(p.lead_organisation.pk, p.lead_organisation.name)] if p.lead_organisation else []
            )
            + [body for body in found.get((False, p.pk), []) if body.id != p.lead_organisation_id],
            groups=found.get((True, p.pk), []),
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
