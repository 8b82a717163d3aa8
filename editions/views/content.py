"""Staff's page for an edition's content: every area with its indicators, activities and action plan,
and the quick wins, each with the links that add, change or drop it."""

from collections import defaultdict

from django.views.generic import TemplateView

from actions.models import ActionPlanLead, ActionPlanRow, ActivityTarget, PlannedAction, PriorityActivity
from areas.models import Indicator, IndicatorTarget
from editions.access import get_edition_for_user, require_editor
from editions.mixins import OneEditionMixin


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


class ContentView(OneEditionMixin, TemplateView):
    template_name = "editions/content.html"
    access = staticmethod(require_editor)

    def fetch(self, request, pk):
        return get_edition_for_user(request.user, pk, write=True)

    def get_context_data(self, **kwargs):
        # A query per kind of row for the whole edition, grouped here: prefetching them per area and
        # per item costs a queryset per object (2,300 items at scale 20), most of this page's time.
        edition = self.subject
        years = list(edition.years)
        areas = list(edition.areas.prefetch_related("pokja_memberships__agency"))
        indicators = list(
            Indicator.objects.filter(area__edition=edition).select_related("data_owner", "scale")
        )
        with_targets(
            indicators, IndicatorTarget.objects.filter(indicator__area__edition=edition).select_related("level"),
            "indicator_id",
        )  # fmt: skip
        activities = list(PriorityActivity.objects.of_edition(edition).select_related("agency"))
        with_targets(
            activities, ActivityTarget.objects.filter(activity__in=[a.pk for a in activities]).select_related("level"),
            "activity_id",
        )  # fmt: skip
        rows = list(ActionPlanRow.objects.filter(area__edition=edition).select_related("group"))
        leads = grouped(
            ActionPlanLead.objects.filter(row__area__edition=edition).select_related("agency"), "row_id"
        )
        actions = grouped(PlannedAction.objects.filter(row__area__edition=edition), "row_id")
        for row in rows:
            row.lead_list, row.action_list = leads.get(row.pk, []), actions.get(row.pk, [])
        by_area = {
            name: grouped(objects, "area_id")
            for name, objects in (("indicators", indicators), ("activities", activities), ("rows", rows))
        }
        for area in areas:
            area.indicator_list = by_area["indicators"].get(area.pk, [])
            area.activity_list = by_area["activities"].get(area.pk, [])
            area.row_list = by_area["rows"].get(area.pk, [])
        quick_wins = list(edition.quick_wins.select_related("lead_agency"))
        by_quick_win = grouped(activities, "quick_win_id")
        for quick_win in quick_wins:
            quick_win.activity_list = by_quick_win.get(quick_win.pk, [])
        return super().get_context_data(
            areas=areas,
            quick_wins=quick_wins,
            years=years,
            open_amendments=list(edition.amendments.open()),
            **kwargs,
        )
