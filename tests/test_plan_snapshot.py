"""The dashboard's and the completeness matrix's reading of the action plan from plain tuples
equals the rule applied to the report objects (monev.plan_progress), whatever the reports are."""

import random
from collections import defaultdict

import pytest

from actions.models import ActionPlanRow, PlannedAction
from dashboards.plan_snapshot import plan_snapshot
from monev.models import ActionProgress, ActionStatus, ReviewState
from monev.plan_progress import ATTENTION, PlanShare, action_standing
from roadmap.models import Agency
from tests.factories import percent_for

YEAR = 2020
QUARTER_CHOICES = [None, [1], [1, 2], [1, 2, 3], [1, 2, 3, 4], [2, 4]]


def random_reports(edition, rng: random.Random) -> None:
    """Lead parts in every review state and status, contributions, and parts of former leads."""
    rows = list(
        ActionPlanRow.objects.of_edition(edition)
        .filter(planned_actions__year=YEAR)
        .distinct()
        .prefetch_related("leads", "planned_actions")
    )
    agencies = list(Agency.objects.all())
    # Rows with several Utama or several actions this year first: where the rule has most to decide.
    rows.sort(key=lambda row: -(row.leads.count() * row.planned_actions.filter(year=YEAR).count()))
    reports = []
    for row in rows[:12] + rng.sample(rows[12:], 8):
        leads = [lead.agency_id for lead in row.leads.all()] + [
            rng.choice(agencies).pk
        ]  # one no longer Utama
        for action in row.planned_actions.filter(year=YEAR):
            for lead in leads:
                for quarter in range(1, 5):
                    if rng.random() < 0.6:
                        status = rng.choice(ActionStatus.values)
                        reports.append(
                            ActionProgress(
                                planned_action=action,
                                quarter=quarter,
                                lead_id=lead,
                                status=status,
                                percent=rng.randint(0, 99)
                                if status in ("in_progress", "not_done")
                                else percent_for(status),
                                review_state=rng.choice(ReviewState.values),
                            )
                        )
            contributor = rng.choice(agencies)
            reports.append(
                ActionProgress(
                    planned_action=action,
                    quarter=rng.randint(1, 4),
                    contributor=contributor,
                    status=ActionStatus.DONE,
                    percent=100,
                    review_state=ReviewState.VERIFIED,
                )
            )
    ActionProgress.objects.bulk_create(reports, ignore_conflicts=True)


def seen(standing) -> tuple:
    """What a page shows of a standing: each Utama's part, and the action's figures."""
    parts = [
        (part.lead_id, part.percent, part.done, part.pending, part.report and part.report.quarter)
        for part in standing.parts
    ]
    return parts, standing.done, standing.percent, standing.reported, standing.pending, standing.quarter


def fresh_cell(reports, actions, row_id, quarter, lead_id) -> str:
    states = []
    for action in actions[row_id]:
        own = [r for r in reports[action] if r.quarter == quarter and r.lead_id == lead_id]
        states.append(own[0].review_state if own else "missing")
    return min(states, key=ATTENTION.index)


@pytest.mark.parametrize("seed", range(4))
def test_what_the_database_picks_gives_what_the_rule_gives_on_every_report(edition, seed):
    rng = random.Random(seed)
    random_reports(edition, rng)
    everything = defaultdict(list)
    for report in ActionProgress.objects.filter(planned_action__year=YEAR, lead__isnull=False):
        everything[report.planned_action_id].append(report)
    snapshot = plan_snapshot(edition, YEAR, with_progress=True)
    actions = defaultdict(list)
    for action in PlannedAction.objects.filter(row__area__edition=edition, year=YEAR).order_by("order"):
        actions[action.row_id].append(action.pk)
    assert snapshot.actions == dict(actions)
    assert {row.pk for row in snapshot.rows} == set(actions)

    for row in snapshot.rows:
        for lead in snapshot.leads.get(row.pk, []):
            for quarter in range(1, 5):
                expected = fresh_cell(everything, actions, row.pk, quarter, lead.pk)
                assert snapshot.cell(row.pk, quarter, lead.pk) == expected, (row.name, lead.code, quarter)

    compared = 0
    for quarters in QUARTER_CHOICES:
        expected_shares = defaultdict(PlanShare)
        for row in snapshot.rows:
            leads = [agency.pk for agency in snapshot.leads.get(row.pk, [])]
            for action in actions[row.pk]:
                fresh = action_standing(everything[action], leads, quarters)
                assert seen(snapshot.standing(row.pk, action, quarters)) == seen(fresh)
                expected_shares[row.area_id].add(fresh)
                compared += bool(fresh.reported or fresh.pending)
        assert snapshot.shares_by_area(quarters) == expected_shares
    assert compared > 50  # the random reports did reach the rule
