"""The email that says a board pack has been issued: a link to it, never the PDF itself.

It goes to every active member of the partnership (who may all open issued packs) and so to the
board's members who have an account here; a board member without a role in the partnership could
not open the pack, so is not written to. Anyone can switch these emails off (/accounts/emails/).
Called from the task that issues the pack, in the transaction that marks it issued.
"""

from django.conf import settings
from django.urls import reverse

from governance.models import BoardMember, Membership, OutboxMessage
from governance.outbox import queue_email

from .models import IssuedPack


def pack_issued(*, pack: IssuedPack) -> int:
    partnership = pack.plan.partnership
    members = {
        m.user_id: m.user
        for m in Membership.objects.filter(partnership=partnership, user__is_active=True).select_related(
            "user__email_preferences"
        )
    }
    on_board = set(
        BoardMember.objects.filter(board__partnership=partnership, user_id__in=members).values_list(
            "user_id", flat=True
        )
    )
    url = f"{settings.SITE_URL}{reverse('reports:pack_status', args=[pack.pk])}"
    queued = 0
    for user_id, user in sorted(members.items()):
        message = queue_email(
            key=f"pack:{pack.pk}:to {user_id}",
            kind=OutboxMessage.Kind.PACK_ISSUED,
            recipient=user,
            partnership=partnership,
            quarter=pack.period.label,
            template="reports/email/pack_issued",
            context={"pack": pack, "period": pack.period, "url": url, "on_board": user_id in on_board},
            preference="pack_issued",
        )
        queued += message is not None
    return queued
