"""{{ priority|numbered }}: a priority as the plan heads it, by its own number ("1.1 Youth violence").

Takes a Priority or a board pack's PriorityRow, whose number an older pack's JSON lacks (then its
order is its number, as it was).
"""

from django import template

from priorities.figures import measure_figure as _measure_figure
from priorities.outline import numbered_title

register = template.Library()


@register.filter
def numbered(priority) -> str:
    return numbered_title(priority.number or str(priority.order), priority.title)


@register.filter
def measure_figure(value, measure) -> str:
    """{{ reading.value|measure_figure:measure }}: "19.6 %", to the measure's own precision."""
    return _measure_figure(value, measure)
