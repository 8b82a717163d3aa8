"""Agency plans on the read side: one plan's achievement by area and year, and the ranking of agencies."""

from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView

from dashboards.agency_plans import plan_progress, plan_years, ranking
from monev.periods import default_year
from plans.access import get_plan_for_user
from roadmap.access import require_profile
from roadmap.mixins import EditionMixin
from roadmap.models import Role
from roadmap.notation import parse_whole


def require_overseer(user):
    """Staff and the Tim Pengarah compare agencies; an agency reads its own plan's page."""
    profile = require_profile(user)
    if profile.role not in (Role.STAFF, Role.STEERING):
        raise PermissionDenied("Peringkat rencana aksi Perangkat Daerah untuk staf dan Tim Pengarah.")
    return profile


def chosen_year(request, years: list[int], edition) -> int:
    year = parse_whole(request.GET.get("year"))
    return year if year in years else default_year(edition, years)


class AgencyPlanProgressView(EditionMixin, TemplateView):
    template_name = "dashboards/agency_plan_progress.html"

    def dispatch(self, request, *args, **kwargs):
        self.plan = get_plan_for_user(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def item_edition_pk(self):
        return self.plan.edition_id

    def get_context_data(self, **kwargs):
        years = list(self.plan.years)
        year = chosen_year(self.request, years, self.edition)
        return super().get_context_data(
            plan=self.plan,
            year=year,
            years=years,
            progress=plan_progress(self.plan, year, self.profile),
            **kwargs,
        )


class AgencyPlanRankingView(EditionMixin, TemplateView):
    template_name = "dashboards/agency_plan_ranking.html"
    access = staticmethod(require_overseer)

    def get_context_data(self, **kwargs):
        years = plan_years() or [self.edition.start_year]
        year = chosen_year(self.request, years, self.edition)
        return super().get_context_data(year=year, years=years, rows=ranking(year), **kwargs)
