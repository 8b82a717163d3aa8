"""Indicator and activity pages: target against realisation, the reports, and the report form."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView

from monev import services
from monev.access import closed_windows_for, mark_reviewable, reporting_actor
from monev.forms import RealisationForm
from monev.history import targets_when_reported
from monev.items import ACTIVITY, INDICATOR, PLAN_INDICATOR, ItemKind
from monev.models import Period, Realisation, ReviewState
from monev.models.review import version_token
from monev.periods import NOTHING_TO_REPORT, reportable_years
from monev.series import load_chain, series
from monev.standing import Rules, item_years, year_status
from monev.windows import open_periods, period_open
from monev.workflow import Actor, EditDecision, edit_decision
from roadmap.mixins import EditionMixin


def quarter_grid(item, years, decide):
    """For each year, each period (TW I–IV, Tahunan) with its report, drafts included, and whether
    the user may write it now."""
    by_key = {(r.year, r.period): r for r in item.realisations.all()}
    return [
        (year, [(period, by_key.get((year, period)), decide(year, period)) for period in Period])
        for year in years
    ]


class ItemDetailView(EditionMixin, TemplateView):
    kind: ItemKind
    template_name = "monev/item_detail.html"

    def get_context_data(self, **kwargs):
        item = self.kind.fetch(
            self.request.user, self.kwargs["pk"], queryset=self.kind.queryset(self.profile)
        )
        self.show_edition_of(item.edition_pk)
        years = item_years(item)
        rules = Rules.from_settings()
        reports = sorted(item.realisations.all(), key=lambda r: (r.year, list(Period.values).index(r.period)))
        mark_reviewable(self.request.user, reports)
        decide = self.decider(item)
        targets_when_reported(item, reports)
        carried = None
        if getattr(item, "predecessor_id", None):  # plan indicators have no series across road maps
            load_chain(item, self.kind.queryset(self.profile))
            carried = series(item, rules=rules)
            carried = carried if any(year.carried_over for year in carried) else None
        return super().get_context_data(
            item=item,
            series=carried,
            kind=self.kind.name,
            statuses=[year_status(item, year, rules) for year in years],
            grid=quarter_grid(item, years, decide),
            periods=Period,
            reports=[(report, decide(report.year, report.period)) for report in reports],
            can_report=self.kind.may_write(self.profile, item) and not self.edition.is_draft,
            report_url=self.kind.report_url,
            closed_windows=closed_windows_for(self.request.user),
            **kwargs,
        )

    def decider(self, item):
        """Whether the user may write each period's report now: only that is offered on the page."""
        actor = reporting_actor(self.request.user, item)
        if actor == Actor.READER or self.edition.is_draft:
            return lambda year, period: EditDecision(False)
        open_now = open_periods(item) if actor == Actor.AGENCY else set()
        reports = {(r.year, r.period): r.review_state for r in item.realisations.all()}
        target_years = sorted(set(item.targets_by_year) or set(self.edition.years))
        # A year answered by a later road map, or after an amendment dropped the item, is not reported here.
        due = set(reportable_years(self.edition, target_years, item))

        def decide(year: int, period: str) -> EditDecision:
            if year not in due:
                return EditDecision(False, why_not="Tahun ini di luar tahun road map untuk item ini.")
            return edit_decision(reports.get((year, period)), actor, (year, period) in open_now)

        return decide


class IndicatorDetailView(ItemDetailView):
    kind = INDICATOR


class ActivityDetailView(ItemDetailView):
    kind = ACTIVITY


class PlanIndicatorDetailView(ItemDetailView):
    kind = PLAN_INDICATOR


