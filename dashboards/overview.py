"""The state of the whole reform for a year (and optionally up to a quarter), for the dashboard and report.

Everything here is computed from verified reports only; what still awaits review is counted
apart, never mixed in. Items come with their targets and that year's reports prefetched, so a
whole edition costs a fixed number of queries.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, partial

from django.db.models import Prefetch

from actions.models import PriorityActivity, QuickWin
from areas.models import ChangeArea, Indicator, IndicatorTarget
from dashboards.completeness import AgencyShare, shares_by_agency
from dashboards.selectors import edition_items
from monev import achievement, plan_standings, standings
from monev.models import Period, Realisation
from monev.periods import periods_up_to
from monev.plan_progress import PlanShare
from monev.series import indicator_predecessors, series, target_years
from monev.standing import STATE_LABELS, Average, Rules, YearStatus, average_of
from roadmap.models import RoadmapEdition

STATES = list(STATE_LABELS)
# Reported and targeted, but the target is not (yet) met.
BELOW_TARGET = ("on_track", "behind", "not_yet", "not_met")


@dataclass
class ItemLine:
    """An item's standing in a summary: a plain ``Tally`` (the dashboard), or with the item itself."""

    item: Indicator | PriorityActivity | None
    status: YearStatus | standings.Tally
    key: standings.Key
    area_id: int | None
    quick_win_id: int | None = None

    @property
    def kind(self) -> str:
        return self.key[0]


@dataclass
class Summary:
    """Counts and average achievement of a group of items (an area, a quick win, the whole reform)."""

    lines: list[ItemLine] = field(default_factory=list)

    @cached_property
    def counts(self) -> Counter:
        return Counter(line.status.state for line in self.lines)

    @property
    def state_counts(self) -> list[tuple[str, str, int]]:
        counts = self.counts
        return [(key, STATE_LABELS[key], counts.get(key, 0)) for key in STATES]

    @property
    def present_counts(self) -> list[tuple[str, str, int]]:
        return [entry for entry in self.state_counts if entry[2]]

    @cached_property
    def mean(self) -> Average:
        """Average achievement of the numeric items, with grades and levels met counted beside it."""
        return average_of((line.status for line in self.lines), Rules.from_settings())

    @property
    def average(self) -> Decimal | None:
        return self.mean.percent

    @property
    def category(self) -> achievement.Category | None:
        return self.mean.category

    @property
    def unverified(self) -> int:
        return sum(line.status.unverified for line in self.lines)

    @property
    def below_target(self) -> list[ItemLine]:
        return [line for line in self.lines if line.status.state in BELOW_TARGET]


@dataclass
class Overview:
    year: int
    quarter: int | None
    total: Summary
    areas: list[tuple[ChangeArea, Summary, PlanShare]]
    quick_wins: list[tuple[QuickWin, Summary]]
    plan: PlanShare
    completeness: list[AgencyShare]

    @property
    def present_states(self) -> list[tuple[str, str]]:
        """The states some item of the year is in, in their order: the columns of the area table."""
        counts = self.total.counts
        return [(key, label) for key, label in STATE_LABELS.items() if counts.get(key)]

    @property
    def area_rows(self) -> list[tuple[ChangeArea, Summary, PlanShare, list[tuple[str, int]]]]:
        keys = [key for key, _ in self.present_states]
        return [
            (area, summary, plan, [(key, summary.counts.get(key, 0)) for key in keys])
            for area, summary, plan in self.areas
        ]


def tally_lines(edition: RoadmapEdition, year: int, quarter: int | None, today, rules) -> list[ItemLine]:
    return [
        ItemLine(None, tally, tally.key, tally.area_id, tally.quick_win_id)
        for tally in standings.edition_tallies(edition, year, up_to_quarter=quarter, today=today, rules=rules)
    ]


def item_lines(items, year: int, quarter: int | None, today, rules) -> list[ItemLine]:
    """Lines with their items; the items come with ``targets`` of the year prefetched."""
    found = standings.statuses(items, year, up_to_quarter=quarter, today=today, rules=rules)
    return [
        ItemLine(item, status, standings.key_of(item), item.area_id, getattr(item, "quick_win_id", None))
        for item, status in zip(items, found, strict=True)
    ]


