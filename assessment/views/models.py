"""Evaluation models: their structure and weights with sources, the question set, and loading a
question set from a workbook with a preview (staff)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import TemplateView, View

from assessment import access
from assessment.excel.questions import (
    TemplateError,
    UploadedSet,
    apply_question_set,
    build_preview,
    question_workbook,
    read_question_set,
)
from assessment.models import ModelVersion
from assessment.selectors import structure
from roadmap.access import require_staff
from roadmap.forms import BootstrapFormMixin
from roadmap.mixins import EditionMixin, RoleRequiredMixin
from roadmap.spreadsheets import xlsx_response

SESSION_KEY = "assessment_question_set"


class ModelListView(EditionMixin, TemplateView):
    template_name = "assessment/model_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(models=ModelVersion.objects.all(), **kwargs)


class ModelDetailView(EditionMixin, TemplateView):
    template_name = "assessment/model_detail.html"

    def get_context_data(self, **kwargs):
        version = access.get_model_for_user(self.request.user, self.kwargs["pk"])
        components = structure(version)
        questions = [q for c in components for s in c.subcomponents.all() for q in s.questions.all()]
        return super().get_context_data(
            version=version,
            components=components,
            question_count=len(questions),
            example=any(q.is_example for q in questions),
            **kwargs,
        )


class QuestionUploadForm(BootstrapFormMixin, forms.Form):
    file = forms.FileField(label="Lembar kerja set pertanyaan (.xlsx)")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.IMPORT_MAX_UPLOAD_MB
        if upload.size > limit * 1024 * 1024:
            raise ValidationError(f"Berkas lebih besar dari {limit} MB.")
        if not upload.name.lower().endswith(".xlsx"):
            raise ValidationError("Unggah berkas Excel (.xlsx) dengan tata letak set pertanyaan.")
        try:
            self.uploaded = read_question_set(upload.read())
        except TemplateError as error:
            raise ValidationError(str(error)) from None
        return upload


class StaffModelMixin(EditionMixin):
    access = staticmethod(require_staff)

    def dispatch(self, request, *args, **kwargs):
        self.version = access.get_model_for_staff(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class QuestionImportView(StaffModelMixin, TemplateView):
    template_name = "assessment/question_import.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", QuestionUploadForm())
        return super().get_context_data(version=self.version, **kwargs)

    def post(self, request, pk):
        form = QuestionUploadForm(request.POST, request.FILES)
        if form.is_valid():
            request.session[SESSION_KEY] = {
                "model": self.version.pk,
                "code": form.uploaded.model_code,
                "rows": form.uploaded.rows,
                "filename": form.cleaned_data["file"].name[-100:],
            }
            return redirect("assessment:question-preview", pk=self.version.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class QuestionPreviewView(StaffModelMixin, TemplateView):
    template_name = "assessment/question_preview.html"

    def dispatch(self, request, *args, **kwargs):
        self.stored = request.session.get(SESSION_KEY)
        return super().dispatch(request, *args, **kwargs)

    def fresh(self) -> bool:
        return bool(self.stored) and self.stored["model"] == self.version.pk

    def preview(self):
        return build_preview(
            version=self.version, uploaded=UploadedSet(self.stored["code"], self.stored["rows"])
        )

    def get(self, request, *args, **kwargs):
        if not self.fresh():
            messages.info(request, "Unggah lembar kerja set pertanyaan terlebih dahulu.")
            return redirect("assessment:question-import", pk=self.version.pk)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            version=self.version, preview=self.preview(), filename=self.stored["filename"], **kwargs
        )

    def post(self, request, pk):
        if not self.fresh() or request.POST.get("action") == "cancel":
            request.session.pop(SESSION_KEY, None)
            messages.info(request, "Pemuatan dibatalkan; tidak ada yang disimpan.")
            return redirect("assessment:model-detail", pk=self.version.pk)
        preview = self.preview()
        if preview.errors:
            messages.error(request, "Berkas masih berisi galat: perbaiki lalu unggah kembali.")
            return self.render_to_response(self.get_context_data(), status=400)
        saved = apply_question_set(preview=preview)
        request.session.pop(SESSION_KEY, None)
        messages.success(
            request, f"{saved} pertanyaan {self.version.name} dimuat dari {self.stored['filename']}."
        )
        return redirect("assessment:model-detail", pk=self.version.pk)


class QuestionWorkbookView(RoleRequiredMixin, View):
    access = staticmethod(require_staff)

    def get(self, request, pk):
        version = access.get_model_for_staff(request.user, pk)
        return xlsx_response(question_workbook(version), f"pertanyaan-{version.code}.xlsx")
