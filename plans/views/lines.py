"""Drafting a plan's lines: its activities, and its indicators with their yearly targets."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from plans import access, services
from plans.forms import ActivityForm, IndicatorForm
from plans.selectors import plan_indicators
from roadmap.access import require_reporter
from roadmap.mixins import EditionMixin


class LineView(EditionMixin, TemplateView):
    """A form on one line of a plan the user may draft; a plan no longer in draft says why."""

    access = staticmethod(require_reporter)
    form_class = None
    template_name = "plans/line_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.plan = access.get_plan_for_user(request.user, kwargs["pk"], write=True)
        self.line = self.get_line(kwargs.get("line_id"))
        if not self.plan.is_editable:
            messages.error(
                request, "Rencana aksi yang sudah diajukan atau disetujui tidak dapat diubah di sini."
            )
            return redirect(self.plan)
        return super().dispatch(request, *args, **kwargs)

    def item_edition_pk(self):
        return self.plan.edition_id

    def get_line(self, pk):
        return None

    def get_form(self, data=None):
        return self.form_class(data, plan=self.plan, instance=self.line)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.get_form())
        return super().get_context_data(plan=self.plan, line=self.line, title=self.title(), **kwargs)

    def post(self, request, *args, **kwargs):
        if "delete" in request.POST and self.line is not None:
            services.delete_line(plan=self.plan, line=self.line)
            messages.success(request, f"{self.line.name} dihapus dari rencana aksi.")
            return redirect(self.plan)
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                line = self.save(form)
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for name, texts in error.message_dict.items():
                        for text in texts:
                            form.add_error(name if name in form.fields else None, text)
                else:
                    form.add_error(None, " ".join(error.messages))
            else:
                messages.success(request, f"{line.name} disimpan.")
                return redirect(f"{self.plan.get_absolute_url()}#baris-{self.anchor(line)}")
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ActivityView(LineView):
    form_class = ActivityForm

    def get_line(self, pk):
        return get_object_or_404(self.plan.activities, pk=pk) if pk else None

    def title(self) -> str:
        return f"Ubah kegiatan: {self.line.name}" if self.line else "Tambah kegiatan"

    def anchor(self, line) -> str:
        return f"kegiatan-{line.pk}"

    def save(self, form):
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        return services.save_activity(plan=self.plan, activity=self.line, **fields)


class IndicatorView(LineView):
    form_class = IndicatorForm

    def get_line(self, pk):
        return get_object_or_404(plan_indicators(self.plan), pk=pk) if pk else None

    def get_form(self, data=None):
        initial = {}
        activity = self.request.GET.get("activity")
        if self.line is None and activity and activity.isdigit():
            initial["activity"] = int(activity)
        return self.form_class(data, plan=self.plan, instance=self.line, initial=initial)

    def title(self) -> str:
        if self.line is None:
            return "Tambah indikator"
        return (
            f"Target indikator standar: {self.line.name}"
            if self.line.is_standard
            else f"Ubah indikator: {self.line.name}"
        )

    def anchor(self, line) -> str:
        return f"indikator-{line.pk}"

    def save(self, form):
        return services.save_indicator(
            plan=self.plan, indicator=self.line, targets=form.targets, **form.indicator_fields()
        )
