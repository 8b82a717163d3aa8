"""What can be reported on: an indicator, a priority activity, an action-plan row or a plan indicator.

Reports, reopenings and history refer to an item through one foreign key per kind; these
helpers build that key, so no module spells the choice out again.
"""

from collections.abc import Callable
from dataclasses import dataclass

from actions.access import get_activity_for_user, may_write_activity
from actions.models import ActionPlanRow, PriorityActivity
from areas.access import get_indicator_for_user, may_write_indicator
from areas.models import Indicator
from monev.selectors import activity_queryset, indicator_queryset, plan_indicator_queryset
from plans.access import get_plan_indicator_for_user, may_write_plan_indicator
from plans.models import PlanIndicator

ITEM_MODELS = {
    "indicator": Indicator,
    "activity": PriorityActivity,
    "row": ActionPlanRow,
    "plan_indicator": PlanIndicator,  # an agency's own reform plan (docs/plans.md)
}


def item_kind(item) -> str:
    """ "indicator", "activity", "row" or "plan_indicator" (the word used in URLs and foreign keys)."""
    for kind, model in ITEM_MODELS.items():
        if isinstance(item, model):
            return kind
    raise TypeError(f"not a reportable item: {item!r}")


def item_key(item) -> dict:
    """The foreign key naming ``item``, e.g. ``{"indicator": item}``, for filters and new rows."""
    return {item_kind(item): item}


def item_id_key(item) -> dict:
    """The same key by id, e.g. ``{"indicator_id": 7}`` (for history tables)."""
    return {f"{item_kind(item)}_id": item.pk}


@dataclass(frozen=True)
class ItemKind:
    """What differs between indicator and activity pages: how to fetch, who writes, the report form."""

    name: str
    fetch: Callable
    may_write: Callable
    queryset: Callable
    report_url: str


INDICATOR = ItemKind(
    "indicator",
    get_indicator_for_user,
    may_write_indicator,
    indicator_queryset,
    "monev:indicator-report",
)
ACTIVITY = ItemKind(
    "activity", get_activity_for_user, may_write_activity, activity_queryset, "monev:activity-report"
)
PLAN_INDICATOR = ItemKind(
    "plan_indicator",
    get_plan_indicator_for_user,
    may_write_plan_indicator,
    plan_indicator_queryset,
    "monev:plan_indicator-report",
)
