"""Filters for the indicator list."""

import django_filters
from django.db.models import Q

from areas.models import ChangeArea, Indicator, TargetKind
from roadmap.filters import StyledFilterSet
from roadmap.models import RoadmapEdition


def edition_areas(request):
    """The change areas of the edition the page shows (roadmap.mixins.EditionMixin), else of the one in force."""
    edition = getattr(request, "edition", None)
    if edition is None:
        return ChangeArea.objects.filter(edition__in=RoadmapEdition.objects.in_force())
    return ChangeArea.objects.filter(edition=edition)


class IndicatorFilter(StyledFilterSet):
    q = django_filters.CharFilter(label="Cari", method="search")
    area = django_filters.ModelChoiceFilter(
        label="Area perubahan", queryset=edition_areas, empty_label="Semua area"
    )
    target_kind = django_filters.ChoiceFilter(
        label="Jenis target", choices=TargetKind.choices, empty_label="Semua jenis"
    )

    class Meta:
        model = Indicator
        fields = ["q", "area", "target_kind"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(unit__icontains=value))
