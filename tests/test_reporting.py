"""Reporting through the browser forms: what is saved, what is refused, and who may do it."""

from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator, ScaleLevel
from monev.models import ActionProgress, Evidence, Realisation, ReportingWindow, ReviewState

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _windows_of_2020_open():
    """Agency admins report only in open windows: open every 2020 period for these tests."""
    for period in ("q1", "q2", "q3", "q4", "year"):
        ReportingWindow.objects.create(year=2020, period=period, is_open=True)


PDF = b"%PDF-1.4\n% bukti dukung\n"


def gratifikasi():
    return PriorityActivity.objects.get(name="Penanganan gratifikasi.")  # Inspektorat, %, target 100


def report_url(item):
    kind = "indicator" if isinstance(item, Indicator) else "activity"
    return reverse(f"monev:{kind}-report", args=[item.pk])


def valid(**overrides):
    return {
        "year": "2020",
        "period": "q1",
        "number": "100",
        "note": "",
        "obstacles": "",
        "follow_up": "",
        **overrides,
    }


def test_an_agency_admin_reports_its_activity_with_evidence(client, inspektorat_user):
    client.force_login(inspektorat_user)
    upload = SimpleUploadedFile("rekap gratifikasi.pdf", PDF, content_type="application/pdf")
    response = client.post(
        report_url(gratifikasi()),
        valid(
            number="95,5",
            obstacles="Satu laporan terlambat",
            follow_up="Sosialisasi ulang",
            evidence_file=upload,
        ),
    )
    assert response.status_code == 302 and response["Location"] == gratifikasi().get_absolute_url()
    report = Realisation.objects.get(activity=gratifikasi(), year=2020, period="q1")
    assert (report.number, report.review_state, report.reported_by) == (
        D("95.5"),
        ReviewState.SUBMITTED,
        inspektorat_user,
    )
    assert report.obstacles == "Satu laporan terlambat"
    evidence = report.evidence.get()
    assert evidence.original_name == "rekap gratifikasi.pdf" and evidence.content_type == "application/pdf"
    assert "evidence/" in evidence.file.name and "rekap" in evidence.file.name

    html = client.get(gratifikasi().get_absolute_url()).content.decode()
    assert "sementara: 95,5 (95,50 %)" in html and "1 menunggu verifikasi" in html
    assert "Satu laporan terlambat" in html
    download = client.get(evidence.get_absolute_url())
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content) == PDF


def test_evidence_is_never_served_from_a_public_path(client, inspektorat_user, settings):
    client.force_login(inspektorat_user)
    client.post(report_url(gratifikasi()), valid(evidence_file=SimpleUploadedFile("b.pdf", PDF)))
    evidence = Evidence.objects.get()
    assert client.get(settings.MEDIA_URL + evidence.file.name).status_code == 404
    client.logout()
    response = client.get(evidence.get_absolute_url())
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_draft_is_kept_but_not_counted(client, inspektorat_user):
    client.force_login(inspektorat_user)
    client.post(report_url(gratifikasi()), {**valid(), "save_draft": "1"})
    report = Realisation.objects.get(activity=gratifikasi())
    assert report.review_state == ReviewState.DRAFT
    html = client.get(gratifikasi().get_absolute_url()).content.decode()
    assert "1 draf" in html


def test_reporting_the_same_period_again_corrects_it_and_keeps_the_history(client, inspektorat_user):
    client.force_login(inspektorat_user)
    client.post(report_url(gratifikasi()), valid(number="90"))
    client.post(report_url(gratifikasi()), valid(number="100", note="Dikoreksi"))
    report = Realisation.objects.get(activity=gratifikasi())
    assert report.number == 100
    history = list(report.history.order_by("history_date"))
    assert [h.number for h in history] == [D(90), D(100)]
    assert all(h.history_user == inspektorat_user for h in history)


def test_the_form_prefills_an_existing_report(client, inspektorat_user):
    client.force_login(inspektorat_user)
    client.post(report_url(gratifikasi()), valid(period="q2", number="97,25", note="Catatan lama"))
    html = client.get(report_url(gratifikasi()), {"year": 2020, "period": "q2"}).content.decode()
    assert 'value="97,25"' in html and "Catatan lama" in html
    assert "Periode ini sudah dilaporkan" in html


