"""Monitoring pages: what they show, and query counts that stay flat as reports pile up."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from actions.models import ActionPlanRow, PlannedAction, PriorityActivity
from areas.models import Indicator
from monev.loading import load_facts
from monev.models import ActionProgress, Evidence, Realisation
from roadmap.models import Agency
from tests.conftest import FIXTURES
from tests.factories import ActionProgressFactory, EvidenceFactory, RealisationFactory
from tests.test_pages import grow

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _signed_in(client, pengarah_user):
    client.force_login(pengarah_user)


def add_reports(per_item_years=(2019, 2020)) -> None:
    """Submitted reports for every quarter of the given years on every item, each with evidence."""
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


def promosi():
    return PriorityActivity.objects.get(name="Promosi jabatan secara terbuka.")


def pages():
    return {
        "activity": promosi().get_absolute_url(),
        "indicator": Indicator.objects.get(
            name="Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah"
        ).get_absolute_url(),
        "row": ActionPlanRow.objects.get(name="Pengembangan jabatan fungsional").get_absolute_url(),
        "achievement": reverse("dashboards:achievement") + "?year=2020",
        "achievement-area": reverse("dashboards:achievement") + "?year=2020&area=" + str(promosi().area_id),
        "action-plan-progress": reverse("dashboards:action-plan-progress") + "?year=2020",
        "recap": reverse("dashboards:recap") + "?year=2020",
        "recap-agency": reverse("dashboards:recap") + "?year=2020&agency=inspektorat",
        "indicators-xlsx": reverse("areas:indicator-list") + "?_export=xlsx",
        "activities-xlsx": reverse("actions:activity-list") + "?_export=xlsx",
        "action-plan-xlsx": reverse("actions:action-plan") + "?_export=xlsx",
        "achievement-xlsx": reverse("dashboards:achievement") + "?year=2020&_export=xlsx",
    }


PINS = {
    "activity": 13,
    "indicator": 15,
    "row": 17,
    "achievement": 22,
    "achievement-area": 22,
    "action-plan-progress": 15,
    "recap": 24,
    "recap-agency": 25,
    "indicators-xlsx": 13,
    "activities-xlsx": 12,
    "action-plan-xlsx": 14,
    "achievement-xlsx": 18,
}


@pytest.mark.parametrize("page_name", list(PINS))
def test_query_count_does_not_grow_with_reports(client, django_assert_max_num_queries, page_name):
    add_reports(per_item_years=(2020,))
    with django_assert_max_num_queries(PINS[page_name]):
        assert client.get(pages()[page_name]).status_code == 200
    grow(6)
    add_reports(per_item_years=(2019, 2020))
    with django_assert_max_num_queries(PINS[page_name]):
        assert client.get(pages()[page_name]).status_code == 200


def test_activity_page_compares_quarters_with_the_target(client):
    for period, number in (("q1", 30), ("q2", 20)):
        RealisationFactory(activity=promosi(), period=period, number=number, review_state="verified")
    html = client.get(promosi().get_absolute_url()).content.decode()
    assert "jumlah TW I–II" in html  # the basis of the year's figure, in words
    assert "tahun belum lengkap" in html  # TW III and TW IV are still to come
    assert "40,00 %" in html  # 50 of 125
    assert "Sangat rendah" in html
    assert "Laporkan realisasi" not in html  # the Tim Pengarah reads only


def test_achievement_table_counts_categories_and_filters_by_agency(client):
    RealisationFactory(activity=promosi(), period="year", number=125, review_state="verified")
    bkd = Agency.objects.get(code="bkd")
    html = client.get(reverse("dashboards:achievement"), {"year": 2020, "agency": bkd.pk}).content.decode()
    assert "Promosi jabatan secara terbuka." in html
    assert "Penanganan gratifikasi." not in html
    assert "Sangat tinggi: 1" in html and "Tercapai: 1" in html
    html = client.get(reverse("dashboards:achievement"), {"year": 2020, "state": "met"}).content.decode()
    assert "Promosi jabatan secara terbuka." in html and "Audit laporan keuangan." not in html


def test_achievement_shows_the_regulations_facts_for_2019(client):
    html = client.get(reverse("dashboards:achievement"), {"year": 2019, "kind": "indicator"}).content.decode()
    assert "63,52/B" in html and "Tercapai" in html  # a grade is met or not: no percentage
    assert "100,00 %" not in html


def test_action_plan_progress_counts_what_is_done(client):
    row = ActionPlanRow.objects.get(name="Penanganan Gratifikasi")
    action = row.planned_actions.get(year=2020)
    ActionProgressFactory(
        planned_action=action, quarter=1, status="done", percent=100, review_state="verified"
    )
    html = client.get(reverse("dashboards:action-plan-progress"), {"year": 2020}).content.decode()
    assert "<strong>1 dari 103</strong>" in html


def test_facts_load_idempotently_with_their_source():
    stats = load_facts(root=FIXTURES)
    assert (stats.total("created"), stats.total("updated"), stats.total("unchanged")) == (0, 0, 2)
    sakip = Realisation.objects.get(indicator__name="Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah")
    assert (sakip.year, sakip.period, sakip.number, sakip.level.code) == (2019, "year", D("63.52"), "B")
    assert "Nilai SAKIP Tahun 2019 adalah Nilai B (63,52)" in sakip.source


def test_pages_stay_quiet_with_no_reports(client):
    Realisation.objects.all().delete()
    for url in pages().values():
        assert client.get(url).status_code == 200


def staff_pages():
    activity = promosi()
    return {
        "verification": reverse("monev:verification"),
        "windows": reverse("monev:windows"),
        "tasks": reverse("monev:tasks"),
        "history": reverse("monev:activity-history", args=[activity.pk]),
        "overview-with-task-count": reverse("actions:overview"),
        "import-template": reverse("monev:import-template") + "?agency=inspektorat&year=2020&period=q1",
        "import": reverse("monev:import"),
        "completeness": reverse("dashboards:completeness") + "?year=2020",
    }


def add_review_work(size: int) -> None:
    """Submitted reports awaiting review, open windows and reopened items, in proportion to ``size``."""
    from monev.models import ReopenedItem, ReportingWindow

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


STAFF_PINS = {
    "verification": 23,
    "windows": 19,
    "tasks": 26,
    "history": 24,
    "overview-with-task-count": 19,
    "import-template": 14,
    "import": 20,
    "completeness": 29,
}


@pytest.mark.parametrize("page_name", list(STAFF_PINS))
def test_staff_pages_query_count_does_not_grow(client, staff_user, django_assert_max_num_queries, page_name):
    client.force_login(staff_user)
    add_review_work(4)
    with django_assert_max_num_queries(STAFF_PINS[page_name]):
        assert client.get(staff_pages()[page_name]).status_code == 200
    grow(6)
    add_review_work(30)
    with django_assert_max_num_queries(STAFF_PINS[page_name]):
        assert client.get(staff_pages()[page_name]).status_code == 200
