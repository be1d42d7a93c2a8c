"""The partnership, its partner organisations, people, roles, boards and meetings.

One module per part; import the models from here (`from governance.models import User`).
"""

from .boards import AgendaItem, Attendance, Board, BoardMember, Decision, Meeting
from .identity_providers import FederatedIdentity, IdentityProvider, IdentityProviderDomain
from .invitations import Invitation, InvitationQuerySet
from .outbox import DailyJobRun, DigestLine, EmailPreferences, OutboxMessage
from .partnership import (
    IMPORT_EXPORT_PERMISSIONS,
    Membership,
    MembershipQuerySet,
    Organisation,
    Partnership,
    Role,
    User,
    UserManager,
)
from .password_resets import PasswordResetRequest
from .pending_imports import PendingImport, PendingImportQuerySet

__all__ = [
    "IMPORT_EXPORT_PERMISSIONS",
    "AgendaItem",
    "Attendance",
    "Board",
    "BoardMember",
    "DailyJobRun",
    "Decision",
    "DigestLine",
    "FederatedIdentity",
    "IdentityProvider",
    "IdentityProviderDomain",
    "EmailPreferences",
    "Invitation",
    "InvitationQuerySet",
    "Meeting",
    "Membership",
    "MembershipQuerySet",
    "Organisation",
    "OutboxMessage",
    "Partnership",
    "PasswordResetRequest",
    "PendingImport",
    "PendingImportQuerySet",
    "Role",
    "User",
    "UserManager",
]
