"""The next road map made in the browser: staff copy the 2020 edition to a draft 2021-2024 road map,
change an indicator's targets, add an activity and enact it; an agency reports on the new activity;
the 2020 reports stay on the 2020 pages."""

import pytest
from playwright.sync_api import expect

from monev.models import ReportingWindow
from tests.conftest import sign_in

pytestmark = [pytest.mark.browser]

SAKIP = "Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah"
NEW_ACTIVITY = "Pendampingan pelaporan LHKPN secara daring."


def shoot(page, screenshot_dir, name: str) -> None:
    page.screenshot(path=screenshot_dir / f"{name}.png", full_page=True)


def test_staff_make_and_enact_the_next_road_map_and_an_agency_reports_on_it(
    browser, live_server, demo, screenshot_dir
):
    staff = sign_in(browser.new_context().new_page(), live_server, "organisasi")
    staff.get_by_role("button", name="Road map").click()
    staff.get_by_role("link", name="Edisi dan perubahan road map").click()
    staff.get_by_role("link", name="Buat rancangan road map").click()
    expect(staff.get_by_label("Tahun mulai")).to_have_value("2021")
    staff.get_by_role("button", name="Buat rancangan").click()
    expect(staff.get_by_role("alert")).to_contain_text(
        "dibuat dari Peraturan Bupati Pekalongan Nomor 40 Tahun 2020"
    )
    expect(staff.get_by_text("Rancangan · hanya terlihat oleh staf")).to_be_visible()
    shoot(staff, screenshot_dir, "60-draft-content")

    # Nilai SAKIP gets targets for the new period, one of them refused first and kept as typed.
    areas = staff.get_by_role("navigation", name="Area perubahan")
    areas.get_by_role("link", name="7. Penguatan Akuntabilitas Kinerja").click()
    staff.get_by_role("link", name=f"Ubah {SAKIP}").click()
    staff.get_by_label("Target 2021").fill("BB")
    staff.get_by_label("Target 2022").fill("Sangat Baik")
    staff.get_by_role("button", name="Simpan").click()
    expect(staff.locator("#id_target_2022_error")).to_contain_text("tidak dikenali")
    expect(staff.get_by_label("Target 2021")).to_have_value("BB")
    shoot(staff, screenshot_dir, "61-indicator-target-refused")
    staff.get_by_label("Target 2022").fill(">70/BB")
    staff.get_by_label("Target 2023").fill("A")
    staff.get_by_role("button", name="Simpan").click()
    expect(staff.get_by_role("alert")).to_contain_text(f"Indikator “{SAKIP}” disimpan.")
    expect(staff.locator("tr", has_text=SAKIP)).to_contain_text(">70/BB")

    # A new activity in Penguatan Pengawasan, led by the Inspektorat.
    areas.get_by_role("link", name="6. Penguatan Pengawasan").click()
    section = staff.locator("section", has=staff.get_by_role("heading", name="6. Penguatan Pengawasan"))
    section.get_by_role("link", name="Tambah kegiatan").click()
    expect(staff.get_by_label("Area perubahan atau quick win").locator("option:checked")).to_have_text(
        "6. Penguatan Pengawasan"
    )
    staff.get_by_label("Kegiatan", exact=True).fill(NEW_ACTIVITY)
    staff.get_by_label("Satuan").fill("%")
    staff.get_by_label("Perangkat Daerah Pengampu").select_option(label="Inspektorat")
    staff.get_by_label("Target 2021").fill("100")
    staff.get_by_label("Target 2022").fill("100")
    shoot(staff, screenshot_dir, "62-new-activity-form")
    staff.get_by_role("button", name="Simpan").click()
    expect(staff.get_by_role("alert")).to_contain_text(NEW_ACTIVITY)

    # Checked, then enacted with the regulation's number and date.
    staff.get_by_role("link", name="periksa dan tetapkan").click()
    expect(staff.get_by_text("Tidak ada masalah: rancangan ini dapat ditetapkan.")).to_be_visible()
    staff.get_by_label("Nomor peraturan").fill("12")
    staff.get_by_label("Tahun peraturan").fill("2021")
    staff.get_by_label("Tanggal ditetapkan").fill("2021-03-01")
    staff.get_by_label("Ditetapkan di").fill("Kajen")
    shoot(staff, screenshot_dir, "63-enact")
    staff.get_by_role("button", name="Tetapkan").click()
    expect(staff.get_by_role("alert")).to_contain_text(
        "Peraturan Bupati Pekalongan Nomor 12 Tahun 2021 ditetapkan; berlaku mulai 2021."
    )
    shoot(staff, screenshot_dir, "64-enacted-edition")

    ReportingWindow.objects.create(year=2021, period="q1", is_open=True)

    # The Inspektorat finds the new activity among its tasks and reports it.
    agency = sign_in(browser.new_context().new_page(), live_server, "inspektorat")
    expect(agency.get_by_text("Peraturan Bupati Pekalongan Nomor 12 Tahun 2021").first).to_be_visible()
    agency.get_by_role("link", name="Tugas saya").click()
    agency.get_by_role("link", name=NEW_ACTIVITY).first.click()
    expect(agency.get_by_role("heading", level=1)).to_have_text(NEW_ACTIVITY)
    agency.get_by_role("link", name="Laporkan realisasi").click()
    agency.get_by_label("Tahun").select_option("2021")
    agency.get_by_label("Periode").select_option(label="TW I")
    agency.get_by_label("Nilai realisasi (%)").fill("60")
    agency.get_by_role("button", name="Ajukan laporan").click()
    expect(agency.get_by_role("alert")).to_contain_text("Realisasi TW I 2021 diajukan.")
    shoot(agency, screenshot_dir, "65-agency-reports-new-activity")

    # The 2020 reports are where they were, on the 2020 pages.
    agency.get_by_role("link", name="Ganti edisi").click()
    agency.get_by_role("link", name="Lihat Peraturan Bupati Pekalongan Nomor 40 Tahun 2020").click()
    expect(agency.get_by_text("bukan edisi yang berlaku")).to_be_visible()
    navigation = agency.get_by_role("navigation", name="Navigasi utama")
    navigation.get_by_role("button", name="Road map").click()
    navigation.get_by_role("link", name="Kegiatan Prioritas").click()
    agency.get_by_role("link", name="Promosi jabatan secara terbuka.").click()
    expect(agency.get_by_text("TW I 2020: 30")).to_be_visible()
    expect(agency.get_by_text("TW II 2020: 28")).to_be_visible()
    expect(agency.get_by_text("Road map: Peraturan Bupati Pekalongan Nomor 40 Tahun 2020")).to_be_visible()
    shoot(agency, screenshot_dir, "66-2020-reports-on-2020-page")
