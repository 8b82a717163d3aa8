"""Reading across editions: the switcher, the export, one series per carried-over indicator, and the work
of a period (tasks, the report form) following the edition in force for it (docs/editions.md)."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from actions.models import ActionPlanRow, PriorityActivity
from actions.opendata import build_export
from areas.models import Indicator
from dashboards.overview import key_indicator_series
from editions import services
from monev.models import ReportingWindow
from monev.todo import missing_reports
from tests.factories import GRATIFIKASI, RealisationFactory

pytestmark = pytest.mark.django_db

SAKIP = "Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah"
REGULATION = {
    "regulation_type": "Peraturan Bupati Pekalongan",
    "regulation_number": 12,
    "regulation_year": 2021,
    "enacted_on": datetime.date(2021, 3, 1),
}


@pytest.fixture
def next_road_map(edition, staff_user):
    """The 2021-2024 road map, copied from 2020 with a 2021 target for Nilai SAKIP, enacted."""
    draft = services.copy_edition(
        source=edition, title="Road Map RB 2021-2024", start_year=2021, end_year=2024, user=staff_user
    )
    sakip = Indicator.objects.of_edition(draft).get(name=SAKIP)
    values = {
        name: getattr(sakip, name)
        for name in (
            "area",
            "name",
            "unit",
            "target_kind",
            "scale",
            "direction",
            "aggregation",
            "data_owner",
            "is_key",
        )
    }
    services.save_indicator(
        edition=draft, indicator=sakip, values=values, cells={2021: "BB", 2022: "A"}, user=staff_user
    )
    return services.enact_edition(edition=draft, regulation=REGULATION, user=staff_user)


def test_export_roadmap_prints_the_edition_asked_for(edition, next_road_map):
    default, chosen = io.StringIO(), io.StringIO()
    call_command("export_roadmap", stdout=default)
    call_command("export_roadmap", "--edition", str(edition.pk), stdout=chosen)
    assert json.loads(default.getvalue())["regulation"]["number"] == 12
    assert json.loads(chosen.getvalue()) == json.loads(json.dumps(build_export(edition)))


def test_the_open_data_export_takes_an_edition_and_defaults_to_the_one_in_force(
    client, edition, next_road_map
):
    assert client.get(reverse("actions:export-json")).json()["regulation"]["number"] == 12
    older = client.get(reverse("actions:export-json"), {"edition": edition.pk}).json()
    assert older["regulation"] == {"number": 40, "year": 2020, "title": edition.title}
    assert client.get(reverse("actions:export-json"), {"edition": "x"}).status_code == 404


def test_pages_show_the_edition_in_force_and_any_other_on_request(
    client, edition, next_road_map, pengarah_user
):
    client.force_login(pengarah_user)
    page = client.get(reverse("actions:overview")).content.decode()
    assert str(next_road_map) in page and "bukan edisi yang berlaku" not in page
    older = client.get(reverse("actions:overview"), {"edition": edition.pk}).content.decode()
    assert "Nomor 40 Tahun 2020" in older and "bukan edisi yang berlaku" in older
    # Its links stay on the 2020 road map.
    assert f'href="{reverse("dashboards:dashboard")}?edition={edition.pk}"' in older
    assert (
        f'name="edition" value="{edition.pk}"'
        in client.get(reverse("areas:indicator-list"), {"edition": edition.pk}).content.decode()
    )


def test_reports_of_2020_stay_on_the_2020_pages(client, edition, next_road_map, pengarah_user):
    activity = PriorityActivity.objects.of_edition(edition).get(name=GRATIFIKASI)
    RealisationFactory(activity=activity, period="year", number=93, review_state="verified")
    client.force_login(pengarah_user)
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "Tahunan 2020: 93" in page and "Nomor 40 Tahun 2020" in page
    achievement = client.get(reverse("dashboards:achievement"), {"edition": edition.pk, "year": 2020})
    assert "93" in achievement.content.decode()


def test_a_carried_over_indicator_is_one_series_on_its_page_and_on_the_dashboard(
    client, edition, next_road_map, pengarah_user
):
    old = Indicator.objects.of_edition(edition).get(name=SAKIP)
    RealisationFactory(
        indicator=old,
        period="year",
        level=old.scale.levels.get(code="BB"),
        number=None,
        review_state="verified",
    )
    new = Indicator.objects.of_edition(next_road_map).get(name=SAKIP)
    chart = next(c for c in key_indicator_series(next_road_map, 2022) if c["name"] == SAKIP)
    assert chart["years"] == ["2016", "2017", "2018", "2019", "2020", "2021", "2022"]
    assert chart["target"] == ["C", "CC", "B", "B", "BB", "BB", "A"]
    assert chart["verified"][4] == "BB"  # the 2020 report, made on the 2020 indicator
    older_chart = next(c for c in key_indicator_series(edition, 2020) if c["name"] == SAKIP)
    assert older_chart["years"] == ["2016", "2017", "2018", "2019", "2020"]  # a series looks back only
    client.force_login(pengarah_user)
    page = client.get(new.get_absolute_url()).content.decode()
    assert "Deret lintas road map" in page
    assert old.get_absolute_url() in page


def test_tasks_follow_the_edition_in_force_for_the_period(
    edition, staff_user, inspektorat_user, next_road_map
):
    ReportingWindow.objects.create(year=2021, period="q1", is_open=True)
    missing = missing_reports(inspektorat_user.profile)
    editions = {m.item.area.edition_id for m in missing if getattr(m.item, "area_id", None)}
    assert editions == {next_road_map.pk}
    rows = [m.item for m in missing if isinstance(m.item, ActionPlanRow)]
    assert rows and all(row.area.edition_id == next_road_map.pk for row in rows)


def test_before_the_next_road_map_the_2020_plan_answers_for_2021(edition, inspektorat_user):
    ReportingWindow.objects.create(year=2021, period="q1", is_open=True)
    rows = [m.item for m in missing_reports(inspektorat_user.profile) if isinstance(m.item, ActionPlanRow)]
    assert rows and all(row.area.edition_id == edition.pk for row in rows)


def test_a_2020_row_is_not_reported_for_a_year_the_next_road_map_answers_for(
    client, edition, next_road_map, inspektorat_user
):
    row = ActionPlanRow.objects.of_edition(edition).get(name="Penanganan Gratifikasi")
    client.force_login(inspektorat_user)
    form = client.get(reverse("monev:action-progress", args=[row.pk]))
    assert form.status_code == 200
    years = form.context["forms"].period.fields["year"].choices
    assert [int(value) for value, _ in years] == [2020]
