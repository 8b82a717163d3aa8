"""The completeness matrix for Bagian Organisasi: who has reported what, and whom to chase."""

from django import forms
from django.core.paginator import Paginator
from django.views.generic import TemplateView

from areas.filters import edition_areas
from dashboards.completeness import CELL_LABELS, build_matrix, page_cells
from monev.models import Period
from monev.periods import chosen_year_and_quarter
from roadmap.access import require_staff
from roadmap.forms import BootstrapFormMixin
from roadmap.mixins import EditionMixin
from roadmap.models import Agency

MATRIX_PAGE_SIZE = 100


class MatrixFilterForm(BootstrapFormMixin, forms.Form):
    year = forms.TypedChoiceField(label="Tahun", coerce=int)
    period = forms.ChoiceField(
        label="Periode", required=False, choices=[("", "Semua periode")] + Period.choices
    )
    area = forms.ModelChoiceField(
        label="Area perubahan", queryset=None, required=False, empty_label="Semua area"
    )
    agency = forms.ModelChoiceField(
        label="Perangkat Daerah",
        queryset=Agency.objects.order_by("name"),
        required=False,
        empty_label="Semua",
    )

    def __init__(self, *args, years: list[int], request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]
        self.fields["area"].queryset = edition_areas(request)  # of the edition the page shows


class CompletenessView(EditionMixin, TemplateView):
    template_name = "dashboards/completeness.html"
    access = staticmethod(require_staff)

    def get_context_data(self, **kwargs):
        year, _, years = chosen_year_and_quarter(self.request, self.edition)
        form = MatrixFilterForm({**self.request.GET.dict(), "year": year}, years=years, request=self.request)
        form.is_valid()  # an invalid filter is ignored (and shown on the form); the rest still applies
        data = {"period": "", "area": None, "agency": None} | form.cleaned_data
        periods = [data["period"]] if data["period"] else list(Period.values)
        matrix, chase = build_matrix(self.edition, year, periods, area=data["area"], agency=data["agency"])
        # Thousands of lines at scale: show a page of them; the chase list above covers them all.
        page = Paginator(matrix, MATRIX_PAGE_SIZE).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            form=form,
            year=year,
            periods=[Period(p).label for p in periods],
            matrix=page_cells(page.object_list),
            page_obj=page,
            # Twenty pages at scale: the first, the last and two either side of this one.
            page_range=page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            chase=chase,
            labels=CELL_LABELS,
            **kwargs,
        )
