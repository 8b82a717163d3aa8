"""Querysets the read side shares: a whole edition's items with one year's reports, and the action plan.

Every item comes with its targets and reports prefetched, so a page over a whole edition costs
a fixed number of queries whatever its size (pinned in tests/test_query_counts.py).
"""

from collections import defaultdict
from typing import NamedTuple

from django.db.models import Prefetch

from actions.models import ActionPlanRow, ActivityTarget, PlannedAction, PriorityActivity
from areas.models import Indicator, IndicatorTarget
from monev.models import ActionProgress, Realisation, ReviewState
from roadmap.models import Agency, RoadmapEdition


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


class ProgressRecord(NamedTuple):
    """A planned action's progress report as plain values: what its progress in words needs."""

    lead_id: int | None
    contributor_id: int | None
    contributor: Agency | None
    quarter: int
    review_state: str
    status: str
    percent: int
    note: str
    obstacles: str


RECORD_FIELDS = (
    "lead_id",
    "contributor_id",
    "quarter",
    "review_state",
    "status",
    "percent",
    "note",
    "obstacles",
)


class ActionRecord(NamedTuple):
    """A planned action as plain values, with its progress reports (``progress_records``)."""

    pk: int
    year: int
    text: str
    progress_records: list[ProgressRecord]


def plan_rows(
    edition: RoadmapEdition,
    year: int | None,
    *,
    progress_year: int | None = None,
    records: bool = False,
    also: tuple[str, ...] = (),
):
    """Action-plan rows with their leads, the year's (or every year's) planned actions and their progress:
    each lead's part and each supporting agency's contribution.

    With ``records``, evaluated, and each row's planned actions are plain values (``actions_of``) with
    their progress (``monev.action_reports.reports_of``), for those of ``progress_year`` (default
    ``year``) only: thousands of reports then cost no model objects. ``also``: further lookups to prefetch.
    """
    actions = PlannedAction.objects.filter(year=year) if year else PlannedAction.objects.all()
    rows = (
        ActionPlanRow.objects.of_edition(edition)
        .select_related("area", "group__parent")
        .prefetch_related("leads__agency", *also)
    )
    if not records:
        progress = ActionProgress.objects.select_related("lead", "contributor")
        return rows.prefetch_related(
            Prefetch(
                "planned_actions", queryset=actions.prefetch_related(Prefetch("progress", queryset=progress))
            )
        )
    rows = list(rows)
    progress_year = progress_year or year
    agencies = Agency.objects.in_bulk()
    found: dict[int, list[ProgressRecord]] = defaultdict(list)
    for action_id, *values in ActionProgress.objects.filter(
        planned_action__row__area__edition=edition, planned_action__year=progress_year
    ).values_list("planned_action_id", *RECORD_FIELDS):
        contributor = agencies.get(values[1]) if values[1] else None
        found[action_id].append(ProgressRecord(values[0], values[1], contributor, *values[2:]))
    by_row: dict[int, list[ActionRecord]] = defaultdict(list)
    for pk, row_id, action_year, text in (
        actions.filter(row__area__edition=edition)
        .order_by("row", "year", "order")
        .values_list("pk", "row_id", "year", "text")
    ):
        by_row[row_id].append(
            ActionRecord(pk, action_year, text, found.get(pk, []) if action_year == progress_year else [])
        )
    for row in rows:
        row.action_records = by_row.get(row.pk, [])
    return rows


def actions_of(row) -> list:
    """A row's planned actions: the plain records ``plan_rows(records=True)`` loaded, else the prefetched ones."""
    records = getattr(row, "action_records", None)
    return records if records is not None else list(row.planned_actions.all())
