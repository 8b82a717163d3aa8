"""The action plan of one year as plain tuples, for the pages that summarise all of it.

The dashboard and the completeness matrix only need, per planned action and quarter, the
review state and status of the lead's own report. Loading those as tuples instead of model
objects keeps these pages fast at any scale (see scripts/bench.py): five queries, no
per-object prefetch bookkeeping.
"""

from collections import defaultdict
from dataclasses import dataclass

from actions.models import ActionPlanLead, ActionPlanRow, PlannedAction
from monev.models import ActionProgress
from monev.plan_progress import ActionStanding, ProgressFact, action_standing
from roadmap.models import Agency, RoadmapEdition

# When several planned actions of one row disagree, the row shows the state that needs most attention.
ATTENTION = ["missing", "returned", "draft", "submitted", "verified"]


@dataclass
class PlanSnapshot:
    rows: list[ActionPlanRow]  # rows with planned actions in the year, with their area
    actions: dict[int, list[int]]  # row id -> the year's planned action ids
    leads: dict[int, list[Agency]]  # row id -> lead agencies (Utama)
    progress: dict[int, list[ProgressFact]]  # action id -> the lead agencies' own reports

    def cell(self, row_id: int, quarter: int, lead_id: int) -> str:
        """One lead's part of a row in a quarter: the state of its planned actions that needs most attention."""
        states = [
            next(
                (
                    r.review_state
                    for r in self.progress.get(action, [])
                    if r.quarter == quarter and r.lead_id == lead_id
                ),
                "missing",
            )
            for action in self.actions[row_id]
        ]
        return min(states, key=ATTENTION.index) if states else "missing"

    def standing(self, row_id: int, action_id: int, quarters: list[int] | None) -> ActionStanding:
        leads = [agency.pk for agency in self.leads.get(row_id, [])]
        return action_standing(self.progress.get(action_id, []), leads, quarters)


def plan_snapshot(edition: RoadmapEdition, year: int) -> PlanSnapshot:
    actions: dict[int, list[int]] = defaultdict(list)
    for row_id, action_id in (
        PlannedAction.objects.filter(row__area__edition=edition, year=year)
        .order_by("row", "order")
        .values_list("row_id", "id")
    ):
        actions[row_id].append(action_id)
    rows = list(ActionPlanRow.objects.of_edition(edition).filter(pk__in=list(actions)).select_related("area"))
    agencies = {agency.pk: agency for agency in Agency.objects.all()}
    leads: dict[int, list[Agency]] = defaultdict(list)
    for row_id, agency_id in (
        ActionPlanLead.objects.filter(row__area__edition=edition)
        .order_by("row", "order")
        .values_list("row_id", "agency_id")
    ):
        leads[row_id].append(agencies[agency_id])
    progress: dict[int, list[ProgressFact]] = defaultdict(list)
    for action_id, *fact in ActionProgress.objects.filter(
        lead__isnull=False, planned_action__row__area__edition=edition, planned_action__year=year
    ).values_list("planned_action_id", "lead_id", "quarter", "review_state", "status", "percent"):
        progress[action_id].append(ProgressFact(*fact))
    return PlanSnapshot(rows, dict(actions), dict(leads), dict(progress))
