"""The public page's summary (``progress.build(...).summary``) from stored standings and plain values.

The page shows only the summary: building every verified report's row for it read every report of
the road map on each view. The figures are the same: a stored standing (``monev.standings``) is
``year_status``, whose status is judged on verified reports only (what awaits review is kept apart
as its ``provisional`` part), which is what open data publishes; the action plan is judged by the
one rule (``monev.plan_progress``) on the lead agencies' verified reports, read from its stored rows.
``tests/test_opendata_summary.py`` compares it with ``progress.build`` on varied data.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from actions.models import ActionPlanLead, ActivityTarget, PriorityActivity
from areas.models import Indicator, IndicatorTarget
from monev import plan_standings, standings
from monev.models import ActionProgress, Realisation, ReviewState
from monev.plan_progress import PlanShare
from monev.standing import Rules
from opendata.progress import summary_row, timestamp
from roadmap.models import RoadmapEdition

COLUMNS = ("state", "percent", "ordinal", "has_target", "met", "reported")  # Stand's fields


class Stand(NamedTuple):
    """What ``summary_row`` and ``average_of`` read of a verified status (a tuple: thousands a view)."""

    state: str
    percent: Decimal | None
    ordinal: bool
    has_target: bool
    met: bool | None
    reported: bool


@dataclass
class Summary:
    rows: list[dict]
    last_verified_at: str | None


def item_places(edition: RoadmapEdition) -> dict[standings.Key, tuple[str, int | None]]:
    """Each item's summary group (its area's name; "" for the quick wins' tables) and dropped year."""
    places = {
        ("indicator", pk): (area, dropped)
        for pk, area, dropped in Indicator.objects.of_edition(edition)
        .order_by()
        .values_list("pk", "area__name", "dropped_from")
    }
    for pk, area, dropped in (
        PriorityActivity.objects.of_edition(edition)
        .order_by()
        .values_list("pk", "area__name", "dropped_from")
    ):
        places["activity", pk] = (area or "", dropped)
    return places


def item_years(edition: RoadmapEdition) -> tuple[dict[standings.Key, set[int]], datetime.datetime | None]:
    """Each item's years (a target cell or a verified report: ``monev.standing.item_years`` on the
    verified reports open data reads), and when a report of the edition was last verified."""
    years: dict[standings.Key, set[int]] = defaultdict(set)
    for pk, year in (
        IndicatorTarget.objects.filter(indicator__area__edition=edition)
        .order_by()
        .values_list("indicator_id", "year")
    ):
        years["indicator", pk].add(year)
    for pk, year in (
        ActivityTarget.objects.filter(
            Q(activity__area__edition=edition) | Q(activity__quick_win__edition=edition)
        )
        .order_by()
        .values_list("activity_id", "year")
    ):
        years["activity", pk].add(year)
    activities = PriorityActivity.objects.of_edition(edition).values("pk")
    last = None
    for indicator, activity, year, reviewed in (
        Realisation.objects.filter(review_state=ReviewState.VERIFIED)
        .filter(Q(indicator__area__edition=edition) | Q(activity__in=activities))
        .values_list("indicator_id", "activity_id", "year")
        .annotate(last=Max("reviewed_at"))
        .order_by()
    ):
        years[("indicator", indicator) if indicator else ("activity", activity)].add(year)
        last = max(last, reviewed) if last and reviewed else last or reviewed
    return years, last


def item_stands(edition: RoadmapEdition, rules: Rules, today: datetime.date):
    """(group, year) -> the verified statuses of the items counted there; and the last verification."""
    places = item_places(edition)
    years, last = item_years(edition)
    by_year: dict[int, list[standings.Key]] = defaultdict(list)
    for key in places:
        for year in years.get(key, ()):
            by_year[year].append(key)
    within = Q(indicator__in=Indicator.objects.of_edition(edition).values("pk")) | Q(
        activity__in=PriorityActivity.objects.of_edition(edition).values("pk")
    )
    values = standings.year_columns(by_year, COLUMNS, today=today, rules=rules, within=within)
    groups: dict[tuple[str, int], list[Stand]] = defaultdict(list)
    for (key, year), stand in values.items():
        group, dropped = places[key]
        # An item dropped by then counts only where it has a (verified) figure.
        if dropped is not None and year >= dropped and not stand[-1]:
            continue
        groups[group, year].append(Stand(*stand))
    return groups, last


def plan_shares(
    edition: RoadmapEdition, names: dict[int, str]
) -> tuple[dict[tuple[str, int], PlanShare], datetime.datetime | None]:
    """(area name, year) -> progress of its planned actions, from their stored standings of the whole
    year (``monev.plan_standings``, cut 4): a lead's part is its latest *verified* report, so the stored
    done and percent are the verified-only figures open data publishes (what awaits review is only a
    flag, dropped here). And the last verification of a report counted (a lead's, of an agency still
    among the row's leads). ``names``: the edition's areas' names by id."""
    shares: dict[tuple[str, int], PlanShare] = defaultdict(PlanShare)
    found = plan_standings.shares_by_area_and_year(list(names), 4)
    for (area_id, year), share in sorted(found.items(), key=lambda pair: pair[0][1]):
        share.unverified = 0
        shares[names[area_id], year] = share
    still_lead = ActionPlanLead.objects.filter(row=OuterRef("planned_action__row"), agency=OuterRef("lead"))
    last = (  # the newest first (index verified_lead_progress): one row read, not all
        ActionProgress.objects.filter(
            Exists(still_lead),
            review_state=ReviewState.VERIFIED,
            lead__isnull=False,
            reviewed_at__isnull=False,
            planned_action__row__area__edition=edition,
        )
        .order_by("-reviewed_at")
        .values_list("reviewed_at", flat=True)
        .first()
    )
    return shares, last


def summary(edition: RoadmapEdition, today: datetime.date | None = None) -> Summary:
    """``progress.build(edition, today).summary`` and ``.last_verified_at``, without building rows."""
    today = today or timezone.localdate()
    rules = Rules.from_settings()
    groups, items_last = item_stands(edition, rules, today)
    names = dict(edition.areas.values_list("pk", "name"))
    plans, plan_last = plan_shares(edition, names)
    areas = [*names.values(), ""]
    years = sorted({year for _, year in groups} | {year for _, year in plans})
    rows = []
    for year in years:
        for area in areas:
            if (area, year) in groups or (area, year) in plans:
                rows.append(summary_row(area, year, groups[area, year], plans[area, year], rules))
        everything = [s for (_, y), stands in groups.items() if y == year for s in stands]
        total = PlanShare()
        for (_, y), share in plans.items():
            if y == year:
                total.merge(share)
        rows.append(summary_row(None, year, everything, total, rules))
    stamps = [moment for moment in (items_last, plan_last) if moment]
    return Summary(rows, timestamp(max(stamps)) if stamps else None)
