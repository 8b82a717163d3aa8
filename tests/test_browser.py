"""A reader's walk through the roadmap in Chromium: overview → area → agency."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser]


def test_overview_area_and_agency(live_server, reader_page, screenshot_dir):
    page = reader_page
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Road Map Reformasi Birokrasi Kabupaten Pekalongan Tahun 2020"
    )
    expect(page.locator("table tbody tr")).to_have_count(8)
    page.screenshot(path=screenshot_dir / "01-overview.png", full_page=True)

    page.get_by_role("link", name="Penguatan Pengawasan", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Penguatan Pengawasan")
    indicator_row = page.get_by_role("row").filter(
        has_text="Kapabilitas Aparatur Pengawas Intern Pemerintahan"
    )
    expect(indicator_row).to_contain_text("3 Dengan Catatan")
    expect(page.get_by_role("row").filter(has_text="Maturitas Sistem Pengendalian")).to_contain_text("3,5")
    page.screenshot(path=screenshot_dir / "02-area-pengawasan.png", full_page=True)

    page.get_by_role("link", name="Inspektorat", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inspektorat")
    expect(page.get_by_role("heading", name="Kegiatan prioritas yang diampu")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Penanganan gratifikasi.")).to_contain_text("100")
    page.screenshot(path=screenshot_dir / "03-agency-inspektorat.png", full_page=True)


def test_filtering_the_action_plan(live_server, reader_page, screenshot_dir):
    page = reader_page
    page.goto(live_server.url + "/action-plan/")
    page.get_by_label("Area perubahan").select_option(label="Peningkatan Kualitas Pelayanan Publik")
    page.get_by_role("button", name="Saring").click()
    expect(page.get_by_text("11 baris")).to_be_visible()
    expect(page.get_by_role("link", name="Pengembangan Budaya Inovasi")).to_be_visible()
    page.screenshot(path=screenshot_dir / "04-action-plan-filtered.png", full_page=True)


def test_navigation_menu_reaches_every_area(live_server, reader_page):
    page = reader_page
    page.goto(live_server.url + "/indicators/")
    page.get_by_role("button", name="Road map", exact=True).click()
    page.get_by_role("link", name="5. Penataan Sistem Manajemen Sumber Daya Manusia Aparatur").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Penataan Sistem Manajemen Sumber Daya Manusia Aparatur"
    )
