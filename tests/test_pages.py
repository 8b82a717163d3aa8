"""Every read-only page: it answers and shows what a reader expects (query counts: test_query_counts.py)."""

import pytest
from django.urls import reverse

from actions.models import ActionPlanRow, PriorityActivity
from roadmap.models import Agency, RoadmapEdition
from tests.growth import grow

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _signed_in(client, pengarah_user):
    """Every page needs a login: read them as the most restricted role, the Tim Pengarah."""
    client.force_login(pengarah_user)


def area_url(slug: str) -> str:
    return RoadmapEdition.objects.current().areas.get(slug=slug).get_absolute_url()


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_overview_lists_the_eight_areas_with_their_counts(client):
    html = page(client, reverse("actions:overview"))
    assert "Road Map Reformasi Birokrasi Kabupaten Pekalongan Tahun 2020" in html
    assert "Peraturan Bupati Pekalongan Nomor 40 Tahun 2020" in html
    for name in ["Manajemen Perubahan", "Penguatan Pengawasan", "Peningkatan Kualitas Pelayanan Publik"]:
        assert name in html
    assert 'aria-label="11 rencana aksi area Penguatan Pengawasan"' in html
    assert 'aria-label="8 indikator area Penguatan Pengawasan"' in html
    assert "Kajen Satu Data" in html


def test_area_page_shows_results_pokja_targets_activities_and_action_plan(client):
    html = page(client, area_url("pengawasan"))
    assert "Meningkatnya opini Wajar Tanpa Pengecualian dari Badan Pemeriksa Keuangan." in html
    assert "Kelompok Kerja Area Penguatan Pengawasan" in html
    assert "3 Dengan Catatan" in html and "3,5" in html
    assert "Tabel 5.2 Kegiatan Prioritas Untuk Penguatan Pengawasan" in html
    assert "tidak disebut" in html  # the empty Perangkat Daerah Pengampu cells
    assert "Asistensi dan assesment oleh TPI" in html


def test_area_page_shows_action_plan_groups_in_document_order(client):
    html = page(client, area_url("sdm"))
    positions = [html.index(text) for text in ["a. Umum", "b. Proses Pelaksanaan Remunerasi", "b.1 Komponen kinerja organisasi", "b.2 Komponen Kinerja Individu"]]  # fmt: skip
    assert positions == sorted(positions)
    assert "3.900" in html  # Pengembangan pegawai berbasis kompetensi, 2016


def test_area_without_tables_says_so(client):
    html = page(client, area_url("pelayanan-publik"))
    assert "tidak menetapkan tabel target indikator" in html
    assert "5. Kegiatan pengembangan inovasi pelayanan publik" in html


def test_area_without_pokja_says_so(client):
    assert "tidak mencantumkan Kelompok Kerja" in page(client, area_url("akuntabilitas"))


def test_unknown_pages_are_404(client):
    assert client.get("/areas/999999/").status_code == 404
    assert client.get("/agencies/tidak-ada/").status_code == 404
    assert client.get("/activities/999999/").status_code == 404
    assert client.get("/action-plan/999999/").status_code == 404
    assert client.get("/roadmap/export/nothing.csv").status_code == 404


def test_indicator_list_filters_by_area_and_kind(client):
    edition = RoadmapEdition.objects.current()
    html = page(
        client,
        reverse("areas:indicator-list")
        + f"?area={edition.areas.get(slug='pengawasan').pk}&target_kind=level",
    )
    assert "Kapabilitas Aparatur Pengawas Intern Pemerintahan" in html
    assert "Opini Badan Pemeriksa Keuangan" in html
    assert "Indeks Reformasi Birokrasi" not in html
    assert "2 baris" in html


def test_activity_list_finds_activities_without_an_agency(client):
    html = page(client, reverse("actions:activity-list") + "?no_agency=true")
    assert "Pembangunan Zona Integritas" in html
    assert "Promosi jabatan secara terbuka." not in html
    assert "6 baris" in html


def test_activity_list_includes_quick_win_tables(client):
    html = page(client, reverse("actions:activity-list") + "?q=inovasi")
    assert "Quick win: Satu Perangkat Daerah Satu Inovasi" in html
    assert "Pengiriman hasil inovasi" in html


def test_action_plan_list_filters_by_lead_agency_and_searches_actions(client):
    bkd = Agency.objects.get(code="bkd")
    html = page(client, reverse("actions:action-plan") + f"?lead={bkd.pk}")
    assert "Diklat penyuluh anti korupsi" in html
    assert "Evaluasi kelembagaan" not in html
    html = page(client, reverse("actions:action-plan") + "?q=LAPOR+SIP")
    assert "Pembangunan sistem aplikasi pelayanan publik yang terintegrasi" in html
    assert "1 baris" in html


