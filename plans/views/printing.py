"""The printable plan with the head of agency's signature block, and who signs it."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView

from plans import access
from plans.forms import SignatoryForm
from plans.selectors import plan_sections
from roadmap.access import require_reporter
from roadmap.mixins import EditionMixin


class PlanPrintView(EditionMixin, TemplateView):
    template_name = "plans/plan_print.html"

    def dispatch(self, request, *args, **kwargs):
        self.plan = access.get_plan_for_user(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def item_edition_pk(self):
        return self.plan.edition_id

    def get_context_data(self, **kwargs):
        plan = self.plan
        return super().get_context_data(
            plan=plan,
            sections=[s for s in plan_sections(plan) if not s.is_empty],
            years=list(plan.years),
            place=settings.REPORT_PLACE,
            signed_on=(plan.reviewed_at or timezone.now()) if plan.is_approved else None,
            may_sign=access.may_draft_plan(self.profile, plan),
            **kwargs,
        )


class SignatoryView(EditionMixin, TemplateView):
    template_name = "plans/signatory_form.html"
    access = staticmethod(require_reporter)

    def dispatch(self, request, *args, **kwargs):
        self.plan = access.get_plan_for_user(request.user, kwargs["pk"], write=True)
        return super().dispatch(request, *args, **kwargs)

    def item_edition_pk(self):
        return self.plan.edition_id

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", SignatoryForm(instance=self.plan))
        return super().get_context_data(plan=self.plan, **kwargs)

    def post(self, request, *args, **kwargs):
        form = SignatoryForm(request.POST, instance=self.plan)
        if form.is_valid():
            form.save()
            messages.success(request, "Penandatangan rencana aksi disimpan.")
            return redirect("plans:plan-print", pk=self.plan.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)
