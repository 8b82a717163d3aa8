"""Reported progress: realisations of indicators and activities, action-plan progress, evidence."""

from monev.models.evidence import Evidence
from monev.models.periods import Period, Quarter
from monev.models.progress import ActionProgress, ActionStatus
from monev.models.realisations import Realisation, RealisationQuerySet
from monev.models.reminders import SentReminder
from monev.models.review import ReviewedReport, ReviewState
from monev.models.standings import PlanCell, PlanStanding, Standing
from monev.models.windows import ReopenedItem, ReportingWindow
from monev.models.yearend import ReportSignatory, RiskReview, RiskStatus

__all__ = [
    "ActionProgress",
    "ActionStatus",
    "Evidence",
    "Period",
    "PlanCell",
    "PlanStanding",
    "Quarter",
    "Realisation",
    "RealisationQuerySet",
    "ReopenedItem",
    "ReportSignatory",
    "ReportingWindow",
    "ReviewState",
    "ReviewedReport",
    "RiskReview",
    "RiskStatus",
    "SentReminder",
    "Standing",
]
