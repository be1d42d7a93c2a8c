"""The board pack as HTML: one template body for the on-screen preview and the printed PDF.

`pack_context()` turns the read model (reports.pack_data.BoardPack) into what the templates show,
without touching the database: the charts, figures in words and the exception tables are worked
out here once, so the templates stay simple and the preview and the PDF cannot disagree.
"""

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from django.conf import settings
from django.template.defaultfilters import pluralize
from django.template.loader import render_to_string
from django.utils import timezone

from actions.status import (
    BOARD_BASELINE_LABELS,
    CHANGE_LABELS,
    COMPLETE,
    MISSING,
    NEW,
    NOT_COMPARABLE,
    SEVERITY,
    STATUS_LABELS,
    UNCHANGED,
    status_label,
)
from priorities.figures import measure_figure
from priorities.outline import Link, nested_links, numbered_title

from .charts import describe, trend_chart, trend_table_rows
from .pack_data import LAYOUT_FIRST, ActionRow, BoardPack, PriorityRow, Submission
from .pack_exceptions import exceptions
from .pack_overview import STATUS_SYMBOLS, WORST_RATING_RULE, headline, overview

DEFAULT_MARKING = "OFFICIAL"
PRINT_CSS = "reports/pack-print.css"
# What "complete" and "no rating" mean: not plan tolerances, so the same in every plan.
FIXED_DEFINITIONS = {
    COMPLETE: "Delivered: the lead has reported the action as complete, or the secretary closed it.",
    MISSING: "No update was submitted or accepted for this quarter. It counts as worse than green, "
    "so a missing update cannot make a priority look on track.",
}
# The protective markings a pack may carry (Government Security Classifications).
MARKINGS = ["OFFICIAL", "OFFICIAL-SENSITIVE"]

# The pack's sections, in order: (anchor id, heading). The contents page lists these.
BOARD_SECTIONS = [
    ("glance", "The plan at a glance"),
    ("exceptions", "Exceptions"),
    # one section per priority goes here
    ("decisions", "Decisions asked of the board"),
    ("themes", "Cross-cutting themes"),
    ("appendix-rag", "Appendix A: What the RAG ratings mean"),
    ("appendix-submissions", "Appendix B: Updates received this quarter"),
    ("appendix-glossary", "Appendix C: Glossary"),
]
# As packs issued before issue 19 were laid out (reports.pack_data.LAYOUT_FIRST).
SECTIONS = [
    ("summary", "Executive summary"),
    ("exceptions", "Exceptions"),
    # one section per priority goes here
    ("themes", "Cross-cutting themes"),
    ("appendix-rag", "Appendix A: What the RAG ratings mean"),
    ("appendix-submissions", "Appendix B: Updates received this quarter"),
    ("appendix-glossary", "Appendix C: Glossary"),
]


@dataclass
class MeasureView:
    measure: object  # selectors.MeasureRow
    latest: str
    latest_period: str
    baseline: str
    target: str
    against_baseline: str
    chart: str  # inline SVG, "" when there is nothing to draw
    chart_description: str
    table_rows: list[tuple[str, str]]


@dataclass
class SubmissionGroup:
    """Updates one person submitted on one day, reviewed alike: a row of the pack's Appendix B."""

    submitted_by: str
    submitted_on: date | None
    state: str
    state_label: str
    reviewed_by: str
    reviewed_on: date | None
    references: list[str]


@dataclass
class ExceptionTable:
    id: str
    title: str
    caption: str
    none_text: str
    rows: list[tuple[ActionRow, str]]  # (action, its priority's title)
    kind: str  # which columns the table shows: "rag", "overdue" or "update"


def heading(priority: PriorityRow) -> str:
    """The priority as its section is headed: its number (an older pack's JSON has only its order)."""
    return numbered_title(priority.number or str(priority.order), priority.title)


def _anchor(priority: PriorityRow) -> str:
    return f"priority-{priority.id}"


def counts_text(counts: dict[str, int]) -> str:
    """Counts in words, worst first: "2 red, 19 amber, 7 no rating, 36 green, 0 complete." """
    return ", ".join(f"{counts.get(status, 0)} {STATUS_LABELS[status].lower()}" for status in SEVERITY) + "."


def change_text(change: str, change_label: str, previous_status: str | None) -> str:
    """The change since the previous quarter in words: "Worsened (was green)"."""
    if previous_status is None or change in (NEW, UNCHANGED):
        return change_label
    was = STATUS_LABELS[previous_status].lower()
    if change == NOT_COMPARABLE:
        return (
            "Not comparable: no rating last quarter"
            if previous_status == MISSING
            else (f"Not comparable: no rating this quarter (was {was})")
        )
    return f"{change_label} (was {was})"


