"""The year-end monev report: its contents, the risks' statuses and signatories staff set, and its workbook."""

import datetime
from io import BytesIO

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from openpyxl import load_workbook

from dashboards.yearend import build_report
from monev.models import ReportSignatory, RiskReview, RiskStatus
from roadmap.models import Risk
from tests.test_dashboard import (
    JOB_ANALYSIS,
    PROMOTION,
    ROW_FUNCTIONAL,
    ROW_PLANNING,
    ROW_PROMOTION,
    report,
    sdm_reports,  # noqa: F401  (a fixture)
)

pytestmark = pytest.mark.django_db

AFTER_THE_YEAR = datetime.date(2021, 1, 15)
REPORT = "dashboards:report"


@pytest.fixture
def obstacles():
    """Obstacles and follow-up written on the reports of an activity below its target."""
    for period, obstacle, follow_up in (
        ("q1", "Anggaran analisis jabatan belum tersedia.", "Usulan anggaran perubahan."),
        ("q2", "Tim analis baru dibentuk.", ""),
    ):
        realisation = report(JOB_ANALYSIS, period, 10 if period == "q1" else 27)
        realisation.obstacles, realisation.follow_up = obstacle, follow_up
        realisation.save()
    pending = report(PROMOTION, "q1", 10, "submitted")
    pending.obstacles = "Belum diverifikasi: tidak boleh tampil."
    pending.save()


def test_items_below_target_carry_their_verified_obstacles_in_period_order(edition, obstacles):
    built = build_report(edition, 2020, AFTER_THE_YEAR)
    below = {entry.line.item.name: entry for entry in built.below_target}
    assert list(below) == [JOB_ANALYSIS]  # 27 of 45; Promosi has only an unverified report
    assert below[JOB_ANALYSIS].obstacles == [
        ("TW I", "Anggaran analisis jabatan belum tersedia."),
        ("TW II", "Tim analis baru dibentuk."),
    ]
    assert below[JOB_ANALYSIS].follow_ups == [("TW I", "Usulan anggaran perubahan.")]
    assert PROMOTION in {line.item.name for line in built.not_reported}


def test_unfinished_action_plan_rows_name_their_verified_status(edition, sdm_reports):  # noqa: F811
    built = build_report(edition, 2020, AFTER_THE_YEAR)
    unfinished = {entry.row.name: entry for entry in built.unfinished}
    assert ROW_PROMOTION not in unfinished and ROW_PLANNING not in unfinished  # done and verified
    # Three planned actions, each with the part of both its Utama (BKD reported, Bagian Organisasi not):
    # done; done but awaiting verification; done but returned -> still in progress. None is done,
    # because Bagian Organisasi has not reported its part; the list counts planned actions.
    actions = unfinished[ROW_FUNCTIONAL].actions
    assert [action.parts for action in actions] == [
        ["BKD dan Diklat: Selesai (100 %)", "Bagian Organisasi: belum dilaporkan"],
        ["BKD dan Diklat: belum dilaporkan, menunggu verifikasi", "Bagian Organisasi: belum dilaporkan"],
        ["BKD dan Diklat: Sedang berjalan (50 %)", "Bagian Organisasi: belum dilaporkan"],
    ]
    assert [action.standing.percent for action in actions] == [50, 0, 25]
    assert built.unfinished_count == sum(len(entry.actions) for entry in built.unfinished)


def test_report_page_shows_sections_signatories_and_page_numbers(client, pengarah_user, obstacles, settings):
    settings.REPORT_PLACE = "Kajen"
    ReportSignatory.objects.create(
        order=1,
        capacity="Ketua Tim Pelaksana Reformasi Birokrasi",
        position="Sekretaris Daerah Kabupaten Pekalongan",
        name="Nama Uji Sekda",
        nip="196801011990031001",
    )
    client.force_login(pengarah_user)
    html = client.get(reverse(REPORT), {"year": 2020}).content.decode()
    for heading in ("I. Ringkasan", "II. Capaian per area", "III. Indikator dan kegiatan di bawah target"):
        assert heading in html
    assert "IV. Rencana aksi 2020" in html and "V. Quick wins" in html and "VI. Hambatan dan solusi" in html
    assert "Anggaran analisis jabatan belum tersedia." in html
    assert "Belum diverifikasi: tidak boleh tampil." not in html
    assert "Nama Uji Sekda" in html and "NIP. 19680101 199003 1 001" in html and "Kajen, " in html
    assert 'counter(page) " dari " counter(pages)' in html  # page numbers when printed
    assert "Atur penandatangan" not in html  # the Tim Pengarah reads; staff set it


def test_without_signatories_staff_are_told_and_blank_lines_are_printed(client, staff_user):
    client.force_login(staff_user)
    html = client.get(reverse(REPORT), {"year": 2020}).content.decode()
    assert "Belum ada penandatangan laporan" in html
    assert "NIP. ......" in html


