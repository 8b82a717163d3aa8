"""Verification by Bagian Organisasi: one report from its item page, or many from the queue."""

import django_tables2 as tables
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import redirect
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from actions.models import PriorityActivity
from areas.models import Indicator
from monev import services
from monev.access import get_report_for_reviewer, require_reviewer
from monev.filters import ProgressQueueFilter, RealisationQueueFilter
from monev.models import ActionProgress, Realisation, ReviewState
from monev.tables import ProgressQueueTable, RealisationQueueTable
from plans.models import PlanIndicator
from roadmap.forms import BootstrapFormMixin
from roadmap.mixins import EditionMixin, safe_next
from roadmap.models import RoadmapEdition
from roadmap.notation import parse_whole


def report_item_url(report) -> str:
    if isinstance(report, Realisation):
        return report.item.get_absolute_url()
    return report.planned_action.row.get_absolute_url()


class ReviewForm(BootstrapFormMixin, forms.Form):
    decision = forms.ChoiceField(choices=[("verify", "Verifikasi"), ("return", "Kembalikan")])
    note = forms.CharField(
        label="Catatan untuk pelapor (wajib bila dikembalikan)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@require_POST
def review_report(request, kind: str, pk: int):
    report = get_report_for_reviewer(request.user, kind, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(safe_next(request, report_item_url(report)))
    verify = form.cleaned_data["decision"] == "verify"
    try:
        services.review_reports(
            reports=[report], verify=verify, note=form.cleaned_data["note"], user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, "Laporan diverifikasi." if verify else "Laporan dikembalikan kepada pelapor."
        )
    return redirect(safe_next(request, report_item_url(report)))


def posted_ids(request, name: str) -> list[int]:
    """The ticked reports' ids; anything else in the field (a tampered value) ticks nothing."""
    return [pk for pk in map(parse_whole, request.POST.getlist(name)) if pk is not None]


class VerificationQueueView(EditionMixin, TemplateView):
    template_name = "monev/verification_queue.html"
    access = staticmethod(require_reviewer)
    edition_switch = False

    def querysets(self):
        """The reports awaiting review; the tables read a page's reports whole (monev/tables.py)."""
        # Every enacted edition's: a late report under the previous road map still needs its review.
        editions = RoadmapEdition.objects.enacted()
        realisations = (
            Realisation.objects.awaiting_review()
            .filter(
                # Each kind's items in a subquery: the four paths joined here took PostgreSQL longer to
                # plan (~12 ms at scale 20, issue 14) than to run the ordered page of ids.
                Q(indicator__in=Indicator.objects.filter(area__edition__in=editions))
                | Q(activity__in=PriorityActivity.objects.of_editions(editions))
                | Q(plan_indicator__in=PlanIndicator.objects.filter(plan__edition__in=editions))
            )
            .reviewable_by(self.request.user, self.profile)
            .order_by("submitted_at", "pk")  # pk: a stable order for reports sent at one moment
        )
        progress = (
            ActionProgress.objects.filter(
                review_state=ReviewState.SUBMITTED, planned_action__row__area__edition__in=editions
            )
            .reviewable_by(self.request.user, self.profile)
            .order_by("submitted_at", "pk")  # pk: a stable order for reports sent at one moment
        )
        return realisations, progress

    def get_context_data(self, **kwargs):
        realisations, progress = self.querysets()
        data = self.request.GET or None
        # One form on the page; the same choices filter both queues.
        queue_filter = RealisationQueueFilter(data, queryset=realisations, request=self.request)
        if queue_filter.is_bound:
            realisations = queue_filter.qs
            progress = ProgressQueueFilter(data, queryset=progress, request=self.request).qs
        # A refused review keeps the boxes the user ticked.
        ticked = {name: set(posted_ids(self.request, name)) for name in ("realisation", "progress")}
        realisation_table = RealisationQueueTable(realisations, prefix="r-", ticked=ticked["realisation"])
        progress_table = ProgressQueueTable(progress, prefix="p-", ticked=ticked["progress"])
        for table in (realisation_table, progress_table):
            tables.RequestConfig(self.request, paginate={"per_page": 50}).configure(table)
        return super().get_context_data(
            filter=queue_filter,
            realisation_table=realisation_table,
            progress_table=progress_table,
            review_form=kwargs.pop("review_form", None) or ReviewForm(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = ReviewForm(request.POST)
        realisations, progress = self.querysets()
        chosen = list(realisations.filter(pk__in=posted_ids(request, "realisation"))) + list(
            progress.filter(pk__in=posted_ids(request, "progress"))
        )
        if form.is_valid() and not chosen:
            form.add_error(None, "Pilih laporan yang akan diverifikasi atau dikembalikan.")
        if form.is_valid():
            verify = form.cleaned_data["decision"] == "verify"
            try:
                count = services.review_reports(
                    reports=chosen, verify=verify, note=form.cleaned_data["note"], user=request.user
                )
            except (ValidationError, PermissionDenied) as error:
                form.add_error(
                    "note", ValidationError(str(error)) if isinstance(error, PermissionDenied) else error
                )
            else:
                messages.success(request, f"{count} laporan {'diverifikasi' if verify else 'dikembalikan'}.")
                return redirect(request.get_full_path())
        return self.render_to_response(self.get_context_data(review_form=form))
