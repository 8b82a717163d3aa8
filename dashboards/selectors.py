"""Querysets the read side shares: a whole edition's items with one year's reports, and the action plan.

Every item comes with its targets and reports prefetched, so a page over a whole edition costs
a fixed number of queries whatever its size (pinned in tests/test_query_counts.py).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from django.conf import settings
from django.db.models import Prefetch

from actions.models import (
    ActionPlanGroup,
    ActionPlanLead,
    ActionPlanRow,
    ActivityTarget,
    PlannedAction,
    PriorityActivity,
)
from areas.models import ChangeArea, Indicator, IndicatorTarget
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
    as ``targets_by_year`` and, unless told otherwise, the year's reports."""
    reports = [realisations_of_year(year, periods)] if with_reports else []
    # A status computed from reports needs the scale's levels; one read from a stored standing does not.
    levels = ["scale__levels"] if with_reports else []
    indicators = (
        Indicator.objects.of_edition(edition)
        .select_related("area", "scale")
        .prefetch_related(*levels, *reports)
    )
    activities = (
        PriorityActivity.objects.of_edition(edition)
        .select_related("area", "quick_win", "agency")
        .prefetch_related(*reports)
    )
    if keys is not None:
        indicators = indicators.filter(pk__in=[pk for kind, pk in keys if kind == "indicator"])
        activities = activities.filter(pk__in=[pk for kind, pk in keys if kind == "activity"])
    indicator_targets = IndicatorTarget.objects.filter(indicator__in=indicators.values("pk"))
    activity_targets = ActivityTarget.objects.filter(activity__in=activities.values("pk"))
    if not all_target_years:
        indicator_targets, activity_targets = (
            indicator_targets.filter(year=year),
            activity_targets.filter(year=year),
        )
    # Of ``keys`` of one kind only (the dashboard's quick wins: activities), the other is not read.
    indicators = [] if keys is not None and not any(k == "indicator" for k, _ in keys) else list(indicators)
    activities = [] if keys is not None and not any(k == "activity" for k, _ in keys) else list(activities)
    with_targets(indicators, indicator_targets, "indicator_id")
    with_targets(activities, activity_targets, "activity_id")
    return indicators, activities


def with_targets(items: list, targets, item_field: str) -> None:
    """Each item's ``targets_by_year`` from one query of the targets: hundreds of items at scale,
    without the per-item managers and querysets a prefetch makes."""
    if not items:
        return
    by_item: dict[int, dict] = defaultdict(dict)
    for target in targets.select_related("level").order_by():
        by_item[getattr(target, item_field)][target.year] = target
    for item in items:
        item.targets_by_year = by_item.get(item.pk, {})


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


class LeadRecord(NamedTuple):
    """A lead agency (Utama) of an action-plan row."""

    agency_id: int
    agency: Agency


@dataclass(slots=True)
class PlanRow:
    """An action-plan row as plain values: what the recap and the year-end report print of it.

    ``lead_records`` in the regulation's order (``monev.action_reports.leads_of``); ``area`` and
    ``group`` are shared objects, one per area and group.
    """

    pk: int
    area_id: int
    area: ChangeArea
    group: ActionPlanGroup | None
    order: int
    label: str
    name: str
    supporting_as_written: str
    lead_records: list[LeadRecord] = field(default_factory=list)
    action_records: list[ActionRecord] = field(default_factory=list)

    def get_absolute_url(self) -> str:
        return settings.ABSOLUTE_URL_OVERRIDES["actions.actionplanrow"](self)  # the row's own page


GROUP_FIELDS = (
    "group_id",
    "group__code",
    "group__title",
    "group__parent_id",
    "group__parent__code",
    "group__parent__title",
)


def group_of(values: tuple, groups: dict[int, ActionPlanGroup]) -> ActionPlanGroup | None:
    """A row's heading (with its ``parent``) from the row's ``GROUP_FIELDS``, one object per heading."""
    pk, code, title, parent_id, parent_code, parent_title = values
    if pk is None:
        return None
    if pk not in groups:
        parent = ActionPlanGroup(pk=parent_id, code=parent_code, title=parent_title) if parent_id else None
        groups[pk] = ActionPlanGroup(pk=pk, code=code, title=title, parent_id=parent_id, parent=parent)
    return groups[pk]


def plan_rows(
    edition: RoadmapEdition,
    year: int | None,
    *,
    progress_year: int | None = None,
    placements: bool = False,
) -> list[PlanRow]:
    """Action-plan rows with their leads, the year's (or every year's) planned actions and their progress:
    each lead's part and each supporting agency's contribution.

    Plain values throughout: each row's planned actions (``action_records``) with their progress
    (``monev.action_reports.reports_of``) for those of ``progress_year`` (default ``year``) only, so
    thousands of rows and reports cost no model objects. ``placements``: the areas' placements too.
    """
    areas = ChangeArea.objects.filter(edition=edition)
    areas = areas.prefetch_related("placements") if placements else areas
    area_by_id = {area.pk: area for area in areas}
    groups: dict[int, ActionPlanGroup] = {}
    rows: dict[int, PlanRow] = {}
    for pk, area_id, order, label, name, supporting, *group in ActionPlanRow.objects.of_edition(
        edition
    ).values_list("pk", "area_id", "order", "label", "name", "supporting_as_written", *GROUP_FIELDS):
        group = group_of(group, groups)
        rows[pk] = PlanRow(pk, area_id, area_by_id[area_id], group, order, label, name, supporting)
    agencies = Agency.objects.in_bulk()
    for row_id, agency_id in ActionPlanLead.objects.filter(row__area__edition=edition).values_list(
        "row_id", "agency_id"
    ):
        rows[row_id].lead_records.append(LeadRecord(agency_id, agencies[agency_id]))
    progress_year = progress_year or year
    found: dict[int, list[ProgressRecord]] = defaultdict(list)
    # Each action's reports in quarter order; the model's ordering (area, row, action) would sort
    # every report of the year through three joins, the costliest step of the workbooks at scale.
    for action_id, *values in (
        ActionProgress.objects.filter(
            planned_action__row__area__edition=edition, planned_action__year=progress_year
        )
        .order_by("planned_action_id", "quarter")
        .values_list("planned_action_id", *RECORD_FIELDS)
    ):
        contributor = agencies.get(values[1]) if values[1] else None
        found[action_id].append(ProgressRecord(values[0], values[1], contributor, *values[2:]))
    actions = PlannedAction.objects.filter(year=year) if year else PlannedAction.objects.all()
    for pk, row_id, action_year, text in (
        actions.filter(row__area__edition=edition)
        .order_by("row_id", "year", "order")  # within a row; rows keep their own order
        .values_list("pk", "row_id", "year", "text")
    ):
        rows[row_id].action_records.append(
            ActionRecord(pk, action_year, text, found.get(pk, []) if action_year == progress_year else [])
        )
    return list(rows.values())
