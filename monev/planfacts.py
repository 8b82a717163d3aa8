"""The action plan of one year as plain tuples, for the pages that summarise all of it.

The dashboard and the completeness matrix only need, per planned action and quarter, the
review state and status of the lead's own report. Loading those as tuples instead of model
objects keeps these pages fast at any scale (see scripts/bench.py): five queries, no
per-object prefetch bookkeeping.
"""

from collections import defaultdict
from dataclasses import dataclass

from actions.models import ActionPlanLead, ActionPlanRow, PlannedAction
from monev.models import ActionProgress, ActionStatus, ReviewState
from roadmap.models import Agency, RoadmapEdition

# When several planned actions of one row disagree, the row shows the state that needs most attention.
ATTENTION = ["missing", "returned", "draft", "submitted", "verified"]


@dataclass
class PlanFacts:
    rows: list[ActionPlanRow]  # rows with planned actions in the year, with their area
    actions: dict[int, list[int]]  # row id -> the year's planned action ids
    leads: dict[int, list[Agency]]  # row id -> lead agencies (Utama)
    progress: dict[tuple[int, int], tuple[str, str]]  # (action id, quarter) -> (review state, status)

    def cell(self, row_id: int, quarter: int) -> str:
        """The row's state in a quarter: the one of its planned actions that needs most attention."""
        states = [self.progress.get((action, quarter), ("missing", ""))[0] for action in self.actions[row_id]]
        return min(states, key=ATTENTION.index) if states else "missing"

    def standing(self, action_id: int, quarters: list[int]) -> tuple[str | None, bool]:
        """The status of the latest verified report within the quarters, and whether one awaits review."""
        latest, pending = None, False
        for quarter in quarters:
            state, status = self.progress.get((action_id, quarter), (None, None))
            if state == ReviewState.VERIFIED:
                latest = status
            pending = pending or state == ReviewState.SUBMITTED
        return latest, pending

    def is_done(self, action_id: int, quarters: list[int]) -> bool:
        return self.standing(action_id, quarters)[0] == ActionStatus.DONE


def plan_facts(edition: RoadmapEdition, year: int) -> PlanFacts:
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
    progress = {
        (action_id, quarter): (state, status)
        for action_id, quarter, state, status in ActionProgress.objects.filter(
            contributor__isnull=True, planned_action__row__area__edition=edition, planned_action__year=year
        ).values_list("planned_action_id", "quarter", "review_state", "status")
    }
    return PlanFacts(rows, dict(actions), dict(leads), progress)
