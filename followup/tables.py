"""The register as a table (also its workbook: ``?_export=xlsx``)."""

import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html

from followup import states
from followup.models import Finding
from roadmap.dates import format_date
from roadmap.tables import ONE_PASS_TEMPLATE, OnePassRows, Table


class FindingTable(OnePassRows, Table):
    """The register's rows are written in one pass (``roadmap.tables.OnePassRows``)."""

    year = tables.Column(verbose_name="Tahun", attrs={"td": {"class": "text-nowrap"}})
    source = tables.Column(verbose_name="Sumber")
    description = tables.Column(verbose_name="Temuan", linkify=True, attrs={"td": {"class": "col-name"}})
    agency = tables.Column(
        verbose_name="Penanggung jawab", accessor="agency__short_name", order_by="agency__name"
    )
    area = tables.Column(verbose_name="Area perubahan", default="–", order_by="area__order")
    # In the workbook only: too long for the screen, where the finding's page shows it.
    recommendation = tables.Column(verbose_name="Rekomendasi", visible=False)
    deadline = tables.DateColumn(verbose_name="Batas waktu", attrs={"td": {"class": "text-nowrap"}})
    state = tables.Column(verbose_name="Status", empty_values=())

    class Meta:
        model = Finding
        fields = ("year", "source", "description", "agency", "area", "recommendation", "deadline", "state")
        empty_text = "Tidak ada temuan yang cocok."
        attrs = {"class": "table table-sm table-hover align-middle", "aria-label": "Register tindak lanjut"}
        template_name = ONE_PASS_TEMPLATE

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()

    def render_source(self, record):
        return record.get_source_display()

    def render_deadline(self, value):
        return format_date(value)

    def render_state(self, record):
        shown = record.shown_state(self.today)
        return format_html('<span class="badge {}">{}</span>', states.BADGES[shown], states.LABELS[shown])

    def value_state(self, record):
        return states.LABELS[record.shown_state(self.today)]
