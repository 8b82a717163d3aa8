"""An action-plan row's page with its progress, and the forms that report it."""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from actions.access import (
    get_action_row_for_contribution,
    get_action_row_for_user,
    may_contribute,
    may_lead_row,
)
from actions.models import ActionPlanRow, PlannedAction
from monev import services
from monev.access import closed_windows_for, mark_reviewable, reporting_actor
from monev.action_reports import standing_of
from monev.forms import ActionProgressForm, ProgressPeriodForm
from monev.models import ActionProgress, Period, Quarter
from monev.models.periods import quarter_label
from monev.models.review import version_token
from monev.periods import NOTHING_TO_REPORT, chosen_quarter, edition_plan_years, reportable_years
from monev.plan_progress import plan_share
from monev.selectors import row_queryset
from monev.windows import period_open
from monev.workflow import EditDecision, edit_decision
from roadmap.forms import BootstrapFormMixin
from roadmap.mixins import EditionMixin
from roadmap.models import Agency
from roadmap.notation import parse_whole


def plan_by_year(row: ActionPlanRow, years: list[int]) -> list[dict]:
    """Per year: each planned action with each lead's report per quarter, its standing (the one rule
    of monev.plan_progress) and the supporting agencies' contributions beside it."""
    leads = [lead.agency for lead in row.leads.all()]
    plan = []
    for year in years:
        actions = [a for a in row.planned_actions.all() if a.year == year]
        entries = []
        for action in actions:
            lead_reports = {(p.lead_id, p.quarter): p for p in action.progress.all() if p.lead_id}
            contributions = sorted(
                (p for p in action.progress.all() if p.contributor_id is not None),
                key=lambda p: (p.quarter, p.contributor.name),
            )
            entries.append(
                {
                    "action": action,
                    "standing": standing_of(action, row),
                    "quarters": [
                        [(lead, lead_reports.get((lead.pk, q))) for lead in leads] for q in Quarter.values
                    ],
                    "contributions": contributions,
                }
            )
        share = plan_share(entry["standing"] for entry in entries)
        plan.append({"year": year, "entries": entries, "share": share})
    return plan


class ActionRowDetailView(EditionMixin, TemplateView):
    template_name = "monev/action_row_detail.html"

    def get_context_data(self, **kwargs):
        row = get_action_row_for_user(
            self.request.user, self.kwargs["pk"], queryset=row_queryset(self.profile)
        )
        self.show_edition_of(row.edition_pk)
        mark_reviewable(self.request.user, [p for a in row.planned_actions.all() for p in a.progress.all()])
        profile = self.profile
        return super().get_context_data(
            row=row,
            item=row,
            kind="row",
            closed_windows=closed_windows_for(self.request.user),
            plan=plan_by_year(row, edition_plan_years(self.edition)),
            can_lead=may_lead_row(profile, row),
            can_contribute=may_contribute(profile, row) and not profile.is_staff_member,
            staff=profile.is_staff_member,
            **kwargs,
        )


