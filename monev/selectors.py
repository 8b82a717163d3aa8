"""Querysets the item pages share: an item with its targets, every report and its evidence."""

from django.db.models import Prefetch

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator
from monev.models import ActionProgress, Realisation

REALISATIONS = Prefetch(
    "realisations",
    queryset=Realisation.objects.select_related("level", "reported_by", "reviewed_by").prefetch_related(
        "evidence"
    ),
)

LEAD_AND_CONTRIBUTIONS = Prefetch(
    "planned_actions__progress",
    queryset=ActionProgress.objects.select_related("contributor", "reported_by").prefetch_related("evidence"),
)


def indicator_queryset():
    return Indicator.objects.select_related("area", "scale").prefetch_related(
        "targets__level", "scale__levels", REALISATIONS
    )


def activity_queryset():
    return PriorityActivity.objects.select_related("area", "quick_win", "agency").prefetch_related(
        "targets__level", REALISATIONS
    )


def row_queryset():
    return ActionPlanRow.objects.select_related("area", "group").prefetch_related(
        "leads__agency", "supporting_agencies", LEAD_AND_CONTRIBUTIONS
    )
