"""Agency plans for tests: a plan of one agency with one standard and one own indicator, in any status."""

from decimal import Decimal

from areas.models import ChangeArea
from plans import services
from plans.models import AgencyPlan, PlanStatus, StandardIndicator
from roadmap.models import Agency, RoadmapEdition

STANDARD = "Persentase pegawai yang mengikuti internalisasi RB"
OWN = "Jumlah SOP yang direviu"


def target(number) -> dict:
    return {"as_written": str(number), "number": Decimal(number), "level": None, "comparator": ""}


def standard_indicator() -> StandardIndicator:
    edition = RoadmapEdition.objects.current()
    area = ChangeArea.objects.get(edition=edition, order=1)
    return StandardIndicator.objects.get_or_create(area=area, name=STANDARD, defaults={"unit": "persen"})[0]


def make_plan(agency: str = "inspektorat", status: str = PlanStatus.DRAFT, start_year: int = 2020, user=None):
    """A plan whose standard indicator aims at 80/90 % and whose own indicator (summed) at 10/12 SOP."""
    standard_indicator()
    existing = AgencyPlan.objects.filter(agency__code=agency, start_year=start_year).first()
    if existing is not None:
        return existing
    plan = services.create_plan(agency=Agency.objects.get(code=agency), start_year=start_year, user=user)
    area = ChangeArea.objects.get(edition=plan.edition, order=2)
    activity = services.save_activity(
        plan=plan, area=area, name="Reviu SOP", responsible_unit="Sub Bagian Umum"
    )
    services.save_indicator(
        plan=plan,
        indicator=plan.indicators.get(standard__name=STANDARD),
        targets={start_year: target(80), start_year + 1: target(90)},
    )
    services.save_indicator(
        plan=plan,
        activity=activity,
        name=OWN,
        unit="SOP",
        aggregation="sum",
        targets={start_year: target(10), start_year + 1: target(12)},
    )
    if status != PlanStatus.DRAFT:
        services.submit_plan(plan=plan, user=user)
    if status in (PlanStatus.APPROVED, PlanStatus.RETURNED):
        approve = status == PlanStatus.APPROVED
        services.review_plan(
            plan=plan, user=user, approve=approve, note="" if approve else "Perbaiki target."
        )
    plan.refresh_from_db()
    return plan
