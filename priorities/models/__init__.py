"""The plan: its reporting periods, the evidence behind it, priorities, themes and measures.

Also the statutory records around a plan: its approvals trail (which alone moves Plan.status,
through priorities/approvals.py), the consultation whose findings become "you told us", and the
Equality Impact Assessment with its action and monitoring plan. One module per part; import the
models from here (`from priorities.models import Plan`).
"""

from .approvals import (
    APPROVING_BODY_FIXED,
    FINAL_APPROVAL_STAGES,
    STATUS_BY_TRAIL_ONLY,
    ApprovalStage,
    ApprovalStep,
)
from .equality import EqiaActionItem, EqiaImpact, EqualityImpactAssessment
from .evidence import BaselineStatistic, Consultation, ConsultationFinding, StrategicAssessment
from .plans import Plan, PlanAim, PlanQuerySet, ReportingPeriod
from .priorities import Measure, MeasureReading, Priority, Theme

__all__ = [
    "APPROVING_BODY_FIXED",
    "FINAL_APPROVAL_STAGES",
    "STATUS_BY_TRAIL_ONLY",
    "ApprovalStage",
    "ApprovalStep",
    "BaselineStatistic",
    "Consultation",
    "ConsultationFinding",
    "EqiaActionItem",
    "EqiaImpact",
    "EqualityImpactAssessment",
    "Measure",
    "MeasureReading",
    "Plan",
    "PlanAim",
    "PlanQuerySet",
    "Priority",
    "ReportingPeriod",
    "StrategicAssessment",
    "Theme",
]
