"""The one way pages ask who may do what: the rules, and only the rules.

Django's user.has_perm() answers yes to every active superuser for every object, which would
let an installation's superuser into every partnership's data through the staff pages. Those
pages follow partnership roles, whoever is asking; superusers do their work in the Django admin.
"""

import rules


def can(user, perm: str, obj=None) -> bool:
    return user.is_active and rules.has_perm(perm, user, obj)
