"""The action plan of one year as plain values, for the pages that summarise all of it.

The dashboard and the completeness matrix only need, per planned action, each lead's standing
(``monev.plan_progress``), and per row, lead and quarter the review state that needs most
attention. Thousands of reports at scale (see scripts/bench.py): they are read once, as plain
tuples of the few columns needed (no model objects, no per-row conversions, no joins beyond the
edition's), and the rule is applied to them in Python.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from actions.models import ActionPlanLead, PlannedAction
from monev.models import ActionProgress
from monev.plan_progress import (
    RANK,
    ActionStanding,
    PlanShare,
    ProgressFact,
    action_standing,
    row_cell,
)
from roadmap.models import Agency, RoadmapEdition


class PlanRow(NamedTuple):
    pk: int
    area_id: int
    name: str


@dataclass
class PlanSnapshot:
    rows: list[PlanRow]  # rows with planned actions in the year
    actions: dict[int, list[int]]  # row id -> the year's planned action ids
    leads: dict[int, list[Agency]]  # row id -> lead agencies (Utama)
    agencies: dict[int, Agency]  # every agency by id
    # (row id, lead id, quarter) -> (how many of the row's actions the lead reported, the place in
    # ATTENTION of the state of those reports that needs most attention)
    states: dict[tuple[int, int, int], tuple[int, int]]
    # action id -> the lead agencies' own reports (only when asked for: the dashboard's standings)
    progress: dict[int, list[ProgressFact]] = field(default_factory=dict)

    def cell(self, row_id: int, quarter: int, lead_id: int) -> str:
        """One lead's part of a row in a quarter: the state of its planned actions that needs most
        attention, an action it has not reported counting as missing."""
        reported, rank = self.states.get((row_id, lead_id, quarter), (0, 0))
        return row_cell(reported, rank, len(self.actions[row_id]))

    def standing(self, row_id: int, action_id: int, quarters: list[int] | None) -> ActionStanding:
        leads = [agency.pk for agency in self.leads.get(row_id, [])]
        return action_standing(self.progress.get(action_id, []), leads, quarters)

    def shares_by_area(self, quarters: list[int] | None) -> dict[int, PlanShare]:
        """Each area's progress over its planned actions of the year (areas without any are absent)."""
        shares: dict[int, PlanShare] = defaultdict(PlanShare)
        for row in self.rows:
            leads = [agency.pk for agency in self.leads.get(row.pk, [])]
            share = shares[row.area_id]
            for action_id in self.actions[row.pk]:
                share.add(action_standing(self.progress.get(action_id, []), leads, quarters))
        return shares


def lead_reports(edition: RoadmapEdition, year: int):
    return ActionProgress.objects.filter(
        lead__isnull=False, planned_action__row__area__edition=edition, planned_action__year=year
    ).order_by()


def plan_snapshot(edition: RoadmapEdition, year: int, *, with_progress: bool = False) -> PlanSnapshot:
    """The year's rows, actions, leads and completeness states; ``with_progress``: also every lead
    report, for the standings."""
    actions: dict[int, list[int]] = defaultdict(list)
    rows: dict[int, PlanRow] = {}
    for row_id, area_id, name, action_id in (
        PlannedAction.objects.filter(row__area__edition=edition, year=year)
        .order_by("row_id", "order")
        .values_list("row_id", "row__area_id", "row__name", "id")
    ):
        rows.setdefault(row_id, PlanRow(row_id, area_id, name))
        actions[row_id].append(action_id)
    agencies = {agency.pk: agency for agency in Agency.objects.all()}
    leads: dict[int, list[Agency]] = defaultdict(list)
    for row_id, agency_id in (
        ActionPlanLead.objects.filter(row__area__edition=edition)
        .order_by("row", "order")
        .values_list("row_id", "agency_id")
    ):
        leads[row_id].append(agencies[agency_id])
    states: dict[tuple[int, int, int], tuple[int, int]] = {}
    progress: dict[int, list[ProgressFact]] = defaultdict(list)
    columns = ["planned_action__row_id", "lead_id", "quarter", "review_state"]
    if with_progress:
        columns += ["planned_action_id", "status", "percent"]
    for row_id, lead_id, quarter, state, *rest in lead_reports(edition, year).values_list(*columns):
        key, rank = (row_id, lead_id, quarter), RANK[state]
        reported, worst = states.get(key, (0, rank))
        states[key] = (reported + 1, worst if worst < rank else rank)
        if rest:
            progress[rest[0]].append(ProgressFact(lead_id, quarter, state, rest[1], rest[2]))
    return PlanSnapshot(list(rows.values()), dict(actions), dict(leads), agencies, states, dict(progress))
