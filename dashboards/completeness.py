"""Who has reported what: agencies × items × periods, and the list of whom to chase.

A cell is verified, submitted, returned, draft, missing, or not yet due: a report is due once its
period's reporting window has been opened. Only due reports are chased; the list says since when.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import NamedTuple

from django.db.models import Count, Exists, FilteredRelation, Min, OuterRef, Q
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from actions.models import ActionPlanRow, ActivityTarget, PriorityActivity
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


KINDS = {PriorityActivity: "Kegiatan", ActionPlanRow: "Rencana aksi"}


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
        return KINDS[self.item.model]


def page_cells(lines: list[MatrixRow]) -> list[SafeString]:
    """The cells of a page of the matrix, each line's in one piece (a hundred lines of six cells
    through the template language cost more than the rest of the page); the agency is named on its
    first line of the page."""
    pieces = []
    previous = None
    for line in lines:
        agency = line.agency
        named = (
            format_html('<a href="{}">{}</a>', agency.get_absolute_url(), agency.short_name)
            if agency != previous
            else ""
        )
        previous = agency
        cells = "".join(
            f'<td class="text-center cell cell-{escape(state or "none")}">{escape(label)}</td>'
            for state, label in line.labelled_cells
        )
        pieces.append(
            format_html(
                '<td class="small">{}</td>\n          <td class="small"><span class="text-body-secondary">'
                '{}:</span> <a href="{}">{}</a></td>\n          {}',
                named,
                line.kind,
                line.item.get_absolute_url(),
                line.item.name,
                mark_safe(cells),  # noqa: S308 - every part escaped above
            )
        )
    return pieces


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


def targeted_activities(edition: RoadmapEdition, year: int, area=None, agency: Agency | None = None):
    """The activities with a lead agency and a target set in ``year``: without one nothing is owed."""
    activities = PriorityActivity.objects.of_edition(edition).filter(agency__isnull=False)
    if area is not None:
        activities = activities.filter(area=area)
    if agency is not None:
        activities = activities.led_by(agency)
    targeted = ActivityTarget.objects.filter(ActivityTarget.set_q(), activity=OuterRef("pk"), year=year)
    return activities.filter(Exists(targeted))


def owed_activities(edition: RoadmapEdition, year: int, area=None, agency: Agency | None = None):
    """(agency id, item, period -> review state) of the activities owing reports in ``year``, in the
    road map's order."""
    reports = FilteredRelation("realisations", condition=Q(realisations__year=year))
    owed: dict[int, tuple[int, Item, dict[str, str]]] = {}
    for activity_id, agency_id, name, period, state in (
        targeted_activities(edition, year, area, agency)
        .alias(reports=reports)
        .values_list("id", "agency_id", "name", "reports__period", "reports__review_state")
    ):
        entry = owed.setdefault(activity_id, (agency_id, Item(PriorityActivity, activity_id, name), {}))
        if period is not None:
            entry[2][period] = state
    return owed.values()


def activity_shares(edition: RoadmapEdition, year: int, periods: list[str]) -> dict[int, tuple[int, int]]:
    """Per agency: how many reports of ``periods`` its activities owe, and how many of them are in
    (submitted or verified), counted in the database (one report per activity and period)."""
    reports = FilteredRelation(
        "realisations", condition=Q(realisations__year=year, realisations__period__in=periods)
    )
    counted = (
        targeted_activities(edition, year)
        .order_by()
        .alias(reports=reports)
        .values("pk", "agency")  # per activity: a count distinct per agency sorts every report
        .annotate(done=Count("reports", filter=Q(reports__review_state__in=IN)))
        .values_list("agency", "done")
    )
    shares: dict[int, tuple[int, int]] = {}
    for agency_id, done in counted:
        required, counted_done = shares.get(agency_id, (0, 0))
        shares[agency_id] = (required + len(periods), counted_done + done)
    return shares


def owed_cells(
    edition: RoadmapEdition,
    year: int,
    periods: list[str],
    due: set[str],
    area=None,
    agency: Agency | None = None,
):
    """(agency id, item, cells) for every item an agency owes reports on in the year; ``due``: the
    periods whose window has been opened. Action-plan rows from the stored cells (``monev.plan_cells``)."""
    all_due = due.issuperset(periods)
    for agency_id, item, states in owed_activities(edition, year, area, agency):
        cells = [states.get(period, "missing") for period in periods]
        yield agency_id, item, cells if all_due else due_only(cells, periods, due)
    quarters = [Period(period).quarter for period in periods]
    for row_id, name, lead_id, states in sorted(  # by row, then agency
        plan_cells.year_cells(
            edition,
            year,
            area_ids=None if area is None else [area.pk],
            agency_id=None if agency is None else agency.pk,
        ),
        key=itemgetter(0, 2),
    ):
        cells = [states[quarter - 1] if quarter else "" for quarter in quarters]
        yield lead_id, Item(ActionPlanRow, row_id, name), cells if all_due else due_only(cells, periods, due)


def shares_by_agency(
    edition: RoadmapEdition, year: int, periods: list[str], area_ids: list[int] | None = None
) -> list[AgencyShare]:
    """How complete each agency's reports are, of the periods asked for that are due (the dashboard's
    reading): as in the matrix, a report is owed once its period's window has been opened. Activities
    counted in the database, action-plan rows from the stored cells (``monev.plan_cells``); an agency
    that owes nothing yet is left out."""
    due = window_openings(year)
    periods = [period for period in periods if period in due]
    if not periods:
        return []
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    quarters = [Period(period).quarter for period in periods]
    for shares in (
        activity_shares(edition, year, periods),
        plan_cells.shares_by_agency(edition, year, quarters, area_ids),
    ):
        for agency_id, (required, done) in shares.items():
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
    agencies = {agency.pk: agency for agency in Agency.objects.all()}
    openings = window_openings(year)
    lines = list(owed_cells(edition, year, periods, set(openings), area, agency))
    names = {pk: agency.name for pk, agency in agencies.items()}
    lines.sort(key=lambda line: (names[line[0]], KINDS[line[1].model], line[1].name))  # as MatrixRow.kind
    matrix = [MatrixRow(agencies[agency_id], item, cells) for agency_id, item, cells in lines]

    by_agency: dict[int, Chase] = {}
    for line in matrix:
        if "missing" not in line.cells:
            continue
        for period, state in zip(periods, line.cells, strict=True):
            if state == "missing":
                entry = by_agency.setdefault(line.agency.pk, Chase(line.agency))
                entry.missing.append((line.item.name, Period(period).label, openings[period]))
    return matrix, sorted(by_agency.values(), key=lambda c: (-len(c.missing), c.agency.name))
