"""Tables of indicators with one column per target year."""

import django_tables2 as tables
from django.utils.html import format_html

from areas.models import Indicator
from roadmap.notation import NO_TARGET_DISPLAY
from roadmap.spreadsheets import target_cell
from roadmap.tables import Table


class TargetColumn(tables.Column):
    """The target of one year, as the regulation writes it; "–" where none is set."""

    def __init__(self, year: int, **kwargs):
        self.year = year
        kwargs.setdefault("verbose_name", str(year))
        kwargs.setdefault("orderable", False)
        kwargs.setdefault("empty_values", ())
        kwargs.setdefault("attrs", {"td": {"class": "text-end"}, "th": {"class": "text-end"}})
        super().__init__(accessor=tables.A("pk"), **kwargs)

    def render(self, record):
        target = record.targets_by_year.get(self.year)
        if target is None or not target.is_set:
            return format_html(
                '<span class="text-body-secondary" title="Tidak ada target">{}</span>', NO_TARGET_DISPLAY
            )
        return target.display

    def value(self, record):
        """For exports: a plain number stays a number; levels, grades and "≥ 80" stay as written."""
        return target_cell(record.targets_by_year.get(self.year))


def year_columns(years) -> list[tuple[str, TargetColumn]]:
    return [(f"target_{year}", TargetColumn(year)) for year in years]


class IndicatorTable(Table):
    area = tables.Column(
        verbose_name="Area perubahan",
        linkify=True,
        order_by=("area__order", "order"),
        attrs={"td": {"class": "col-area"}},
    )
    name = tables.Column(
        verbose_name="Indikator keberhasilan",
        linkify=True,
        order_by=("name",),
        attrs={"td": {"class": "col-name"}},
    )
    unit = tables.Column(verbose_name="Satuan", default="–", attrs={"td": {"class": "text-nowrap"}})

    class Meta:
        model = Indicator
        fields = ("area", "name", "unit")
        empty_text = "Tidak ada indikator yang cocok."
        attrs = {"class": "table table-sm table-hover align-middle", "aria-label": "Target indikator"}

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, extra_columns=year_columns(years), **kwargs)
