"""The Tim Pengarah's dashboard: the reform's state for a year (and quarter) on one printable page."""

from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from dashboards import dashboard_cache
from dashboards.overview import build_overview, key_indicator_series
from followup.selectors import year_tally
from monev.models import Quarter
from monev.models.periods import quarter_label
from monev.periods import chosen_year_and_quarter
from roadmap.mixins import EditionMixin


class DashboardView(EditionMixin, TemplateView):
    template_name = "dashboards/dashboard.html"

    def get_context_data(self, **kwargs):
        year, quarter, years = chosen_year_and_quarter(self.request, self.edition)
        today = timezone.localdate()
        overview, indicator_charts = dashboard_cache.remember(
            ("dashboard", self.edition.pk, year, quarter, today),
            lambda: (
                build_overview(self.edition, year, quarter, today),
                key_indicator_series(self.edition, year, quarter, today=today),
            ),
        )
        area_chart = [
            {
                "label": f"{area.order}. {area.name}",
                "value": float(summary.average) if summary.average is not None else None,
                "colour": summary.category.colour if summary.category else "#adb5bd",
                "url": f"{reverse('dashboards:achievement')}?year={year}&area={area.pk}"
                + (f"&quarter={quarter}" if quarter else ""),
            }
            for area, summary, _ in overview.areas
        ]
        agency_chart = [
            {"label": entry.agency.short_name, "value": entry.share, "url": entry.agency.get_absolute_url()}
            for entry in overview.completeness
        ]
        return super().get_context_data(
            overview=overview,
            year=year,
            quarter=quarter,
            years=years,
            quarters=Quarter.choices,
            quarter_label=quarter_label(quarter),
            followup=year_tally(self.profile, year, today),
            charts={
                "indicators": indicator_charts,
                "areas": area_chart,
                "agencies": agency_chart,
            },
            **kwargs,
        )
