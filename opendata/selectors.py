"""An edition's items with their VERIFIED reports only: nothing else ever reaches the open data.

Drafts, reports awaiting review and returned reports are filtered out in the database, so no
later step can leak them. A fixed number of queries whatever the edition's size.
"""

from django.db.models import Prefetch

from actions.models import ActionPlanRow, ActivityTarget, PlannedAction, PriorityActivity
from areas.models import Indicator, IndicatorTarget
from monev.models import ActionProgress, Realisation, ReviewState
from roadmap.models import RoadmapEdition

# What a public row may read from a report: no text, no person (docs/open-data.md).
REALISATION_FIELDS = (
    "indicator_id",
    "activity_id",
    "year",
    "period",
    "number",
    "level",
    "is_nil",
    "review_state",
    "reviewed_at",
)
PROGRESS_FIELDS = ("planned_action_id", "lead", "quarter", "review_state", "status", "percent", "reviewed_at")


def verified_realisations() -> Prefetch:
    reports = Realisation.objects.filter(review_state=ReviewState.VERIFIED).select_related("level")
    return Prefetch("realisations", queryset=reports.only(*REALISATION_FIELDS))


def indicators(edition: RoadmapEdition):
    return list(
        Indicator.objects.of_edition(edition)
        .select_related("area", "scale", "data_owner")
        .prefetch_related(
            Prefetch("targets", queryset=IndicatorTarget.objects.select_related("level")),
            "scale__levels",
            verified_realisations(),
        )
    )


def activities(edition: RoadmapEdition):
    return list(
        PriorityActivity.objects.of_edition(edition)
        .select_related("area", "quick_win", "agency")
        .prefetch_related(
            Prefetch("targets", queryset=ActivityTarget.objects.select_related("level")),
            verified_realisations(),
        )
    )


def plan_rows(edition: RoadmapEdition):
    """Rows with their lead agencies and planned actions, each with its leads' verified reports."""
    progress = (
        ActionProgress.objects.filter(review_state=ReviewState.VERIFIED, lead__isnull=False)
        .select_related("lead")
        .only(*PROGRESS_FIELDS, "lead__name", "lead__short_name")
    )
    return list(
        ActionPlanRow.objects.of_edition(edition)
        .select_related("area", "group")
        .prefetch_related(
            "leads__agency",
            Prefetch(
                "planned_actions",
                queryset=PlannedAction.objects.prefetch_related(Prefetch("progress", queryset=progress)),
            ),
        )
    )
