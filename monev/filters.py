"""Filters of the verification queue: one form, applied to realisations and action-plan progress alike."""

import django_filters
from django.db.models import Q

from actions.filters import edition_quick_wins
from areas.filters import edition_areas
from monev.models import ActionProgress, Period, Realisation
from roadmap.filters import OptionsSelect, StyledFilterSet
from roadmap.models import Agency


class QueueFilter(StyledFilterSet):
    """The fields both queues share; each kind of report says what a choice means for it (``condition``)."""

    area = django_filters.ModelChoiceFilter(
        label="Area perubahan",
        queryset=edition_areas,
        method="by",
        empty_label="Semua area",
        widget=OptionsSelect,
    )
    quick_win = django_filters.ModelChoiceFilter(
        label="Quick win",
        queryset=edition_quick_wins,
        method="by",
        empty_label="Semua quick win",
        widget=OptionsSelect,
    )
    agency = django_filters.ModelChoiceFilter(
        label="Perangkat Daerah",
        queryset=Agency.objects.order_by("name"),
        method="by",
        empty_label="Semua",
        widget=OptionsSelect,
    )
    year = django_filters.NumberFilter(label="Tahun", method="by")
    period = django_filters.ChoiceFilter(
        label="Periode", choices=Period.choices, method="by", empty_label="Semua", widget=OptionsSelect
    )

    def by(self, queryset, name, value):
        return queryset.filter(self.condition(name, value)).distinct()

    def condition(self, name: str, value) -> Q:
        raise NotImplementedError


NOTHING = Q(pk__in=[])


class RealisationQueueFilter(QueueFilter):
    class Meta:
        model = Realisation
        fields = ["area", "quick_win", "agency", "year", "period"]

    def condition(self, name: str, value) -> Q:
        return {
            "area": lambda: (
                Q(indicator__area=value) | Q(activity__area=value) | Q(plan_indicator__area=value)
            ),
            "quick_win": lambda: Q(activity__quick_win=value),
            "agency": lambda: Q(activity__agency=value) | Q(plan_indicator__plan__agency=value),
            "year": lambda: Q(year=value),
            "period": lambda: Q(period=value),
        }[name]()


class ProgressQueueFilter(QueueFilter):
    class Meta:
        model = ActionProgress
        fields = ["area", "quick_win", "agency", "year", "period"]

    def condition(self, name: str, value) -> Q:
        quarter = Period(value).quarter if name == "period" else None
        return {
            "area": lambda: Q(planned_action__row__area=value),
            "quick_win": lambda: NOTHING,  # quick wins have no action-plan rows
            "agency": lambda: (
                Q(contributor=value) | Q(contributor__isnull=True, planned_action__row__lead_agencies=value)
            ),
            "year": lambda: Q(planned_action__year=value),
            "period": lambda: Q(quarter=quarter) if quarter else NOTHING,
        }[name]()
