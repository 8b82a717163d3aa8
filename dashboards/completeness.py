"""Who has reported what: agencies × items × periods, and the list of whom to chase.

A cell is verified, submitted, returned, draft, missing, or not yet due: a report is due once its
period's reporting window has been opened. Only due reports are chased; the list says since when.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Min, Prefetch

from actions.models import ActionPlanRow, ActivityTarget, PriorityActivity
from dashboards.plan_snapshot import PlanSnapshot, plan_snapshot
from monev.models import Period, Realisation, ReportingWindow
from roadmap.models import Agency, RoadmapEdition

CELL_LABELS = {
    "verified": "Terverifikasi",
    "submitted": "Diajukan",
    "returned": "Dikembalikan",
    "draft": "Draf",
    "missing": "Belum ada",
    "not_due": "Belum jatuh tempo",
}


@dataclass
class MatrixRow:
    agency: Agency
    item: PriorityActivity | ActionPlanRow
    cells: list[str]

    @property
    def labelled_cells(self) -> list[tuple[str, str]]:
        return [(state, CELL_LABELS.get(state, "")) for state in self.cells]

    @property
    def kind(self) -> str:
        return "Rencana aksi" if isinstance(self.item, ActionPlanRow) else "Kegiatan"


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


def activity_cell(activity: PriorityActivity, period: str) -> str:
    report = next((r for r in activity.realisations.all() if r.period == period), None)
    return report.review_state if report else "missing"


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


def owed_cells(
    activities,
    plan: PlanSnapshot,
    year: int,
    periods: list[str],
    due: set[str],
    agency: Agency | None = None,
):
    """(agency, item, cells) for every item an agency owes reports on in the year; ``due``: the
    periods whose window has been opened."""
    quarters = [Period(period).quarter for period in periods]
    for activity in activities:
        target = activity.targets_by_year.get(year)
        if activity.agency_id is None or target is None or not target.is_set:
            continue  # no target that year: nothing is owed
        cells = [activity_cell(activity, period) for period in periods]
        yield activity.agency, activity, due_only(cells, periods, due)
    for row in plan.rows:
        for lead in plan.leads.get(row.pk, []):
            if agency is None or lead.pk == agency.pk:
                cells = [plan.cell(row.pk, quarter, lead.pk) if quarter else "" for quarter in quarters]
                yield lead, row, due_only(cells, periods, due)


def shares_by_agency(activities, plan: PlanSnapshot, year: int, periods: list[str]) -> list[AgencyShare]:
    """How complete each agency's reports are, of every period asked for (the dashboard's reading)."""
    by_agency: dict[int, AgencyShare] = {}
    for agency, _, cells in owed_cells(activities, plan, year, periods, set(periods)):
        entry = by_agency.setdefault(agency.pk, AgencyShare(agency))
        owed = [state for state in cells if state]
        entry.required += len(owed)
        entry.done += sum(state in ("submitted", "verified") for state in owed)
    return sorted(by_agency.values(), key=lambda c: (-c.share, c.agency.name))


def build_matrix(
    edition: RoadmapEdition, year: int, periods: list[str], area=None, agency: Agency | None = None
) -> tuple[list[MatrixRow], list[Chase]]:
    activities = (
        PriorityActivity.objects.of_edition(edition)
        .filter(agency__isnull=False)
        .select_related("agency", "area", "quick_win")
        .prefetch_related(
            Prefetch("targets", queryset=ActivityTarget.objects.filter(year=year)),
            Prefetch(
                "realisations",
                queryset=Realisation.objects.filter(year=year).only("activity", "period", "review_state"),
            ),
        )
    )
    plan = plan_snapshot(edition, year)
    if area is not None:
        activities = activities.filter(area=area)
        plan.rows = [row for row in plan.rows if row.area_id == area.pk]
    if agency is not None:
        activities = activities.led_by(agency)
    openings = window_openings(year)
    matrix = [MatrixRow(*line) for line in owed_cells(activities, plan, year, periods, set(openings), agency)]
    matrix.sort(key=lambda line: (line.agency.name, line.kind, line.item.name))

    by_agency: dict[int, Chase] = {}
    for line in matrix:
        for period, state in zip(periods, line.cells, strict=True):
            if state == "missing":
                entry = by_agency.setdefault(line.agency.pk, Chase(line.agency))
                entry.missing.append((line.item.name, Period(period).label, openings[period]))
    return matrix, sorted(by_agency.values(), key=lambda c: (-len(c.missing), c.agency.name))
