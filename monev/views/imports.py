"""Reporting through Excel: download an agency's template, upload it filled, preview, save.

The uploaded lines wait in the session between the preview and the save; the save checks
them again against the database as it is then, so nothing stale is written.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from monev.excel.importing import TemplateError, UploadedTemplate, apply_import, build_preview, read_template
from monev.excel.template import template_workbook
from monev.models import Period, ReportingWindow
from monev.periods import default_year, edition_years
from roadmap.access import get_agency_for_reporting, require_reporter
from roadmap.forms import BootstrapFormMixin
from roadmap.mixins import EditionMixin
from roadmap.models import Agency, RoadmapEdition
from roadmap.spreadsheets import xlsx_response

SESSION_KEY = "monev_import"


class TemplateRequestForm(BootstrapFormMixin, forms.Form):
    agency = forms.ModelChoiceField(label="Perangkat Daerah", queryset=None, to_field_name="code")
    year = forms.TypedChoiceField(label="Tahun", coerce=int)
    period = forms.ChoiceField(label="Periode", choices=Period.choices)

    def __init__(self, *args, profile, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        agencies = Agency.objects.order_by("name")
        self.fields["agency"].queryset = (
            agencies if profile.is_staff_member else agencies.filter(pk=profile.agency_id)
        )
        self.fields["agency"].empty_label = "(pilih)" if profile.is_staff_member else None
        self.fields["year"].choices = [(year, str(year)) for year in years]


class UploadForm(BootstrapFormMixin, forms.Form):
    file = forms.FileField(label="Templat yang sudah diisi (.xlsx)")
    reason = forms.CharField(
        label="Alasan perubahan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Wajib bila berkas mengubah laporan terverifikasi atau periode yang sudah ditutup.",
    )

    def __init__(self, *args, staff: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not staff:
            del self.fields["reason"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.IMPORT_MAX_UPLOAD_MB
        if upload.size > limit * 1024 * 1024:
            raise ValidationError(f"Berkas lebih besar dari {limit} MB.")
        if not upload.name.lower().endswith(".xlsx"):
            raise ValidationError("Unggah berkas Excel (.xlsx) dari templat aplikasi ini.")
        try:
            self.uploaded = read_template(upload.read())
        except TemplateError as error:
            raise ValidationError(str(error)) from None
        return upload


class ReporterMixin(EditionMixin):
    access = staticmethod(require_reporter)
    edition_switch = False  # a template is for the edition in force for its year

    def edition_for(self, year: int) -> RoadmapEdition:
        """The edition in force for ``year`` (docs/editions.md): its items are the ones reported."""
        if self.edition.start_year <= year <= timezone.localdate().year:
            return self.edition  # in force today, so no later one has started by ``year``
        return RoadmapEdition.objects.current(year) or self.edition


def default_period() -> tuple[int | None, str]:
    """The latest open window's period, so the template offered is the one being collected."""
    window = ReportingWindow.objects.open().order_by("-year", "-period").first()
    return (window.year, window.period) if window else (None, Period.Q1)


class ImportView(ReporterMixin, TemplateView):
    template_name = "monev/import.html"

    def template_form(self):
        years = edition_years(self.edition)
        year, period = default_period()
        initial = {"year": year if year in years else default_year(self.edition, years), "period": period}
        if self.profile.agency:
            initial["agency"] = self.profile.agency.code
        return TemplateRequestForm(initial=initial, profile=self.profile, years=years)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("upload_form", UploadForm(staff=self.profile.is_staff_member))
        return super().get_context_data(template_form=self.template_form(), **kwargs)

    def post(self, request):
        form = UploadForm(request.POST, request.FILES, staff=self.profile.is_staff_member)
        if form.is_valid():
            uploaded: UploadedTemplate = form.uploaded
            agency = Agency.objects.with_code(uploaded.agency_code).first()
            if agency is None or not self.profile.can_report_for(agency):
                own = self.profile.agency.name if self.profile.agency else "Perangkat Daerah Anda"
                form.add_error(
                    "file",
                    f"Templat ini bukan untuk {own}: unduh templat Perangkat Daerah Anda dan isi kembali.",
                )
            else:
                request.session[SESSION_KEY] = {
                    "agency": agency.code,
                    "year": uploaded.year,
                    "period": uploaded.period,
                    "rows": uploaded.rows,
                    "reason": form.cleaned_data.get("reason", ""),
                    "filename": form.cleaned_data["file"].name[-100:],
                }
                return redirect("monev:import-preview")
        # A file that cannot be used is a bad request: 400, with the reason beside the file field.
        return self.render_to_response(self.get_context_data(upload_form=form), status=400)


class TemplateDownloadView(ReporterMixin, TemplateView):
    def get(self, request):
        years = edition_years(self.edition)
        form = TemplateRequestForm(request.GET, profile=self.profile, years=years)
        code = request.GET.get("agency", "")
        agency = get_agency_for_reporting(request.user, code) if code else None  # another agency's: 404
        if agency is None or not form.is_valid():
            messages.error(request, "Pilih Perangkat Daerah, tahun dan periode templat.")
            return redirect("monev:import")
        year, period = form.cleaned_data["year"], form.cleaned_data["period"]
        workbook = template_workbook(self.edition_for(year), agency, year, period)
        return xlsx_response(workbook, f"templat-{agency.code}-{year}-{period}.xlsx")


class ImportPreviewView(ReporterMixin, TemplateView):
    template_name = "monev/import_preview.html"

    def dispatch(self, request, *args, **kwargs):
        self.stored = request.session.get(SESSION_KEY)
        return super().dispatch(request, *args, **kwargs)

    def preview(self):
        stored = self.stored
        agency = get_agency_for_reporting(self.request.user, stored["agency"])
        uploaded = UploadedTemplate(agency.code, stored["year"], stored["period"], stored["rows"])
        return build_preview(
            edition=self.edition_for(stored["year"]),
            agency=agency,
            uploaded=uploaded,
            user=self.request.user,
            reason=stored["reason"],
        )

    def get(self, request, *args, **kwargs):
        if not self.stored:
            messages.info(request, "Unggah templat yang sudah diisi terlebih dahulu.")
            return redirect("monev:import")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=self.preview(), filename=self.stored["filename"], **kwargs)

    def post(self, request):
        if not self.stored or request.POST.get("action") == "cancel":
            request.session.pop(SESSION_KEY, None)
            messages.info(request, "Impor dibatalkan; tidak ada yang disimpan.")
            return redirect("monev:import")
        preview = self.preview()
        if preview.errors and request.POST.get("action") != "save_valid":
            messages.error(
                request, "Berkas masih berisi galat: perbaiki, atau simpan hanya baris yang valid."
            )
            return self.render_to_response(self.get_context_data())
        try:
            saved = apply_import(
                preview=preview,
                user=request.user,
                reason=self.stored["reason"],
                filename=self.stored["filename"],
            )
        except ValidationError as error:
            messages.error(request, f"Tidak ada yang disimpan: {' '.join(error.messages)}")
            return self.render_to_response(self.get_context_data())
        request.session.pop(SESSION_KEY, None)
        skipped = sum(1 for line in preview.lines if line.outcome == "error")
        text = f"{saved} laporan {preview.agency.short_name} {preview.period_label} {preview.year} diajukan."
        if skipped:
            text += f" {skipped} baris bergalat tidak disimpan."
        messages.success(request, text)
        return redirect(reverse("actions:agency-detail", args=[preview.agency.code]))
