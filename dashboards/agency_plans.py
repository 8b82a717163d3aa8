"""Agency plans as the read side shows them: achievement by area and year, and the ranking of agencies.

Every figure comes from the road map's own rules (``monev.standing``): a plan indicator's year is read
exactly as an indicator's is. Completeness is the share of a plan's targeted indicators with a
verified figure for the year (docs/plans.md).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from monev import standings
from monev.achievement import round_percent
from monev.selectors import plan_indicator_queryset
from monev.standing import Average, Rules, YearStatus, average_of, year_status
from plans.models import AgencyPlan, PlanIndicator, PlanStatus
from plans.models.plan import PLAN_YEARS
from plans.selectors import plan_sections
from roadmap.models import Agency
from roadmap.notation import format_number


@dataclass
class AreaProgress:
    area: object
    rows: list[tuple] = field(default_factory=list)  # (indicator, YearStatus)
    average: Average | None = None


@dataclass
class PlanProgress:
    plan: AgencyPlan
    year: int
    areas: list[AreaProgress]
    average: Average
    targeted: int
    reported: int

    @property
    def completeness(self) -> Decimal | None:
        return round_percent(Decimal(100) * self.reported / self.targeted) if self.targeted else None

    @property
    def completeness_display(self) -> str:
        return "–" if self.completeness is None else f"{format_number(self.completeness, places=0)} %"


def progress_of(plan: AgencyPlan, indicators, year: int, rules: Rules) -> PlanProgress:
    statuses: dict[int, YearStatus] = {i.pk: year_status(i, year, rules) for i in indicators}
    areas = []
    for section in plan_sections(plan, indicators):
        lines = section.standard + [i for a in section.activities for i in a.plan_indicators]
        if lines:
            rows = [(i, statuses[i.pk]) for i in lines]
            areas.append(AreaProgress(section.area, rows, average_of((s for _, s in rows), rules)))
    return summary_of(plan, year, list(statuses.values()), rules, areas)


def summary_of(plan: AgencyPlan, year: int, statuses: list, rules: Rules, areas=()) -> PlanProgress:
    """A plan's average achievement and completeness from its indicators' standings (``YearStatus``
    or stored ``Tally``: both carry what is counted here)."""
    targeted = [s for s in statuses if s.has_target]
    return PlanProgress(
        plan=plan,
        year=year,
        areas=list(areas),
        average=average_of(statuses, rules),
        targeted=len(targeted),
        reported=sum(1 for s in targeted if s.reported),
    )


def plan_progress(plan: AgencyPlan, year: int, profile) -> PlanProgress:
    indicators = list(plan_indicator_queryset(profile).filter(plan=plan))
    return progress_of(plan, indicators, year, Rules.from_settings())


def plan_years() -> list[int]:
    """The years approved plans cover."""
    starts = AgencyPlan.objects.filter(status=PlanStatus.APPROVED).values_list("start_year", flat=True)
    return sorted({start + offset for start in starts for offset in range(PLAN_YEARS)})


def ranking(year: int) -> list[PlanProgress]:
    """Every approved plan covering ``year``, best average achievement first (no figure last), then by
    completeness. Each indicator's standing is read as stored (monev/standings.py, computed by the same
    ``year_status``; drafts count in neither), so the page costs the same for 1 or 40 agencies."""
    plans = {
        plan.pk: plan
        for plan in AgencyPlan.objects.filter(
            status=PlanStatus.APPROVED, start_year__in=[year - 1, year]
        ).select_related("agency", "edition")
    }
    lines = list(PlanIndicator.objects.filter(plan__in=plans).order_by("pk").values_list("pk", "plan_id"))
    rules = Rules.from_settings()
    tallies = standings.plan_tallies([pk for pk, _ in lines], year, today=timezone.localdate(), rules=rules)
    by_plan: dict[int, list] = {pk: [] for pk in plans}
    for pk, plan in lines:
        by_plan[plan].append(tallies[pk])
    rows = [summary_of(plan, year, by_plan[pk], rules) for pk, plan in plans.items()]
    return sorted(
        rows,
        key=lambda p: (
            p.average.percent is None,
            -(p.average.percent or 0),
            -(p.completeness or 0),
            p.plan.agency.name,
        ),
    )


@dataclass
class YearEndPlans:
    """The year-end report's section on the agencies' own plans."""

    year: int
    ranked: list[PlanProgress]
    without_plan: list  # agencies with no approved plan covering the year
    incomplete: list[PlanProgress]  # approved plans with targeted indicators lacking a verified figure


def yearend_plans(year: int) -> YearEndPlans:
    ranked = ranking(year)
    covered = {row.plan.agency_id for row in ranked}
    return YearEndPlans(
        year=year,
        ranked=ranked,
        without_plan=list(Agency.objects.exclude(pk__in=covered).order_by("name")),
        incomplete=[row for row in ranked if row.reported < row.targeted],
    )
