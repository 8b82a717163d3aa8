"""An agency admin reports a quarter with evidence in the browser and sees it against the target."""

import pytest
from playwright.sync_api import expect

from tests.conftest import sign_in

pytestmark = [pytest.mark.browser]


def test_inspektorat_reports_gratification_handling_with_evidence(
    browser, live_server, demo, screenshot_dir, tmp_path
):
    page = sign_in(browser.new_context().new_page(), live_server, "inspektorat")
    evidence = tmp_path / "rekap-gratifikasi-tw1.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% rekap penanganan gratifikasi TW I 2020\n")

    page.goto(live_server.url + "/activities/?mine=on")
    page.get_by_role("link", name="Penanganan gratifikasi.").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Penanganan gratifikasi.")
    page.get_by_role("link", name="Laporkan realisasi").click()

    page.get_by_label("Tahun").select_option("2020")
    page.get_by_label("Periode").select_option(label="TW I")
    page.get_by_label("Nilai realisasi (%)").fill("150")
    page.get_by_role("button", name="Ajukan laporan").click()
    expect(page.locator("#id_number_error")).to_have_text("Persentase tidak boleh lebih dari 100.")
    page.screenshot(path=screenshot_dir / "20-report-refused.png", full_page=True)

    page.get_by_label("Nilai realisasi (%)").fill("87,5")
    page.get_by_label("Kendala").fill("Dua laporan masuk setelah batas waktu.")
    page.get_by_label("Berkas bukti dukung").set_input_files(str(evidence))
    page.screenshot(path=screenshot_dir / "21-report-form.png", full_page=True)
    page.get_by_role("button", name="Ajukan laporan").click()

    expect(page.get_by_role("alert")).to_contain_text("Realisasi TW I 2020 diajukan.")
    year_row = (
        page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="2020", exact=True)).first
    )
    expect(year_row).to_contain_text("sementara: 87,5 (87,50 %)")
    expect(year_row).to_contain_text("1 menunggu verifikasi")
    expect(page.get_by_role("link", name="rekap-gratifikasi-tw1.pdf")).to_be_visible()
    page.screenshot(path=screenshot_dir / "22-item-page-after-report.png", full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="rekap-gratifikasi-tw1.pdf").click()
    assert download.value.suggested_filename == "rekap-gratifikasi-tw1.pdf"

    # Bagian Organisasi verifies it; only then does it count in the area's table.
    staff = sign_in(browser.new_context().new_page(), live_server, "organisasi")
    staff.goto(page.url)
    staff.get_by_role("button", name="Verifikasi").first.click()
    expect(staff.get_by_role("alert")).to_contain_text("Laporan diverifikasi.")

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Penguatan Pengawasan", exact=True).click()
    page.get_by_role("link", name="Capaian area ini").click()
    row = page.get_by_role("row").filter(has_text="Penanganan gratifikasi.")
    expect(row).to_contain_text("87,50 %")
    expect(page.get_by_text("Tinggi: 1")).to_be_visible()
    page.screenshot(path=screenshot_dir / "23-area-achievement.png", full_page=True)


def test_a_steering_member_sees_no_report_buttons(browser, live_server, demo):
    page = sign_in(browser.new_context().new_page(), live_server, "pengarah")
    page.goto(live_server.url + "/achievement/")
    page.get_by_role("link", name="Penanganan gratifikasi.").click()
    expect(page.get_by_role("link", name="Laporkan realisasi")).to_have_count(0)
