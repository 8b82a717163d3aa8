"""A plan as its page shows it: per change area, the standard indicators and the activities with theirs."""

from dataclasses import dataclass, field

from areas.models import ChangeArea
from plans.models import AgencyPlan, PlanActivity, PlanIndicator


@dataclass
class AreaSection:
    area: ChangeArea
    standard: list[PlanIndicator] = field(default_factory=list)
    activities: list[PlanActivity] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.standard and not self.activities


def plan_indicators(plan: AgencyPlan):
    return plan.indicators.select_related("scale", "standard").prefetch_related("targets__level")


def plan_sections(plan: AgencyPlan, indicators=None) -> list[AreaSection]:
    """Every change area of the plan's road map, in order, with the plan's lines under it."""
    sections = {area.pk: AreaSection(area) for area in ChangeArea.objects.filter(edition=plan.edition_id)}
    activities = {}
    for activity in plan.activities.select_related("priority_activity", "action_row"):
        activity.plan_indicators = []
        activities[activity.pk] = activity
        sections[activity.area_id].activities.append(activity)
    for indicator in indicators if indicators is not None else plan_indicators(plan):
        indicator.year_targets = [(year, indicator.targets_by_year.get(year)) for year in plan.years]
        if indicator.activity_id:
            activities[indicator.activity_id].plan_indicators.append(indicator)
        else:
            sections[indicator.area_id].standard.append(indicator)
    return list(sections.values())
