"""Verification by Bagian Organisasi: one report from its item page, or many from the queue."""

import django_filters
import django_tables2 as tables
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from actions.filters import edition_quick_wins
from areas.filters import edition_areas
from monev import services
from monev.access import get_report_for_reviewer, require_reviewer
from monev.models import ActionProgress, Period, Realisation, ReviewState
from roadmap.filters import StyledFilterSet
from roadmap.forms import BootstrapFormMixin
from roadmap.models import Agency, RoadmapEdition
from roadmap.notation import parse_whole
from roadmap.views import EditionMixin, safe_next


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


class QueueFilter(StyledFilterSet):
    area = django_filters.ModelChoiceFilter(
        label="Area perubahan", queryset=edition_areas, method="by_area", empty_label="Semua area"
    )
    quick_win = django_filters.ModelChoiceFilter(
        label="Quick win", queryset=edition_quick_wins, method="by_quick_win", empty_label="Semua quick win"
    )
    agency = django_filters.ModelChoiceFilter(
        label="Perangkat Daerah",
        queryset=Agency.objects.order_by("name"),
        method="by_agency",
        empty_label="Semua",
    )
    year = django_filters.NumberFilter(label="Tahun", method="by_year")
    period = django_filters.ChoiceFilter(
        label="Periode", choices=Period.choices, method="by_period", empty_label="Semua"
    )

    class Meta:
        model = Realisation
        fields = ["area", "quick_win", "agency", "year", "period"]

    def is_progress(self, queryset) -> bool:
        return queryset.model is ActionProgress

    def by_area(self, queryset, name, value):
        if self.is_progress(queryset):
            return queryset.filter(planned_action__row__area=value)
        return queryset.filter(Q(indicator__area=value) | Q(activity__area=value))

    def by_quick_win(self, queryset, name, value):
        return queryset.none() if self.is_progress(queryset) else queryset.filter(activity__quick_win=value)

    def by_agency(self, queryset, name, value):
        if self.is_progress(queryset):
            return queryset.filter(
                Q(contributor=value) | Q(contributor__isnull=True, planned_action__row__lead_agencies=value)
            ).distinct()
        return queryset.filter(activity__agency=value)

    def by_year(self, queryset, name, value):
        field = "planned_action__year" if self.is_progress(queryset) else "year"
        return queryset.filter(**{field: value})

    def by_period(self, queryset, name, value):
        if self.is_progress(queryset):
            quarter = Period(value).quarter
            return queryset.filter(quarter=quarter) if quarter else queryset.none()
        return queryset.filter(period=value)


def evidence_links(report) -> str:
    links = [
        format_html(
            '<a href="{}"{}>{}</a>',
            e.get_absolute_url(),
            ' target="_blank" rel="noopener"' if e.link else "",
            e.label,
        )
        for e in report.evidence.all()
    ]
    return (
        format_html(", ".join(["{}"] * len(links)), *links)
        if links
        else format_html('<span class="text-body-secondary">{}</span>', "tanpa bukti")
    )


class SelectColumn(tables.CheckBoxColumn):
    def __init__(self, name: str):
        super().__init__(
            accessor="pk",
            attrs={
                "input": {"name": name, "class": "form-check-input"},
                "th__input": {
                    "class": "form-check-input",
                    "data-select-all": name,
                    "aria-label": "Pilih semua",
                },
            },
        )


class RealisationQueueTable(tables.Table):
    selected = SelectColumn("realisation")
    item = tables.Column(verbose_name="Indikator / kegiatan", accessor="pk", orderable=False)
    period = tables.Column(verbose_name="Periode", accessor="pk", orderable=False)
    value = tables.Column(
        verbose_name="Realisasi", accessor="pk", orderable=False, attrs={"td": {"class": "text-end"}}
    )
    reporter = tables.Column(verbose_name="Pelapor", accessor="reported_by", default="–", orderable=False)
    submitted_at = tables.DateTimeColumn(verbose_name="Diajukan", format="j M Y H:i")
    evidence = tables.Column(verbose_name="Bukti dukung", accessor="pk", orderable=False)

    class Meta:
        model = Realisation
        fields = ("selected", "item", "period", "value", "reporter", "submitted_at", "evidence")
        empty_text = "Tidak ada realisasi yang menunggu verifikasi."
        attrs = {
            "class": "table table-sm table-hover align-middle",
            "aria-label": "Realisasi menunggu verifikasi",
        }

    def render_item(self, record):
        item = record.item
        agency = getattr(item, "agency", None)
        return format_html(
            '<a href="{}">{}</a><div class="small text-body-secondary">{}</div>',
            item.get_absolute_url(),
            item.name,
            agency.short_name if agency else "Indikator (staf)",
        )

    def render_period(self, record):
        return f"{record.get_period_display()} {record.year}"

    def render_value(self, record):
        return record.display

    def render_reporter(self, value):
        return value.get_full_name() or value.get_username()

    def render_evidence(self, record):
        return evidence_links(record)


