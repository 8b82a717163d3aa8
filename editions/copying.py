"""Copying an edition's whole content into another: the start of the next road map (docs/editions.md).

Every copied area, indicator, activity, quick win and action-plan row keeps a link to the one it
was copied from (``predecessor``), so a carried-over indicator reads as one series across road
maps. Items an amendment dropped are not copied: they are no longer part of the road map.
Targets are written with their history (a target's later change is compared with its first value).
"""

from simple_history.utils import bulk_create_with_history

from actions.models import (
    ActionPlanGroup,
    ActionPlanLead,
    ActionPlanRow,
    ActivityTarget,
    PlannedAction,
    PriorityActivity,
    QuickWin,
)
from areas.models import (
    AreaPlacement,
    ChangeArea,
    ExpectedResult,
    Indicator,
    IndicatorTarget,
    PokjaMembership,
)
from roadmap.models import DocumentTable, LegalBasis, Risk, RiskSolution, RoadmapEdition, Team, TeamMember

TARGET_FIELDS = ("year", "as_written", "number", "level_id", "comparator")
MEASURED_FIELDS = ("order", "name", "unit", "direction", "aggregation", "source_table")


def values(obj, fields) -> dict:
    return {field: getattr(obj, field) for field in fields}


class Copier:
    """Copies ``source``'s content into ``target``; ``years``: keep only target cells and planned
    actions of these years (None: every year, for an identical copy)."""

    def __init__(self, source: RoadmapEdition, target: RoadmapEdition, years, user):
        self.source, self.target, self.years, self.user = source, target, years, user
        self.areas: dict[int, ChangeArea] = {}
        self.quick_wins: dict[int, QuickWin] = {}

    def keeps(self, year: int) -> bool:
        return self.years is None or year in self.years

    def run(self) -> None:
        self.copy_document()
        self.copy_areas()
        self.copy_quick_wins()
        self.copy_indicators()
        self.copy_activities()
        self.copy_action_plan()
        self.copy_teams_and_risks()

    def copy_document(self) -> None:
        LegalBasis.objects.bulk_create(
            LegalBasis(edition=self.target, **values(b, ("kind", "order", "label", "text")))
            for b in self.source.legal_bases.all()
        )
        DocumentTable.objects.bulk_create(
            DocumentTable(
                edition=self.target,
                **values(t, ("order", "section", "title", "header", "rows", "source_note")),
            )
            for t in self.source.document_tables.all()
        )

    def copy_areas(self) -> None:
        for area in self.source.areas.prefetch_related("placements", "expected_results", "pokja_memberships"):
            new = ChangeArea.objects.create(
                edition=self.target, predecessor=area, **values(area, ("order", "name", "slug"))
            )
            self.areas[area.pk] = new
            AreaPlacement.objects.bulk_create(
                AreaPlacement(area=new, **values(p, ("section", "position", "name_as_written", "note")))
                for p in area.placements.all()
            )
            ExpectedResult.objects.bulk_create(
                ExpectedResult(area=new, **values(r, ("section", "order", "text")))
                for r in area.expected_results.all()
            )
            PokjaMembership.objects.bulk_create(
                PokjaMembership(area=new, **values(m, ("agency_id", "order")))
                for m in area.pokja_memberships.all()
            )

    def copy_quick_wins(self) -> None:
        for quick_win in self.source.quick_wins.all():
            self.quick_wins[quick_win.pk] = QuickWin.objects.create(
                edition=self.target,
                predecessor=quick_win,
                **values(quick_win, ("number", "name", "description", "lead_agency_id", "product")),
            )

    def copy_targets(self, model, parent_field: str, pairs) -> None:
        """``pairs``: (old item, new item); each kept target cell of the old is written for the new."""
        targets = [
            model(**{parent_field: new}, **values(target, TARGET_FIELDS))
            for old, new in pairs
            for target in old.targets.all()
            if self.keeps(target.year)
        ]
        bulk_create_with_history(targets, model, default_user=self.user, default_change_reason=self.reason)

    @property
    def reason(self) -> str:
        return f"Disalin dari {self.source}"

    def copy_indicators(self) -> None:
        pairs = []
        for indicator in (
            Indicator.objects.of_edition(self.source)
            .filter(dropped_from__isnull=True)
            .prefetch_related("targets")
        ):
            new = Indicator.objects.create(
                area=self.areas[indicator.area_id],
                predecessor=indicator,
                **values(
                    indicator, (*MEASURED_FIELDS, "target_kind", "scale_id", "data_owner_id", "is_key", "ref")
                ),
            )
            pairs.append((indicator, new))
        self.copy_targets(IndicatorTarget, "indicator", pairs)

    def copy_activities(self) -> None:
        pairs = []
        for activity in (
            PriorityActivity.objects.of_edition(self.source)
            .filter(dropped_from__isnull=True)
            .prefetch_related("targets")
        ):
            new = PriorityActivity.objects.create(
                area=self.areas.get(activity.area_id),
                quick_win=self.quick_wins.get(activity.quick_win_id),
                predecessor=activity,
                **values(activity, (*MEASURED_FIELDS, "agency_id", "agency_note")),
            )
            pairs.append((activity, new))
        self.copy_targets(ActivityTarget, "activity", pairs)

    def copy_action_plan(self) -> None:
        groups: dict[int, ActionPlanGroup] = {}
        pending = list(
            ActionPlanGroup.objects.filter(area__edition=self.source).order_by("area__order", "order")
        )
        while pending:  # parents before their children, whatever order they were stored in
            later = []
            for group in pending:
                if group.parent_id and group.parent_id not in groups:
                    later.append(group)
                    continue
                groups[group.pk] = ActionPlanGroup.objects.create(
                    area=self.areas[group.area_id],
                    parent=groups.get(group.parent_id),
                    **values(group, ("order", "code", "title")),
                )
            if len(later) == len(pending):
                raise ValueError("action-plan groups whose parents are not in the edition")
            pending = later
        rows = ActionPlanRow.objects.of_edition(self.source).filter(dropped_from__isnull=True)
        for row in rows.prefetch_related("leads", "supporting_agencies", "planned_actions"):
            new = ActionPlanRow.objects.create(
                area=self.areas[row.area_id],
                group=groups.get(row.group_id),
                predecessor=row,
                **values(row, ("order", "label", "name", "support_scope", "supporting_as_written")),
            )
            ActionPlanLead.objects.bulk_create(
                ActionPlanLead(row=new, **values(lead, ("agency_id", "order"))) for lead in row.leads.all()
            )
            new.supporting_agencies.set(row.supporting_agencies.all())
            PlannedAction.objects.bulk_create(
                PlannedAction(row=new, **values(action, ("year", "order", "text")))
                for action in row.planned_actions.all()
                if self.keeps(action.year)
            )

    def copy_teams_and_risks(self) -> None:
        for team in self.source.teams.prefetch_related("members"):
            new = Team.objects.create(
                edition=self.target, **values(team, ("kind", "name", "source_table", "order"))
            )
            TeamMember.objects.bulk_create(
                TeamMember(team=new, **values(m, ("order", "position", "office", "agency_id")))
                for m in team.members.all()
            )
        for risk in self.source.risks.prefetch_related("solutions"):
            new = Risk.objects.create(edition=self.target, **values(risk, ("number", "obstacle")))
            RiskSolution.objects.bulk_create(
                RiskSolution(risk=new, **values(s, ("order", "text"))) for s in risk.solutions.all()
            )
