"""More data of every kind, for checking that pages do not slow down as it piles up.

``grow`` adds roadmap items to every area; the ``add_*`` helpers add reports, progress, evidence,
reporting windows and reopened items in bulk (on whatever items exist, grown ones included).
tests/test_query_counts.py measures each pinned page before and after.
"""

from decimal import Decimal as D

from actions.models import ActionPlanLead, ActionPlanRow, ActivityTarget, PlannedAction, PriorityActivity
from areas.models import Indicator, IndicatorTarget
from monev.models import ActionProgress, Evidence, Realisation, ReopenedItem, ReportingWindow
from roadmap.models import Agency, RoadmapEdition
from tests.factories import ActionProgressFactory, EvidenceFactory, RealisationFactory


def grow(n: int) -> None:
    """Add n indicators, activities and action-plan rows (with targets, leads and actions) to every area."""
    edition = RoadmapEdition.objects.current()
    inspektorat, bkd = Agency.objects.get(code="inspektorat"), Agency.objects.get(code="bkd")
    for area in edition.areas.all():
        for i in range(100, 100 + n):
            indicator = Indicator.objects.create(
                area=area, order=i, name=f"Indikator uji {i}", target_kind="number"
            )
            IndicatorTarget.objects.bulk_create(
                IndicatorTarget(indicator=indicator, year=y, number=i) for y in range(2016, 2021)
            )
            activity = PriorityActivity.objects.create(
                area=area, order=i, name=f"Kegiatan uji {i}", agency=inspektorat
            )
            ActivityTarget.objects.bulk_create(
                ActivityTarget(activity=activity, year=y, number=i) for y in range(2016, 2021)
            )
            row = ActionPlanRow.objects.create(
                area=area, order=i, name=f"Rencana uji {i}", support_scope="all"
            )
            ActionPlanLead.objects.create(row=row, agency=inspektorat, order=1)
            ActionPlanLead.objects.create(row=row, agency=bkd, order=2)
            PlannedAction.objects.bulk_create(
                PlannedAction(row=row, year=y, order=o, text=f"Aksi {o}") for y in (2020, 2021) for o in (1, 2)
            )  # fmt: skip


def add_reports(per_item_years=(2019, 2020)) -> None:
    """Verified reports for every quarter of the given years on every item, each with evidence."""
    reports = []
    for activity in PriorityActivity.objects.all():
        for year in per_item_years:
            reports += [
                RealisationFactory.build(
                    activity=activity, year=year, period=period, number=D(10), review_state="verified"
                )
                for period in ("q1", "q2", "q3", "q4")
            ]
    for indicator in Indicator.objects.filter(target_kind="number"):
        reports += [
            RealisationFactory.build(
                indicator=indicator, year=year, period="year", number=D(50), review_state="verified"
            )
            for year in per_item_years
        ]
    existing = set(Realisation.objects.values_list("activity_id", "indicator_id", "year", "period"))
    reports = [r for r in reports if (r.activity_id, r.indicator_id, r.year, r.period) not in existing]
    created = Realisation.objects.bulk_create(reports)
    Evidence.objects.bulk_create(
        EvidenceFactory.build(realisation=r, link="https://example.org/bukti") for r in created
    )
    bkd = Agency.objects.get(code="bkd")
    ActionProgress.objects.bulk_create(
        [
            ActionProgressFactory.build(planned_action=action, quarter=quarter, contributor=contributor,
                                        status=status, percent=percent, review_state="verified")
            for action in PlannedAction.objects.all()
            for quarter in (1, 2)
            for contributor, status, percent in ((None, "in_progress", 50), (bkd, "done", 100))
        ],
        ignore_conflicts=True,
    )  # fmt: skip


def add_many_reports() -> None:
    """Reports in every state on every activity and indicator, progress on every planned action, windows."""
    states = ["verified", "submitted", "returned", "draft"]
    reports = [
        RealisationFactory.build(
            activity=activity, year=2020, period=period, number=D(n), review_state=states[n % 4]
        )
        for n, activity in enumerate(PriorityActivity.objects.all())
        for period in ("q1", "q2", "q3", "q4")
    ]
    reports += [
        RealisationFactory.build(
            indicator=indicator, year=year, period="year", number=D(50), review_state="verified"
        )
        for indicator in Indicator.objects.filter(target_kind="number")
        for year in (2019, 2020)
    ]
    existing = set(Realisation.objects.values_list("activity_id", "indicator_id", "year", "period"))
    reports = [r for r in reports if (r.activity_id, r.indicator_id, r.year, r.period) not in existing]
    Evidence.objects.bulk_create(
        EvidenceFactory.build(realisation=r, link="https://example.org/bukti")
        for r in Realisation.objects.bulk_create(reports)
    )
    bkd = Agency.objects.get(code="bkd")
    ActionProgress.objects.bulk_create(
        [
            ActionProgressFactory.build(planned_action=action, quarter=quarter, contributor=contributor,
                                        status=status, percent=percent,
                                        review_state=states[(action.pk + quarter) % 4])
            for action in PlannedAction.objects.all()
            for quarter in (1, 2, 3)
            for contributor, status, percent in ((None, "in_progress", 50), (bkd, "done", 100))
        ],
        ignore_conflicts=True,
    )  # fmt: skip
    for period in ("q1", "q2", "q3", "q4", "year"):
        window, _ = ReportingWindow.objects.get_or_create(year=2020, period=period)
        for is_open in (True, False, True):
            window.is_open = is_open
            window.save()


def add_review_work(size: int) -> None:
    """Submitted reports awaiting review, open windows and reopened items, in proportion to ``size``."""
    for n, activity in enumerate(PriorityActivity.objects.all()[:size]):
        report, _ = Realisation.objects.update_or_create(
            activity=activity, year=2018, period="q1", defaults={"number": D(n), "review_state": "submitted"}
        )
        report.number = D(n + 1)
        report.save()  # a second history record
    for period in ("q1", "q2", "q3", "q4")[: max(1, size // 8)]:
        window, _ = ReportingWindow.objects.get_or_create(
            year=2019, period=period, defaults={"is_open": True}
        )
    closed, _ = ReportingWindow.objects.get_or_create(year=2017, period="year")
    for activity in PriorityActivity.objects.all()[:size]:
        ReopenedItem.objects.get_or_create(window=closed, activity=activity, defaults={"reason": "uji"})