def test_activity_and_action_row_pages(client):
    activity = PriorityActivity.objects.get(name="Promosi jabatan secara terbuka.")
    html = page(client, activity.get_absolute_url())
    assert "Badan Kepegawaian Daerah dan Diklat" in html and "125" in html and "Jumlah triwulan" in html
    row = ActionPlanRow.objects.get(name="Penetapan nilai-nilai Budaya Kerja")
    html = page(client, row.get_absolute_url())
    assert "Rencana aksi 2021" in html
    assert "Tidak ada rencana aksi untuk tahun ini." in html


def test_agency_pages(client):
    html = page(client, reverse("actions:agency-list"))
    assert "Badan Kepegawaian Daerah dan Diklat" in html
    html = page(client, reverse("actions:agency-list") + "?q=BKD+Diklat")
    assert "1 baris" in html  # found through the spelling the document uses
    html = page(client, Agency.objects.get(code="bkd").get_absolute_url())
    # The document's other names for it, but not its slips ("... dan Diklat dan Diklat").
    assert "“BKD Diklat”" in html and "Diklat dan Diklat" not in html
    assert "Promosi jabatan secara terbuka." in html
    assert "Pengembangan jabatan fungsional" in html
    assert "Kelompok Kerja" in html and "Manajemen Perubahan" in html
    assert "Kepala Badan Kepegawaian Daerah dan Diklat" in html


def test_quick_wins_teams_risks_and_regulation(client):
    html = page(client, reverse("actions:quick-win-list"))
    assert "Mall Pelayanan Publik (MPP)" in html and "Pengintegrasian Data" in html
    html = page(client, reverse("roadmap:team-list"))
    assert "Ketua Tim Pengarah" in html and "Sekretaris Tim Pelaksana merangkap anggota" in html
    assert "Kelompok Kerja Area Penataan Sistem Manaemen SDM" in html
    html = page(client, reverse("roadmap:risk-list"))
    assert "Bentuk task force, untuk memacu keberhasilan program Reformasi Birokrasi." in html
    html = page(client, reverse("roadmap:regulation"))
    assert html.index("Menimbang") < html.index("Mengingat") < html.index("Dasar Hukum")
    assert (
        "Peraturan Menteri Pendayagunaan Aparatur Negara Dan Reformasi Birokrasi Nomor 25 Tahun 2020" in html
    )
    assert "SOTK 2011" in html and "Tabel 5.4. Pelaporan dan Tindak Lanjut Hasil Evaluasi" in html
    assert "Mental Aparatur atau Pola Pikir" in html


def test_without_a_roadmap_pages_explain_how_to_load_it(client):
    from monev.models import Realisation

    Realisation.objects.all().delete()  # reports protect what they report on
    RoadmapEdition.objects.all().delete()
    response = client.get(reverse("actions:overview"))
    assert response.status_code == 503
    assert "python manage.py load_roadmap" in response.content.decode()


def test_pages_are_in_indonesian(client):
    html = page(client, reverse("actions:overview"))
    assert '<html lang="id">' in html
    assert "Ringkasan" in html and "Data Terbuka" in html


def test_long_lists_are_paged_in_indonesian(client):
    grow(8)  # 64 more indicators: two pages of 50
    html = page(client, reverse("areas:indicator-list"))
    assert "berikutnya" in html and 'aria-label="Navigasi halaman tabel"' in html
    assert ">\n                        next" not in html and "Table navigation" not in html
    second = page(client, reverse("areas:indicator-list") + "?page=2")
    assert "sebelumnya" in second and "Indikator uji 107" in second


def test_the_overview_counts_each_area_s_items_and_rows(client, pengarah_user):
    """Counted one relation at a time (roadmap/counting.py), not by joining all three: the numbers
    are each area's own, also for an area with none of some kind."""
    from django.urls import reverse

    client.force_login(pengarah_user)
    areas = client.get(reverse("actions:overview")).context["areas"]
    assert len(areas) == 8
    for area in areas:
        assert (area.indicator_count, area.activity_count, area.action_row_count) == (
            area.indicators.count(),
            area.activities.count(),
            area.action_rows.count(),
        )
    assert any(area.indicator_count for area in areas) and any(area.action_row_count for area in areas)


def test_the_agency_list_counts_each_agency_s_activities_rows_and_pokja_seats(client):
    """Each count is the agency's own in the edition shown (roadmap/counting.py): joining the three
    relations would multiply them for an agency that leads rows and activities and sits in a Pokja."""
    from django.urls import reverse

    from actions.models import ActionPlanRow, PriorityActivity
    from areas.models import PokjaMembership

    response = client.get(reverse("actions:agency-list"))
    edition = response.context["view"].edition
    agencies = list(response.context["table"].data.data)  # every agency, not only the first page
    for agency in agencies:
        assert (agency.activity_count, agency.action_row_count, agency.pokja_count) == (
            PriorityActivity.objects.of_edition(edition).led_by(agency).count(),
            ActionPlanRow.objects.of_edition(edition).led_by(agency).count(),
            PokjaMembership.objects.filter(area__edition=edition, agency=agency).count(),
        ), agency.code
    busy = [a for a in agencies if a.activity_count and a.action_row_count and a.pokja_count]
    assert busy, "the road map has agencies with all three"
