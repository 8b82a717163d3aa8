"""Filters for the lists of agencies, priority activities and action-plan rows."""

import django_filters
from django import forms
from django.db.models import Q

from actions.models import ActionPlanRow, PriorityActivity, QuickWin
from areas.filters import edition_areas
from roadmap.access import profile_of
from roadmap.filters import StyledFilterSet
from roadmap.models import Agency, RoadmapEdition


def edition_quick_wins(request):
    """The quick wins of the edition the page shows (roadmap.mixins.EditionMixin), else of the one in force."""
    edition = getattr(request, "edition", None)
    if edition is None:
        return QuickWin.objects.filter(edition__in=RoadmapEdition.objects.in_force())
    return QuickWin.objects.filter(edition=edition)


class MyAgencyFilterMixin(django_filters.FilterSet):
    """A "my agency only" switch, offered to users who belong to an agency."""

    mine = django_filters.BooleanFilter(
        label="Hanya Perangkat Daerah saya", method="only_mine", widget=forms.CheckboxInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        profile = profile_of(self.request.user) if self.request else None
        self.my_agency = profile.agency if profile else None
        if self.my_agency is None:
            del self.filters["mine"]

    def only_mine(self, queryset, name, value):
        return queryset.led_by(self.my_agency) if value and self.my_agency else queryset


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


class ActivityFilter(MyAgencyFilterMixin, StyledFilterSet):
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
        label="Pengampu tidak disebut dalam tabel", method="without_agency_in_source"
    )

    class Meta:
        model = PriorityActivity
        fields = ["q", "area", "quick_win", "agency", "no_agency", "mine"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(unit__icontains=value))

    def without_agency_in_source(self, queryset, name, value):
        """Activities whose source cell names no Pengampu (the application may have assigned one)."""
        source_empty = Q(agency__isnull=True) | ~Q(agency_note="")
        return queryset.filter(source_empty) if value else queryset.exclude(source_empty)


class ActionPlanFilter(MyAgencyFilterMixin, StyledFilterSet):
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
        fields = ["q", "area", "lead", "mine"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value) | Q(planned_actions__text__icontains=value)
        ).distinct()