PROMOSI = "Promosi jabatan secara terbuka."  # BKD, unit ASN, target 125


@pytest.mark.parametrize(
    ("item_name", "data", "field", "message"),
    [
        (PROMOSI, {"number": "banyak"}, "number", "Tulis angka dalam notasi Indonesia"),
        (PROMOSI, {"number": "3.5"}, "number", "Tulis angka dalam notasi Indonesia"),
        (PROMOSI, {"number": "12,34567"}, "number", "Paling banyak 4 angka di belakang koma"),
        (PROMOSI, {"number": "1.000.000.000.000"}, "number", "Angka ini terlalu besar"),
        (PROMOSI, {"number": "-5"}, "number", "tidak boleh negatif"),
        (PROMOSI, {"number": ""}, "number", "Bidang ini tidak boleh kosong"),
        ("Penanganan gratifikasi.", {"number": "120"}, "number", "Persentase tidak boleh lebih dari 100"),
        (PROMOSI, {"year": "2030"}, "year", "Tahun 2030 di luar tahun road map"),
        (PROMOSI, {"period": "q5"}, "period", "Masukkan pilihan yang valid"),
        (PROMOSI, {"evidence_link": "javascript:alert(1)"}, "evidence_link", "URL yang valid"),
    ],
)
def test_bad_numbers_and_periods_are_refused_beside_the_field(
    client, staff_user, item_name, data, field, message
):
    client.force_login(staff_user)
    item = PriorityActivity.objects.get(name=item_name)
    response = client.post(report_url(item), valid(**data))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not Realisation.objects.filter(activity=item).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("program.pdf", b"MZ\x90\x00 an executable", "bukan PDF"),
        ("catatan.txt", b"teks", "Jenis berkas .txt tidak diterima"),
    ],
)
def test_disguised_or_unaccepted_files_are_refused(client, inspektorat_user, name, content, message):
    client.force_login(inspektorat_user)
    response = client.post(report_url(gratifikasi()), valid(evidence_file=SimpleUploadedFile(name, content)))
    assert message in " ".join(response.context["form"].errors["evidence_file"])
    assert not Realisation.objects.filter(activity=gratifikasi()).exists() and not Evidence.objects.exists()


def test_oversized_files_are_refused(client, inspektorat_user, settings):
    settings.EVIDENCE_MAX_UPLOAD_MB = 1
    client.force_login(inspektorat_user)
    big = SimpleUploadedFile("besar.pdf", PDF + b"0" * (1024 * 1024))
    response = client.post(report_url(gratifikasi()), valid(evidence_file=big))
    assert "Berkas lebih besar dari 1 MB." in response.context["form"].errors["evidence_file"]
    assert not Realisation.objects.filter(activity=gratifikasi()).exists()


def sakip():
    return Indicator.objects.get(name="Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah")


def test_staff_report_a_grade_with_its_score(client, staff_user):
    client.force_login(staff_user)
    bb = ScaleLevel.objects.get(scale__code="predikat-sakip", code="BB")
    response = client.post(report_url(sakip()), valid(period="year", number="72,10", level=bb.pk))
    assert response.status_code == 302
    report = Realisation.objects.get(indicator=sakip(), year=2020)
    assert (report.number, report.level.code) == (D("72.10"), "BB")
    html = client.get(sakip().get_absolute_url()).content.decode()
    assert "72,1/BB" in html and "Tercapai" in html and "100,00 %" not in html  # a grade: no percentage


def test_a_grade_that_contradicts_its_score_is_refused(client, staff_user):
    client.force_login(staff_user)
    bb = ScaleLevel.objects.get(scale__code="predikat-sakip", code="BB")
    response = client.post(report_url(sakip()), valid(period="year", number="63,52", level=bb.pk))
    assert "Nilai 63,52 termasuk B, bukan BB." in response.context["form"].errors["level"]


def test_a_level_from_another_scale_is_refused(client, staff_user):
    client.force_login(staff_user)
    wtp = ScaleLevel.objects.get(scale__code="opini-bpk", code="WTP")
    apip = Indicator.objects.get(name="Kapabilitas Aparatur Pengawas Intern Pemerintahan")
    response = client.post(report_url(apip), valid(period="year", number="", level=wtp.pk))
    assert "Pilih tingkat yang ada pada skala" in " ".join(response.context["form"].errors["level"])
    assert not Realisation.objects.filter(indicator=apip).exists()


