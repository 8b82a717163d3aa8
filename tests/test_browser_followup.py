"""The follow-up register in two browsers: staff issue a finding, the agency answers it with a file as
evidence, staff return it once and then verify it closed; its state follows on every page."""

import pytest
from playwright.sync_api import expect

from tests.conftest import sign_in
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser]

PDF = b"%PDF-1.4\n% SK penetapan SOP gratifikasi\n"


def test_a_finding_is_issued_answered_with_evidence_and_closed(
    new_context, live_server, roadmap_tx, settings, screenshot_dir, tmp_path
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    UserFactory(username="organisasi", role="staff", first_name="Dewi")
    UserFactory(username="inspektorat", role="agency_admin", agency="inspektorat", first_name="Agus")
    UserFactory(username="bkd", role="agency_admin", agency="bkd")

    # 1. Staff add a direction of the Tim Pengarah for Inspektorat.
    staff = sign_in(new_context().new_page(), live_server, "organisasi", PASSWORD)
    staff.goto(live_server.url + "/tindak-lanjut/")
    staff.get_by_role("link", name="Tambah temuan").click()
    staff.get_by_label("Uraian temuan").fill("Arahan Tim Pengarah: terapkan SOP pengendalian gratifikasi.")
    staff.get_by_label("Perangkat daerah penanggung jawab").select_option(label="Inspektorat")
    staff.get_by_label("Rekomendasi tindak lanjut").fill("Tetapkan SOP dengan keputusan kepala daerah.")
    staff.get_by_role("button", name="Terbitkan temuan").click()
    expect(staff.get_by_role("alert")).to_contain_text("Temuan ditambahkan")
    expect(staff.locator("#status-temuan")).to_have_text("Terbuka")
    finding_url = staff.url

    # 2. Another agency never learns it exists; Inspektorat finds it in Tugas saya and answers it.
    other = sign_in(new_context().new_page(), live_server, "bkd", PASSWORD)
    assert other.goto(finding_url).status == 404
    agency = sign_in(new_context().new_page(), live_server, "inspektorat", PASSWORD)
    agency.get_by_role("link", name="Tugas saya").click()
    agency.get_by_role("link", name="Arahan Tim Pengarah: terapkan SOP").click()
    agency.get_by_label("Langkah tindak lanjut").fill("SOP disusun dan ditetapkan.")
    agency.get_by_label("Tindak lanjut sudah selesai: ajukan untuk diverifikasi").check()
    agency.get_by_role("button", name="Simpan langkah").click()
    expect(agency.locator("#id_finished_error")).to_contain_text("Lampirkan bukti dukung")
    expect(agency.get_by_label("Langkah tindak lanjut")).to_have_value("SOP disusun dan ditetapkan.")
    evidence = tmp_path / "sk-sop.pdf"
    evidence.write_bytes(PDF)
    agency.get_by_label("Berkas bukti dukung").set_input_files(evidence)
    agency.get_by_role("button", name="Simpan langkah").click()
    expect(agency.get_by_role("alert")).to_contain_text("diajukan untuk diverifikasi")
    expect(agency.get_by_role("link", name="sk-sop.pdf")).to_be_visible()
    agency.screenshot(path=screenshot_dir / "70-followup-answered.png", full_page=True)

    # 3. Staff return it with a note; the agency sees the note and answers again; staff verify it.
    staff.goto(finding_url)
    staff.get_by_label("Catatan pengembalian").fill("Lampirkan juga daftar hadir sosialisasi.")
    staff.get_by_role("button", name="Kembalikan").click()
    expect(staff.locator("#status-temuan")).to_have_text("Dalam proses")
    agency.goto(finding_url)
    expect(agency.get_by_role("status")).to_contain_text("Lampirkan juga daftar hadir sosialisasi.")
    agency.get_by_label("Langkah tindak lanjut").fill("Sosialisasi SOP kepada seluruh Perangkat Daerah.")
    agency.get_by_label("Tautan bukti dukung").fill("https://inspektorat.pekalongankab.go.id/daftar-hadir")
    agency.get_by_label("Tindak lanjut sudah selesai: ajukan untuk diverifikasi").check()
    agency.get_by_role("button", name="Simpan langkah").click()
    staff.goto(finding_url)
    staff.get_by_role("button", name="Verifikasi selesai").click()
    expect(staff.locator("#status-temuan")).to_have_text("Selesai (terverifikasi)")
    expect(staff.get_by_role("heading", name="Riwayat")).to_be_visible()
    staff.screenshot(path=screenshot_dir / "71-followup-closed.png", full_page=True)

    # 4. The register shows it closed, for the agency too.
    agency.goto(live_server.url + "/tindak-lanjut/?state=closed")
    expect(agency.get_by_role("table")).to_contain_text("Arahan Tim Pengarah: terapkan SOP")
    expect(agency.get_by_role("table")).to_contain_text("Selesai (terverifikasi)")
