"""The list of indicators with their yearly targets."""

from django_tables2 import SingleTableMixin

from areas.filters import IndicatorFilter
from areas.models import Indicator, IndicatorTarget
from areas.selectors import indicators_with_targets
from areas.tables import IndicatorTable
from roadmap.mixins import EditionMixin, LenientFilterView
from roadmap.spreadsheets import TableExportMixin


class IndicatorListView(EditionMixin, TableExportMixin, SingleTableMixin, LenientFilterView):
    export_title, export_name = "Target indikator", "target-indikator"
    template_name = "areas/indicator_list.html"
    table_class = IndicatorTable
    filterset_class = IndicatorFilter
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        return indicators_with_targets(Indicator.objects.of_edition(self.edition))

    def get_table_kwargs(self):
        years = IndicatorTarget.objects.filter(indicator__in=self.object_list).values_list("year", flat=True)
        return {"years": sorted(set(years))}
