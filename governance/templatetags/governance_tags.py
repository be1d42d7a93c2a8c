"""Small formatting helpers for the governance pages."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def figure(value: Decimal | None) -> str:
    """A statistic as people write it: 3,700, 27.5 or 283,400 (no trailing zeros, thousands separated)."""
    if value is None:
        return ""
    return f"{Decimal(value).normalize():,f}"
