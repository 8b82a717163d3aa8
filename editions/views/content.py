"""Staff's page for an edition's content: one change area at a time (``?area=<id>``, the first by
default) with its indicators, activities and action plan, or the quick wins (``?area=quick-wins``),
each with the links that add, change or drop it."""

from collections import defaultdict

from django.urls import reverse
from django.views.generic import TemplateView

from actions.models import ActionPlanLead, ActionPlanRow, ActivityTarget, PlannedAction, PriorityActivity
from areas.models import IndicatorTarget
from editions.access import get_edition_for_user, require_editor
from editions.mixins import QUICK_WINS, OneEditionMixin


def grouped(rows, key: str) -> dict:
    """Rows (in their model's order) by the value of ``key``."""
    groups = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return groups


def with_targets(items, targets, key: str) -> None:
    """Each item's ``targets_by_year`` filled from one query of all their targets."""
    by_item = grouped(targets, key)
    for item in items:
        item.__dict__["targets_by_year"] = {target.year: target for target in by_item.get(item.pk, [])}


def with_links(items, kind: str) -> None:
    """Each item's change and drop links, reversed once per kind rather than twice per item."""
    mark = 987654321
    edit = reverse(f"editions:{kind}-edit", args=[mark]).split(str(mark))
    drop = reverse(f"editions:{kind}-drop", args=[mark]).split(str(mark))
    for item in items:
        item.edit_url = f"{edit[0]}{item.pk}{edit[1]}"
        item.drop_url = f"{drop[0]}{item.pk}{drop[1]}"


def chosen_area(areas: list, value: str | None):
    """The area named by ``?area=``, the quick wins, or (unknown or absent) the first area."""
    if value == QUICK_WINS or not areas:
        return QUICK_WINS
    return next((area for area in areas if str(area.pk) == value), areas[0])


def fill_area(area) -> None:
    """The area's indicators, activities and action-plan rows, a query per kind (and their parts)."""
    area.indicator_list = list(area.indicators.select_related("data_owner", "scale"))
    with_targets(
        area.indicator_list, IndicatorTarget.objects.filter(indicator__area=area).select_related("level"),
        "indicator_id",
    )  # fmt: skip
    area.activity_list = list(PriorityActivity.objects.filter(area=area).select_related("agency"))
    with_targets(
        area.activity_list, ActivityTarget.objects.filter(activity__area=area).select_related("level"),
        "activity_id",
    )  # fmt: skip
    area.row_list = list(ActionPlanRow.objects.filter(area=area).select_related("group"))
    leads = grouped(
        ActionPlanLead.objects.filter(row__area=area)
        .select_related("agency")
        .only("row_id", "agency", "agency__short_name"),
        "row_id",
    )
    actions = grouped(PlannedAction.objects.filter(row__area=area).only("row_id", "year", "text"), "row_id")
    for row in area.row_list:
        row.lead_list, row.action_list = leads.get(row.pk, []), actions.get(row.pk, [])
    for items, kind in (
        (area.indicator_list, "indicator"),
        (area.activity_list, "activity"),
        (area.row_list, "row"),
    ):
        with_links(items, kind)


def quick_wins_of(edition) -> list:
    """The edition's quick wins, each with its activities and their targets."""
    quick_wins = list(edition.quick_wins.select_related("lead_agency"))
    activities = list(PriorityActivity.objects.filter(quick_win__edition=edition).select_related("agency"))
    with_targets(
        activities, ActivityTarget.objects.filter(activity__quick_win__edition=edition).select_related("level"),
        "activity_id",
    )  # fmt: skip
    with_links(activities, "activity")
    by_quick_win = grouped(activities, "quick_win_id")
    for quick_win in quick_wins:
        quick_win.activity_list = by_quick_win.get(quick_win.pk, [])
    return quick_wins


class ContentView(OneEditionMixin, TemplateView):
    template_name = "editions/content.html"
    access = staticmethod(require_editor)

    def fetch(self, request, pk):
        return get_edition_for_user(request.user, pk, write=True)

    def get_context_data(self, **kwargs):
        # One area per page: a 20-times road map has 2,300 items, far too many to render at once.
        edition = self.subject
        areas = list(edition.areas.prefetch_related("pokja_memberships__agency"))
        shown = chosen_area(areas, self.request.GET.get("area"))
        if shown == QUICK_WINS:
            quick_wins = quick_wins_of(edition)
        else:
            fill_area(shown)
        return super().get_context_data(
            areas=areas,
            shown=shown,
            quick_wins_shown=shown == QUICK_WINS,
            quick_wins=quick_wins if shown == QUICK_WINS else [],
            quick_wins_key=QUICK_WINS,
            years=list(edition.years),
            open_amendments=list(edition.amendments.open()),
            **kwargs,
        )
