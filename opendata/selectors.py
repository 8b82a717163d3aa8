"""An edition's items with their VERIFIED reports only: nothing else ever reaches the open data.

Drafts, reports awaiting review and returned reports are filtered out in the database, so no
later step can leak them. A fixed number of queries whatever the edition's size.
"""

import datetime
from collections import defaultdict
from typing import NamedTuple

from django.db.models import Prefetch

from actions.models import ActionPlanLead, ActionPlanRow, ActivityTarget, PlannedAction, PriorityActivity
from areas.models import Indicator, IndicatorTarget
from dashboards.selectors import ActionRecord, LeadRecord
from monev.models import ActionProgress, Realisation, ReviewState
from roadmap.models import Agency, RoadmapEdition

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


def let_go(item) -> None:
    """Drop an item's prefetched targets and reports once its rows are written. Django points each
    prefetched row back at its item, so every report makes a reference cycle that only the garbage
    collector frees: 63,000 objects per download at scale 20, whose collection the worker's next
    request paid for (a recap right after a download spent 230-280 ms more in the collector at
    scale 40). Without the item's lists, reference counting frees them as the download goes."""
    item.__dict__.pop("_prefetched_objects_cache", None)
    item.__dict__.pop("targets_by_year", None)  # areas.models: a cached dict of the same targets


class VerifiedPart(NamedTuple):
    """A lead agency's verified report of a planned action, as plain values (no text, no person)."""

    lead_id: int
    quarter: int
    review_state: str
    status: str
    percent: int
    reviewed_at: datetime.datetime | None


def plan_rows(edition: RoadmapEdition):
    """Rows with their lead agencies (``lead_records``), and their planned actions as plain records
    (``action_records``, as ``dashboards.selectors.plan_rows`` gives them), each with its leads' verified reports
    (``monev.action_reports.reports_of``): ten thousand reports at scale cost no model objects."""
    rows = list(ActionPlanRow.objects.of_edition(edition).select_related("area", "group"))
    agencies = Agency.objects.in_bulk()
    leads: dict[int, list[LeadRecord]] = defaultdict(list)  # in the regulation's order
    for row_id, agency_id in ActionPlanLead.objects.filter(row__area__edition=edition).values_list(
        "row_id", "agency_id"
    ):
        leads[row_id].append(LeadRecord(agency_id, agencies[agency_id]))
    reports: dict[int, list[VerifiedPart]] = defaultdict(list)
    for action_id, *values in (
        ActionProgress.objects.filter(
            review_state=ReviewState.VERIFIED, lead__isnull=False, planned_action__row__area__edition=edition
        )
        .order_by()
        .values_list(
            "planned_action_id", "lead_id", "quarter", "review_state", "status", "percent", "reviewed_at"
        )
    ):
        reports[action_id].append(VerifiedPart(*values))
    actions: dict[int, list[ActionRecord]] = defaultdict(list)
    for pk, row_id, year, text in (
        PlannedAction.objects.filter(row__area__edition=edition)
        .order_by("row", "year", "order")
        .values_list("pk", "row_id", "year", "text")
    ):
        actions[row_id].append(ActionRecord(pk, year, text, reports.get(pk, [])))
    for row in rows:
        row.action_records = actions.get(row.pk, [])
        row.lead_records = leads.get(row.pk, [])  # monev.action_reports.leads_of
    return rows
