"""Inspektorat, the APIP level's data owner, reports it; a Pokja member of another agency verifies it."""

import pytest
from playwright.sync_api import expect

from tests.conftest import sign_in

pytestmark = [pytest.mark.browser]


def test_a_data_owner_reports_and_a_pokja_member_verifies(browser, live_server, demo, screenshot_dir):
    from areas.models import Indicator
    from monev.models import Realisation

    apip = Indicator.objects.get(name="Kapabilitas Aparatur Pengawas Intern Pemerintahan")
    Realisation.objects.filter(indicator=apip, year=2020).delete()  # the demo's year-end figure
    path = apip.get_absolute_url()
    inspektorat = sign_in(browser.new_context().new_page(), live_server, "inspektorat")
    reviewer = sign_in(browser.new_context().new_page(), live_server, "bag-organisasi")

    # Inspektorat is the indicator's penanggung jawab data: it may report it.
    inspektorat.goto(live_server.url + path)
    expect(inspektorat.get_by_text("Penanggung jawab data")).to_contain_text("Inspektorat")
    inspektorat.get_by_role("link", name="Laporkan realisasi").click()
    inspektorat.get_by_label("Periode").select_option("q1")
    inspektorat.get_by_label("Kapabilitas APIP", exact=False).select_option(label="3")
    inspektorat.get_by_role("button", name="Ajukan laporan").click()
    expect(inspektorat.get_by_role("alert")).to_contain_text("diajukan")
    inspektorat.screenshot(path=screenshot_dir / "60-apip-submitted.png", full_page=True)

    # Its own agency cannot verify it; Bagian Organisasi, in the Pengawasan Pokja, can.
    inspektorat.goto(live_server.url + "/verification/")
    expect(inspektorat.get_by_role("row").filter(has_text="Kapabilitas Aparatur")).to_have_count(0)
    reviewer.goto(live_server.url + "/verification/")
    row = reviewer.get_by_role("row").filter(has_text="Kapabilitas Aparatur")
    expect(row).to_contain_text("3")
    reviewer.screenshot(path=screenshot_dir / "61-pokja-queue.png", full_page=True)
    row.get_by_role("checkbox").check()
    reviewer.get_by_role("button", name="Verifikasi terpilih").click()
    expect(reviewer.get_by_role("alert")).to_contain_text("1 laporan diverifikasi.")

    # The level counts now: met, with no invented percentage.
    reviewer.goto(live_server.url + path)
    year_row = reviewer.get_by_role("row").filter(
        has=reviewer.get_by_role("rowheader", name="2020", exact=True)
    )
    expect(year_row.first).to_contain_text("Tercapai")
    expect(year_row.first).not_to_contain_text("%")
    reviewer.screenshot(path=screenshot_dir / "62-apip-verified.png", full_page=True)
