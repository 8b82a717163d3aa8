"""Filters for the lists of agencies, priority activities and action-plan rows."""

import django_filters
from django.db.models import Q

from actions.models import ActionPlanRow, PriorityActivity, QuickWin
from areas.filters import edition_areas
from roadmap.filters import StyledFilterSet
from roadmap.models import Agency, RoadmapEdition


def edition_quick_wins(request):
    return QuickWin.objects.filter(edition=RoadmapEdition.objects.current())


class AgencyFilter(StyledFilterSet):
    q = django_filters.CharFilter(label="Cari", method="search")
    kind = django_filters.ChoiceFilter(label="Jenis", choices=Agency.Kind.choices, empty_label="Semua jenis")

    class Meta:
        model = Agency
        fields = ["q", "kind"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value)
            | Q(short_name__icontains=value)
            | Q(spellings__spelling__icontains=value)
        ).distinct()


class ActivityFilter(StyledFilterSet):
    q = django_filters.CharFilter(label="Cari", method="search")
    area = django_filters.ModelChoiceFilter(
        label="Area perubahan", queryset=edition_areas, empty_label="Semua area"
    )
    quick_win = django_filters.ModelChoiceFilter(
        label="Quick win", queryset=edition_quick_wins, empty_label="Semua quick win"
    )
    agency = django_filters.ModelChoiceFilter(
        label="Perangkat Daerah Pengampu", queryset=Agency.objects.all(), empty_label="Semua Perangkat Daerah"
    )
    no_agency = django_filters.BooleanFilter(
        label="Tanpa Perangkat Daerah Pengampu", field_name="agency", lookup_expr="isnull"
    )

    class Meta:
        model = PriorityActivity
        fields = ["q", "area", "quick_win", "agency", "no_agency"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(unit__icontains=value))


class ActionPlanFilter(StyledFilterSet):
    q = django_filters.CharFilter(label="Cari", method="search")
    area = django_filters.ModelChoiceFilter(
        label="Area perubahan", queryset=edition_areas, empty_label="Semua area"
    )
    lead = django_filters.ModelChoiceFilter(
        label="Perangkat Daerah Utama",
        field_name="lead_agencies",
        queryset=Agency.objects.filter(led_action_rows__isnull=False).distinct(),
        empty_label="Semua Perangkat Daerah",
    )

    class Meta:
        model = ActionPlanRow
        fields = ["q", "area", "lead"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value) | Q(planned_actions__text__icontains=value)
        ).distinct()
