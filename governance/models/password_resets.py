"""Requests for a password reset link, kept for the limit's window (governance/password_reset.py)."""

from django.db import models
from django.utils import timezone


class PasswordResetRequest(models.Model):
    """One request for a reset link, and whether it was over a limit.

    Every request gets a row, over the limit or not, whether or not the address has an account: the
    request does the same work in each case, and the task that may send the email reads `limited`
    here. Neither the address asked about nor the client's address is kept: each is a keyed hash
    (HMAC with the secret key), which is all the limit needs to count them.
    """

    requested_at = models.DateTimeField(default=timezone.now, db_index=True)
    address_key = models.CharField(max_length=64)
    client_key = models.CharField(max_length=64)
    limited = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["address_key", "requested_at"], name="reset_by_address"),
            models.Index(fields=["client_key", "requested_at"], name="reset_by_client"),
        ]

    def __str__(self) -> str:
        return f"Password reset request at {self.requested_at:%Y-%m-%d %H:%M}"
