"""Emails waiting to go, and what people want emailed (governance/outbox.py writes them).

An email is a row here before it is anything else: the change that causes it writes the row in
its own transaction, so an email can never go for a change that was rolled back, nor be lost when
the mail server is down (governance/email_sending.py sends and retries). Each row has a key that
says what it is about ("returned:update 12:version 3:to 7"), unique, so the same email is never
queued twice.
"""

from django.db import models
from django.utils import timezone

from .partnership import Partnership, User


class OutboxMessage(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to be sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Not sent"
        # No longer to go: an invitation resent (a newer email with a new link) or withdrawn first.
        CANCELLED = "cancelled", "Cancelled"

    class Kind(models.TextChoices):
        QUARTER_OPENED = "quarter_opened", "Quarter opened"
        REMINDER = "reminder", "Reminder"
        CHASE = "chase", "Reminder sent by the secretary"
        RETURNED = "returned", "Update returned"
        COMMENT = "comment", "Comment on an update"
        DIGEST = "digest", "Daily summary"
        PACK_ISSUED = "pack_issued", "Board pack issued"
        INVITATION = "invitation", "Invitation"

    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    # The quarter's label ("2020 Q3"): governance sits below priorities, so it cannot point at the
    # ReportingPeriod itself; the outbox page lists a quarter's emails by it.
    quarter = models.CharField(max_length=40, blank=True)
    # Empty for someone who has no account yet (an invitation): the email goes to `to_address`.
    recipient = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    to_address = models.EmailField()
    subject = models.CharField(max_length=300)
    text = models.TextField()
    html = models.TextField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_try_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["state", "next_try_at"], name="outbox_due"),
            models.Index(fields=["partnership", "quarter"], name="outbox_by_quarter"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.to_address}: {self.get_state_display().lower()}"


class DigestLine(models.Model):
    """One thing that happened (an update submitted, an update accepted), waiting for the evening's
    summary email, which gathers each person's lines into one message (send_digests)."""

    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(max_length=400)
    url = models.CharField(max_length=400, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        # A line is deleted once its summary is queued: the email holds it from then on.
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text


class EmailPreferences(models.Model):
    """The emails a person may switch off. Reminders and returned updates always go: they are the
    cycle itself, and a person who missed one would miss a deadline."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="email_preferences")
    digests = models.BooleanField("Daily summary of updates submitted and accepted", default=True)
    comments = models.BooleanField("Comments on updates you are part of", default=True)
    pack_issued = models.BooleanField("Board packs when they are issued", default=True)

    def __str__(self) -> str:
        return f"Email choices of {self.user}"


class DailyJobRun(models.Model):
    """A daily job run on a day: the unique pair makes sure each runs at most once a day, however
    many workers tick (governance/daily_jobs.py)."""

    job = models.CharField(max_length=60)
    date = models.DateField()
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    succeeded = models.BooleanField(null=True)

    class Meta:
        ordering = ["-date", "job"]
        constraints = [models.UniqueConstraint(fields=["job", "date"], name="one_daily_job_run_per_day")]

    def __str__(self) -> str:
        return f"{self.job} on {self.date}"
