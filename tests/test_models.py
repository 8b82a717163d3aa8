"""Invariants of the roadmap models: enforced by the database and mirrored in clean()."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from actions.models import ActionPlanGroup, ActionPlanRow, ActivityTarget, PriorityActivity, QuickWin
from areas.models import ChangeArea, Indicator, IndicatorTarget, Scale, TargetKind
from roadmap.models import Agency, AgencySpelling, RoadmapEdition

pytestmark = pytest.mark.django_db


def integrity_error(create) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


@pytest.fixture
def spip(edition):
    return Indicator.objects.get(area__edition=edition, name__startswith="Maturitas Sistem Pengendalian")


@pytest.fixture
def apip(edition):
    return Indicator.objects.get(area__edition=edition, name__startswith="Kapabilitas Aparatur Pengawas")


def test_one_target_per_item_and_year(spip):
    integrity_error(lambda: IndicatorTarget.objects.create(indicator=spip, year=2020, number=Decimal("3.6")))
    activity = PriorityActivity.objects.get(name="Promosi jabatan secara terbuka.")
    integrity_error(lambda: ActivityTarget.objects.create(activity=activity, year=2020, number=1))


def test_no_target_is_stored_as_nothing_not_zero(edition):
    integrity = Indicator.objects.get(area__edition=edition, name="Indeks Integritas")
    targets = list(integrity.targets.all())
    assert [t.year for t in targets] == [2016, 2017, 2018, 2019, 2020]
    assert all(t.number is None and t.level is None and not t.is_set for t in targets)
    assert [t.display for t in targets] == ["–"] * 5


def test_a_comparator_needs_a_value(spip):
    target = spip.targets.get(year=2016)
    target.number = None
    target.comparator = ">"
    integrity_error(target.save)


def test_target_years_are_plausible(spip):
    integrity_error(lambda: IndicatorTarget.objects.create(indicator=spip, year=20, number=1))


def test_a_level_indicator_needs_a_scale(edition):
    area = edition.areas.first()
    integrity_error(
        lambda: Indicator.objects.create(area=area, order=99, name="X", target_kind=TargetKind.LEVEL)
    )
    indicator = Indicator(area=area, order=99, name="X", target_kind=TargetKind.LEVEL)
    with pytest.raises(ValidationError) as excinfo:
        indicator.full_clean()
    assert "wajib memiliki skala" in str(excinfo.value)


def test_a_target_level_must_come_from_the_indicators_scale(apip):
    wtp = Scale.objects.get(code="opini-bpk").levels.get(code="WTP")
    target = apip.targets.get(year=2020)
    target.level = wtp
    with pytest.raises(ValidationError, match="skala indikator ini"):
        target.full_clean()


def test_an_activity_belongs_to_an_area_or_a_quick_win_not_both(edition):
    area = edition.areas.first()
    quick_win = edition.quick_wins.first()
    integrity_error(
        lambda: PriorityActivity.objects.create(area=area, quick_win=quick_win, order=99, name="X")
    )
    integrity_error(lambda: PriorityActivity.objects.create(order=99, name="X"))
    with pytest.raises(ValidationError, match="satu area perubahan atau satu quick win"):
        PriorityActivity(order=99, name="X").full_clean()


def test_activity_positions_are_unique_within_their_table(edition):
    area = edition.areas.get(slug="sdm")
    integrity_error(lambda: PriorityActivity.objects.create(area=area, order=1, name="Duplikat"))


def test_edition_years_are_ordered():
    edition = RoadmapEdition(
        regulation_number=1, regulation_year=2021, title="X", enacted_on=datetime.date(2021, 1, 1),
        start_year=2024, end_year=2021,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="Tahun akhir"):
        edition.full_clean()
    integrity_error(edition.save)


def test_a_later_roadmap_can_stand_beside_the_2020_one(edition):
    later = RoadmapEdition.objects.create(
        regulation_number=12, regulation_year=2021, title="Road Map Reformasi Birokrasi 2021-2024",
        enacted_on=datetime.date(2021, 3, 1), start_year=2021, end_year=2024,
    )  # fmt: skip
    ChangeArea.objects.create(edition=later, order=1, name="Manajemen Perubahan", slug="manajemen-perubahan")
    assert RoadmapEdition.objects.current() == later
    assert edition.areas.count() == 8
    assert Indicator.objects.of_edition(edition).count() == 15
    integrity_error(lambda: RoadmapEdition.objects.create(**{
        "regulation_number": 40, "regulation_year": 2020, "title": "Duplikat",
        "enacted_on": datetime.date(2020, 8, 18), "start_year": 2020, "end_year": 2020,
    }))  # fmt: skip


def test_a_spelling_names_one_agency():
    integrity_error(
        lambda: AgencySpelling.objects.create(agency=Agency.objects.get(code="bkd"), spelling="BKD Diklat")
    )


def test_action_plan_group_and_row_stay_in_their_area(edition):
    organisasi = edition.areas.get(slug="organisasi")
    foreign_group = ActionPlanGroup.objects.filter(area__slug="sdm").first()
    row = ActionPlanRow(area=organisasi, order=99, name="X", group=foreign_group)
    with pytest.raises(ValidationError, match="area yang sama"):
        row.full_clean()


def test_str_and_display():
    spip_2020 = IndicatorTarget.objects.get(indicator__name__startswith="Maturitas", year=2020)
    assert str(spip_2020) == "Maturitas Sistem Pengendalian Instansi Pemerintahan 2020: 3,5"
    assert spip_2020.display == "3,5"
    assert str(RoadmapEdition.objects.get()) == "Peraturan Bupati Pekalongan Nomor 40 Tahun 2020"
    assert str(QuickWin.objects.get(number=2)) == "Layanan Sistem Satu Data"
    assert str(ActionPlanGroup.objects.get(code="b.1")) == "b.1 Komponen kinerja organisasi"


def test_default_ordering_follows_the_document(edition):
    assert list(edition.areas.values_list("order", flat=True)) == list(range(1, 9))
    sdm = edition.areas.get(slug="sdm")
    assert list(sdm.activities.values_list("name", flat=True))[:2] == [
        "Perencanaan kebutuhan pegawai.",
        "Analisis Jabatan dan Analisis Beban Kerja.",
    ]
    first_rows = list(ActionPlanRow.objects.of_edition(edition).values_list("name", flat=True)[:2])
    assert first_rows == [
        "Pembentukan Tim Reformasi Birokrasi",
        "Penyusunan Road Map Reformasi Birokrasi dan Quick Wins",
    ]


def test_supported_by_reads_all_agencies_and_the_area_pokja(edition):
    inspektorat = Agency.objects.get(code="inspektorat")
    arsip = Agency.objects.get(code="dinarpus")
    rows = ActionPlanRow.objects.of_edition(edition)
    supported = set(rows.supported_by(inspektorat).values_list("name", flat=True))
    # Area 1 rows name "Perangkat Daerah terkait area perubahan": Inspektorat sits in that Pokja.
    assert "Pembentukan Tim Reformasi Birokrasi" in supported
    # Rows it leads are not counted again as supported.
    assert "Penanganan Gratifikasi" not in supported
    # The archive agency is not in the Manajemen Perubahan Pokja, but supports "Seluruh Perangkat Daerah".
    arsip_supported = set(rows.supported_by(arsip).values_list("name", flat=True))
    assert "Pembentukan Tim Reformasi Birokrasi" not in arsip_supported
    assert "Diklat penyuluh anti korupsi" in arsip_supported
