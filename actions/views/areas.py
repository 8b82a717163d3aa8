"""The road map's home page and the page of each change area: its indicators, activities and action plan.

They live here, not in areas, because they show the activities and action-plan rows of this app.
"""

from django.db.models import Count, Prefetch
from django.views.generic import DetailView, TemplateView

from actions.models import ActionPlanRow, PriorityActivity
from areas.access import get_area_for_user
from areas.models import ChangeArea, Indicator
from areas.selectors import indicators_with_targets, years_of
from areas.tables import IndicatorTable
from roadmap.counting import count_of
from roadmap.mixins import EditionMixin


class OverviewView(EditionMixin, TemplateView):
    template_name = "actions/overview.html"

    def get_context_data(self, **kwargs):
        areas = self.edition.areas.annotate(
            indicator_count=count_of(Indicator.objects.all(), "area"),
            activity_count=count_of(PriorityActivity.objects.all(), "area"),
            action_row_count=count_of(ActionPlanRow.objects.all(), "area"),
        ).prefetch_related("expected_results")
        quick_wins = self.edition.quick_wins.select_related("lead_agency").annotate(
            activity_count=Count("activities")
        )
        return super().get_context_data(areas=areas, quick_wins=quick_wins, **kwargs)


class AreaDetailView(EditionMixin, DetailView):
    template_name = "actions/area_detail.html"
    context_object_name = "area"

    def get_object(self, queryset=None):
        queryset = ChangeArea.objects.prefetch_related(
            "placements",
            "expected_results",
            "pokja_memberships__agency",
            Prefetch("indicators", queryset=indicators_with_targets()),
            "activities__agency",
            "activities__targets__level",
            "action_groups",
            "action_rows__leads__agency",
            "action_rows__planned_actions",
        )
        return get_area_for_user(self.request.user, self.kwargs["pk"], queryset=queryset)

    def get_context_data(self, **kwargs):
        area = self.object
        self.show_edition_of(area.edition_id)
        indicators = area.indicators.all()
        activities = area.activities.all()
        rows = area.action_rows.all()
        plan_years = sorted({action.year for row in rows for action in row.planned_actions.all()})
        return super().get_context_data(
            indicator_table=IndicatorTable(
                indicators, years=years_of(indicators), orderable=False, exclude=("area",)
            ),
            activities=activities,
            activity_years=years_of(activities),
            plan_years=plan_years,
            action_sections=action_plan_sections(area, rows, plan_years),
            **kwargs,
        )


def action_plan_sections(area, rows, years) -> list[dict]:
    """The area's action plan in document order: one section per run of rows in a group.

    A section repeats its group's parent heading (e.g. "b." above "b.1") only where the
    parent changes, as the document prints it.
    """
    groups = {group.pk: group for group in area.action_groups.all()}
    sections: list[dict] = []
    for row in rows:
        group = groups.get(row.group_id)
        if not sections or sections[-1]["group"] is not group:
            parent = groups.get(group.parent_id) if group else None
            previous_parent = sections[-1]["parent"] if sections else None
            sections.append(
                {"group": group, "parent": parent, "show_parent": parent is not previous_parent, "rows": []}
            )
        per_year = [[action for action in row.planned_actions.all() if action.year == year] for year in years]
        sections[-1]["rows"].append((row, per_year))
    return sections
