"""Stored action-plan completeness: each lead agency's part of a row in each quarter, kept as rows.

The dashboard's completeness shares count, per agency, the quarters in which it has reported every
planned action of the rows it leads. ``monev.models.PlanCell`` keeps each such cell, computed by the
one rule (``monev.plan_progress.row_cell``), per row, lead agency, year and quarter, for the rows
with planned actions in the year. ``monev.plan_standings`` calls ``compute`` from its signals, in
the transaction of every write of a lead report, a planned action or a row's lead agencies, the row
locked meanwhile; writes update only the cells that exist (a cell deleted with its row is never
written back), except when a lead agency is added; a reader computes the cells of rows that have
none (new rows, rows made in bulk). docs/standings.md.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Exists, F, FilteredRelation, Max, OuterRef, Q

from actions.models import ActionPlanLead, ActionPlanRow, PlannedAction
from monev.models import ActionProgress, PlanCell
from monev.plan_progress import IN, RANK, row_cell
from roadmap.models import RoadmapEdition

QUARTERS = (1, 2, 3, 4)
Pair = tuple[int, int | None]  # (row id, year); a year of None: every year of the row


def compute(pairs: Iterable[Pair], *, insert: bool = False) -> None:
    """Store again the cells of these rows and years that exist (all of them: ``insert``); cells of
    agencies no longer leading a row, or of years it has no planned action in, go."""
    pairs = {pair for pair in pairs if pair[0] is not None}
    if not pairs:
        return
    with transaction.atomic():
        locked = set(
            ActionPlanRow.objects.select_for_update(of=("self",))
            .filter(pk__in={row for row, _ in pairs})
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        wanted = {(row, year) for row, year in pairs if row in locked and year is not None}
        every_year = {row for row, year in pairs if row in locked and year is None}
        if every_year:
            wanted |= set(PlannedAction.objects.filter(row__in=every_year).values_list("row", "year"))
            wanted |= set(PlanCell.objects.filter(row__in=every_year).values_list("row", "year"))
        if wanted:
            _compute(locked, wanted, insert)


def _compute(rows: set[int], wanted: set[tuple[int, int]], insert: bool) -> None:
    years = {year for _, year in wanted}
    actions: dict[tuple[int, int], int] = defaultdict(int)
    for pair in PlannedAction.objects.filter(row__in=rows, year__in=years).values_list("row", "year"):
        actions[pair] += 1
    leads: dict[int, dict[int, None]] = defaultdict(dict)  # ordered, each agency once
    for row, agency in (
        ActionPlanLead.objects.filter(row__in=rows).order_by("row", "order").values_list("row", "agency")
    ):
        leads[row][agency] = None
    states: dict[tuple, tuple[int, int]] = {}
    for row, year, lead, quarter, state in (
        ActionProgress.objects.filter(
            planned_action__row__in=rows, planned_action__year__in=years, lead__isnull=False
        )
        .order_by()
        .values_list("planned_action__row", "planned_action__year", "lead", "quarter", "review_state")
    ):
        key, rank = (row, lead, year, quarter), RANK[state]
        reported, worst = states.get(key, (0, rank))
        states[key] = (reported + 1, min(worst, rank))
    fresh = {
        (row, lead, year, quarter): row_cell(
            *states.get((row, lead, year, quarter), (0, 0)), actions[(row, year)]
        )
        for row, year in wanted
        if actions[(row, year)]
        for lead in leads[row]
        for quarter in QUARTERS
    }
    existing = {
        (row, agency, year, quarter): pk
        for row, agency, year, quarter, pk in PlanCell.objects.filter(
            row__in=rows, year__in=years
        ).values_list("row", "agency", "year", "quarter", "pk")
        if (row, year) in wanted
    }
    stale = [pk for key, pk in existing.items() if key not in fresh]
    if stale:
        PlanCell.objects.filter(pk__in=stale).delete()
    # An upsert keeps each cell's id: a cell collected for deletion with its row stays collected.
    PlanCell.objects.bulk_create(
        [
            PlanCell(row_id=row, agency_id=agency, year=year, quarter=quarter, state=state)
            for (row, agency, year, quarter), state in fresh.items()
            if insert or (row, agency, year, quarter) in existing
        ],
        update_conflicts=True,
        unique_fields=["row", "agency", "year", "quarter"],
        update_fields=["state"],
    )


def rebuild() -> None:
    """Compute every row's cells again, of every year."""
    compute(((row, None) for row in ActionPlanRow.objects.values_list("pk", flat=True)), insert=True)


