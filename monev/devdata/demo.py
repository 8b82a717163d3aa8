"""Demo reports for a newcomer: 2020 reports in every review state for several agencies, and windows."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator, ScaleLevel
from monev.items import item_key
from monev.models import (
    ActionProgress,
    Evidence,
    Realisation,
    ReportingWindow,
    ReportSignatory,
    ReviewState,
    RiskReview,
    RiskStatus,
)
from roadmap.models import Agency, Risk, RoadmapEdition

DEMO_YEAR = 2020

# (activity or indicator name, period, value, state, reporter, review note)
REPORTS = [
    ("Penanganan gratifikasi.", "q1", "100", ReviewState.VERIFIED, "inspektorat", ""),
    ("Penanganan gratifikasi.", "q2", "95", ReviewState.VERIFIED, "inspektorat", ""),
    ("Penanganan gratifikasi.", "q3", "100", ReviewState.SUBMITTED, "inspektorat", ""),
    ("Audit laporan keuangan.", "q1", "40", ReviewState.RETURNED, "inspektorat",
     "Lampirkan daftar Perangkat Daerah yang sudah diaudit; angka 40 belum didukung bukti."),
    ("Promosi jabatan secara terbuka.", "q1", "30", ReviewState.VERIFIED, "bkd", ""),
    ("Promosi jabatan secara terbuka.", "q2", "28", ReviewState.VERIFIED, "bkd", ""),
    ("Promosi jabatan secara terbuka.", "q3", "25", ReviewState.SUBMITTED, "bkd", ""),
    ("Pengembangan pegawai berbasis kompetensi.", "q1", "900", ReviewState.DRAFT, "bkd", ""),
    ("Analisis Jabatan dan Analisis Beban Kerja.", "q2", "30", ReviewState.VERIFIED, "organisasi", ""),
    ("Verifikasi Penyusunan Perencanaan, Penganggaran dan Target Kinerja Perangkat Daerah", "q2", "45",
     ReviewState.SUBMITTED, "organisasi", ""),
    ("Persentase pemenuhan Laporan Harta Kekayaan Penyelenggara Negara dan Laporan Harta Kekayaan Aparatur Sipil "
     "Negara", "q2", "92", ReviewState.SUBMITTED, "organisasi", ""),
]  # fmt: skip


def users() -> dict:
    return {
        u.username: u
        for u in get_user_model().objects.filter(username__in=["organisasi", "inspektorat", "bkd"])
    }


def demo_edition() -> RoadmapEdition:
    """The demo's reports are 2020's: made on the road map in force in 2020, whatever came after it."""
    return RoadmapEdition.objects.current(DEMO_YEAR)


def item_named(name: str):
    edition = demo_edition()
    return PriorityActivity.objects.of_edition(edition).filter(
        name=name
    ).first() or Indicator.objects.of_edition(edition).get(name=name)


def save_report(
    item, period: str, value: str | None, level, state: str, reporter, reviewer, note: str
) -> Realisation:
    key = item_key(item)
    now = timezone.now()
    reviewed = state in (ReviewState.VERIFIED, ReviewState.RETURNED)
    report, _ = Realisation.objects.update_or_create(
        **key,
        year=DEMO_YEAR,
        period=period,
        defaults={
            "number": Decimal(value) if value else None,
            "level": level,
            "review_state": state,
            "reported_by": reporter,
            "submitted_at": None if state == ReviewState.DRAFT else now,
            "reviewed_by": reviewer if reviewed else None,
            "reviewed_at": now if reviewed else None,
            "review_note": note,
            "note": "Data contoh (seed_demo).",
        },
    )
    if not report.evidence.exists():
        Evidence.objects.create(
            realisation=report,
            link="https://pekalongankab.go.id/",
            title="Contoh tautan bukti",
            uploaded_by=reporter,
        )
    return report


@transaction.atomic
def seed_demo_reports(today: datetime.date) -> int:
    people = users()
    staff = people["organisasi"]
    for name, period, value, state, reporter, note in REPORTS:
        save_report(item_named(name), period, value, None, state, people[reporter], staff, note)
    apip = item_named("Kapabilitas Aparatur Pengawas Intern Pemerintahan")
    with_notes = ScaleLevel.objects.get(scale__code="kapabilitas-apip", code="3DC")
    save_report(apip, "year", None, with_notes, ReviewState.VERIFIED, staff, staff, "")

    row = ActionPlanRow.objects.of_edition(demo_edition()).get(name="Penanganan Gratifikasi")
    action = row.planned_actions.get(year=DEMO_YEAR)
    inspektorat, bkd = Agency.objects.get(code="inspektorat"), Agency.objects.get(code="bkd")
    progress = [
        (1, {"lead": inspektorat}, "in_progress", 50, ReviewState.VERIFIED, people["inspektorat"]),
        (2, {"lead": inspektorat}, "done", 100, ReviewState.SUBMITTED, people["inspektorat"]),
        (1, {"contributor": bkd}, "done", 100, ReviewState.VERIFIED, people["bkd"]),
    ]
    for quarter, whose, status, percent, state, reporter in progress:
        ActionProgress.objects.update_or_create(
            planned_action=action,
            quarter=quarter,
            **whose,
            defaults={
                "status": status,
                "percent": percent,
                "review_state": state,
                "reported_by": reporter,
                "submitted_at": timezone.now(),
                "reviewed_by": staff if state == ReviewState.VERIFIED else None,
                "reviewed_at": timezone.now() if state == ReviewState.VERIFIED else None,
            },
        )
    current_quarter = (today.month - 1) // 3 + 1
    for quarter in (1, 2, 3, 4):
        window, _ = ReportingWindow.objects.update_or_create(
            year=DEMO_YEAR,
            period=f"q{quarter}",
            defaults={
                "is_open": quarter <= current_quarter,
                "closes_on": today + datetime.timedelta(days=10) if quarter == current_quarter else None,
                "changed_by": staff,
            },
        )
        if quarter < current_quarter:  # opened in its time and closed since: its reports are due
            window.is_open = False
            window.save()
            # The chase list dates a missing report from its window's first opening: date it in its
            # time (the day after the quarter ends) rather than at seeding.
            ReportingWindow.history.filter(year=DEMO_YEAR, period=f"q{quarter}", is_open=True).update(
                history_date=window_opened_on(quarter)
            )
    ReportingWindow.objects.update_or_create(
        year=DEMO_YEAR, period="year", defaults={"is_open": False, "changed_by": staff}
    )
    seed_report_settings(staff)
    return len(REPORTS) + 1 + len(progress)


def window_opened_on(quarter: int) -> datetime.datetime:
    """When staff opened a demo quarter's window in its time: 09:00 on the day after the quarter."""
    return timezone.make_aware(datetime.datetime(DEMO_YEAR, 3 * quarter + 1, 1, 9))


