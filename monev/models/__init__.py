"""Reported progress: realisations of indicators and activities, action-plan progress, evidence."""

from monev.models.evidence import Evidence
from monev.models.progress import ActionProgress, ActionStatus
from monev.models.realisations import Period, Realisation, RealisationQuerySet, ReportStatus

__all__ = [
    "ActionProgress",
    "ActionStatus",
    "Evidence",
    "Period",
    "Realisation",
    "RealisationQuerySet",
    "ReportStatus",
]
