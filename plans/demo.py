"""Demo agency plans for ``seed_demo`` (monev calls ``seed``; this app knows nothing of reports).

The Pokja's three standard indicators; Inspektorat's 2020–2021 plan approved, Bappeda's submitted
and awaiting review, Diskominfo's a draft; BKD has none, for a newcomer to draw one up. Existing plans are left as they are.
"""

from decimal import Decimal

from areas.models import ChangeArea
from plans import services
from plans.models import AgencyPlan, PlanStatus, StandardIndicator
from roadmap.models import Agency, RoadmapEdition

STANDARDS = [  # (area order, name, unit)
    (1, "Persentase pegawai yang mengikuti internalisasi RB", "persen"),
    (4, "Jumlah SOP yang direviu", "SOP"),  # Penataan Tatalaksana
    (7, "Nilai SAKIP Perangkat Daerah", "nilai"),  # Penguatan Akuntabilitas Kinerja
]
OWN = "Jumlah layanan pengaduan yang ditindaklanjuti"


def number(value) -> dict:
    return {"as_written": str(value), "number": Decimal(value), "level": None, "comparator": ""}


def seed(year: int, staff) -> AgencyPlan:
    edition = RoadmapEdition.objects.current(year)
    for order, name, unit in STANDARDS:
        area = ChangeArea.objects.get(edition=edition, order=order)
        if not StandardIndicator.objects.filter(area=area, name=name).exists():
            services.save_standard(area=area, name=name, unit=unit, order=order)
    plans = {}
    drafts = (
        ("inspektorat", PlanStatus.APPROVED),
        ("bappeda", PlanStatus.SUBMITTED),
        ("dinkominfo", PlanStatus.DRAFT),
    )
    for code, status in drafts:
        agency = Agency.objects.get(code=code)
        plan = AgencyPlan.objects.filter(agency=agency, start_year=year).first()
        if plan is None:
            plan = draw_up(agency, year, staff, status)
        plans[code] = plan
    return plans["inspektorat"]


def draw_up(agency, year: int, staff, status: str) -> AgencyPlan:
    plan = services.create_plan(agency=agency, start_year=year, user=staff)
    for n, indicator in enumerate(plan.indicators.all()):
        services.save_indicator(
            plan=plan, indicator=indicator, targets={year: number(70 + n * 5), year + 1: number(80 + n * 5)}
        )
    area = ChangeArea.objects.get(edition=plan.edition, order=8)
    activity = services.save_activity(
        plan=plan, area=area, name="Tindak lanjut pengaduan masyarakat", responsible_unit="Sekretariat"
    )
    services.save_indicator(
        plan=plan,
        activity=activity,
        name=OWN,
        unit="pengaduan",
        aggregation="sum",
        targets={year: number(12), year + 1: number(16)},
    )
    if status != PlanStatus.DRAFT:
        services.submit_plan(plan=plan, user=staff)
    if status == PlanStatus.APPROVED:
        services.review_plan(plan=plan, user=staff, approve=True)
    return plan
