"""Querysets the read side shares: a whole edition's items with one year's reports, and the action plan.

Every item comes with its targets and reports prefetched, so a page over a whole edition costs
a fixed number of queries whatever its size (pinned in tests/test_query_counts.py).
"""

from django.db.models import Prefetch

from actions.models import ActionPlanRow, ActivityTarget, PlannedAction, PriorityActivity
from areas.models import Indicator, IndicatorTarget
from monev.models import ActionProgress, Realisation, ReviewState
from roadmap.models import RoadmapEdition


def realisations_of_year(year: int, periods: list[str] | None = None) -> Prefetch:
    """An item's ``realisations`` of one year (of some periods only, when given), with their levels.

    Drafts are left out: they never count, and they are their reporter's and staff's only.
    """
    reports = (
        Realisation.objects.filter(year=year).exclude(review_state=ReviewState.DRAFT).select_related("level")
    )
    return Prefetch("realisations", queryset=reports.filter(period__in=periods) if periods else reports)


def edition_items(
    edition: RoadmapEdition,
    year: int,
    periods: list[str],
    all_target_years: bool = False,
    *,
    with_reports: bool = True,
    keys: list[tuple[str, int]] | None = None,
):
    """Every indicator and activity (or those of ``keys``) with that year's targets (or all of them)
    and, unless told otherwise, the year's reports."""
    indicator_targets = IndicatorTarget.objects.select_related("level")
    activity_targets = ActivityTarget.objects.select_related("level")
    if not all_target_years:
        indicator_targets, activity_targets = (
            indicator_targets.filter(year=year),
            activity_targets.filter(year=year),
        )
    reports = [realisations_of_year(year, periods)] if with_reports else []
    indicators = (
        Indicator.objects.of_edition(edition)
        .select_related("area", "scale")
        .prefetch_related(Prefetch("targets", queryset=indicator_targets), "scale__levels", *reports)
    )
    activities = (
        PriorityActivity.objects.of_edition(edition)
        .select_related("area", "quick_win", "agency")
        .prefetch_related(Prefetch("targets", queryset=activity_targets), *reports)
    )
    if keys is not None:
        indicators = indicators.filter(pk__in=[pk for kind, pk in keys if kind == "indicator"])
        activities = activities.filter(pk__in=[pk for kind, pk in keys if kind == "activity"])
    return list(indicators), list(activities)


def completeness_activities(edition: RoadmapEdition, year: int):
    """The activities an agency reports on, with the year's targets and which periods it reported."""
    return (
        PriorityActivity.objects.of_edition(edition)
        .filter(agency__isnull=False)
        .select_related("agency")
        .prefetch_related(
            Prefetch("targets", queryset=ActivityTarget.objects.filter(year=year)),
            Prefetch(
                "realisations",
                queryset=Realisation.objects.filter(year=year)
                .exclude(review_state=ReviewState.DRAFT)
                .only("activity", "period", "review_state"),
            ),
        )
    )


def plan_rows(edition: RoadmapEdition, year: int | None):
    """Action-plan rows with their leads, the year's (or every year's) planned actions and their progress:
    each lead's part and each supporting agency's contribution."""
    progress = ActionProgress.objects.select_related("lead", "contributor")
    actions = PlannedAction.objects.filter(year=year) if year else PlannedAction.objects.all()
    return (
        ActionPlanRow.objects.of_edition(edition)
        .select_related("area", "group__parent")
        .prefetch_related(
            "leads__agency",
            Prefetch(
                "planned_actions",
                queryset=actions.prefetch_related(Prefetch("progress", queryset=progress)),
            ),
        )
    )
