"""Agency plans at scale (see monev.devdata.scale): every agency without a 2020 plan gets an approved one.

Each plan has the Pokja's standard indicators and, per scale unit, one activity with an indicator of
its own, targets for both years and four quarters of 2020 reported on every indicator, so that a
plan, its progress and the ranking have N times the rows at scale N. Plans are marked by their
head's name (``MARKER``); ``clear_plans`` removes them with their reports.
"""

import random
from decimal import Decimal

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from areas.models import ChangeArea
from monev.models import Realisation, ReviewState
from plans.models import AgencyPlan, PlanActivity, PlanIndicator, PlanStatus, PlanTarget, StandardIndicator
from roadmap.models import RoadmapEdition

PLAN_YEAR = 2020
MARKER = "Kepala (data skala)"  # head_name of a synthetic plan
KEPT_FOR_NEWCOMERS = {"bkd"}  # the demo leaves BKD without a plan, for a newcomer to draw one up
INDICATOR_FIELDS = ("name", "unit", "target_kind", "scale", "direction", "aggregation")


def clear_plans() -> None:
    plans = AgencyPlan.objects.filter(head_name=MARKER)
    Realisation.objects.filter(plan_indicator__plan__in=plans).delete()
    plans.delete()


def seed_plans(edition: RoadmapEdition, agencies, scale: int, staff, users: dict, rng: random.Random) -> dict:
    """Approved 2020 plans for agencies without one; returns counts of what was made."""
    taken = set(AgencyPlan.objects.filter(start_year=PLAN_YEAR).values_list("agency_id", flat=True))
    agencies = [a for a in agencies if a.pk not in taken and a.code not in KEPT_FOR_NEWCOMERS]
    now = timezone.now()
    plans = bulk_create_with_history(
        [
            AgencyPlan(agency=agency, edition=edition, start_year=PLAN_YEAR, status=PlanStatus.APPROVED,
                       submitted_at=now, reviewed_by=staff, reviewed_at=now, head_name=MARKER,
                       head_position=f"Kepala {agency.name}"[:200])
            for agency in agencies
        ],
        AgencyPlan,
        default_user=staff,
    )  # fmt: skip
    areas = list(ChangeArea.objects.filter(edition=edition).order_by("order"))
    activities = PlanActivity.objects.bulk_create(
        PlanActivity(plan=plan, area=areas[copy % len(areas)], order=copy + 1,
                     name=f"Kegiatan rencana aksi {copy + 1} [skala]", responsible_unit="Sekretariat")
        for plan in plans
        for copy in range(scale)
    )  # fmt: skip
    standards = list(StandardIndicator.objects.filter(is_published=True, area__edition=edition))
    indicators = PlanIndicator.objects.bulk_create(
        [
            PlanIndicator(plan=plan, area_id=s.area_id, standard=s, order=s.order,
                          **{field: getattr(s, field) for field in INDICATOR_FIELDS})
            for plan in plans
            for s in standards
        ]
        + [
            PlanIndicator(plan=activity.plan, area=activity.area, activity=activity, order=1,
                          name=f"Jumlah keluaran kegiatan {activity.order}", unit="dokumen", aggregation="sum")
            for activity in activities
        ]
    )  # fmt: skip
    PlanTarget.objects.bulk_create(
        PlanTarget(indicator=indicator, year=year, as_written=str(goal), number=Decimal(goal))
        for indicator in indicators
        for year, goal in ((PLAN_YEAR, 40), (PLAN_YEAR + 1, 50))
    )
    states = (
        [ReviewState.VERIFIED] * 6 + [ReviewState.SUBMITTED] * 2 + [ReviewState.RETURNED, ReviewState.DRAFT]
    )
    agency_of = {plan.pk: plan.agency_id for plan in plans}
    reports = []
    for indicator in indicators:
        for quarter in (1, 2, 3, 4):
            state = rng.choice(states)
            reviewed = state in (ReviewState.VERIFIED, ReviewState.RETURNED)
            reports.append(
                Realisation(plan_indicator=indicator, year=PLAN_YEAR, period=f"q{quarter}",
                            number=rng.randint(5, 15), note="Data skala.", review_state=state,
                            reported_by=users.get(agency_of[indicator.plan_id]), submitted_at=now,
                            reviewed_by=staff if reviewed else None, reviewed_at=now if reviewed else None)
            )  # fmt: skip
    bulk_create_with_history(reports, Realisation, batch_size=1000, default_user=staff)
    return {"plans": len(plans), "plan_indicators": len(indicators), "plan_reports": len(reports)}
