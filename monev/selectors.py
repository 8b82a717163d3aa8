"""Querysets the item pages share: an item with its targets, every report it may show and its evidence.

``profile`` decides which drafts are shown: an agency's drafts are its own and staff's only.
"""

from django.db.models import Prefetch

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator
from monev.models import ActionProgress, Realisation
from plans.models import PlanIndicator


def realisations(profile=None) -> Prefetch:
    return Prefetch(
        "realisations",
        queryset=Realisation.objects.visible_to(profile)
        .select_related("level", "reported_by", "reviewed_by")
        .prefetch_related("evidence"),
    )


def lead_and_contributions(profile=None) -> Prefetch:
    return Prefetch(
        "planned_actions__progress",
        queryset=ActionProgress.objects.visible_to(profile)
        .select_related("lead", "contributor", "reported_by", "reviewed_by")
        .prefetch_related("evidence"),
    )


def indicator_queryset(profile=None):
    return Indicator.objects.select_related("area", "scale", "data_owner").prefetch_related(
        "targets__level", "scale__levels", realisations(profile)
    )


def activity_queryset(profile=None):
    return PriorityActivity.objects.select_related("area", "quick_win", "agency").prefetch_related(
        "targets__level", realisations(profile)
    )


def plan_indicator_queryset(profile=None):
    return PlanIndicator.objects.select_related("plan__agency", "area", "activity", "scale").prefetch_related(
        "targets__level", "scale__levels", realisations(profile)
    )


def row_queryset(profile=None):
    return ActionPlanRow.objects.select_related("area", "group").prefetch_related(
        "leads__agency", "supporting_agencies", lead_and_contributions(profile)
    )
