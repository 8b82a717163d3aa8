"""The plans list, a new plan, a plan's page, submitting it and its review by Bagian Organisasi."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import TemplateView

from plans import access, services
from plans.forms import PlanCreateForm, ReviewForm
from plans.models import PlanStatus
from plans.selectors import plan_sections, revisions
from roadmap.access import require_reporter
from roadmap.mixins import EditionMixin


def refusal_text(error: ValidationError) -> str:
    return " ".join(error.messages)


class PlanListView(EditionMixin, TemplateView):
    template_name = "plans/plan_list.html"
    edition_switch = False

    def get_context_data(self, **kwargs):
        profile = self.profile
        form = None
        if profile.can_report:
            form = kwargs.pop("form", None) or PlanCreateForm(
                edition=self.edition, agency=profile.agency if profile.agency_id else None
            )
        plans = access.visible_plans(profile).order_by("agency__name", "-start_year")
        return super().get_context_data(
            plans=plans, form=form, own_agency=profile.agency if profile.agency_id else None, **kwargs
        )


class PlanCreateView(PlanListView):
    access = staticmethod(require_reporter)

    def post(self, request):
        own = self.profile.agency if self.profile.agency_id else None
        form = PlanCreateForm(request.POST, edition=self.edition, agency=own)
        if form.is_valid():
            agency = own or form.cleaned_data["agency"]
            try:
                plan = services.create_plan(
                    agency=agency, start_year=form.cleaned_data["start_year"], user=request.user
                )
            except ValidationError as error:
                for name, texts in error.message_dict.items():
                    for text in texts:
                        form.add_error(name if name in form.fields else None, text)
            else:
                messages.success(request, f"{plan} dibuat sebagai draf.")
                return redirect(plan)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get(self, request):
        return redirect("plans:plan-list")


class PlanDetailView(EditionMixin, TemplateView):
    template_name = "plans/plan_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.plan = access.get_plan_for_user(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def item_edition_pk(self):
        return self.plan.edition_id

    def get_context_data(self, **kwargs):
        plan = self.plan
        may_draft = access.may_draft_plan(self.profile, plan)
        review_form = None
        if self.profile.is_staff_member and plan.status == PlanStatus.SUBMITTED:
            review_form = kwargs.pop("review_form", None) or ReviewForm(plan=plan)
        return super().get_context_data(
            plan=plan,
            sections=plan_sections(plan),
            years=list(plan.years),
            may_edit=may_draft and plan.is_editable,
            may_submit=may_draft and plan.is_editable,
            review_form=review_form,
            may_revise=plan.is_approved and self.profile.is_staff_member,
            revisions=revisions(plan) if plan.is_approved else [],
            **kwargs,
        )

    def post(self, request, pk):
        """Submit (the agency) or review (staff): the two things done to a whole plan."""
        if "review" in request.POST:
            return self.review(request)
        plan = access.get_plan_for_user(request.user, pk, write=True)
        try:
            services.submit_plan(plan=plan, user=request.user)
        except ValidationError as error:
            messages.error(request, refusal_text(error))
        else:
            messages.success(request, "Rencana aksi diajukan ke Bagian Organisasi untuk diperiksa.")
        return redirect(plan)

    def review(self, request):
        plan = access.get_plan_for_reviewer(request.user, self.plan.pk)
        form = ReviewForm(request.POST, plan=plan)
        if form.is_valid():
            try:
                services.review_plan(
                    plan=plan,
                    user=request.user,
                    approve=form.cleaned_data["decision"] == "approve",
                    note=form.cleaned_data["note"],
                    activity_notes=form.notes("activity"),
                    indicator_notes=form.notes("indicator"),
                )
            except ValidationError as error:
                form.add_error(None, refusal_text(error))
            else:
                verb = "disetujui" if plan.is_approved else "dikembalikan dengan catatan"
                messages.success(request, f"{plan} {verb}.")
                return redirect(plan)
        return self.render_to_response(self.get_context_data(review_form=form), status=400)
