"""How a plan's priorities nest and are numbered, as the plan writes them: 1, 1.1, 1.1.1.

Works on priorities or on rows of a read model made from them (the board pack's PriorityRow), so
every page and the pack order, number and nest them alike.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from django.template.defaultfilters import pluralize


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


def spread_text(actions: int, priorities: int, sub_priorities: int) -> str:
    """How many actions, across how many priorities: "3 actions across 4 priorities (2 sub-priorities)".
    Without sub-priorities, they go unmentioned."""
    text = f"{actions} action{pluralize(actions)} across {priorities} priorit{pluralize(priorities, 'y,ies')}"
    if sub_priorities:
        text += f" ({sub_priorities} sub-priorit{pluralize(sub_priorities, 'y,ies')})"
    return text


@dataclass
class Link:
    """An entry in a list of links to sections (templates/priorities/_links.html); a priority's
    sub-priorities are its children, listed in a list inside its entry."""

    anchor: str
    text: str
    children: list["Link"] = field(default_factory=list)


def nested_links(
    priorities: Iterable[N], *, anchor: Callable[[N], str], text: Callable[[N], str]
) -> list[Link]:
    """Links to the priorities' sections, each sub-priority's nested in its parent's entry."""
    top: list[Link] = []
    links: dict[int, Link] = {}
    for priority, _ in in_plan_order(priorities):
        link = links[priority.id] = Link(anchor(priority), text(priority))
        parent = links.get(priority.parent_id)
        (parent.children if parent else top).append(link)
    return top


def section_links(priorities: Iterable[Nested]) -> list[Link]:
    """Links to each priority's section of a page (#priority-<its order>), by its number and title."""
    return nested_links(
        priorities,
        anchor=lambda p: f"priority-{p.order}",
        text=lambda p: numbered_title(p.number, p.title),
    )