# Example signatories of the year-end report: fictitious names and NIPs, to be replaced by staff.
DEMO_SIGNATORIES = [
    {
        "order": 1,
        "capacity": "Ketua Tim Pelaksana Reformasi Birokrasi",
        "position": "Sekretaris Daerah Kabupaten Pekalongan",
        "name": "Contoh Nama Sekretaris Daerah",
        "rank": "Pembina Utama Madya (IV/d)",
        "nip": "196801011990031001",
    },
]


def seed_report_settings(staff) -> None:
    if not ReportSignatory.objects.exists():
        for signatory in DEMO_SIGNATORIES:
            ReportSignatory.objects.create(**signatory)
    risk = Risk.objects.filter(edition=demo_edition(), number=1).first()
    if risk is not None:
        RiskReview.objects.get_or_create(
            risk=risk,
            year=DEMO_YEAR,
            defaults={
                "status": RiskStatus.EASING,
                "note": "Data contoh (seed_demo): sosialisasi road map kepada pimpinan Perangkat Daerah.",
                "updated_by": staff,
            },
        )


def seed_demo_plans() -> str:
    """Agency plans (plans.demo) and reports on Inspektorat's approved one: TW I verified, TW II submitted."""
    from plans import demo

    people = users()
    plan = demo.seed(DEMO_YEAR, people["organisasi"])
    own = plan.indicators.get(name=demo.OWN)
    save_report(own, "q1", "4", None, ReviewState.VERIFIED, people["inspektorat"], people["organisasi"], "")
    save_report(own, "q2", "3", None, ReviewState.SUBMITTED, people["inspektorat"], people["organisasi"], "")
    return "Agency plans: Inspektorat's approved (with reports), Bappeda's awaiting review, Diskominfo's draft, BKD none yet."
