"""The completeness matrix and the dashboard's completeness shares, read from the stored action-plan
cells (monev.plan_cells) and counted in the database, equal what the reports themselves make of them.

The reference is the reading the pages made before (dashboards.plan_snapshot over every lead report,
each activity's reports per period, added up in Python). It runs on a seeded year of use (made in
bulk: the rows' cells are computed on first reading), then after random writes of reports, with
only some windows opened, for every filter of the matrix; and a cell changed behind the signals'
back must show (the comparison can fail).
"""

import random
from collections import defaultdict

import pytest
from django.core.management import call_command

from actions.models import ActionPlanRow
from dashboards.completeness import (
    Chase,
    Item,
    MatrixRow,
    build_matrix,
    due_only,
    owed_activities,
    shares_by_agency,
    window_openings,
)
from dashboards.plan_snapshot import plan_snapshot
from monev.models import ActionProgress, Period, PlanCell, Realisation, ReviewState
from monev.plan_progress import IN
from roadmap.models import Agency, RoadmapEdition

pytestmark = pytest.mark.django_db

YEAR = 2020
PERIODS = list(Period.values)


def matrix_from_reports(edition, year, periods, area=None, agency=None) -> tuple[list, list]:
    """The matrix as it was built from the reports (the action plan through ``plan_snapshot``)."""
    plan = plan_snapshot(edition, year)
    openings = window_openings(year)
    due = set(openings)
    lines = []
    for agency_id, item, states in owed_activities(edition, year, area, agency):
        lines.append((agency_id, item, due_only([states.get(p, "missing") for p in periods], periods, due)))
    quarters = [Period(period).quarter for period in periods]
    for row in plan.rows:
        if area is not None and row.area_id != area.pk:
            continue
        for lead in plan.leads.get(row.pk, []):
            if agency is None or lead.pk == agency.pk:
                cells = [plan.cell(row.pk, q, lead.pk) if q else "" for q in quarters]
                lines.append((lead.pk, Item(ActionPlanRow, row.pk, row.name), due_only(cells, periods, due)))
    matrix = [MatrixRow(plan.agencies[agency_id], item, cells) for agency_id, item, cells in lines]
    matrix.sort(key=lambda line: (line.agency.name, line.kind, line.item.name))
    chase: dict[int, Chase] = {}
    for line in matrix:
        for period, state in zip(periods, line.cells, strict=True):
            if state == "missing":
                entry = chase.setdefault(line.agency.pk, Chase(line.agency))
                entry.missing.append((line.item.name, Period(period).label, openings[period]))
    return plain(matrix), sorted(
        ((c.agency.pk, c.missing) for c in chase.values()),
        key=lambda c: (-len(c[1]), plan.agencies[c[0]].name),
    )


def plain(matrix: list[MatrixRow]) -> list[tuple]:
    return [(line.agency.pk, tuple(line.item)[:3], line.kind, line.cells) for line in matrix]


def matrix_read(edition, year, periods, area=None, agency=None) -> tuple[list, list]:
    matrix, chase = build_matrix(edition, year, periods, area=area, agency=agency)
    return plain(matrix), [(c.agency.pk, c.missing) for c in chase]


def shares_from_reports(edition, year, periods, area_ids) -> dict[int, tuple[int, int]]:
    """The dashboard's shares as they were counted from the reports."""
    due = window_openings(year)
    periods = [period for period in periods if period in due]
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    if not periods:
        return {}
    for agency_id, _, states in owed_activities(edition, year):
        cells = [states.get(period, "missing") for period in periods]
        counts[agency_id][0] += len(cells)
        counts[agency_id][1] += sum(state in IN for state in cells)
    plan = plan_snapshot(edition, year)
    quarters = [Period(period).quarter for period in periods]
    for row in plan.rows:
        if row.area_id not in area_ids:
            continue
        for lead in plan.leads.get(row.pk, []):
            cells = [plan.cell(row.pk, quarter, lead.pk) for quarter in quarters]
            counts[lead.pk][0] += len(cells)
            counts[lead.pk][1] += sum(state in IN for state in cells)
    return {agency: tuple(pair) for agency, pair in counts.items() if pair[0]}


def shares_read(edition, year, periods, area_ids) -> dict[int, tuple[int, int]]:
    return {
        share.agency.pk: (share.required, share.done)
        for share in shares_by_agency(edition, year, periods, area_ids)
    }


def assert_reads_equal_reports(edition) -> None:
    area_ids = list(edition.areas.values_list("pk", flat=True))
    area = edition.areas.order_by("order").first()
    agency = Agency.objects.filter(action_plan_leads__row__area__edition=edition).order_by("pk").first()
    for periods in (PERIODS, ["q1"], ["q2", "q3"], ["year"]):
        for chosen_area, chosen_agency in ((None, None), (area, None), (None, agency), (area, agency)):
            assert matrix_read(edition, YEAR, periods, chosen_area, chosen_agency) == matrix_from_reports(
                edition, YEAR, periods, chosen_area, chosen_agency
            ), (periods, chosen_area, chosen_agency)
        dashboard = [p for p in periods if p != Period.YEAR]
        assert shares_read(edition, YEAR, dashboard, area_ids) == shares_from_reports(
            edition, YEAR, dashboard, area_ids
        ), periods
    assert shares_read(edition, YEAR, ["q1", "q2"], area_ids[:2]) == shares_from_reports(
        edition, YEAR, ["q1", "q2"], area_ids[:2]
    )


def random_writes(rng: random.Random, edition) -> None:
    """Reports changed one by one, as the services and the admin save them (signals keep the cells)."""
    states = list(ReviewState.values)
    for reports in (
        list(ActionProgress.objects.filter(planned_action__year=YEAR, lead__isnull=False)),
        list(Realisation.objects.filter(activity__isnull=False, year=YEAR)),
    ):
        for report in rng.sample(reports, min(40, len(reports))):
            if rng.random() < 0.2:
                report.delete()
            else:
                report.review_state = rng.choice(states)
                report.save()


@pytest.mark.parametrize("seed", [1, 2])
def test_stored_reads_equal_the_reports(settings, seed):
    settings.DEBUG = True  # seed_demo refuses otherwise
    call_command("seed_demo", "--scale", "1", verbosity=0)
    edition = RoadmapEdition.objects.current()
    # Rows without stored cells (made in bulk, new): the first reading computes them.
    PlanCell.objects.filter(row__in=ActionPlanRow.objects.order_by("pk")[:20]).delete()
    assert_reads_equal_reports(edition)
    matrix, chase = matrix_read(edition, YEAR, PERIODS)
    assert {"missing", "not_due", "verified", "submitted"} <= {cell for line in matrix for cell in line[3]}
    assert {line[1][0] for line in matrix} == {ActionPlanRow, matrix[0][1][0]} and chase

    random_writes(random.Random(seed), edition)
    assert_reads_equal_reports(edition)

    # A stored cell that no longer says what the reports say shows on both pages.
    cell = PlanCell.objects.filter(year=YEAR, quarter=1).exclude(state__in=IN).order_by("pk").first()
    PlanCell.objects.filter(pk=cell.pk).update(state="verified")  # no signal: the store is now wrong
    assert matrix_read(edition, YEAR, PERIODS) != matrix_from_reports(edition, YEAR, PERIODS)
    area_ids = list(edition.areas.values_list("pk", flat=True))
    assert shares_read(edition, YEAR, ["q1"], area_ids) != shares_from_reports(
        edition, YEAR, ["q1"], area_ids
    )
