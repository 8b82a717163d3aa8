"""Whether a period is open for reporting, for one item."""

from monev.items import item_key
from monev.models import ReopenedItem, ReportingWindow


def period_open(item, year: int, period: str) -> bool:
    """Open when its window is open, or when staff reopened this item in the closed window."""
    window = ReportingWindow.objects.filter(year=year, period=period).first()
    if window is None:
        return False
    if window.is_open:
        return True
    return ReopenedItem.objects.filter(window=window, active=True, **item_key(item)).exists()


def open_periods(item) -> set[tuple[int, str]]:
    """Every (year, period) the item may be reported for by its agency right now."""
    periods = set(ReportingWindow.objects.open().values_list("year", "period"))
    reopened = ReopenedItem.objects.filter(active=True, **item_key(item)).values_list(
        "window__year", "window__period"
    )
    return periods | set(reopened)


def open_check(year: int, period: str):
    """``period_open`` for many items of one period at the cost of two queries."""
    window = ReportingWindow.objects.filter(year=year, period=period).first()
    if window is None:
        return lambda item: False
    if window.is_open:
        return lambda item: True
    reopened = set()
    for indicator, activity, row in ReopenedItem.objects.filter(window=window, active=True).values_list(
        "indicator_id", "activity_id", "row_id"
    ):
        reopened |= {("indicator", indicator), ("activity", activity), ("row", row)}

    def is_open(item) -> bool:
        (kind, obj), *_ = item_key(item).items()
        return (kind, obj.pk) in reopened

    return is_open
