"""Monitoring pages: what they show (their query counts: test_query_counts.py)."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator
from monev.loading import load_facts
from monev.models import Realisation
from roadmap.models import Agency
from tests.conftest import FIXTURES
from tests.factories import ActionProgressFactory, RealisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _signed_in(client, pengarah_user):
    client.force_login(pengarah_user)


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
