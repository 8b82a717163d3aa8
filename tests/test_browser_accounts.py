"""Each demo account signs in through the login form and sees what its role should see."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser]

PASSWORD = "monev-demo-2020"


@pytest.fixture
def demo_accounts(roadmap_tx, settings):
    settings.DEBUG = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo", verbosity=0)


def sign_in(page, live_server, username):
    page.goto(live_server.url + "/")
    expect(page).to_have_url(live_server.url + "/accounts/login/?next=/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Road Map Reformasi Birokrasi Kabupaten Pekalongan Tahun 2020"
    )


def open_account_menu(page):
    page.locator("#menu-akun").click()


@pytest.mark.parametrize(
    ("username", "badge", "sees", "does_not_see"),
    [
        ("organisasi", "Staf Bagian Organisasi", ["Kelola akun"], ["Perangkat Daerah saya", "Admin Django"]),
        ("inspektorat", "Admin Perangkat Daerah · Inspektorat", ["Perangkat Daerah saya"], ["Kelola akun"]),
        ("bkd", "Admin Perangkat Daerah · BKD dan Diklat", ["Perangkat Daerah saya"], ["Kelola akun"]),
        ("pengarah", "Tim Pengarah", [], ["Kelola akun", "Perangkat Daerah saya"]),
    ],
)
def test_each_demo_account_sees_its_own_menu(
    live_server, demo_accounts, page, screenshot_dir, username, badge, sees, does_not_see
):
    page.set_viewport_size({"width": 1366, "height": 900})
    sign_in(page, live_server, username)
    expect(page.locator("#menu-akun")).to_contain_text(badge)
    open_account_menu(page)
    for item in sees:
        expect(page.get_by_role("link", name=item)).to_be_visible()
    for item in does_not_see:
        expect(page.get_by_role("link", name=item)).to_have_count(0)
    page.screenshot(path=screenshot_dir / f"10-login-{username}.png", full_page=False)

    page.goto(live_server.url + "/accounts/users/")
    if username == "organisasi":
        expect(page.get_by_role("heading", level=1)).to_have_text("Kelola akun")
        expect(page.get_by_role("link", name="Tambah akun")).to_be_visible()
    else:
        expect(page.get_by_role("heading", level=1)).to_have_text("Akses ditolak")
    page.screenshot(path=screenshot_dir / f"11-accounts-page-{username}.png", full_page=True)


def test_agency_admin_filters_to_its_own_activities(live_server, demo_accounts, page, screenshot_dir):
    sign_in(page, live_server, "inspektorat")
    page.goto(live_server.url + "/activities/")
    page.get_by_label("Hanya Perangkat Daerah saya").check()
    page.get_by_role("button", name="Saring").click()
    expect(page.get_by_text("11 baris")).to_be_visible()
    page.screenshot(path=screenshot_dir / "12-inspektorat-my-activities.png", full_page=True)


def test_staff_create_an_account_in_the_browser(live_server, demo_accounts, page, screenshot_dir):
    sign_in(page, live_server, "organisasi")
    page.goto(live_server.url + "/accounts/users/new/")
    page.get_by_label("Nama pengguna", exact=True).fill("kominfo")
    page.get_by_label("Nama depan").fill("Admin")
    page.get_by_label("Peran", exact=True).select_option(label="Admin Perangkat Daerah")
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("#id_agency_error")).to_have_text(
        "Pilih Perangkat Daerah untuk admin Perangkat Daerah."
    )
    page.screenshot(path=screenshot_dir / "13-create-account-error.png", full_page=True)
    page.get_by_label("Perangkat Daerah", exact=True).select_option(label="Dinas Komunikasi dan Informatika")
    page.get_by_label("Kata sandi sementara", exact=True).fill("Sementara-2020!")
    page.get_by_label("Ulangi kata sandi sementara").fill("Sementara-2020!")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("alert")).to_contain_text("Akun kominfo dibuat.")
    expect(page.get_by_role("row").filter(has_text="kominfo")).to_contain_text("Kata sandi sementara")
    page.screenshot(path=screenshot_dir / "14-account-created.png", full_page=True)