def build_overview(
    edition: RoadmapEdition,
    year: int,
    quarter: int | None,
    today: datetime.date,
    *,
    detailed: bool = False,
    completeness: bool = True,
) -> Overview:
    """The year's overview from the stored standings: with every item when ``detailed`` (the year-end
    report lists them all), else plain tallies with only the quick wins' items (the dashboard);
    without the agencies' completeness when not asked for (the year-end report shows none)."""
    periods = periods_up_to(quarter)
    quarters = [Period(p).quarter for p in periods if Period(p).quarter]
    rules = Rules.from_settings()
    if detailed:
        indicators, activities = edition_items(edition, year, periods, with_reports=False)
        lines = item_lines(indicators + activities, year, quarter, today, rules)
    else:
        lines = tally_lines(edition, year, quarter, today, rules)
    total = Summary(lines)
    edition_areas = list(edition.areas.all())
    area_ids = [area.pk for area in edition_areas]
    plan_by_area = plan_standings.shares_by_area(edition, year, max(quarters), area_ids)
    plan = PlanShare()
    areas = []
    by_area = defaultdict(list)
    for line in lines:
        by_area[line.area_id].append(line)
    for area in edition_areas:
        area_plan = plan_by_area.get(area.pk, PlanShare())
        plan.merge(area_plan)
        areas.append((area, Summary(by_area[area.pk]), area_plan))
    in_quick_wins = [line for line in lines if line.quick_win_id]
    if in_quick_wins and not detailed:
        items = edition_items(
            edition, year, periods, with_reports=False, keys=[line.key for line in in_quick_wins]
        )
        in_quick_wins = item_lines(items[0] + items[1], year, quarter, today, rules)
    quick_wins = [
        (quick_win, Summary([line for line in in_quick_wins if line.quick_win_id == quick_win.pk]))
        for quick_win in edition.quick_wins.select_related("lead_agency")
    ]
    return Overview(
        year=year,
        quarter=quarter,
        total=total,
        areas=areas,
        quick_wins=quick_wins,
        plan=plan,
        completeness=(
            shares_by_agency(edition, year, [p for p in periods if p != Period.YEAR], area_ids)
            if completeness
            else []
        ),
    )


def chart_value(ordinal: bool, number, level) -> str | float | None:
    """A point on an indicator chart: the level's label on an ordered axis, else the number."""
    if ordinal:
        return level.label if level else None
    return float(number) if number is not None else None


def key_indicator_series(
    edition: RoadmapEdition,
    year: int,
    quarter: int | None = None,
    rules: Rules | None = None,
    today: datetime.date | None = None,
):
    """For each key indicator, its target and verified realisation in every target year up to
    ``year`` (and ``year`` itself), the chosen year read up to ``quarter`` as the dashboard is."""
    rules = rules or Rules.from_settings()
    today = today or datetime.date.today()
    # Earlier years from their reports (across road maps); the chosen year from its stored standing.
    counted = Realisation.objects.filter(year__lt=year).select_related("level")
    indicators = list(
        Indicator.objects.of_edition(edition)
        .filter(is_key=True)
        .select_related("scale", "area__edition")
        .prefetch_related(
            Prefetch("targets", queryset=IndicatorTarget.objects.select_related("level")),
            "scale__levels",
            Prefetch("realisations", queryset=counted),
            *indicator_predecessors(counted),
        )
        .order_by("area__order", "order")
    )
    chosen = standings.statuses(indicators, year, up_to_quarter=quarter, today=today, rules=rules)
    charts = []
    for indicator, status in zip(indicators, chosen, strict=True):
        # One line across road maps for an indicator carried over (monev.series), looking back only,
        # the chosen year read up to ``quarter`` as the dashboard is.
        carried = [
            p for p in series(indicator, years_of=target_years, rules=rules, today=today) if p.year < year
        ]
        years = [point.year for point in carried] + [year]
        statuses = [point.status for point in carried] + [status]
        ordinal = indicator.target_kind == "level"
        levels = (
            [
                level.label
                for level in sorted(indicator.scale.levels.all(), key=lambda lv: (lv.rank, lv.order))
            ]
            if ordinal
            else []
        )
        value = partial(chart_value, ordinal)
        charts.append(
            {
                "id": indicator.pk,
                "name": indicator.name,
                "unit": indicator.unit,
                "url": indicator.get_absolute_url(),
                "ordinal": ordinal,
                "levels": levels,
                "years": [str(y) for y in years],
                "target": [
                    value(s.target.number if s.target else None, s.target.level if s.target else None)
                    for s in statuses
                ],
                "verified": [value(s.number, s.level) if s.reported else None for s in statuses],
                "unverified": [
                    value(s.provisional.number, s.provisional.level)
                    if s.provisional and s.provisional.reported
                    else None
                    for s in statuses
                ],
            }
        )
    return charts
