from django import template

from actions.evidence import kind_label

register = template.Library()


@register.filter
def evidence_kind(content_type: str) -> str:
    """'PDF', 'Excel spreadsheet': a stored file's type in words, not as a MIME type."""
    return kind_label(content_type)
