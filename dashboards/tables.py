"""The achievement table: one row per indicator or activity for a chosen year."""

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.html import format_html

from dashboards.excel.recap import achievement_cell, basis_cell, figure
from monev.standing import STATE_LABELS
from roadmap.spreadsheets import target_cell
from roadmap.tables import ONE_PASS_TEMPLATE, OnePassRows, Table


class AchievementTable(OnePassRows, Table):
    home = tables.Column(verbose_name="Area / quick win", accessor="home", order_by=("home_sort",))
    kind = tables.Column(verbose_name="Jenis", accessor="kind_label")
    name = tables.Column(verbose_name="Indikator / kegiatan", accessor="item", order_by=("name_sort",))
    agency = tables.Column(verbose_name="Pengampu", accessor="agency", default="–", order_by=("agency_sort",))
    unit = tables.Column(verbose_name="Satuan", accessor="item__unit", default="–", orderable=False)
    target = tables.Column(
        verbose_name="Target",
        accessor="status__target_display",
        orderable=False,
        attrs={"td": {"class": "text-end"}},
    )
    realised = tables.Column(
        verbose_name="Realisasi terverifikasi",
        accessor="status",
        orderable=False,
        attrs={"td": {"class": "text-end"}},
    )
    basis = tables.Column(
        verbose_name="Dasar angka", accessor="status", orderable=False, attrs={"td": {"class": "small"}}
    )
    percent = tables.Column(
        verbose_name="Capaian",
        accessor="status",
        order_by=("percent_sort",),
        attrs={"td": {"class": "text-end text-nowrap"}, "th": {"class": "text-end"}},
    )
    state = tables.Column(verbose_name="Keadaan", accessor="status", order_by=("state_sort",))

    class Meta:
        template_name = ONE_PASS_TEMPLATE
        empty_text = "Tidak ada item yang cocok."
        attrs = {"class": "table table-sm table-hover align-middle", "aria-label": "Capaian"}
        per_page = 50

    def render_home(self, value):
        return format_html('<a href="{}">{}</a>', value.get_absolute_url(), value)

    def render_name(self, value):
        return format_html('<a href="{}">{}</a>', value.get_absolute_url(), value.name)

    def render_agency(self, value):
        return format_html('<a href="{}">{}</a>', value.get_absolute_url(), value.short_name)

    def render_realised(self, value):
        return render_to_string("monev/_realised_cell.html", {"status": value})

    def value_target(self, record):
        return target_cell(record["status"].target)

    def value_realised(self, value):
        return figure(value)

    def render_basis(self, value):
        return basis_cell(value) or "–"

    def value_basis(self, value):
        return basis_cell(value)

    def render_percent(self, value):
        return render_to_string("monev/_achievement_cell.html", {"status": value})

    def render_state(self, value):
        return STATE_LABELS[value.state]

    def value_home(self, value):
        return str(value)

    def value_name(self, value):
        return value.name

    def value_agency(self, value):
        return value.name

    def value_percent(self, value):
        return achievement_cell(value)

    def value_state(self, value):
        return STATE_LABELS[value.state]
