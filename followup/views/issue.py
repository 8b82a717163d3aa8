"""Staff issue findings: the year's candidates reviewed and issued in one step, or one entered by hand."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import CreateView, UpdateView

from followup import services
from followup.access import get_finding_to_verify
from followup.forms import CandidateFormSet, FindingEditForm, FindingForm, IssueForm, default_deadline
from followup.sources import last_year_over, year_candidates
from roadmap.access import require_staff
from roadmap.mixins import RoleRequiredMixin
from roadmap.notation import parse_whole


def chosen_year(request) -> int:
    """?year= within reason; default the latest year over that a road map covers (``last_year_over``)."""
    this_year = timezone.localdate().year
    year = parse_whole(request.GET.get("year", "")) if request.GET.get("year") else None
    return year if year is not None and 2000 <= year <= this_year else last_year_over()


class GenerateView(RoleRequiredMixin, View):
    access = staticmethod(require_staff)
    template_name = "followup/generate.html"

    def page(self, request, year, candidates, formset, issue_form, status=200):
        rows = list(zip(candidates, formset.forms, strict=True))
        context = {"year": year, "rows": rows, "formset": formset, "issue_form": issue_form}
        context["years"] = range(timezone.localdate().year, 2015, -1)
        # An item is met or not only once its year is over: before that, none of them is a candidate.
        context["year_over"] = year < timezone.localdate().year
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        year = chosen_year(request)
        candidates = year_candidates(year)
        initial = [
            {
                "key": c.key,
                "include": c.agency_id is not None,
                "agency": c.agency_id,
                "recommendation": c.recommendation,
            }
            for c in candidates
        ]
        formset = CandidateFormSet(initial=initial)
        return self.page(
            request, year, candidates, formset, IssueForm(initial={"deadline": default_deadline()})
        )

    def post(self, request):
        year = chosen_year(request)
        candidates = year_candidates(year)
        by_key = {c.key: c for c in candidates}
        formset = CandidateFormSet(request.POST)
        issue_form = IssueForm(request.POST)
        valid = formset.is_valid() and issue_form.is_valid()
        # The candidates may have changed since the page was opened (another issued some): offer them afresh.
        keys = [form.cleaned_data.get("key") for form in formset.forms] if formset.is_valid() else []
        if formset.is_valid() and keys != list(by_key):
            messages.warning(
                request, "Daftar calon temuan berubah sejak halaman dibuka: periksa lagi lalu terbitkan."
            )
            return redirect(f"{reverse('followup:generate')}?year={year}")
        chosen = [
            services.Chosen(
                by_key[f.cleaned_data["key"]],
                f.cleaned_data["agency"],
                f.cleaned_data["recommendation"].strip(),
            )
            for f in formset.forms
            if valid and f.cleaned_data.get("include")
        ]
        if valid and not chosen:
            issue_form.add_error(None, "Pilih sedikitnya satu calon temuan untuk diterbitkan.")
            valid = False
        if valid:
            try:
                issued = services.issue_findings(
                    user=request.user, year=year, chosen=chosen, deadline=issue_form.cleaned_data["deadline"]
                )
            except ValidationError as error:
                issue_form.add_error(None, error)
            else:
                messages.success(request, f"{len(issued)} temuan tahun {year} diterbitkan.")
                return redirect(f"{reverse('followup:register')}?year={year}")
        if len(formset.forms) != len(candidates):
            messages.warning(
                request, "Daftar calon temuan berubah sejak halaman dibuka: periksa lagi lalu terbitkan."
            )
            return redirect(f"{reverse('followup:generate')}?year={year}")
        return self.page(request, year, candidates, formset, issue_form, status=400)


class FindingCreateView(RoleRequiredMixin, CreateView):
    access = staticmethod(require_staff)
    form_class = FindingForm
    template_name = "followup/finding_form.html"

    def get_initial(self):
        return {"year": last_year_over(), "source": "direction", "deadline": default_deadline()}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            self.object = services.add_finding(
                user=self.request.user, **{k: data[k] for k in form.Meta.fields}
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, "Temuan ditambahkan.")
        return redirect(self.object.get_absolute_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class FindingEditView(RoleRequiredMixin, UpdateView):
    access = staticmethod(require_staff)
    form_class = FindingEditForm
    template_name = "followup/finding_form.html"

    def get_object(self, queryset=None):
        return get_finding_to_verify(self.request.user, self.kwargs["pk"])

    def form_valid(self, form):
        try:
            services.edit_finding(finding=self.object, user=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, "Temuan diubah.")
        return redirect(self.object.get_absolute_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)