def change_sentence(change: str, previous_status: str | None, previous_period: str | None) -> str:
    """A priority's change since the previous quarter as a sentence, naming that quarter."""
    if previous_period is None or previous_status is None or change == NEW:
        return "No earlier quarter to compare with."
    was = STATUS_LABELS[previous_status].lower()
    if change == UNCHANGED:
        return f"No change since {previous_period}."
    if change == NOT_COMPARABLE:
        if previous_status == MISSING:
            return f"Not comparable with {previous_period}, which had no rating."
        return f"Not comparable with {previous_period} (was {was}): no rating this quarter."
    return f"{CHANGE_LABELS[change]} since {previous_period} (was {was})."


def _measure_view(measure) -> MeasureView:
    latest = measure.latest
    if latest is None:
        latest_text = "No reading yet"
    elif latest.value is not None:
        latest_text = measure_figure(latest.value, measure)
    else:
        latest_text = latest.narrative or "No figure reported"
    baseline = measure_figure(measure.baseline_value, measure)
    if baseline and measure.baseline_period:
        baseline = f"{baseline} ({measure.baseline_period})"
    return MeasureView(
        measure=measure,
        latest=latest_text,
        latest_period=latest.period if latest else "",
        baseline=baseline or "None set",
        target=measure_figure(measure.target_value, measure) or measure.target_description or "None set",
        against_baseline=BOARD_BASELINE_LABELS.get(measure.against_baseline, ""),
        chart=trend_chart(measure),
        chart_description=describe(measure),
        table_rows=trend_table_rows(measure),
    )


def _exceptions(pack: BoardPack, with_priority) -> list[ExceptionTable]:
    return [
        ExceptionTable(
            "exceptions-rag",
            "Red and amber actions",
            "Actions rated red or amber this quarter",
            "None: no action is rated red or amber this quarter.",
            with_priority(pack.red_and_amber),
            "rag",
        ),
        ExceptionTable(
            "exceptions-overdue",
            "Overdue actions",
            "Actions past their deadline and not complete",
            "None: no action is past its deadline.",
            with_priority(pack.overdue),
            "overdue",
        ),
        ExceptionTable(
            "exceptions-missing",
            "Missing updates",
            "Actions with no update submitted or accepted this quarter",
            "None: every action has an update this quarter.",
            with_priority(pack.missing),
            "update",
        ),
        ExceptionTable(
            "exceptions-returned",
            "Returned updates",
            "Updates sent back to their lead to be corrected",
            "None: no update was returned this quarter.",
            with_priority(pack.returned),
            "update",
        ),
    ]


def _priority_entries(pack: BoardPack) -> list[dict]:
    by_id = {p.id: p for p in pack.priorities}
    children: dict[int, list[PriorityRow]] = {}
    for p in pack.priorities:
        if p.parent_id in by_id:
            children.setdefault(p.parent_id, []).append(p)
    return [_priority_entry(p, by_id.get(p.parent_id), children.get(p.id, []), pack) for p in pack.priorities]


# The plan's delivery table heads a priority with its "Strategic Lead": its lead partner (the
# glossary says so). Joint leads keep the words every other page uses, "Joint lead partners".
STRATEGIC_LEAD_LABELS = {"Lead partner": "Strategic lead"}


def _priority_entry(
    p: PriorityRow, parent: PriorityRow | None, sub_priorities: list[PriorityRow], pack: BoardPack
) -> dict:
    """A priority's section: h2 for a priority, h3 for a sub-priority and so on (its parts a level
    below, its measures two), so the pack's outline, and the PDF's bookmarks, follow the plan's."""
    level = min(2 + p.depth, 4)
    intro = "Actions"
    if sub_priorities:
        numbers = [child.number or str(child.order) for child in sub_priorities]
        intro = f"Actions, with those of its sub-priorit{pluralize(len(numbers), 'y,ies')} {_and(numbers)}"
    return {
        "priority": p,
        "id": _anchor(p),
        "heading": heading(p),
        "level": level,
        "sizes": ("l", "m", "s") if p.depth == 0 else ("m", "s", "s"),
        "parent": (_anchor(parent), heading(parent)) if parent else None,
        "sub_priorities": [(_anchor(child), heading(child)) for child in sub_priorities],
        "leads": p.leads,
        "strategic_leads": [
            replace(line, label=STRATEGIC_LEAD_LABELS.get(line.label, line.label)) for line in p.leads
        ],
        "measures": [_measure_view(m) for m in p.measures],
        "counts": [p.counts[status] for status in SEVERITY],
        "counts_text": f"{intro}: {counts_text(p.counts)}",
        "change": change_text(p.change, p.change_label, p.previous_status),
        "change_sentence": change_sentence(p.change, p.previous_status, pack.previous_period_label),
        "actions": [(a, change_text(a.change, a.change_label, a.previous_status)) for a in p.actions],
    }


