"""Rounds of the self-assessment: the list, opening one, its page (table, chart, chase list, weak
sub-components), its settings, closing it with the Indeks RB offered to the road map, the summary."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.views.generic import TemplateView

from assessment import access, services
from assessment.forms import CloseForm, OpenRoundForm, ReopenForm, ThresholdForm
from assessment.models import Assessment, ModelVersion, Round
from assessment.overview import round_page
from assessment.selectors import round_result
from roadmap.access import require_staff
from roadmap.mixins import EditionMixin
from roadmap.notation import format_number


def refusal_messages(error: ValidationError) -> dict[str, list[str]]:
    return error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}


class RoundListView(EditionMixin, TemplateView):
    template_name = "assessment/round_list.html"

    def get_context_data(self, **kwargs):
        rounds = list(Round.objects.select_related("model"))
        own = []
        if self.profile.agency_id:
            own = list(
                Assessment.objects.filter(agency=self.profile.agency_id, round__is_open=True).select_related(
                    "round"
                )
            )
        return super().get_context_data(
            results=[round_result(r) for r in rounds],
            own_assessments=own,
            models=ModelVersion.objects.all(),
            **kwargs,
        )


class RoundOpenView(EditionMixin, TemplateView):
    template_name = "assessment/round_open.html"
    access = staticmethod(require_staff)

    def get_context_data(self, **kwargs):
        latest = Round.objects.order_by("-year").values_list("year", flat=True).first()
        kwargs.setdefault(
            "form", OpenRoundForm(initial={"year": latest + 1 if latest else self.edition.start_year})
        )
        return super().get_context_data(**kwargs)

    def post(self, request):
        form = OpenRoundForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                round_ = services.open_round(
                    model=data["model"], year=data["year"], agencies=list(data["agencies"]), user=request.user
                )
            except ValidationError as error:
                for field, texts in refusal_messages(error).items():
                    for text in texts:
                        form.add_error(None if field == "__all__" else field, text)
            else:
                messages.success(
                    request,
                    f"Putaran PMPRB {round_.year} dibuka untuk {round_.assessments.count()} penilaian.",
                )
                return redirect(round_)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class RoundDetailView(EditionMixin, TemplateView):
    template_name = "assessment/round_detail.html"

    def get_context_data(self, **kwargs):
        round_ = access.get_round_for_user(self.request.user, self.kwargs["pk"])
        page = round_page(round_, self.profile)
        works_on_it = self.profile.is_staff_member or access.is_pmprb_reviewer(self.profile)
        own = next((row for row in page.rows if row.assessment.agency_id == self.profile.agency_id), None)
        return super().get_context_data(
            page=page,
            round=round_,
            result=page.result,
            example=round_.model.questions.filter(is_example=True).exists(),
            show_chase=works_on_it,
            whole_workbook=access.sees_every_assessment(self.profile),
            own=own if self.profile.agency_id else None,
            **kwargs,
        )


class RoundSettingsView(EditionMixin, TemplateView):
    """Staff set the weak sub-component threshold, and reopen a closed round (with a reason)."""

    template_name = "assessment/round_settings.html"
    access = staticmethod(require_staff)

    def dispatch(self, request, *args, **kwargs):
        self.round = access.get_round_for_staff(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "threshold_form", ThresholdForm(initial={"weak_threshold": self.round.weak_threshold})
        )
        kwargs.setdefault("reopen_form", ReopenForm())
        return super().get_context_data(round=self.round, **kwargs)

    def post(self, request, pk):
        if "reopen" in request.POST:
            form = ReopenForm(request.POST)
            if form.is_valid():
                services.reopen_round(
                    round_=self.round, reason=form.cleaned_data["reason"], user=request.user
                )
                messages.success(request, f"Putaran PMPRB {self.round.year} dibuka kembali.")
                return redirect(self.round)
            return self.render_to_response(self.get_context_data(reopen_form=form), status=400)
        form = ThresholdForm(request.POST)
        if form.is_valid():
            threshold = form.cleaned_data["weak_threshold"]
            services.set_threshold(round_=self.round, threshold=threshold, user=request.user)
            messages.success(request, f"Batas sub-komponen lemah: {format_number(threshold)} %.")
            return redirect(self.round)
        return self.render_to_response(self.get_context_data(threshold_form=form), status=400)


class RoundCloseView(EditionMixin, TemplateView):
    """Closing a round; staff confirm whether its Indeks RB becomes the road map's verified realisation."""

    template_name = "assessment/round_close.html"
    access = staticmethod(require_staff)

    def dispatch(self, request, *args, **kwargs):
        self.round = access.get_round_for_staff(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        result = round_result(self.round)
        indicator = services.indeks_rb_indicator(self.round.year)
        existing = (
            indicator.realisations.filter(year=self.round.year, period="year").first() if indicator else None
        )
        kwargs.setdefault("form", CloseForm(initial={"record": result.index is not None}))
        return super().get_context_data(
            round=self.round, result=result, indicator=indicator, existing=existing, **kwargs
        )

    def post(self, request, pk):
        form = CloseForm(request.POST)
        if form.is_valid():
            try:
                services.close_round(
                    round_=self.round,
                    user=request.user,
                    record=form.cleaned_data["record"],
                    reason=form.cleaned_data["reason"],
                )
            except (ValidationError, PermissionDenied) as error:
                for text in getattr(error, "messages", [str(error)]):
                    form.add_error(None, text)
            else:
                text = f"Putaran PMPRB {self.round.year} ditutup."
                if form.cleaned_data["record"]:
                    text += " Indeks RB dicatat sebagai realisasi terverifikasi road map."
                messages.success(request, text)
                return redirect(self.round)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class RoundSummaryView(EditionMixin, TemplateView):
    """One printable A4 page for the Tim Pengarah: the index, its parts, every result, what is weak."""

    template_name = "assessment/round_summary.html"

    def get_context_data(self, **kwargs):
        round_ = access.get_round_for_user(self.request.user, self.kwargs["pk"])
        page = round_page(round_, self.profile)
        return super().get_context_data(
            page=page,
            round=round_,
            result=page.result,
            place=settings.REPORT_PLACE,
            example=round_.model.questions.filter(is_example=True).exists(),
            **kwargs,
        )
