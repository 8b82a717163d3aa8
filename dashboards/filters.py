"""Filters of the achievement table, applied to indicators and activities alike."""

import django_filters

from actions.filters import edition_quick_wins
from actions.models import PriorityActivity
from areas.filters import edition_areas
from monev.achievement import DEFAULT_CATEGORIES
from monev.models import Quarter
from monev.standing import STATE_LABELS
from roadmap.filters import StyledFilterSet
from roadmap.models import Agency

KIND_CHOICES = [("indicator", "Indikator"), ("activity", "Kegiatan prioritas")]


class AchievementFilter(StyledFilterSet):
    """Queryset filters work on both item models; category and state are read after computing."""

    year = django_filters.ChoiceFilter(label="Tahun", method="keep", empty_label=None)
    quarter = django_filters.ChoiceFilter(
        label="Sampai",
        choices=[(str(value), label) for value, label in Quarter.choices],
        method="keep",
        empty_label="akhir tahun",
    )
    area = django_filters.ModelChoiceFilter(
        label="Area perubahan", queryset=edition_areas, method="by_area", empty_label="Semua area"
    )
    quick_win = django_filters.ModelChoiceFilter(
        label="Quick win", queryset=edition_quick_wins, method="by_quick_win", empty_label="Semua quick win"
    )
    agency = django_filters.ModelChoiceFilter(
        label="Perangkat Daerah Pengampu",
        queryset=Agency.objects.order_by("name"),
        method="by_agency",
        empty_label="Semua Perangkat Daerah",
    )
    kind = django_filters.ChoiceFilter(
        label="Jenis", choices=KIND_CHOICES, method="keep", empty_label="Semua jenis"
    )
    category = django_filters.ChoiceFilter(
        label="Kategori capaian",
        choices=[(c.key, c.label) for c in DEFAULT_CATEGORIES],
        method="keep",
        empty_label="Semua kategori",
    )
    state = django_filters.ChoiceFilter(
        label="Keadaan", choices=list(STATE_LABELS.items()), method="keep", empty_label="Semua keadaan"
    )

    class Meta:
        model = PriorityActivity
        fields = ["year", "quarter", "area", "quick_win", "agency", "kind", "category", "state"]

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in years]

    def keep(self, queryset, name, value):
        return queryset

    def by_area(self, queryset, name, value):
        return queryset.filter(area=value)

    def by_quick_win(self, queryset, name, value):
        return queryset.filter(quick_win=value) if queryset.model is PriorityActivity else queryset.none()

    def by_agency(self, queryset, name, value):
        # Indicators measure the whole regency: no agency leads them.
        return queryset.led_by(value) if queryset.model is PriorityActivity else queryset.none()