def _and(items: list[str]) -> str:
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else items[0]


def _day(moment: datetime | None) -> date | None:
    return timezone.localdate(moment) if moment else None


def submission_groups(submissions: list[Submission]) -> list[SubmissionGroup]:
    """Who submitted what and when, one row per person, day and review, in the pack's order.

    One row per update would give the board a page of near-identical lines for each lead.
    """
    groups: dict[tuple, SubmissionGroup] = {}
    for s in submissions:
        key = (s.submitted_by, _day(s.submitted_at), s.state, s.reviewed_by, _day(s.reviewed_at))
        if key not in groups:
            groups[key] = SubmissionGroup(*key[:3], s.state_label, *key[3:], references=[])
        groups[key].references.append(s.action_reference)
    return list(groups.values())


def pack_title(pack: BoardPack) -> str:
    return f"{pack.partnership}: board pack, {pack.period_label}"


def pack_context(pack: BoardPack, *, marking: str = DEFAULT_MARKING, on_screen: bool = False) -> dict:
    """What templates/reports/pack/_body.html and document.html need, from the read model alone.

    `on_screen=True` is for the preview inside base.html: it leaves out the cover (the page has
    its own h1) and the contents' page numbers.
    """
    # Where a plan has sub-priorities a title alone does not say where one sits, so lists name each
    # priority by its number too; a plan without them reads as it always has.
    if pack.sub_priorities:
        priority_names = {p.id: heading(p) for p in pack.priorities}
    else:
        priority_names = {p.id: p.title for p in pack.priorities}
    actions_by_id = {a.id: a for a in pack.actions}

    def with_priority(actions: list[ActionRow]) -> list[tuple[ActionRow, str]]:
        return [(action, priority_names[action.priority_id]) for action in actions]

    priorities = _priority_entries(pack)
    first_layout = pack.layout == LAYOUT_FIRST
    sections = SECTIONS if first_layout else BOARD_SECTIONS
    contents = [Link(id, title) for id, title in sections[:2]]
    contents += nested_links(pack.priorities, anchor=_anchor, text=heading)
    contents += [Link(id, title) for id, title in sections[2:]]
    return {
        "pack": pack,
        "body_template": "reports/pack/_body_first_layout.html"
        if first_layout
        else "reports/pack/_body.html",
        "headline": headline(pack.actions, pack.previous_period_label),
        "worst_rating_rule": WORST_RATING_RULE,
        "symbols": STATUS_SYMBOLS,
        "overview": overview(pack, anchor=_anchor, heading=heading),
        "board_exceptions": exceptions(
            pack,
            priority_name=lambda action: priority_names[action.priority_id],
            change=lambda a: change_text(a.change, a.change_label, a.previous_status),
        ),
        "marking": marking,
        "on_screen": on_screen,
        "title": pack_title(pack),
        "statuses": [(status, STATUS_LABELS[status]) for status in SEVERITY],
        "counts": pack.counts,
        "counts_text": counts_text(pack.counts),
        "total_counts": [pack.counts[status] for status in SEVERITY],
        "overall_status": pack.status,
        "overall_status_label": status_label(pack.status),
        "contents": contents,
        "priorities": priorities,
        # Keyed by measure id, for pages that show a chart outside the pack's own layout.
        "charts": {view.measure.id: view.chart for p in priorities for view in p["measures"]},
        "exceptions": _exceptions(pack, with_priority),
        "themes": [
            {
                "theme": theme,
                "actions": with_priority([actions_by_id[i] for i in theme.action_ids if i in actions_by_id]),
            }
            for theme in pack.themes
        ],
        "submission_groups": submission_groups(pack.submissions),
        "rag_definitions": [
            (status, STATUS_LABELS[status], pack.rag_definitions.get(status) or FIXED_DEFINITIONS[status])
            for status in SEVERITY
            if pack.rag_definitions.get(status) or status in FIXED_DEFINITIONS
        ],
        # Unhashed on purpose: the PDF's fetcher reads the source file through the staticfiles
        # finders, which know nothing of the manifest storage's hashed names.
        "print_css": settings.STATIC_URL + PRINT_CSS,
    }


# The templates' indentation: whitespace with a line break in it, between two tags. WeasyPrint
# builds a box for each such run (about 5% of its work on the demo pack), and dropping them
# changes nothing on the page; spaces within a line, which can matter between inline tags, stay.
INDENTATION = re.compile(r">\s*\n\s*<")


def pack_html(pack: BoardPack, *, marking: str = DEFAULT_MARKING) -> str:
    """The pack as one standalone HTML document for print (WeasyPrint, or a browser)."""
    html = render_to_string("reports/pack/document.html", pack_context(pack, marking=marking))
    return INDENTATION.sub("><", html)
