"""Excel downloads of the monev data: the recap per area, per agency or of the whole roadmap."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views import View

from dashboards.excel.recap import Scope, recap_workbook
from monev.periods import chosen_year_and_quarter
from roadmap.mixins import EditionMixin
from roadmap.models import Agency
from roadmap.notation import parse_whole
from roadmap.spreadsheets import xlsx_response


class RecapView(EditionMixin, View):
    """``?year=2020`` plus ``area=<id>`` or ``agency=<code>`` (neither: the whole roadmap)."""

    def get(self, request):
        year, _, _ = chosen_year_and_quarter(request, self.edition)
        area = agency = None
        if request.GET.get("area"):
            area_id = parse_whole(request.GET["area"])
            if area_id is None:
                raise Http404
            area = get_object_or_404(self.edition.areas, pk=area_id)
        elif request.GET.get("agency"):
            agency = get_object_or_404(Agency.objects.with_code(request.GET["agency"]))
        scope = Scope(area=area, agency=agency)
        workbook = recap_workbook(self.edition, year, scope, timezone.localdate())
        return xlsx_response(workbook, f"rekap-monev-{year}-{scope.slug}.xlsx")
