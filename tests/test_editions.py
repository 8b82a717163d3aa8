"""Editions made in the application: copying, checking, enacting, the edition in force (docs/editions.md)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from actions.models import ActionPlanRow, PriorityActivity
from actions.opendata import build_export
from areas.models import Indicator
from editions import services
from editions.checks import check_edition
from roadmap.models import Agency, EditionStatus, RoadmapEdition

pytestmark = pytest.mark.django_db

OPINI = "Opini Badan Pemeriksa Keuangan atas lap. Keuangan"
SAKIP = "Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah"
REGULATION = {
    "regulation_type": "Peraturan Bupati Pekalongan",
    "regulation_number": 12,
    "regulation_year": 2021,
    "enacted_on": datetime.date(2021, 3, 1),
}


def without_identity(export: dict) -> dict:
    """An export apart from what names the regulation (number, year, title)."""
    return {key: value for key, value in export.items() if key != "regulation"}


def draft_2021(edition, staff_user, **kwargs) -> RoadmapEdition:
    return services.copy_edition(
        source=edition,
        title="Road Map Reformasi Birokrasi Kabupaten Pekalongan Tahun 2021-2024",
        start_year=2021,
        end_year=2024,
        user=staff_user,
        **kwargs,
    )


def test_a_copy_of_an_edition_exports_as_the_same_road_map(edition, staff_user):
    copy = services.copy_edition(
        source=edition, title=edition.title, start_year=2020, end_year=2020, all_years=True, user=staff_user
    )
    assert copy.is_draft and copy.copied_from == edition
    assert without_identity(build_export(copy)) == without_identity(build_export(edition))


def test_copied_items_keep_a_link_to_the_item_they_were_copied_from(edition, staff_user):
    copy = draft_2021(edition, staff_user)
    sakip = Indicator.objects.of_edition(copy).get(name=SAKIP)
    assert sakip.predecessor.area.edition == edition
    assert sakip.predecessor.name == sakip.name
    rows = ActionPlanRow.objects.of_edition(copy)
    assert all(row.predecessor.area.edition_id == edition.pk for row in rows)
    assert rows.count() == ActionPlanRow.objects.of_edition(edition).count()


def test_a_copy_for_a_new_period_leaves_the_old_years_targets_behind(edition, staff_user):
    copy = draft_2021(edition, staff_user)
    years = set(Indicator.objects.of_edition(copy).values_list("targets__year", flat=True)) - {None}
    assert years == set()  # the 2020 tables hold 2016-2020 only
    plan_years = set(ActionPlanRow.objects.of_edition(copy).values_list("planned_actions__year", flat=True))
    assert plan_years - {None} == {2021}  # the 2020 action plan's 2021 column carries over


def test_drafts_are_never_the_edition_in_force(edition, staff_user):
    draft_2021(edition, staff_user)
    assert RoadmapEdition.objects.current() == edition
    assert list(RoadmapEdition.objects.visible_to(None)) == [edition]


def test_an_enacted_edition_is_in_force_from_its_start_year(edition, staff_user):
    draft = draft_2021(edition, staff_user)
    services.enact_edition(edition=draft, regulation=REGULATION, user=staff_user)
    draft.refresh_from_db()
    assert draft.status == EditionStatus.ENACTED
    assert RoadmapEdition.objects.current(2020) == edition
    assert RoadmapEdition.objects.current(2019) == edition  # before every edition: the earliest
    assert RoadmapEdition.objects.current(2022) == draft
    assert RoadmapEdition.objects.in_force_by_year([2019, 2020, 2021, 2030]) == {
        2019: edition.pk,
        2020: edition.pk,
        2021: draft.pk,
        2030: draft.pk,
    }


@override_settings(TIME_ZONE="Asia/Jakarta")
def test_the_python_and_database_forms_of_in_force_agree(edition, staff_user):
    later = draft_2021(edition, staff_user)
    services.enact_edition(edition=later, regulation=REGULATION, user=staff_user)
    by_year = RoadmapEdition.objects.in_force_by_year(range(2015, 2027))
    assert by_year == {year: RoadmapEdition.objects.current(year).pk for year in range(2015, 2027)}


def test_a_draft_with_an_empty_area_or_an_item_nobody_reports_is_not_enacted(edition, staff_user):
    draft = draft_2021(edition, staff_user)
    area = draft.areas.get(slug="pengawasan")
    Indicator.objects.filter(area=area).delete()
    PriorityActivity.objects.filter(area=area).delete()
    ActionPlanRow.objects.filter(area=area).delete()
    activity = PriorityActivity.objects.of_edition(draft).filter(area__isnull=False).first()
    activity.agency = None
    activity.save()
    result = check_edition(draft)
    messages = [f"{f.where}: {f.message}" for f in result.problems]
    assert any(area.name in m and "kosong" in m for m in messages)
    assert any(activity.name in m and "Pengampu" in m for m in messages)
    with pytest.raises(ValidationError, match="2 masalah"):
        services.enact_edition(edition=draft, regulation=REGULATION, user=staff_user)
    draft.refresh_from_db()
    assert draft.is_draft


def test_a_target_that_does_not_read_is_a_problem(edition, staff_user):
    draft = draft_2021(edition, staff_user, all_years=True)
    target = Indicator.objects.of_edition(draft).get(name=OPINI).targets.get(year=2020)
    target.as_written = "Wajar Sekali"
    target.save()
    problems = check_edition(draft).problems
    assert [p.message for p in problems if OPINI in p.where] == [
        "Target 2020 “Wajar Sekali”: Target 'Wajar Sekali' tidak dikenali: 'Wajar Sekali' bukan angka atau tingkat pada skala."
    ]


def test_targets_of_every_kind_are_written_as_typed(edition, staff_user):
    draft = draft_2021(edition, staff_user)
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
        edition=draft,
        indicator=sakip,
        values=values,
        cells={2021: ">70/BB", 2022: "A", 2023: "-", 2024: ""},
        user=staff_user,
    )
    targets = {t.year: t for t in sakip.targets.all()}
    assert targets[2021].comparator == ">" and targets[2021].number == 70 and targets[2021].level.code == "BB"
    assert targets[2022].display == "A"
    assert not targets[2023].is_set and targets[2023].as_written == "-"
    assert 2024 not in targets  # nothing written: no cell


def test_an_enacted_edition_is_changed_only_through_an_amendment(edition, staff_user):
    indicator = Indicator.objects.of_edition(edition).get(name=OPINI)
    values = {"area": indicator.area, "name": "Opini BPK atas laporan keuangan"}
    with pytest.raises(ValidationError, match="pilih perubahan"):
        services.save_indicator(
            edition=edition, indicator=indicator, values=values, cells={}, user=staff_user
        )


def test_a_new_area_is_numbered_last_and_gets_a_slug_of_its_own(edition, staff_user):
    draft = draft_2021(edition, staff_user)
    inspektorat = Agency.objects.get(code="inspektorat")
    area = services.save_area(
        edition=draft, area=None, name="Penguatan Budaya Kerja", pokja=[inspektorat], user=staff_user
    )
    assert area.order == 9
    assert area.slug == "penguatan-budaya-kerja"
    assert [m.agency for m in area.pokja_memberships.all()] == [inspektorat]


def test_staff_add_an_activity_to_a_draft_in_the_form(client, edition, staff_user):
    draft = draft_2021(edition, staff_user)
    area = draft.areas.get(slug="pengawasan")
    client.force_login(staff_user)
    url = reverse("editions:activity-create", args=[draft.pk])
    form = client.get(url, {"area": area.pk})
    assert f'<option value="area-{area.pk}" selected>' in form.content.decode()
    response = client.post(
        url,
        {
            "parent": f"area-{area.pk}",
            "name": "Pendampingan LHKPN daring.",
            "unit": "%",
            "direction": "higher",
            "aggregation": "latest",
            "agency": Agency.objects.get(code="inspektorat").pk,
            "target_2021": "100",
            "target_2022": "3.900",
        },
    )
    assert response.status_code == 302
    activity = PriorityActivity.objects.of_edition(draft).get(name="Pendampingan LHKPN daring.")
    content = reverse("editions:content", args=[draft.pk])
    assert response.url == f"{content}?area={area.pk}#activity-{activity.pk}"  # the area's own tab
    assert activity.area == area and activity.order == PriorityActivity.objects.filter(area=area).count()
    assert {t.year: t.display for t in activity.targets.all()} == {2021: "100", 2022: "3.900"}
