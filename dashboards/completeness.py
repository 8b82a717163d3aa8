"""Who has reported what: agencies × items × periods, and the list of whom to chase.

A cell is verified, submitted, returned, draft, missing, or not yet due: a report is due once its
period's reporting window has been opened. Only due reports are chased; the list says since when.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from django.db.models import Exists, FilteredRelation, Min, OuterRef, Q

from actions.models import ActionPlanRow, ActivityTarget, PriorityActivity
from dashboards.plan_snapshot import PlanSnapshot, plan_snapshot
from monev import plan_cells
from monev.models import Period, ReportingWindow
from monev.plan_progress import IN
from roadmap.models import Agency, RoadmapEdition

CELL_LABELS = {
    "verified": "Terverifikasi",
    "submitted": "Diajukan",
    "returned": "Dikembalikan",
    "draft": "Draf",
    "missing": "Belum ada",
    "not_due": "Belum jatuh tempo",
}


class Item(NamedTuple):
    """An item owed reports on, as plain values: thousands at scale, only a page of them linked."""

    model: type[PriorityActivity] | type[ActionPlanRow]
    pk: int
    name: str

    def get_absolute_url(self) -> str:
        return self.model(pk=self.pk).get_absolute_url()


@dataclass
class MatrixRow:
    agency: Agency
    item: Item
    cells: list[str]

    @property
    def labelled_cells(self) -> list[tuple[str, str]]:
        return [(state, CELL_LABELS.get(state, "")) for state in self.cells]

    @property
    def kind(self) -> str:
        return "Rencana aksi" if self.item.model is ActionPlanRow else "Kegiatan"


@dataclass
class Chase:
    agency: Agency
    missing: list[tuple[str, str, datetime | None]] = field(
        default_factory=list
    )  # item, period label, due since

    @property
    def since(self) -> datetime | None:
        dates = [due for _, _, due in self.missing if due is not None]
        return min(dates) if dates else None


def window_openings(year: int) -> dict[str, datetime]:
    """When each period's window of the year was first opened (periods never opened are absent)."""
    opened = ReportingWindow.history.filter(year=year, is_open=True).values("period")
    return {row["period"]: row["first"] for row in opened.annotate(first=Min("history_date"))}


def due_only(cells: list[str], periods: list[str], due: set[str]) -> list[str]:
    """A missing report of a period whose window never opened is not yet due."""
    return [
        "not_due" if state == "missing" and period not in due else state
        for state, period in zip(cells, periods, strict=True)
    ]


@dataclass
class AgencyShare:
    """How many of the reports an agency owes are in (submitted or verified)."""

    agency: Agency
    required: int = 0
    done: int = 0

    @property
    def share(self) -> int:
        return round(100 * self.done / self.required) if self.required else 100


def owed_activities(
    edition: RoadmapEdition, year: int, area=None, agency: Agency | None = None, *, ordered: bool = True
):
    """(agency id, item, period -> review state) of the activities with a target set in ``year``:
    without one nothing is owed; in the road map's order unless not ``ordered`` (counting only)."""
    activities = PriorityActivity.objects.of_edition(edition).filter(agency__isnull=False)
    if area is not None:
        activities = activities.filter(area=area)
    if agency is not None:
        activities = activities.led_by(agency)
    targeted = ActivityTarget.objects.filter(ActivityTarget.set_q(), activity=OuterRef("pk"), year=year)
    reports = FilteredRelation("realisations", condition=Q(realisations__year=year))
    if not ordered:
        activities = activities.order_by()
    owed: dict[int, tuple[int, Item, dict[str, str]]] = {}
    for activity_id, agency_id, name, period, state in (
        activities.filter(Exists(targeted))
        .alias(reports=reports)
        .values_list("id", "agency_id", "name", "reports__period", "reports__review_state")
    ):
        entry = owed.setdefault(activity_id, (agency_id, Item(PriorityActivity, activity_id, name), {}))
        if period is not None:
            entry[2][period] = state
    return owed.values()


def owed_cells(
    edition: RoadmapEdition,
    plan: PlanSnapshot,
    year: int,
    periods: list[str],
    due: set[str],
    area=None,
    agency: Agency | None = None,
):
    """(agency id, item, cells) for every item an agency owes reports on in the year; ``due``: the
    periods whose window has been opened."""
    all_due = due.issuperset(periods)
    for agency_id, item, states in owed_activities(edition, year, area, agency):
        cells = [states.get(period, "missing") for period in periods]
        yield agency_id, item, cells if all_due else due_only(cells, periods, due)
    quarters = [Period(period).quarter for period in periods]
    for row in plan.rows:
        if area is not None and row.area_id != area.pk:
            continue
        item = Item(ActionPlanRow, row.pk, row.name)
        for lead in plan.leads.get(row.pk, []):
            if agency is None or lead.pk == agency.pk:
                cells = [plan.cell(row.pk, quarter, lead.pk) if quarter else "" for quarter in quarters]
                yield lead.pk, item, cells if all_due else due_only(cells, periods, due)


def shares_by_agency(
    edition: RoadmapEdition, year: int, periods: list[str], area_ids: list[int] | None = None
) -> list[AgencyShare]:
    """How complete each agency's reports are, of the periods asked for that are due (the dashboard's
    reading): as in the matrix, a report is owed once its period's window has been opened. Activities
    from their reports, action-plan rows from the stored cells (``monev.plan_cells``); an agency that
    owes nothing yet is left out."""
    due = window_openings(year)
    periods = [period for period in periods if period in due]
    if not periods:
        return []
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for agency_id, _, states in owed_activities(edition, year, ordered=False):
        cells = [states.get(period, "missing") for period in periods]
        counts[agency_id][0] += len(cells)
        counts[agency_id][1] += sum(state in IN for state in cells)
    quarters = [Period(period).quarter for period in periods]
    for agency_id, (required, done) in plan_cells.shares_by_agency(edition, year, quarters, area_ids).items():
        counts[agency_id][0] += required
        counts[agency_id][1] += done
    agencies = Agency.objects.in_bulk(list(counts))
    shares = [
        AgencyShare(agencies[pk], required, done) for pk, (required, done) in counts.items() if required
    ]
    return sorted(shares, key=lambda c: (-c.share, c.agency.name))


def build_matrix(
    edition: RoadmapEdition, year: int, periods: list[str], area=None, agency: Agency | None = None
) -> tuple[list[MatrixRow], list[Chase]]:
    plan = plan_snapshot(edition, year)
    openings = window_openings(year)
    matrix = [
        MatrixRow(plan.agencies[agency_id], item, cells)
        for agency_id, item, cells in owed_cells(edition, plan, year, periods, set(openings), area, agency)
    ]
    matrix.sort(key=lambda line: (line.agency.name, line.kind, line.item.name))

    by_agency: dict[int, Chase] = {}
    for line in matrix:
        for period, state in zip(periods, line.cells, strict=True):
            if state == "missing":
                entry = by_agency.setdefault(line.agency.pk, Chase(line.agency))
                entry.missing.append((line.item.name, Period(period).label, openings[period]))
    return matrix, sorted(by_agency.values(), key=lambda c: (-len(c.missing), c.agency.name))
