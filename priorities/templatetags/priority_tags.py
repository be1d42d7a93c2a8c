"""{{ priority|numbered }}: a priority as the plan heads it, by its own number ("1.1 Youth violence").

Takes a Priority or a board pack's PriorityRow, whose number an older pack's JSON lacks (then its
order is its number, as it was).
"""

from django import template

from priorities.outline import numbered_title

register = template.Library()


@register.filter
def numbered(priority) -> str:
    return numbered_title(priority.number or str(priority.order), priority.title)
