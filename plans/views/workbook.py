"""A plan as a workbook: the export, and the import with a preview and its errors per row."""

import base64

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import TemplateView, View

from plans import access, services
from plans.workbook import SHEET, header, plan_workbook, read_plan
from roadmap.access import require_reporter
from roadmap.mixins import EditionMixin, RoleRequiredMixin
from roadmap.spreadsheets import xlsx_response
from roadmap.workbook_reading import TemplateError


class PlanWorkbookView(RoleRequiredMixin, View):
    def get(self, request, pk):
        plan = access.get_plan_for_user(request.user, pk)
        return xlsx_response(plan_workbook(plan), f"rencana-aksi-{plan.agency.code}-{plan.start_year}.xlsx")


class PlanImportView(EditionMixin, TemplateView):
    """Upload → preview (every row, its errors) → apply, only when no row has an error."""

    template_name = "plans/plan_import.html"
    access = staticmethod(require_reporter)

    def dispatch(self, request, *args, **kwargs):
        self.plan = access.get_plan_for_user(request.user, kwargs["pk"], write=True)
        if not self.plan.is_editable:
            messages.error(
                request, "Rencana aksi yang sudah diajukan atau disetujui tidak dapat diimpor ulang."
            )
            return redirect(self.plan)
        return super().dispatch(request, *args, **kwargs)

    def item_edition_pk(self):
        return self.plan.edition_id

    @property
    def session_key(self) -> str:
        return f"plan-import-{self.plan.pk}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, sheet=SHEET, columns=header(self.plan), **kwargs)

    def post(self, request, *args, **kwargs):
        if "apply" in request.POST:
            return self.apply(request)
        upload = request.FILES.get("file")
        if upload is None:
            return self.render_to_response(
                self.get_context_data(error="Pilih berkas Excel (.xlsx)."), status=400
            )
        data = upload.read()
        try:
            lines = read_plan(data, self.plan)
        except TemplateError as error:
            return self.render_to_response(self.get_context_data(error=str(error)), status=400)
        request.session[self.session_key] = base64.b64encode(data).decode()
        errors = sum(1 for line in lines if line.errors)
        return self.render_to_response(
            self.get_context_data(lines=lines, errors=errors, filename=upload.name),
            status=400 if errors else 200,
        )

    def apply(self, request):
        stored = request.session.pop(self.session_key, None)
        if stored is None:
            messages.error(request, "Unggah berkasnya lagi: pratinjau sudah kedaluwarsa.")
            return redirect("plans:plan-import", pk=self.plan.pk)
        try:
            created, written = services.import_lines(
                plan=self.plan, lines=read_plan(base64.b64decode(stored), self.plan)
            )
        except (TemplateError, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            return redirect("plans:plan-import", pk=self.plan.pk)
        messages.success(request, f"Impor selesai: {written} indikator disimpan, {created} kegiatan baru.")
        return redirect(self.plan)
