"""Querysets of indicators shared by the pages that list them."""

from areas.models import Indicator


def indicators_with_targets(queryset=None):
    queryset = queryset if queryset is not None else Indicator.objects.all()
    return queryset.select_related("area", "scale").prefetch_related("targets__level")


def years_of(items) -> list[int]:
    """Target years of items whose ``targets`` are already prefetched."""
    return sorted({target.year for item in items for target in item.targets.all()})
