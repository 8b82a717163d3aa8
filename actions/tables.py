"""Tables of priority activities and action-plan rows."""

import django_tables2 as tables
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from actions.models import ActionPlanRow, PriorityActivity
from areas.tables import year_columns
from roadmap.models import Agency
from roadmap.tables import Table


class ActivityTable(Table):
    home = tables.Column(
        verbose_name="Area / quick win",
        accessor="area",
        empty_values=(),
        order_by=("area__order", "quick_win__number", "order"),
    )
    name = tables.Column(
        verbose_name="Kegiatan", linkify=True, order_by=("name",), attrs={"td": {"class": "col-name"}}
    )
    unit = tables.Column(verbose_name="Satuan", default="–", attrs={"td": {"class": "text-nowrap"}})
    agency = tables.Column(
        verbose_name="Perangkat Daerah Pengampu", linkify=True, default="–", order_by=("agency__name",)
    )

    class Meta:
        model = PriorityActivity
        fields = ("home", "name", "unit")
        sequence = ("home", "name", "unit", "...", "agency")
        empty_text = "Tidak ada kegiatan prioritas yang cocok."
        attrs = {"class": "table table-sm table-hover align-middle", "aria-label": "Kegiatan prioritas"}

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, extra_columns=year_columns(years), **kwargs)

    def render_home(self, record):
        if record.area_id:
            return format_html('<a href="{}">{}</a>', record.area.get_absolute_url(), record.area)
        return format_html(
            '<a href="{}">Quick win: {}</a>', record.quick_win.get_absolute_url(), record.quick_win
        )

    def value_home(self, record):
        return str(record.area or f"Quick win: {record.quick_win}")


def agency_links(agencies) -> str:
    return format_html_join(
        ", ", '<a href="{}">{}</a>', ((a.get_absolute_url(), a.short_name) for a in agencies)
    )


def action_list(actions) -> str:
    if not actions:
        return mark_safe('<span class="text-body-secondary">–</span>')
    return format_html(
        '<ul class="mb-0 ps-3">{}</ul>', format_html_join("", "<li>{}</li>", ((a.text,) for a in actions))
    )


class ActionPlanTable(Table):
    area = tables.Column(
        verbose_name="Area perubahan",
        linkify=True,
        order_by=("area__order", "order"),
        attrs={"td": {"class": "col-area"}},
    )
    name = tables.Column(verbose_name="Sub kegiatan", order_by=("name",), attrs={"td": {"class": "col-name"}})
    leads = tables.Column(verbose_name="Utama", accessor="pk", orderable=False)
    supporting_as_written = tables.Column(verbose_name="Pendukung", orderable=False)

    class Meta:
        model = ActionPlanRow
        fields = ("area", "name", "leads", "supporting_as_written")
        empty_text = "Tidak ada rencana aksi yang cocok."
        attrs = {"class": "table table-sm table-hover align-top", "aria-label": "Rencana aksi"}

    def __init__(self, *args, years=(), **kwargs):
        columns = [(f"actions_{year}", PlannedActionsColumn(year)) for year in years]
        super().__init__(*args, extra_columns=columns, **kwargs)

    def render_name(self, record, value):
        group = (
            format_html('<div class="small text-body-secondary">{}</div>', record.group.label)
            if record.group_id
            else ""
        )
        label = f"{record.label} " if record.label else ""
        return format_html('{}<a href="{}">{}{}</a>', group, record.get_absolute_url(), label, value)

    def value_name(self, record, value):
        group = f"{record.group.label} — " if record.group_id else ""
        return (
            f"{group}{record.label} {value}".replace("  ", " ").strip() if record.label else f"{group}{value}"
        )

    def render_leads(self, record):
        return agency_links(lead.agency for lead in record.leads.all())

    def value_leads(self, record):
        return "; ".join(lead.agency.name for lead in record.leads.all())


class PlannedActionsColumn(tables.Column):
    def __init__(self, year: int):
        self.year = year
        super().__init__(verbose_name=f"Rencana aksi {year}", accessor="pk", orderable=False, empty_values=())

    def actions(self, record):
        return [action for action in record.planned_actions.all() if action.year == self.year]

    def render(self, record):
        return action_list(self.actions(record))

    def value(self, record):
        return "\n".join(action.text for action in self.actions(record))


class CountColumn(tables.Column):
    def __init__(self, verbose_name: str, **kwargs):
        kwargs.setdefault("attrs", {"td": {"class": "text-end"}, "th": {"class": "text-end"}})
        super().__init__(verbose_name=verbose_name, **kwargs)


class AgencyTable(Table):
    name = tables.Column(verbose_name="Perangkat Daerah", linkify=True)
    short_name = tables.Column(verbose_name="Nama singkat")
    kind = tables.Column(verbose_name="Jenis")
    activity_count = CountColumn("Kegiatan prioritas (pengampu)")
    action_row_count = CountColumn("Rencana aksi (utama)")
    pokja_count = CountColumn("Pokja")

    class Meta:
        model = Agency
        fields = ("name", "short_name", "kind")
        empty_text = "Tidak ada Perangkat Daerah yang cocok."
        attrs = {"class": "table table-sm table-hover align-middle", "aria-label": "Perangkat Daerah"}
