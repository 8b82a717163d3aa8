"""PMPRB in two browsers: an agency answers its assessment with evidence and submits it, the
Inspektorat's reviewer sets its own answer to one question, and the round page's Indeks RB follows."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import sign_in
from tests.factories import PASSWORD, UserFactory
from tests.pmprb_helpers import KOMINFO, REGENCY, answer, open_round, tiny_model

pytestmark = [pytest.mark.browser]


def test_an_agency_answers_the_reviewer_adjusts_and_the_index_changes(
    new_context, live_server, roadmap_tx, settings, screenshot_dir
):
    """The scores of tests/test_pmprb.py::test_scores_match_the_hand_computation, in the browser:

    Pemerintah Kabupaten 72,408 and Dinkominfo 86 are answered beforehand. BKD answers Q1 Tidak, Q2 A,
    Q3 50 %, Q4 70: 10 + 20 + 28 = 58. Indeks RB = 50 % × 72,408 + 50 % × (58 + 86) / 2 = 72,204 → 72,20 (BB).
    The reviewer sets BKD's Q3 to 20 %: BKD 46; Indeks RB = 36,204 + 50 % × (46 + 86) / 2 = 69,204 → 69,20 (B).
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    staff = UserFactory(username="organisasi", role="staff", first_name="Dewi")
    UserFactory(username="bkd", role="agency_admin", agency="bkd", first_name="Rina")
    UserFactory(username="inspektorat", role="agency_admin", agency="inspektorat", first_name="Agus")
    kominfo = UserFactory(username="kominfo", role="agency_admin", agency="dinkominfo")
    round_ = open_round(staff, tiny_model())
    answer(round_.assessments.get(agency=None), staff, REGENCY)
    answer(round_.assessments.get(agency__code="dinkominfo"), kominfo, KOMINFO)
    round_url = live_server.url + round_.get_absolute_url()

    # 1. BKD opens its assessment from the round page and answers it, sub-component by sub-component.
    agency = sign_in(new_context().new_page(), live_server, "bkd", PASSWORD)
    agency.goto(round_url)
    agency.get_by_role("link", name="Buka penilaian Anda").click()
    expect(agency.get_by_role("heading", level=1)).to_have_text("Badan Kepegawaian Daerah dan Diklat")
    agency.get_by_role("link", name="Isi jawaban Manajemen Perubahan").click()
    agency.get_by_label("Tidak", exact=True).check()
    agency.get_by_label("A. Seluruhnya").check()
    agency.locator("#q-Q1").get_by_label("Tautan bukti dukung").fill(
        "https://bkd.pekalongankab.go.id/sk-tim-rb"
    )
    agency.screenshot(path=screenshot_dir / "60-pmprb-answer.png", full_page=True)
    agency.get_by_role("button", name="Simpan, lanjut ke SDM").click()
    agency.get_by_label("Jawaban (%)").fill("50")
    agency.get_by_role("button", name="Simpan, lanjut ke SAKIP").click()
    agency.get_by_label("Jawaban", exact=True).fill("70")
    agency.get_by_role("button", name="Simpan draf").click()
    expect(agency.get_by_role("alert")).to_contain_text("disimpan sebagai draf")
    agency.get_by_role("button", name="Ajukan penilaian untuk direviu").click()
    expect(agency.get_by_role("alert")).to_contain_text("4 jawaban diajukan")
    expect(agency.locator("#nilai-penilaian")).to_have_text("58,00")
    expect(agency.locator("#q-Q1")).to_contain_text("Bukti dukung: https://bkd.pekalongankab.go.id/sk-tim-rb")

    agency.goto(round_url)
    expect(agency.locator("#indeks-rb")).to_have_text("72,20")
    agency.screenshot(path=screenshot_dir / "61-pmprb-round.png", full_page=True)

    # 2. The Inspektorat's reviewer sets its own answer to BKD's Q3, with a note.
    reviewer = sign_in(new_context().new_page(), live_server, "inspektorat", PASSWORD)
    reviewer.goto(round_url)
    reviewer.get_by_role("link", name="Badan Kepegawaian Daerah dan Diklat").first.click()
    reviewer.locator("#q-Q3").get_by_role("link", name="Reviu").click()
    reviewer.get_by_label("Tetapkan jawaban reviewer").check()
    reviewer.get_by_label("Jawaban reviewer (%)").fill("20")
    reviewer.get_by_label("Catatan reviewer").fill("Sertifikat pelatihan hanya untuk 20 % ASN.")
    reviewer.screenshot(path=screenshot_dir / "62-pmprb-review.png", full_page=True)
    reviewer.get_by_role("button", name="Simpan reviu").click()
    expect(reviewer.get_by_role("alert")).to_contain_text("Jawaban Q3 ditetapkan reviewer")
    expect(reviewer.locator("#q-Q3")).to_contain_text(re.compile(r"Jawaban reviewer\s*20 %"))

    # 3. The index follows, for everyone who reads the round page.
    agency.goto(round_url)
    expect(agency.locator("#indeks-rb")).to_have_text("69,20")
    scores = (
        agency.locator(".pmprb-table")
        .get_by_role("row")
        .filter(has_text="Badan Kepegawaian Daerah dan Diklat")
    )
    expect(scores).to_contain_text("46,00")
    agency.screenshot(path=screenshot_dir / "63-pmprb-round-reviewed.png", full_page=True)
    agency.goto(live_server.url + round_.assessments.get(agency__code="bkd").get_absolute_url())
    expect(agency.locator("#q-Q3")).to_contain_text("Sertifikat pelatihan hanya untuk 20 % ASN.")
