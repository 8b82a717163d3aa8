"""The year-end monev report, printable and as a workbook, and what staff set for it."""

import re

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from dashboards.agency_plans import yearend_plans
from dashboards.excel.yearend import report_workbook
from dashboards.yearend import build_report, risk_lines
from monev.models import ReportSignatory, RiskStatus
from monev.models.yearend import NIP_PATTERN, normalise_nip
from monev.periods import chosen_year_and_quarter
from monev.services import save_risk_reviews
from roadmap.access import require_staff
from roadmap.forms import BootstrapFormMixin, WholeNumberField
from roadmap.mixins import EditionMixin
from roadmap.spreadsheets import xlsx_response


class YearEndReportView(EditionMixin, TemplateView):
    template_name = "dashboards/yearend_report.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("_export") == "xlsx":
            year, _, _ = chosen_year_and_quarter(request, self.edition)
            report = build_report(self.edition, year, timezone.localdate())
            return xlsx_response(report_workbook(report, self.edition), f"laporan-monev-rb-{year}.xlsx")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        year, _, years = chosen_year_and_quarter(self.request, self.edition)
        return super().get_context_data(
            report=build_report(self.edition, year, timezone.localdate()),
            year=year,
            years=years,
            place=settings.REPORT_PLACE,
            plans=yearend_plans(year),
            **kwargs,
        )


class RiskReviewForm(BootstrapFormMixin, forms.Form):
    status = forms.ChoiceField(label="Status", choices=RiskStatus.choices)
    note = forms.CharField(
        label="Keterangan dan tindak lanjut", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RiskReviewView(EditionMixin, TemplateView):
    """The status of each obstacle of Tabel 2.1 in a year, as the Tim Pelaksana judges it."""

    template_name = "dashboards/risk_reviews.html"
    access = staticmethod(require_staff)

    def forms(self, year: int, data=None):
        return [
            (
                line,
                RiskReviewForm(
                    data,
                    prefix=f"risk-{line.risk.pk}",
                    initial={"status": line.review.status, "note": line.review.note},
                ),
            )
            for line in risk_lines(self.edition, year)
        ]

    def get_context_data(self, **kwargs):
        year, _, years = chosen_year_and_quarter(self.request, self.edition)
        kwargs.setdefault("risk_forms", self.forms(year))
        return super().get_context_data(year=year, years=years, **kwargs)

    def post(self, request):
        year, _, _ = chosen_year_and_quarter(request, self.edition)
        risk_forms = self.forms(year, request.POST)
        if not all(form.is_valid() for _, form in risk_forms):
            return self.render_to_response(self.get_context_data(risk_forms=risk_forms))
        changed = save_risk_reviews(
            year=year,
            entries=[
                (line.risk, form.cleaned_data["status"], form.cleaned_data["note"])
                for line, form in risk_forms
            ],
            user=request.user,
        )
        messages.success(request, f"Status hambatan {year} disimpan ({changed} berubah).")
        return redirect(f"{reverse('dashboards:report')}?year={year}#hambatan")


class SignatoryForm(BootstrapFormMixin, forms.ModelForm):
    order = WholeNumberField(label="Urutan", min_value=0, max_value=32767, initial=1)
    nip = forms.CharField(
        label="NIP", max_length=30, required=False, help_text=ReportSignatory._meta.get_field("nip").help_text
    )

    class Meta:
        model = ReportSignatory
        fields = ["order", "capacity", "position", "name", "rank", "nip"]

    def clean_nip(self):
        nip = normalise_nip(self.cleaned_data.get("nip", ""))
        if nip and not re.fullmatch(NIP_PATTERN, nip):
            raise forms.ValidationError(
                "NIP terdiri dari 18 angka (spasi boleh, mis. 19700101 199003 1 001)."
            )
        return nip


SignatoryFormSet = forms.modelformset_factory(ReportSignatory, form=SignatoryForm, extra=1, can_delete=True)


class SignatoryView(EditionMixin, TemplateView):
    """Who signs the year-end report: name, position and NIP."""

    template_name = "dashboards/signatories.html"
    access = staticmethod(require_staff)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("formset", SignatoryFormSet(queryset=ReportSignatory.objects.all()))
        return super().get_context_data(**kwargs)

    def post(self, request):
        formset = SignatoryFormSet(request.POST, queryset=ReportSignatory.objects.all())
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(formset=formset))
        with transaction.atomic():
            formset.save()
        messages.success(request, "Penandatangan laporan disimpan.")
        return redirect("dashboards:report")
