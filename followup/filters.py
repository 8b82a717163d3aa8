"""The register's filters: agency, change area, source, state (overdue included) and year."""

import django_filters
from django.utils import timezone

from followup import states
from followup.models import Finding, FindingSource
from roadmap.filters import StyledFilterSet
from roadmap.models import Agency

STATE_CHOICES = [
    (value, states.LABELS[value]) for value in (*states.PENDING, states.SUBMITTED, states.CLOSED)
]
STATE_CHOICES.insert(2, (states.OVERDUE, states.LABELS[states.OVERDUE]))


class FindingFilter(StyledFilterSet):
    agency = django_filters.ModelChoiceFilter(
        label="Perangkat Daerah", queryset=Agency.objects.all(), empty_label="Semua Perangkat Daerah"
    )
    area = django_filters.ChoiceFilter(label="Area perubahan", method="in_area", empty_label="Semua area")
    source = django_filters.ChoiceFilter(
        label="Sumber", choices=FindingSource.choices, empty_label="Semua sumber"
    )
    state = django_filters.ChoiceFilter(
        label="Status", choices=STATE_CHOICES, method="in_state", empty_label="Semua status"
    )
    year = django_filters.NumberFilter(label="Tahun monev")

    class Meta:
        model = Finding
        fields = ["agency", "area", "source", "state", "year"]

    def __init__(self, *args, areas=(), own_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        if own_only:  # an agency admin sees its own findings only: no agency to choose
            self.filters.pop("agency")
        # Areas by slug: one filter across road maps (an area keeps its slug from one edition to the next).
        self.filters["area"].extra["choices"] = [(a.slug, a.name) for a in areas]

    def in_area(self, queryset, name, value):
        return queryset.filter(area__slug=value)

    def in_state(self, queryset, name, value):
        today = timezone.localdate()
        if value == states.OVERDUE:
            return queryset.overdue(today)
        queryset = queryset.filter(state=value)
        return queryset.not_overdue(today) if value in states.PENDING else queryset
