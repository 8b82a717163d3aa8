"""An action-plan row's page with its progress, and the forms that report it."""

from django import forms
from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.views.generic import TemplateView

from actions.access import (
    get_action_row_for_contribution,
    get_action_row_for_user,
    may_contribute,
    may_lead_row,
)
from actions.models import ActionPlanRow, PlannedAction
from monev import services
from monev.forms import ActionProgressForm, ProgressPeriodForm
from monev.models import ActionProgress, ActionStatus, ReportStatus
from roadmap.access import profile_of
from roadmap.forms import BootstrapFormMixin
from roadmap.models import Agency
from roadmap.views import EditionMixin

PROGRESS = Prefetch(
    "planned_actions__progress",
    queryset=ActionProgress.objects.select_related("contributor", "reported_by").prefetch_related("evidence"),
)


def row_queryset():
    return ActionPlanRow.objects.select_related("area", "group").prefetch_related(
        "leads__agency", "supporting_agencies", PROGRESS
    )


def latest_lead_progress(action: PlannedAction) -> ActionProgress | None:
    """The row's own latest submitted progress on a planned action."""
    reports = [
        p for p in action.progress.all() if p.contributor_id is None and p.report_status != ReportStatus.DRAFT
    ]
    return max(reports, key=lambda p: p.quarter, default=None)


def edition_plan_years(edition) -> list[int]:
    """The years the action plan covers (2020 and 2021 in Perbup 40/2020)."""
    return sorted(
        set(PlannedAction.objects.filter(row__area__edition=edition).values_list("year", flat=True))
    )


def plan_by_year(row: ActionPlanRow, years: list[int]) -> list[dict]:
    plan = []
    for year in years:
        actions = [a for a in row.planned_actions.all() if a.year == year]
        entries = []
        for action in actions:
            lead = {p.quarter: p for p in action.progress.all() if p.contributor_id is None}
            contributions = sorted(
                (p for p in action.progress.all() if p.contributor_id is not None),
                key=lambda p: (p.quarter, p.contributor.name),
            )
            entries.append(
                {
                    "action": action,
                    "quarters": [lead.get(q) for q in (1, 2, 3, 4)],
                    "contributions": contributions,
                }
            )
        done = sum(1 for a in actions if (p := latest_lead_progress(a)) and p.status == ActionStatus.DONE)
        plan.append({"year": year, "entries": entries, "done": done, "total": len(actions)})
    return plan


class ActionRowDetailView(EditionMixin, TemplateView):
    template_name = "monev/action_row_detail.html"

    def get_context_data(self, **kwargs):
        row = get_action_row_for_user(self.request.user, self.kwargs["pk"], queryset=row_queryset())
        profile = profile_of(self.request.user)
        return super().get_context_data(
            row=row,
            plan=plan_by_year(row, edition_plan_years(self.edition)),
            can_lead=may_lead_row(profile, row),
            can_contribute=may_contribute(profile, row) and not (profile and profile.is_staff_member),
            staff=profile is not None and profile.is_staff_member,
            **kwargs,
        )


class ContributorForm(BootstrapFormMixin, forms.Form):
    contributor = forms.ModelChoiceField(
        label="Perangkat Daerah pendukung",
        queryset=Agency.objects.none(),
        error_messages={"invalid_choice": "Perangkat Daerah ini tidak mendukung rencana aksi ini."},
    )

    def __init__(self, *args, row: ActionPlanRow, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributor"].queryset = row.supporting_agency_choices().order_by("name")


class RowProgressView(EditionMixin, TemplateView):
    """One quarter's progress on every planned action of a year: the row's own, or a contribution."""

    template_name = "monev/progress_form.html"
    contribution = False

    def dispatch(self, request, *args, **kwargs):
        if self.contribution:
            self.row = get_action_row_for_contribution(request.user, kwargs["pk"], queryset=row_queryset())
        else:
            self.row = get_action_row_for_user(
                request.user, kwargs["pk"], write=True, queryset=row_queryset()
            )
        self.profile = profile_of(request.user)
        return super().dispatch(request, *args, **kwargs)

    @property
    def years(self) -> list[int]:
        return edition_plan_years(self.edition)

    def forms(self, data=None, files=None):
        source = data if data is not None else self.request.GET
        period = ProgressPeriodForm(source, years=self.years)
        year, quarter = (self.years[0], 1)
        if period.is_valid():
            year, quarter = period.cleaned_data["year"], period.cleaned_data["quarter"]
        contributor_form = None
        contributor = None
        if self.contribution and self.profile.is_staff_member:
            # Staff record a contribution for an agency they choose among the row's supporters.
            contributor_form = ContributorForm(source if "contributor" in source else None, row=self.row)
            if contributor_form.is_bound and contributor_form.is_valid():
                contributor = contributor_form.cleaned_data["contributor"]
        elif self.contribution:
            contributor = self.profile.agency
        actions = [a for a in self.row.planned_actions.all() if a.year == year]
        action_forms = []
        for action in actions:
            existing = next(
                (p for p in action.progress.all() if p.quarter == quarter and p.contributor == contributor),
                None,
            )
            initial = (
                {"status": existing.status, "percent": existing.percent, "note": existing.note}
                if existing
                else {}
            )
            action_forms.append(
                (
                    action,
                    ActionProgressForm(
                        data, files, prefix=f"a{action.pk}", initial=initial, planned_action=action
                    ),
                )
            )
        return period, contributor_form, contributor, year, quarter, action_forms

    def get_context_data(self, **kwargs):
        period, contributor_form, contributor, year, quarter, action_forms = (
            kwargs.pop("forms", None) or self.forms()
        )
        return super().get_context_data(
            row=self.row,
            period_form=period,
            contributor_form=contributor_form,
            contributor=contributor,
            year=year,
            quarter=quarter,
            action_forms=action_forms,
            contribution=self.contribution,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        forms_ = self.forms(request.POST, request.FILES)
        period, contributor_form, contributor, year, quarter, action_forms = forms_
        valid = period.is_valid() and all(form.is_valid() for _, form in action_forms)
        if contributor_form is not None:
            valid = contributor_form.is_bound and contributor_form.is_valid() and valid
        if not valid or not action_forms:
            if not action_forms:
                messages.error(request, "Tidak ada rencana aksi untuk tahun ini.")
            return self.render_to_response(self.get_context_data(forms=forms_))
        submit = "save_draft" not in request.POST
        entries = [
            {
                "planned_action": action,
                "status": form.cleaned_data["status"],
                "percent": form.cleaned_data["percent"],
                "note": form.cleaned_data["note"],
                "upload": form.cleaned_data.get("evidence_file"),
                "link": form.cleaned_data.get("evidence_link", ""),
            }
            for action, form in action_forms
        ]
        services.save_row_progress(
            entries=entries, quarter=quarter, contributor=contributor, submit=submit, user=request.user
        )
        what = f"Kontribusi {contributor.short_name}" if contributor else "Kemajuan"
        verb = "diajukan" if submit else "disimpan sebagai draf"
        messages.success(request, f"{what} TW {['I', 'II', 'III', 'IV'][quarter - 1]} {year} {verb}.")
        return redirect(self.row.get_absolute_url())


class ContributionView(RowProgressView):
    contribution = True