def test_a_level_indicator_needs_a_level(client, staff_user):
    client.force_login(staff_user)
    apip = Indicator.objects.get(name="Kapabilitas Aparatur Pengawas Intern Pemerintahan")
    response = client.post(report_url(apip), valid(period="year"))
    assert "Pilih tingkat pada skala" in " ".join(response.context["form"].errors["level"])


def test_crafted_posts_cannot_report_for_another_agency(client, bkd_user):
    client.force_login(bkd_user)
    assert client.post(report_url(gratifikasi()), valid()).status_code == 404
    assert not Realisation.objects.filter(activity=gratifikasi()).exists()


def gratifikasi_row():
    return ActionPlanRow.objects.get(name="Penanganan Gratifikasi")


def progress_data(row, year=2020, quarter=1, **fields):
    data = {"year": year, "quarter": quarter}
    for action in row.planned_actions.filter(year=year):
        data.update(
            {f"a{action.pk}-status": "in_progress", f"a{action.pk}-percent": "40", f"a{action.pk}-note": ""}
        )
        data.update({f"a{action.pk}-{key}": value for key, value in fields.items()})
    return data


def test_the_lead_agency_reports_progress_on_its_row(client, inspektorat_user):
    client.force_login(inspektorat_user)
    row = gratifikasi_row()
    response = client.post(reverse("monev:action-progress", args=[row.pk]), progress_data(row, quarter=2))
    assert response.status_code == 302
    progress = ActionProgress.objects.get()
    assert (progress.quarter, progress.status, progress.percent, progress.contributor) == (
        2,
        "in_progress",
        40,
        None,
    )
    assert "Sedang berjalan" in client.get(row.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": "done", "percent": "60"}, "selesai berarti 100%"),
        ({"status": "not_started", "percent": "10"}, "belum dimulai berarti 0%"),
        ({"status": "in_progress", "percent": "120"}, "paling banyak 100"),
        ({"status": "in_progress", "percent": "-1"}, "paling sedikit 0"),
        ({"status": "in_progress", "percent": ""}, "Isi persen selesai"),
        ({"status": "selesai-lah"}, "Masukkan pilihan yang valid"),
    ],
)
def test_inconsistent_progress_is_refused(client, inspektorat_user, fields, message):
    client.force_login(inspektorat_user)
    row = gratifikasi_row()
    response = client.post(reverse("monev:action-progress", args=[row.pk]), progress_data(row, **fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ActionProgress.objects.exists()


def test_done_without_a_percentage_means_100(client, inspektorat_user):
    client.force_login(inspektorat_user)
    row = gratifikasi_row()
    client.post(
        reverse("monev:action-progress", args=[row.pk]), progress_data(row, status="done", percent="")
    )
    assert ActionProgress.objects.get().percent == 100


def test_a_supporting_agency_records_its_own_contribution(client, bkd_user):
    client.force_login(bkd_user)
    row = gratifikasi_row()  # Pendukung: Seluruh Perangkat Daerah
    response = client.post(
        reverse("monev:action-contribution", args=[row.pk]), progress_data(row, note="Data BKD")
    )
    assert response.status_code == 302
    contribution = ActionProgress.objects.get()
    assert contribution.contributor.code == "bkd"
    assert "1 kontribusi pendukung" in client.get(row.get_absolute_url()).content.decode()


def test_staff_record_a_contribution_only_for_a_real_supporter(client, staff_user):
    from roadmap.models import Agency

    client.force_login(staff_user)
    row = ActionPlanRow.objects.get(
        name="Pembentukan Tim Reformasi Birokrasi"
    )  # area-related supporters (Pokja)
    outsider = Agency.objects.get(code="dinarpus")
    data = {**progress_data(row), "contributor": outsider.pk}
    response = client.post(reverse("monev:action-contribution", args=[row.pk]), data)
    assert response.status_code == 200
    assert "tidak mendukung rencana aksi ini" in response.content.decode()
    member = Agency.objects.get(code="bkd")
    data["contributor"] = member.pk
    assert client.post(reverse("monev:action-contribution", args=[row.pk]), data).status_code == 302
    assert ActionProgress.objects.get().contributor == member
