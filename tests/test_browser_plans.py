"""An agency's own plan in the browser (issue 17): BKD drafts a plan with one standard and one own
indicator, staff approve it, BKD reports a quarter, staff verify it, and the ranking of agencies moves."""

import pytest
from playwright.sync_api import expect

from tests.conftest import sign_in

pytestmark = [pytest.mark.browser]


def ranking_order(page, live_server) -> list[str]:
    page.goto(live_server.url + "/agency-plans/ranking/?year=2020")
    return [name.strip() for name in page.locator("tbody tr td:nth-child(2) a").all_inner_texts()]


def test_an_agency_plan_from_draft_to_ranking(new_context, live_server, demo, screenshot_dir):
    from plans.models import StandardIndicator

    # The Pokja's template of this test: one standard indicator.
    StandardIndicator.objects.exclude(name="Persentase pegawai yang mengikuti internalisasi RB").update(
        is_published=False
    )
    agency = sign_in(new_context().new_page(), live_server, "bkd")
    staff = sign_in(new_context().new_page(), live_server, "organisasi")

    # 1. BKD draws up its plan: the standard indicator's targets, an activity and its own indicator.
    agency.goto(live_server.url + "/agency-plans/")
    agency.get_by_label("Periode").select_option("2020")
    agency.get_by_role("button", name="Buat draf").click()
    expect(agency.get_by_role("alert")).to_contain_text("dibuat sebagai draf")
    agency.get_by_role("link", name="Isi target Persentase pegawai yang mengikuti internalisasi RB").click()
    agency.get_by_label("Target 2020").fill("80")
    agency.get_by_label("Target 2021").fill("90")
    agency.get_by_role("button", name="Simpan").click()
    agency.get_by_role("link", name="Tambah kegiatan").click()
    agency.get_by_label("Area perubahan").select_option(label="Penataan Peraturan Perundang-Undangan")
    agency.get_by_label("Kegiatan", exact=True).fill("Reviu SOP pelayanan kepegawaian")
    agency.get_by_label("Unit pelaksana").fill("Bidang Mutasi")
    agency.get_by_role("button", name="Simpan").click()
    agency.get_by_role("link", name="Tambah indikator").click()
    agency.get_by_label("Indikator", exact=True).fill("Jumlah SOP yang direviu")
    agency.get_by_label("Satuan").fill("SOP")
    agency.get_by_label("Rekap tahunan").select_option(label="Jumlah triwulan")
    agency.get_by_label("Target 2020").fill("10")
    agency.get_by_label("Target 2021").fill("12")
    agency.get_by_role("button", name="Simpan").click()
    agency.get_by_role("button", name="Ajukan ke Bagian Organisasi").click()
    expect(agency.get_by_role("alert")).to_contain_text("diajukan")
    agency.screenshot(path=screenshot_dir / "70-plan-submitted.png", full_page=True)
    plan_url = agency.url

    # 2. Staff approve it; it enters the ranking with no figure yet, below Inspektorat's.
    staff.goto(plan_url)
    staff.get_by_label("Setujui").check()
    staff.get_by_role("button", name="Simpan keputusan").click()
    expect(staff.get_by_role("alert")).to_contain_text("disetujui")
    assert ranking_order(staff, live_server) == ["Inspektorat", "BKD dan Diklat"]

    # 3. BKD reports TW I 2020 of its own indicator.
    agency.goto(plan_url)
    agency.get_by_role("link", name="Jumlah SOP yang direviu").click()
    agency.get_by_role("link", name="Laporkan realisasi").click()
    agency.get_by_label("Periode").select_option("q1")
    agency.get_by_label("Nilai realisasi (SOP)").fill("10")
    agency.get_by_role("button", name="Ajukan laporan").click()
    expect(agency.get_by_role("alert")).to_contain_text("diajukan")

    # 4. Staff verify it in the same queue as the road map's reports; BKD now leads the ranking.
    staff.goto(live_server.url + "/verification/")
    row = staff.get_by_role("row").filter(has_text="Jumlah SOP yang direviu")
    expect(row).to_contain_text("Rencana aksi PD · BKD dan Diklat")
    row.get_by_role("checkbox").check()
    staff.get_by_role("button", name="Verifikasi terpilih").click()
    expect(staff.get_by_role("alert")).to_contain_text("diverifikasi")
    assert ranking_order(staff, live_server) == ["BKD dan Diklat", "Inspektorat"]
    staff.screenshot(path=screenshot_dir / "71-plan-ranking.png", full_page=True)
