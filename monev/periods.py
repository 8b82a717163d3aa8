"""Which years and quarters a page is about: the edition's years, and the year and quarter asked for.

Every page that takes ``?year=`` and ``?quarter=`` reads them here, so an unknown or missing
value falls back the same way everywhere (the current year when the edition has it, else the
edition's first year).
"""

import calendar
import datetime

from django.utils import timezone

from actions.models import PlannedAction, PriorityActivity
from areas.models import Indicator
from monev.models import Period, Quarter
from roadmap.models import RoadmapEdition
from roadmap.notation import parse_whole

NOTHING_TO_REPORT = (
    "Tidak ada tahun yang dapat dilaporkan untuk item ini: road map berikutnya berlaku untuk "
    "tahun-tahunnya, atau item ini telah dihapus oleh perubahan road map."
)


def edition_years(edition) -> list[int]:
    """The years the edition's indicators and activities have target cells for."""
    # The distinct years only: not every target cell in the items' order (thousands at scale).
    years = set(
        Indicator.objects.of_edition(edition).order_by().values_list("targets__year", flat=True).distinct()
    )
    years |= set(
        PriorityActivity.objects.of_edition(edition)
        .order_by()
        .values_list("targets__year", flat=True)
        .distinct()
    )
    return sorted(y for y in years if y is not None)


def edition_plan_years(edition) -> list[int]:
    """The years the action plan covers (2020 and 2021 in Perbup 40/2020)."""
    return sorted(
        set(PlannedAction.objects.filter(row__area__edition=edition).values_list("year", flat=True))
    )


def reportable_years(edition, years: list[int], item) -> list[int]:
    """The years an item of ``edition`` is reported for: those its edition is in force for (a later
    road map answers for the years after it; docs/editions.md), unless an amendment dropped it."""
    in_force = RoadmapEdition.objects.in_force_by_year(years)
    return [year for year in years if in_force.get(year) == edition.pk and item.active_in(year)]


def default_year(edition, years: list[int]) -> int:
    today = timezone.localdate().year
    if today in years:
        return today
    return edition.start_year if edition.start_year in years else years[-1]


def chosen_quarter(value: str | None) -> int | None:
    """The quarter asked for (1–4), or None for the whole year (anything else is ignored)."""
    quarter = parse_whole(value)
    return quarter if quarter in Quarter.values else None


def chosen_year_and_quarter(
    request, edition, years: list[int] | None = None
) -> tuple[int, int | None, list[int]]:
    """``?year=`` among ``years`` (default: the edition's target years) and ``?quarter=``."""
    years = edition_years(edition) if years is None else years
    year = parse_whole(request.GET.get("year"))
    if year not in years:
        year = default_year(edition, years)
    return year, chosen_quarter(request.GET.get("quarter")), years


def periods_up_to(quarter: int | None) -> list[str]:
    """The periods whose reports count when looking at a year up to a quarter (all, without one)."""
    if quarter is None or quarter == Quarter.Q4:
        return list(Period.values)
    return [p.value for p in Period.quarters()[:quarter]]


def as_of(year: int, quarter: int | None, today: datetime.date) -> datetime.date:
    """The day the figures are read on: the end of the chosen quarter, else today."""
    if quarter is None:
        return today
    month = quarter * 3
    return datetime.date(year, month, calendar.monthrange(year, month)[1])
