"""Revising an approved plan's targets: a reason for every change, kept in the targets' history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from plans import access, services
from plans.forms import RevisionForm
from plans.selectors import plan_indicators
from roadmap.access import require_staff
from roadmap.mixins import EditionMixin


class RevisionView(EditionMixin, TemplateView):
    template_name = "plans/revision_form.html"
    access = staticmethod(require_staff)

    def dispatch(self, request, *args, **kwargs):
        self.plan = access.get_plan_for_revision(request.user, kwargs["pk"])
        self.indicator = get_object_or_404(plan_indicators(self.plan), pk=kwargs["line_id"])
        if not self.plan.is_approved:
            messages.error(request, "Target rencana aksi yang belum disetujui diubah langsung pada drafnya.")
            return redirect(self.plan)
        return super().dispatch(request, *args, **kwargs)

    def item_edition_pk(self):
        return self.plan.edition_id

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", RevisionForm(plan=self.plan, instance=self.indicator))
        return super().get_context_data(plan=self.plan, line=self.indicator, **kwargs)

    def post(self, request, *args, **kwargs):
        form = RevisionForm(request.POST, plan=self.plan, instance=self.indicator)
        if form.is_valid():
            try:
                changed = services.revise_targets(
                    indicator=self.indicator,
                    targets=form.targets,
                    reason=form.cleaned_data["reason"],
                    user=request.user,
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for name, texts in error.message_dict.items():
                        form.add_error(name if name in form.fields else None, texts)
                else:
                    form.add_error(None, " ".join(error.messages))
            else:
                messages.success(request, f"Revisi {changed} target {self.indicator.name} dicatat.")
                return redirect(f"{self.plan.get_absolute_url()}#riwayat-revisi")
        return self.render_to_response(self.get_context_data(form=form), status=400)
