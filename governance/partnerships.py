"""Setting up a new partnership: the partnership and an invitation to its first admin, nothing else."""

from django.db import transaction

from swp.security_log import security_event

from . import invitations
from .models import Invitation, Partnership, Role, User


@transaction.atomic
def create_partnership(
    *, name: str, slug: str, admin_email: str, admin_name: str, area: str = "", by: User | None, request=None
) -> tuple[Partnership, Invitation]:
    partnership = Partnership.objects.create(name=name, slug=slug, area=area)
    security_event("partnership_created", request=request, user=by, obj=partnership, partnership=slug)
    invitation = invitations.invite(
        partnership=partnership,
        email=admin_email,
        full_name=admin_name,
        role=Role.ADMIN,
        by=by,
        request=request,
    )
    return partnership, invitation