class ItemReportView(EditionMixin, FormView):
    kind: ItemKind
    template_name = "monev/report_form.html"
    form_class = RealisationForm

    def dispatch(self, request, *args, **kwargs):
        self.item = self.kind.fetch(
            request.user, kwargs["pk"], write=True, queryset=self.kind.queryset(self.profile)
        )
        self.staff = self.profile.is_staff_member
        self.actor = reporting_actor(request.user, self.item)
        return super().dispatch(request, *args, **kwargs)

    def item_edition_pk(self) -> int:
        return self.item.edition_pk

    @cached_property
    def years(self) -> list[int]:
        """The years of the item's target table its edition is in force for (a later road map answers
        for the years after it); reports for other years are refused."""
        return reportable_years(
            self.edition, sorted(self.item.targets_by_year) or list(self.edition.years), self.item
        )

    def get(self, request, *args, **kwargs):
        return self.nothing_to_report() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.nothing_to_report() or super().post(request, *args, **kwargs)

    def nothing_to_report(self):
        if self.years:
            return None
        messages.error(self.request, NOTHING_TO_REPORT)
        return redirect(self.item.get_absolute_url())

    def report_for(self, year: int, period: str) -> Realisation | None:
        return next((r for r in self.item.realisations.all() if (r.year, r.period) == (year, period)), None)

    def edit_check(self, year: int, period: str) -> EditDecision:
        report = self.report_for(year, period)
        state = report.review_state if report else None
        return edit_decision(state, self.actor, period_open(self.item, year, period))

    def open_periods(self) -> list[tuple[int, str]]:
        order = list(Period.values)
        return sorted(
            ((year, period) for year, period in open_periods(self.item) if year in self.years),
            key=lambda yp: (yp[0], order.index(yp[1])),
        )

    def chosen_period(self) -> tuple[int, str]:
        source = self.request.POST if self.request.method == "POST" else self.request.GET
        try:
            year = int(source.get("year", ""))
        except ValueError:
            open_now = self.open_periods()
            if open_now:
                return open_now[-1]
            year = self.edition.start_year if self.edition.start_year in self.years else self.years[-1]
        period = source.get("period") if source.get("period") in Period.values else Period.Q1
        return year, period

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "item": self.item,
            "years": self.years,
            "edit_check": self.edit_check,
            "staff": self.staff,
        }

    def get_initial(self):
        year, period = self.chosen_period()
        report = self.report_for(year, period)
        initial = {"year": year, "period": period, "version": version_token(report, year=year, period=period)}
        if report is not None:
            initial.update(
                number=report.number,
                level=report.level,
                note=report.note,
                obstacles=report.obstacles,
                follow_up=report.follow_up,
            )
        return initial

    def get_context_data(self, **kwargs):
        year, period = self.chosen_period()
        return super().get_context_data(
            item=self.item,
            kind=self.kind.name,
            existing=self.report_for(year, period),
            decision=self.edit_check(year, period) if year in self.years else None,
            target=self.item.targets_by_year.get(year),
            year=year,
            open_now=[(y, p, Period(p).label) for y, p in self.open_periods()],
            staff=self.staff,
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        if form.needs_confirmation:
            # Nothing is refused: the reporter reads the warnings beside the figure and saves again.
            return self.render_to_response(self.get_context_data(form=form))
        submit = "save_draft" not in self.request.POST
        try:
            report = self.save(form, data, submit)
        except services.EditConflict as conflict:
            form.add_error(None, conflict)
            form.note_unsaved_upload()
            if conflict.current_token:  # the user has been told: saving again is a deliberate correction
                form.data = form.data.copy()
                form.data["version"] = conflict.current_token
            return self.render_to_response(self.get_context_data(form=form), status=409)
        verb = {
            ReviewState.SUBMITTED: "diajukan",
            ReviewState.DRAFT: "disimpan sebagai draf",
            ReviewState.VERIFIED: "dikoreksi (tetap terverifikasi)",
        }[report.review_state]
        messages.success(self.request, f"Realisasi {report.get_period_display()} {report.year} {verb}.")
        return redirect(self.item.get_absolute_url())

    def form_invalid(self, form):
        form.note_unsaved_upload()
        return super().form_invalid(form)

    def save(self, form, data, submit: bool) -> Realisation:
        return services.save_realisation(
            item=self.item,
            year=data["year"],
            period=data["period"],
            number=data.get("number"),
            level=data.get("level"),
            is_nil=data.get("is_nil", False),
            note=data["note"],
            obstacles=data["obstacles"],
            follow_up=data["follow_up"],
            submit=submit,
            reason=data.get("reason", ""),
            user=self.request.user,
            upload=data.get("evidence_file"),
            link=data.get("evidence_link", ""),
            evidence_title=data.get("evidence_title", ""),
            expected_version=data.get("version") or None,
        )


class IndicatorReportView(ItemReportView):
    kind = INDICATOR


class ActivityReportView(ItemReportView):
    kind = ACTIVITY


class PlanIndicatorReportView(ItemReportView):
    kind = PLAN_INDICATOR
