"""The verification queue's tables: realisations and action-plan progress awaiting review."""

import django_tables2 as tables
from django.db.models import Prefetch
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django_tables2.rows import BoundRows

from monev.models import ActionProgress, Realisation
from roadmap.tables import ONE_PASS_TEMPLATE, DateTimeColumn, OnePassRows, Table


def evidence_links(evidence) -> str:
    links = [
        format_html('<a href="{}" target="_blank" rel="noopener noreferrer">{}</a>', e.link, e.label)
        if e.link
        else format_html('<a href="{}">{}</a>', e.get_absolute_url(), e.label)
        for e in evidence
    ]
    return (
        format_html(", ".join(["{}"] * len(links)), *links)
        if links
        else format_html('<span class="text-body-secondary">{}</span>', "tanpa bukti")
    )


class SelectColumn(tables.CheckBoxColumn):
    """A tick box per report, named after it for screen readers; ticked again after a refusal."""

    def __init__(self, name: str):
        self.field = name
        super().__init__(
            accessor="pk",
            attrs={
                "th__input": {
                    "class": "form-check-input",
                    "data-select-all": name,
                    "aria-label": "Pilih semua",
                },
            },
        )
        self.ticked: set[int] = set()

    def render(self, value, record):
        # One format per box: the library's render works its attributes out again for every row.
        return format_html(
            '<input type="checkbox" name="{}" value="{}"{} class="form-check-input" aria-label="Pilih {}" />',
            self.field,
            value,
            mark_safe(' checked="checked"') if value in self.ticked else "",
            record,
        )


class QueueTable(OnePassRows, Table):
    """What both queues show: a tick box, the report, its period, value, reporter, date and evidence.

    Subclasses set ``selected`` (the form field the tick boxes post) and the ``report`` column.

    A queue runs to thousands of reports: ordering and counting read only ids, the page's reports
    are then read whole (the queryset's select_related and prefetch), and the page's rows render in
    one pass (``roadmap.tables.OnePassRows``).
    """

    period = tables.Column(verbose_name="Periode", accessor="pk", orderable=False)
    reporter = tables.Column(verbose_name="Pelapor", accessor="reported_by", default="–", orderable=False)
    # pk: a stable order for reports sent at one moment, either way round.
    submitted_at = DateTimeColumn(verbose_name="Diajukan", order_by=("submitted_at", "pk"))
    evidence = tables.Column(verbose_name="Bukti dukung", accessor="pk", orderable=False)

    def __init__(self, *args, ticked: set[int] = frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.columns["selected"].column.ticked = ticked
        self._item_urls: dict[tuple[type, int], str] = {}

    def item_url(self, item) -> str:
        """An item's address, worked out once per page: a page often holds many reports of one item."""
        key = (type(item), item.pk)
        url = self._item_urls.get(key)
        if url is None:
            url = self._item_urls[key] = item.get_absolute_url()
        return url

    page_related: tuple[str, ...] = ()  # what a row shows beyond the report itself

    def paginate(self, *args, **kwargs):
        super().paginate(*args, **kwargs)
        page = self.page.object_list.data  # the page's slice of the ordered queryset
        ids = list(page.values_list("pk", flat=True))
        reports = (
            page.model.objects.select_related(*self.page_related, "reported_by")
            # A plain list per report: the related manager's queryset per report cost more than the rows.
            .prefetch_related(Prefetch("evidence", to_attr="page_evidence"))
            .order_by()  # the page's order is the ids' (the model's own order joins other tables)
            .in_bulk(ids)
        )
        self.page.object_list = BoundRows(data=[reports[pk] for pk in ids], table=self)
        return self

    class Meta:
        template_name = ONE_PASS_TEMPLATE
        fields = ("selected", "report", "period", "value", "reporter", "submitted_at", "evidence")
        sequence = ("selected", "report", "period", "value", "reporter", "submitted_at", "evidence")

    def render_reporter(self, value):
        return value.get_full_name() or value.get_username()

    def render_evidence(self, record):
        # A page past the end is the last page, set by django-tables2 without ``paginate``: no list.
        listed = getattr(record, "page_evidence", None)
        return evidence_links(record.evidence.all() if listed is None else listed)


class RealisationQueueTable(QueueTable):
    page_related = ("indicator__data_owner", "activity__agency", "plan_indicator__plan__agency", "level")
    selected = SelectColumn("realisation")
    report = tables.Column(verbose_name="Indikator / kegiatan", accessor="pk", orderable=False)
    value = tables.Column(
        verbose_name="Realisasi", accessor="pk", orderable=False, attrs={"td": {"class": "text-end"}}
    )

    class Meta(QueueTable.Meta):
        model = Realisation
        empty_text = "Tidak ada realisasi yang menunggu verifikasi."
        attrs = {
            "class": "table table-sm table-hover align-middle",
            "aria-label": "Realisasi menunggu verifikasi",
        }

    def render_report(self, record):
        item = record.item
        if record.indicator_id:
            owner = item.data_owner
            whose = f"Indikator · {owner.short_name}" if owner else "Indikator (staf)"
        elif record.plan_indicator_id:
            whose = f"Rencana aksi PD · {item.plan.agency.short_name}"
        else:
            whose = item.agency.short_name if item.agency_id else "–"
        return format_html(
            '<a href="{}">{}</a><div class="small text-body-secondary">{}</div>',
            self.item_url(item),
            item.name,
            whose,
        )

    def render_period(self, record):
        return f"{record.get_period_display()} {record.year}"

    def render_value(self, record):
        return record.display


class ProgressQueueTable(QueueTable):
    page_related = ("planned_action__row", "lead", "contributor")
    selected = SelectColumn("progress")
    report = tables.Column(verbose_name="Rencana aksi", accessor="pk", orderable=False)
    value = tables.Column(verbose_name="Kemajuan", accessor="pk", orderable=False)

    class Meta(QueueTable.Meta):
        model = ActionProgress
        empty_text = "Tidak ada kemajuan rencana aksi yang menunggu verifikasi."
        attrs = {
            "class": "table table-sm table-hover align-middle",
            "aria-label": "Kemajuan menunggu verifikasi",
        }

    def render_report(self, record):
        row = record.planned_action.row
        who = (
            f"Kontribusi {record.contributor.short_name}"
            if record.contributor_id
            else f"Bagian Utama {record.lead.short_name}"
        )
        return format_html(
            '<a href="{}">{}</a><div class="small">{}</div><div class="small text-body-secondary">{}</div>',
            self.item_url(row),
            row.name,
            record.planned_action.text,
            who,
        )

    def render_period(self, record):
        return f"{record.get_quarter_display()} {record.planned_action.year}"

    def render_value(self, record):
        return f"{record.get_status_display()}, {record.percent}%"
