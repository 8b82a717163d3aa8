"""A plan as its page shows it: per change area, the standard indicators and the activities with theirs."""

from dataclasses import dataclass, field

from areas.models import ChangeArea
from plans.models import AgencyPlan, PlanActivity, PlanIndicator, PlanTarget

REVISION = "Revisi: "  # how plans.services.revise_targets marks a target's history record


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


@dataclass
class Revision:
    when: object
    who: str
    indicator: str
    year: int
    before: str
    after: str
    reason: str


def revisions(plan: AgencyPlan) -> list[Revision]:
    """Every recorded revision of the plan's targets, newest first, with the target it replaced."""
    records = list(
        PlanTarget.history.filter(indicator__plan=plan)
        .select_related("history_user", "indicator")
        .order_by("id", "history_date", "history_id")
    )
    found, previous = [], {}
    for record in records:
        before = previous.get(record.id)
        previous[record.id] = record
        if not (record.history_change_reason or "").startswith(REVISION):
            continue
        user = record.history_user
        found.append(
            Revision(
                when=record.history_date,
                who=(user.get_full_name() or user.get_username()) if user else "–",
                indicator=record.indicator.name,
                year=record.year,
                before=(before.as_written or "–") if before else "–",
                after="dihapus" if record.history_type == "-" else record.as_written or "–",
                reason=record.history_change_reason[len(REVISION) :],
            )
        )
    return sorted(found, key=lambda r: r.when, reverse=True)
