from django import template

from governance.permissions import can as _can

register = template.Library()


@register.simple_tag
def can(user, perm: str, obj=None) -> bool:
    """{% can user "actions.edit_update" action as may_edit %}: the rules' answer, as in views."""
    return _can(user, perm, obj)
