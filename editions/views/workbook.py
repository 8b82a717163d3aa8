"""An edition's tables as a workbook, and a filled-in workbook read into a draft: upload, preview with
each row's outcome and errors, then write all of it (or nothing)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import TemplateView, View

from editions import services
from editions.access import get_draft_for_staff, get_edition_for_user, require_editor
from editions.mixins import OneEditionMixin
from editions.workbook import build_preview, edition_workbook, read_sheets
from roadmap.forms import BootstrapFormMixin
from roadmap.mixins import RoleRequiredMixin
from roadmap.spreadsheets import xlsx_response
from roadmap.workbook_reading import TemplateError

SESSION_KEY = "edition-workbook"
MAX_MB = 5


class WorkbookDownloadView(RoleRequiredMixin, View):
    def get(self, request, pk):
        edition = get_edition_for_user(request.user, pk)
        slug = f"{edition.period_label}".replace("–", "-")
        return xlsx_response(edition_workbook(edition), f"tabel-road-map-{slug}-{edition.pk}.xlsx")


class WorkbookUploadForm(BootstrapFormMixin, forms.Form):
    file = forms.FileField(label="Berkas Excel (.xlsx)")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_MB * 1024 * 1024:
            raise ValidationError(f"Berkas lebih besar dari {MAX_MB} MB.")
        if not upload.name.lower().endswith(".xlsx"):
            raise ValidationError(
                "Unggah berkas Excel (.xlsx), misalnya tabel road map yang diunduh dari halaman ini."
            )
        try:
            self.sheets = read_sheets(upload.read())
        except TemplateError as error:
            raise ValidationError(str(error)) from None
        return upload


class WorkbookImportView(OneEditionMixin, TemplateView):
    """GET: the upload form. POST with a file: the preview. POST ``apply``: write it; ``cancel``: forget it."""

    template_name = "editions/import.html"
    access = staticmethod(require_editor)

    def fetch(self, request, pk):
        return get_draft_for_staff(request.user, pk)

    @property
    def session_key(self) -> str:
        return f"{SESSION_KEY}-{self.subject.pk}"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", WorkbookUploadForm())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "cancel":
            request.session.pop(self.session_key, None)
            messages.info(request, "Impor dibatalkan; tidak ada yang diubah.")
            return redirect("editions:import", self.subject.pk)
        if action == "apply":
            return self.apply(request)
        form = WorkbookUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        request.session[self.session_key] = {
            "sheets": form.sheets,
            "filename": form.cleaned_data["file"].name[-100:],
        }
        return self.render_to_response(
            self.get_context_data(
                preview=build_preview(self.subject, form.sheets), filename=form.cleaned_data["file"].name
            )
        )

    def apply(self, request):
        stored = request.session.get(self.session_key)
        if not stored:
            messages.info(request, "Unggah berkasnya terlebih dahulu.")
            return redirect("editions:import", self.subject.pk)
        sheets = {name: [(n, cells) for n, cells in rows] for name, rows in stored["sheets"].items()}
        preview = build_preview(self.subject, sheets)
        try:
            counts = services.apply_workbook(
                edition=self.subject,
                preview=preview,
                drop_missing=request.POST.get("drop_missing") == "1",
                user=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_to_response(
                self.get_context_data(preview=preview, filename=stored["filename"]), status=400
            )
        request.session.pop(self.session_key, None)
        messages.success(
            request,
            f"Dari {stored['filename']}: {counts['new']} item baru, {counts['changed']} item diubah, "
            f"{counts['dropped']} item dihapus.",
        )
        return redirect("editions:content", self.subject.pk)
