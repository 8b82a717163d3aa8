"""Action-plan progress for a year (optionally up to a quarter): the share done per area and per lead agency."""

from django.db.models import Prefetch
from django.views.generic import TemplateView

from actions.models import ActionPlanRow, PlannedAction
from monev.models import ActionProgress, Quarter
from monev.models.periods import quarter_label
from monev.periods import chosen_year_and_quarter, edition_plan_years
from monev.plan_progress import PlanShare, action_standing, plan_share
from roadmap.mixins import EditionMixin


def share_of(actions: list[PlannedAction], quarters: list[int] | None) -> PlanShare:
    return plan_share(action_standing(action.progress.all(), quarters) for action in actions)


class ActionPlanProgressView(EditionMixin, TemplateView):
    template_name = "dashboards/action_plan_progress.html"

    def get_context_data(self, **kwargs):
        year, quarter, years = chosen_year_and_quarter(
            self.request, self.edition, years=edition_plan_years(self.edition)
        )
        # The plan as it stood at the chosen quarter's end: later reports are left out.
        quarters = list(range(1, quarter + 1)) if quarter else None
        lead_progress = ActionProgress.objects.filter(contributor__isnull=True)
        rows = (
            ActionPlanRow.objects.of_edition(self.edition)
            .select_related("area")
            .prefetch_related(
                "leads__agency",
                Prefetch(
                    "planned_actions",
                    queryset=PlannedAction.objects.filter(year=year).prefetch_related(
                        Prefetch("progress", queryset=lead_progress)
                    ),
                ),
            )
        )
        by_area: dict = {}
        by_agency: dict = {}
        for row in rows:
            actions = list(row.planned_actions.all())
            by_area.setdefault(row.area, []).extend(actions)
            for lead in row.leads.all():
                by_agency.setdefault(lead.agency, []).extend(actions)
        all_actions = [action for actions in by_area.values() for action in actions]
        return super().get_context_data(
            year=year,
            years=years,
            quarter=quarter,
            quarter_name=quarter_label(quarter),
            quarter_choices=Quarter.choices,
            total=share_of(all_actions, quarters),
            areas=[(area, share_of(actions, quarters)) for area, actions in by_area.items()],
            agencies=sorted(
                ((agency, share_of(actions, quarters)) for agency, actions in by_agency.items()),
                key=lambda pair: pair[0].name,
            ),
            **kwargs,
        )