def test_staff_set_the_risks_status_for_a_year_and_it_is_kept_in_history(client, staff_user, edition):
    risks = list(Risk.objects.filter(edition=edition))
    client.force_login(staff_user)
    data = {f"risk-{r.pk}-status": RiskStatus.NOT_ASSESSED for r in risks}
    data |= {
        f"risk-{risks[0].pk}-status": RiskStatus.RESOLVED,
        f"risk-{risks[0].pk}-note": "Komitmen ditandatangani.",
    }
    response = client.post(reverse("dashboards:report-risks") + "?year=2020", data)
    assert response.status_code == 302
    review = RiskReview.objects.get(risk=risks[0], year=2020)
    assert (review.status, review.updated_by) == (RiskStatus.RESOLVED, staff_user)
    assert RiskReview.objects.count() == 1  # nothing said about the others: no rows
    client.post(reverse("dashboards:report-risks") + "?year=2020", data)  # the same again: nothing to record
    assert review.history.count() == 1
    html = client.get(reverse(REPORT), {"year": 2020}).content.decode()
    assert "Teratasi" in html and "Komitmen ditandatangani." in html
    assert RiskReview.objects.filter(year=2021).count() == 0


def test_an_unknown_risk_status_is_refused_with_a_message(client, staff_user, edition):
    risk = Risk.objects.filter(edition=edition).first()
    client.force_login(staff_user)
    response = client.post(
        reverse("dashboards:report-risks") + "?year=2020", {f"risk-{risk.pk}-status": "hilang"}
    )
    assert response.status_code == 200
    assert "Masukkan pilihan yang valid. hilang bukan salah satu dari pilihan" in response.content.decode()
    assert not RiskReview.objects.exists()


def signatory_post(nip: str) -> dict:
    return {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-0-order": "1",
        "form-0-capacity": "Ketua Tim Pelaksana Reformasi Birokrasi",
        "form-0-position": "Sekretaris Daerah Kabupaten Pekalongan",
        "form-0-name": "Nama Uji",
        "form-0-rank": "",
        "form-0-nip": nip,
    }


def test_a_nip_written_in_groups_is_stored_as_its_18_digits(client, staff_user):
    client.force_login(staff_user)
    response = client.post(reverse("dashboards:report-signatories"), signatory_post("19680101 199003 1 001"))
    assert response.status_code == 302
    signatory = ReportSignatory.objects.get()
    assert signatory.nip == "196801011990031001" and signatory.nip_display == "19680101 199003 1 001"


@pytest.mark.parametrize("nip", ["19680101 199003 1 00", "1968O101199003100l", "1968010119900310011"])
def test_a_wrong_nip_gets_an_indonesian_message_and_nothing_is_saved(client, staff_user, nip):
    client.force_login(staff_user)
    response = client.post(reverse("dashboards:report-signatories"), signatory_post(nip))
    assert response.status_code == 200
    assert "NIP terdiri dari 18 angka" in response.content.decode()
    assert not ReportSignatory.objects.exists()


def test_the_database_refuses_a_nip_that_is_not_18_digits():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportSignatory.objects.create(position="Inspektur", name="Uji", nip="12345")


def test_a_signatory_without_nip_is_allowed_for_elected_officials(client, staff_user):
    client.force_login(staff_user)
    assert client.post(reverse("dashboards:report-signatories"), signatory_post("")).status_code == 302
    assert ReportSignatory.objects.get().nip == ""


def test_report_workbook_has_a_sheet_per_section(client, pengarah_user, obstacles):
    ReportSignatory.objects.create(
        position="Sekretaris Daerah", name="Nama Uji Sekda", nip="196801011990031001"
    )
    client.force_login(pengarah_user)
    response = client.get(reverse(REPORT), {"year": 2020, "_export": "xlsx"})
    assert response["Content-Disposition"] == 'attachment; filename="laporan-monev-rb-2020.xlsx"'
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames == [
        "Ringkasan",
        "Di Bawah Target",
        "Belum Dilaporkan",
        "Rencana Aksi Belum Selesai",
        "Quick Wins",
        "Hambatan",
        "Tindak Lanjut",
    ]
    below = workbook["Di Bawah Target"]
    header = [cell.value for cell in below[5]]
    row = {title: cell for title, cell in zip(header, below[6], strict=True)}
    assert row["Indikator / kegiatan"].value == JOB_ANALYSIS
    assert (row["Target"].value, row["Realisasi"].value) == (45, 27)  # numbers, not text
    assert row["Capaian"].value == pytest.approx(0.6) and "0.00%" in row["Capaian"].number_format
    assert (
        row["Kendala"].value
        == "TW I: Anggaran analisis jabatan belum tersedia.\nTW II: Tim analis baru dibentuk."
    )
    summary = [cell.value for line in workbook["Ringkasan"].iter_rows() for cell in line]
    assert "Nama Uji Sekda" in summary and "NIP. 19680101 199003 1 001" in summary