class ReportingAgencyForm(BootstrapFormMixin, forms.Form):
    """Staff choose which agency's report they write: a lead's part, or a supporting agency's contribution."""

    def __init__(self, *args, name: str, label: str, agencies, invalid: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.name = name
        self.fields[name] = forms.ModelChoiceField(
            label=label, queryset=agencies, error_messages={"invalid_choice": invalid}
        )

    @property
    def choices(self):
        return self.fields[self.name].queryset


@dataclass
class ProgressForms:
    period: ProgressPeriodForm
    agency_form: ReportingAgencyForm | None
    agency: Agency | None  # whose report this is: a lead's part, or (contribution) a supporter's
    year: int
    quarter: int
    actions: list[tuple[PlannedAction, ActionProgressForm]]

    def is_valid(self) -> bool:
        valid = self.period.is_valid() and all(form.is_valid() for _, form in self.actions)
        if self.agency_form is not None:
            valid = self.agency_form.is_bound and self.agency_form.is_valid() and valid
        return valid and bool(self.actions) and self.agency is not None


class RowProgressView(EditionMixin, TemplateView):
    """One quarter's progress on every planned action of a year, as one agency reports it: a lead
    agency's (Utama's) own part, or a supporting agency's contribution."""

    template_name = "monev/progress_form.html"
    contribution = False

    def dispatch(self, request, *args, **kwargs):
        if self.contribution:
            self.row = get_action_row_for_contribution(
                request.user, kwargs["pk"], queryset=row_queryset(self.profile)
            )
        else:
            self.row = get_action_row_for_user(
                request.user, kwargs["pk"], write=True, queryset=row_queryset(self.profile)
            )
        return super().dispatch(request, *args, **kwargs)

    def item_edition_pk(self) -> int:
        return self.row.edition_pk

    @cached_property
    def years(self) -> list[int]:
        """The plan's years its edition is in force for (a later road map answers for the years after it)."""
        return reportable_years(self.edition, edition_plan_years(self.edition), self.row)

    def get(self, request, *args, **kwargs):
        return self.nothing_to_report() or super().get(request, *args, **kwargs)

    def nothing_to_report(self):
        if self.years:
            return None
        messages.error(self.request, NOTHING_TO_REPORT)
        return redirect(self.row.get_absolute_url())

    def whose(self, agency: Agency | None) -> dict:
        """The report's key: ``{"lead": agency}`` or ``{"contributor": agency}``."""
        return {"contributor" if self.contribution else "lead": agency}

    def existing(self, action: PlannedAction, quarter: int, agency: Agency | None) -> ActionProgress | None:
        field = "contributor_id" if self.contribution else "lead_id"
        pk = getattr(agency, "pk", None)
        return next(
            (p for p in action.progress.all() if p.quarter == quarter and pk and getattr(p, field) == pk),
            None,
        )

    def decision(self, year: int, quarter: int, agency: Agency | None) -> EditDecision:
        """The strictest decision over the year's planned actions (one verified report locks the form)."""
        is_open = period_open(self.row, year, Period.of_quarter(quarter))
        actor = reporting_actor(self.request.user, self.row, **self.whose(agency))
        decisions = [
            edit_decision(
                getattr(self.existing(action, quarter, agency), "review_state", None),
                actor,
                is_open,
            )
            for action in self.row.planned_actions.all()
            if action.year == year
        ] or [edit_decision(None, actor, is_open)]
        blocked = next((d for d in decisions if not d.allowed), None)
        return blocked or EditDecision(True, reason_required=any(d.reason_required for d in decisions))

    def agency_choice(self, source) -> tuple[ReportingAgencyForm | None, Agency | None]:
        """An agency admin reports for their own agency; staff choose, unless the row has one lead."""
        if not self.profile.is_staff_member:
            return None, self.profile.agency
        if self.contribution:
            form = ReportingAgencyForm(
                source if "contributor" in source else None,
                name="contributor",
                label="Perangkat Daerah pendukung",
                agencies=self.row.supporting_agency_choices().order_by("name"),
                invalid="Perangkat Daerah ini tidak mendukung rencana aksi ini.",
            )
        else:
            leads = [lead.agency for lead in self.row.leads.all()]
            if len(leads) == 1:
                return None, leads[0]
            form = ReportingAgencyForm(
                source if "lead" in source else None,
                name="lead",
                label="Perangkat Daerah Utama",
                agencies=Agency.objects.filter(pk__in=[a.pk for a in leads]).order_by("name"),
                invalid="Perangkat Daerah ini bukan Utama rencana aksi ini.",
            )
        agency = form.cleaned_data[form.name] if form.is_bound and form.is_valid() else None
        return form, agency

    def build_forms(self, data=None, files=None) -> ProgressForms:
        source = data if data is not None else self.request.GET
        agency_form, agency = self.agency_choice(source)
        period = ProgressPeriodForm(
            source if "year" in source else None,
            initial={"year": self.years[0], "quarter": 1},
            years=self.years,
            edit_check=lambda year, quarter: self.decision(year, quarter, agency),
            staff=self.profile.is_staff_member,
        )
        year, quarter = self.years[0], 1
        if period.is_bound and period.is_valid():
            year, quarter = period.cleaned_data["year"], period.cleaned_data["quarter"]
        elif period.is_bound:
            year = parse_whole(source.get("year")) or year
            quarter = chosen_quarter(source.get("quarter")) or quarter
        actions = []
        for action in (a for a in self.row.planned_actions.all() if a.year == year):
            existing = self.existing(action, quarter, agency)
            initial = {"version": version_token(existing, year=year, period=quarter)}
            if existing:
                initial.update(
                    status=existing.status,
                    percent=existing.percent,
                    note=existing.note,
                    obstacles=existing.obstacles,
                    follow_up=existing.follow_up,
                )
            form = ActionProgressForm(
                data, files, prefix=f"a{action.pk}", initial=initial, planned_action=action
            )
            form.stored = existing  # shown beside the fields: what a save would replace
            actions.append((action, form))
        return ProgressForms(period, agency_form, agency, year, quarter, actions)

    def get_context_data(self, **kwargs):
        forms = kwargs.pop("forms", None) or self.build_forms()
        return super().get_context_data(
            row=self.row,
            forms=forms,
            decision=self.decision(forms.year, forms.quarter, forms.agency),
            contribution=self.contribution,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        refused = self.nothing_to_report()
        if refused:
            return refused
        forms = self.build_forms(request.POST, request.FILES)
        if not forms.is_valid():
            if not forms.actions:
                messages.error(request, "Tidak ada rencana aksi untuk tahun ini.")
            for _, form in forms.actions:
                form.note_unsaved_upload()
            return self.render_to_response(self.get_context_data(forms=forms))
        submit = "save_draft" not in request.POST
        entries = [
            {
                "planned_action": action,
                "status": form.cleaned_data["status"],
                "percent": form.cleaned_data["percent"],
                "note": form.cleaned_data["note"],
                "obstacles": form.cleaned_data["obstacles"],
                "follow_up": form.cleaned_data["follow_up"],
                "upload": form.cleaned_data.get("evidence_file"),
                "link": form.cleaned_data.get("evidence_link", ""),
                "expected_version": form.cleaned_data.get("version") or None,
            }
            for action, form in forms.actions
        ]
        try:
            services.save_row_progress(
                entries=entries,
                quarter=forms.quarter,
                **self.whose(forms.agency),
                submit=submit,
                reason=forms.period.cleaned_data.get("reason", ""),
                user=request.user,
            )
        except services.EditConflict as conflict:
            forms.period.add_error(None, conflict)
            # Nothing was saved; the user has been told, so saving again is a deliberate correction.
            data = request.POST.copy()
            stored = {
                p.planned_action_id: p
                for p in ActionProgress.objects.filter(
                    planned_action__in=[action for action, _ in forms.actions],
                    quarter=forms.quarter,
                    **self.whose(forms.agency),
                ).select_related("planned_action")
            }
            for action, form in forms.actions:
                data[f"{form.prefix}-version"] = version_token(
                    stored.get(action.pk), year=forms.year, period=forms.quarter
                )
                form.data = data
                form.note_unsaved_upload()
            return self.render_to_response(self.get_context_data(forms=forms), status=409)
        what = (
            f"Kontribusi {forms.agency.short_name}"
            if self.contribution
            else f"Kemajuan {forms.agency.short_name}"
        )
        verb = "diajukan" if submit else "disimpan sebagai draf"
        messages.success(request, f"{what} {quarter_label(forms.quarter)} {forms.year} {verb}.")
        return redirect(self.row.get_absolute_url())


class ContributionView(RowProgressView):
    contribution = True