class ProgressQueueTable(tables.Table):
    selected = SelectColumn("progress")
    action = tables.Column(verbose_name="Rencana aksi", accessor="pk", orderable=False)
    period = tables.Column(verbose_name="Periode", accessor="pk", orderable=False)
    value = tables.Column(verbose_name="Kemajuan", accessor="pk", orderable=False)
    reporter = tables.Column(verbose_name="Pelapor", accessor="reported_by", default="–", orderable=False)
    submitted_at = tables.DateTimeColumn(verbose_name="Diajukan", format="j M Y H:i")
    evidence = tables.Column(verbose_name="Bukti dukung", accessor="pk", orderable=False)

    class Meta:
        model = ActionProgress
        fields = ("selected", "action", "period", "value", "reporter", "submitted_at", "evidence")
        empty_text = "Tidak ada kemajuan rencana aksi yang menunggu verifikasi."
        attrs = {
            "class": "table table-sm table-hover align-middle",
            "aria-label": "Kemajuan menunggu verifikasi",
        }

    def render_action(self, record):
        row = record.planned_action.row
        who = (
            f"Kontribusi {record.contributor.short_name}"
            if record.contributor_id
            else "Laporan Perangkat Daerah Utama"
        )
        return format_html(
            '<a href="{}">{}</a><div class="small">{}</div><div class="small text-body-secondary">{}</div>',
            row.get_absolute_url(),
            row.name,
            record.planned_action.text,
            who,
        )

    def render_period(self, record):
        return f"{record.get_quarter_display()} {record.planned_action.year}"

    def render_value(self, record):
        return f"{record.get_status_display()}, {record.percent}%"

    def render_reporter(self, value):
        return value.get_full_name() or value.get_username()

    def render_evidence(self, record):
        return evidence_links(record)


def posted_ids(request, name: str) -> list[int]:
    """The ticked reports' ids; anything else in the field (a tampered value) ticks nothing."""
    return [pk for pk in map(parse_whole, request.POST.getlist(name)) if pk is not None]


class VerificationQueueView(EditionMixin, TemplateView):
    template_name = "monev/verification_queue.html"
    access = staticmethod(require_reviewer)

    def querysets(self):
        editions = RoadmapEdition.objects.in_force()
        realisations = (
            Realisation.objects.awaiting_review()
            .filter(
                Q(indicator__area__edition__in=editions)
                | Q(activity__area__edition__in=editions)
                | Q(activity__quick_win__edition__in=editions)
            )
            .select_related("indicator", "activity__agency", "level", "reported_by")
            .prefetch_related("evidence")
            .order_by("submitted_at")
        )
        progress = (
            ActionProgress.objects.filter(
                review_state=ReviewState.SUBMITTED, planned_action__row__area__edition__in=editions
            )
            .select_related("planned_action__row", "contributor", "reported_by")
            .prefetch_related("evidence")
            .order_by("submitted_at")
        )
        return realisations, progress

    def get_context_data(self, **kwargs):
        realisations, progress = self.querysets()
        queue_filter = QueueFilter(self.request.GET or None, queryset=realisations, request=self.request)
        realisations = queue_filter.qs if queue_filter.is_bound else realisations
        progress = (
            queue_filter.filter_queryset(progress)
            if queue_filter.is_bound and queue_filter.is_valid()
            else progress
        )
        realisation_table = RealisationQueueTable(realisations, prefix="r-")
        progress_table = ProgressQueueTable(progress, prefix="p-")
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
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(review_form=form))
        if not chosen:
            messages.error(request, "Pilih laporan yang akan diverifikasi atau dikembalikan.")
            return redirect(request.get_full_path())
        verify = form.cleaned_data["decision"] == "verify"
        try:
            count = services.review_reports(
                reports=chosen, verify=verify, note=form.cleaned_data["note"], user=request.user
            )
        except ValidationError as error:
            form.add_error("note", error)
            return self.render_to_response(self.get_context_data(review_form=form))
        messages.success(request, f"{count} laporan {'diverifikasi' if verify else 'dikembalikan'}.")
        return redirect(request.get_full_path())
