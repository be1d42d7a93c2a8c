"""An invitation to take a role in a partnership, sent by email (governance/invitations.py)."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from .partnership import Organisation, Partnership, Role


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Neither accepted nor revoked. An open invitation may still have expired: see is_expired."""
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)


class Invitation(models.Model):
    """One person asked, by email, to take a role in a partnership.

    The emailed link carries the invitation's id and its issue number, signed (governance/invitations.py).
    "Resend" bumps the issue number, so the old link stops working; accepting or revoking closes the
    invitation, so every link to it stops working. A link also stops working SWP_INVITATION_DAYS
    after its issue.
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField("work email")
    full_name = models.CharField(max_length=150)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitations"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    # The name a plan workbook gave this person ("Insp. Jo Bloggs"): on acceptance, the priorities
    # and actions that name them so, and have nobody linked yet, become theirs (actions/named_people.py).
    named_as = models.CharField(max_length=150, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    issue = models.PositiveIntegerField(default=1, help_text="Bumped by Resend: older links stop working.")
    issued_at = models.DateTimeField(default=timezone.now, help_text="When the current link was made.")
    sent_at = models.DateTimeField(null=True, blank=True, help_text="When the current link was emailed.")
    send_failed_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["partnership", "email"], name="invitation_by_email")]
        constraints = [
            # One open invitation per address and partnership: a second would be a second live link.
            models.UniqueConstraint(
                "partnership",
                Lower("email"),
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="one_open_invitation_per_address",
                violation_error_message="This address has already been invited.",
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation for {self.full_name or self.email} to {self.partnership}"

    @property
    def expires_at(self) -> datetime.datetime:
        return self.issued_at + datetime.timedelta(days=settings.SWP_INVITATION_DAYS)

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None