def owed_leads(
    edition: RoadmapEdition, year: int, area_ids: list[int] | None = None, agency_id: int | None = None
):
    """The lead agencies that owe cells in ``year``: of the edition's rows (of ``area_ids``) with planned
    actions in it. Both readings of the cells (the dashboard's shares, the matrix) start here."""
    owed = ActionPlanLead.objects.filter(Exists(PlannedAction.objects.filter(row=OuterRef("row"), year=year)))
    owed = (
        owed.filter(row__area__in=area_ids)
        if area_ids is not None
        else owed.filter(row__area__edition=edition)
    )
    return owed if agency_id is None else owed.filter(agency=agency_id)


def _with_cells(owed, year: int, quarters: Iterable[int]):
    """The owed leads joined to their stored cells of ``quarters`` (in one query: a lead whose cells
    are missing has a cell of none)."""
    cell = FilteredRelation(
        "row__plan_cells",
        condition=Q(
            row__plan_cells__year=year,
            row__plan_cells__quarter__in=quarters,
            row__plan_cells__agency=F("agency"),
        ),
    )
    return owed.order_by().alias(cell=cell)


def _store_missing(owed, year: int) -> None:
    """Compute the cells of the owed leads' rows that have none (new rows, rows made in bulk)."""
    have = PlanCell.objects.filter(row=OuterRef("row"), agency=OuterRef("agency"), year=year)
    compute({(row, year) for row in owed.exclude(Exists(have)).values_list("row", flat=True)}, insert=True)


def year_cells(
    edition: RoadmapEdition, year: int, area_ids: list[int] | None = None, agency_id: int | None = None
) -> list[tuple[int, str, int, tuple[str, str, str, str]]]:
    """(row id, row name, lead agency id, its cells of quarters 1-4) of every lead of the year's rows
    (of ``area_ids``, of one agency), in no order (thousands at scale: the caller sorts them); from the
    stored cells, one line per lead, those missing computed first."""
    owed = owed_leads(edition, year, area_ids, agency_id)
    # Grouped from the cells alone, and the owed leads counted apart: quicker than one join from the
    # leads at scale (cells exist only for owed leads: the signals delete the others').
    cells = PlanCell.objects.filter(year=year)
    if area_ids is not None:
        cells = cells.filter(row__area__in=area_ids)
    else:
        cells = cells.filter(row__area__edition=edition)
    if agency_id is not None:
        cells = cells.filter(agency=agency_id)
    by_quarter = {f"q{quarter}": Max("state", filter=Q(quarter=quarter)) for quarter in QUARTERS}
    cells = (
        cells.order_by()
        .values("row", "row__name", "agency")
        .annotate(**by_quarter)
        .values_list("row", "row__name", "agency", *by_quarter)
    )
    found = list(cells)
    if len(found) != owed.count() or any(None in line for line in found):
        _store_missing(owed, year)
        found = list(cells.all())
    return [(row, name, agency, tuple(states)) for row, name, agency, *states in found]


def shares_by_agency(
    edition: RoadmapEdition, year: int, quarters: list[int], area_ids: list[int] | None = None
) -> dict[int, tuple[int, int]]:
    """Per lead agency: how many cells of the year's ``quarters`` it owes on the rows it leads, and how
    many of them are in (submitted or verified); from the stored cells, those missing computed first."""
    owed = owed_leads(edition, year, area_ids)
    counted = (
        _with_cells(owed, year, quarters)
        .values("agency")
        .annotate(
            n=Count("cell"),
            done=Count("cell", filter=Q(cell__state__in=IN)),
            missing=Count("pk", filter=Q(cell__isnull=True)),
        )
        .values_list("agency", "n", "done", "missing")
    )
    found = list(counted)
    if any(missing for *_, missing in found):
        _store_missing(owed, year)
        found = list(counted.all())
    return {agency: (n, done) for agency, n, done, _ in found}
