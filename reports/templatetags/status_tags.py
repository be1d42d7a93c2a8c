"""{% status_tag status label %}: a status as a word in a coloured tag (never colour alone).

The same markup as templates/actions/_rag.html, as a tag rather than an include because the
dashboard shows a few hundred of them and an include costs far more to render.
"""

from django import template
from django.utils.html import format_html

from actions.status import NO_ACTIONS
from reports.rendering import change_sentence

register = template.Library()


@register.simple_tag
def status_tag(status: str | None, label: str = "") -> str:
    """status: one of the board pack's statuses (red, amber, missing, green, complete), or none."""
    if not status:
        return format_html('<strong class="app-rag app-rag--missing">{}</strong>', label or NO_ACTIONS)
    return format_html('<strong class="app-rag app-rag--{}">{}</strong>', status, label)


@register.simple_tag
def change_since(row, previous_period: str | None) -> str:
    """A priority's change since the previous quarter as one sentence, without brackets in brackets:
    "Worsened since 2020 Q2 (was amber)." """
    return change_sentence(row.change, row.previous_status, previous_period)
