"""Submit → return → correct → verify, across two accounts in two browsers, with the history at each step."""

import pytest
from playwright.sync_api import expect

from tests.conftest import sign_in

pytestmark = [pytest.mark.browser]


def verified_pk() -> int:
    from monev.models import Realisation

    return Realisation.objects.get(activity__name="Penanganan gratifikasi.", year=2020, period="q1").pk


def history_of(page, live_server, path):
    page.goto(live_server.url + path.rstrip("/") + "/history/")
    return page.locator("main")


def test_a_report_goes_through_review(new_context, live_server, demo, screenshot_dir):
    from actions.models import PriorityActivity

    item_path = PriorityActivity.objects.get(name="Penanganan gratifikasi.").get_absolute_url()
    # pytest-playwright's new_context closes both contexts after the test: no keep-alive connection
    # to the live server (and none of its threads' database sessions) outlives it.
    agency = sign_in(new_context().new_page(), live_server, "inspektorat")
    staff = sign_in(new_context().new_page(), live_server, "organisasi")

    # 1. The agency submits.
    agency.goto(live_server.url + item_path + "report/?year=2020&period=q1")
    agency.get_by_label("Nilai realisasi (%)").fill("70")
    agency.get_by_role("button", name="Ajukan laporan").click()
    expect(agency.get_by_role("alert")).to_contain_text("diajukan")
    expect(history_of(agency, live_server, item_path)).to_contain_text("Realisasi TW I 2020 dibuat")
    agency.screenshot(path=screenshot_dir / "30-submitted-history.png", full_page=True)

    # 2. Staff return it with a note.
    staff.goto(live_server.url + "/verification/")
    expect(staff.get_by_role("row").filter(has_text="Penanganan gratifikasi.")).to_contain_text("70")
    staff.screenshot(path=screenshot_dir / "31-queue.png", full_page=True)
    staff.get_by_role("row").filter(has_text="Penanganan gratifikasi.").get_by_role("checkbox").check()
    staff.get_by_label("Catatan untuk pelapor (wajib bila dikembalikan)").fill(
        "Angka 70 tidak sesuai rekap; lampirkan rekap."
    )
    staff.get_by_role("button", name="Kembalikan terpilih").click()
    expect(staff.get_by_role("alert")).to_contain_text("1 laporan dikembalikan.")
    expect(history_of(staff, live_server, item_path)).to_contain_text("Angka 70 tidak sesuai rekap")
    staff.screenshot(path=screenshot_dir / "32-returned-history.png", full_page=True)

    # 3. The agency sees the note in its tasks and corrects the report.
    agency.goto(live_server.url + "/tasks/")
    expect(agency.get_by_text("Angka 70 tidak sesuai rekap; lampirkan rekap.")).to_be_visible()
    agency.screenshot(path=screenshot_dir / "33-tasks-returned.png", full_page=True)
    agency.goto(live_server.url + item_path + "report/?year=2020&period=q1")
    expect(agency.get_by_text("Periode ini sudah dilaporkan")).to_contain_text("Catatan pemeriksa")
    agency.get_by_label("Nilai realisasi (%)").fill("75")
    agency.get_by_label("Tautan bukti dukung").fill("https://pekalongankab.go.id/rekap-gratifikasi")
    agency.get_by_role("button", name="Ajukan laporan").click()
    history = history_of(agency, live_server, item_path)
    expect(history).to_contain_text("Dikembalikan")
    expect(history).to_contain_text("75")

    # 4. Staff verify; the figure now counts.
    staff.goto(live_server.url + item_path)
    staff.get_by_role("button", name="Verifikasi").first.click()
    expect(staff.get_by_role("alert")).to_contain_text("Laporan diverifikasi.")
    year_row = (
        staff.get_by_role("row").filter(has=staff.get_by_role("rowheader", name="2020", exact=True)).first
    )
    expect(year_row).to_contain_text("75,00 %")
    staff.screenshot(path=screenshot_dir / "34-verified.png", full_page=True)
    expect(history_of(staff, live_server, item_path)).to_contain_text("Terverifikasi")
    staff.screenshot(path=screenshot_dir / "35-verified-history.png", full_page=True)

    # A verified report is locked for the agency: no "ubah" on the item page, no form to type into.
    agency.goto(live_server.url + item_path)
    report = agency.locator("#laporan-" + str(verified_pk()))
    expect(report).to_contain_text("Terkunci")
    expect(report.get_by_role("link", name="ubah")).to_have_count(0)
    agency.goto(live_server.url + item_path + "report/?year=2020&period=q1")
    expect(agency.get_by_role("status").filter(has_text="Terkunci")).to_contain_text("sudah diverifikasi")
    expect(agency.get_by_label("Nilai realisasi (%)")).to_have_count(0)
    expect(agency.get_by_role("button", name="Ajukan laporan")).to_have_count(0)
