"""Excel: reporting through the template: upload, preview, save, and every way a file or line is refused."""

import time
import zipfile
from decimal import Decimal as D
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from actions.models import ActionPlanRow, PlannedAction
from monev.excel.importing import Line
from monev.models import ActionProgress, Realisation, ReopenedItem, ReviewState
from monev.templatetags.import_preview import preview_row
from tests.excel_helpers import (
    AUDIT,
    BUDAYA,
    GRATIFIKASI,
    PROMOSI,
    SESSION_KEY,
    XLSX,
    Template,
    action_code,
    activity,
    code_of,
    download,
    existing_reports,
    header_row,
    outcomes,
    preview_of,
    save,
    snapshot,
    template,
    upload,
    workbook_bytes,
)

pytestmark = pytest.mark.django_db


# --- Import round trip -----------------------------------------------------------------------


def test_an_untouched_template_changes_nothing(client, inspektorat_user, q4_window):
    existing_reports(inspektorat_user)
    client.force_login(inspektorat_user)
    tmpl = template(client)
    before = snapshot()
    response = preview_of(client, tmpl)
    assert outcomes(response) == {"new": 0, "changed": 0, "unchanged": 3, "empty": 22, "error": 0}
    assert response.context["preview"].to_save == []
    html = response.content.decode()
    assert "Pratinjau: Inspektorat, TW IV 2020" in html and "Simpan dan ajukan 0 laporan" in html
    response = save(client)
    assert response.status_code == 302
    assert snapshot() == before
    assert SESSION_KEY not in client.session


def test_a_filled_template_is_previewed_then_saved_as_submitted_reports(client, inspektorat_user, q4_window):
    _, gratifikasi, progress = existing_reports()
    client.force_login(inspektorat_user)
    tmpl = template(client)
    tmpl.set(code_of(BUDAYA), Realisasi="40,5", Keterangan="Survei di 12 OPD")  # new, typed as text
    tmpl.set(code_of(GRATIFIKASI), Realisasi=97)  # changed: 95,5 → 97
    tmpl.set(action_code(), Status_pelaksanaan="Selesai", Persen_selesai=100)  # changed
    before_history = (Realisation.history.count(), ActionProgress.history.count())

    response = preview_of(client, tmpl)
    preview = response.context["preview"]
    assert outcomes(response) == {"new": 1, "changed": 2, "unchanged": 1, "empty": 21, "error": 0}
    lines = {line.code: line for line in preview.lines}
    assert lines[code_of(BUDAYA)].outcome == "new"
    assert ("Realisasi", "–", "40,5") in lines[code_of(BUDAYA)].changes
    assert lines[code_of(GRATIFIKASI)].changes == [("Realisasi", "95,5", "97")]
    assert lines[action_code()].changes == [
        ("Status pelaksanaan", "Sedang berjalan", "Selesai"),
        ("Persen selesai", "40", "100"),
    ]
    html = response.content.decode()
    assert "<del>95,5</del> → <strong>97</strong>" in html
    assert "Simpan dan ajukan 3 laporan" in html
    assert Realisation.objects.filter(activity=activity(BUDAYA)).count() == 0  # nothing saved yet

    response = save(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("actions:agency-detail", args=["inspektorat"])
    new = Realisation.objects.get(activity=activity(BUDAYA), year=2020, period="q4")
    assert (new.number, new.note, new.review_state) == (D("40.5"), "Survei di 12 OPD", ReviewState.SUBMITTED)
    assert new.reported_by == inspektorat_user and new.submitted_at is not None
    gratifikasi.refresh_from_db()
    assert (gratifikasi.number, gratifikasi.reported_by) == (97, inspektorat_user)
    assert gratifikasi.obstacles == "Pelaporan terlambat"  # untouched columns are kept
    progress.refresh_from_db()
    assert (progress.status, progress.percent, progress.review_state) == ("done", 100, ReviewState.SUBMITTED)
    assert progress.reported_by == inspektorat_user
    assert (Realisation.history.count(), ActionProgress.history.count()) == (
        before_history[0] + 2,
        before_history[1] + 1,
    )
    record = new.history.get()
    assert record.history_user == inspektorat_user and record.history_change_reason == "Impor Excel: t.xlsx"
    assert progress.history.latest("history_date").history_user == inspektorat_user
    assert SESSION_KEY not in client.session
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["3 laporan Inspektorat TW IV 2020 diajukan."]


def test_cancel_drops_the_upload_and_saves_nothing(client, inspektorat_user, q4_window):
    client.force_login(inspektorat_user)
    tmpl = template(client)
    tmpl.set(code_of(BUDAYA), Realisasi=40)
    preview_of(client, tmpl)
    response = save(client, "cancel")
    assert response.status_code == 302 and response["Location"] == reverse("monev:import")
    assert SESSION_KEY not in client.session and not Realisation.objects.filter(period="q4").exists()
    response = client.get(reverse("monev:import-preview"))
    assert response.status_code == 302 and response["Location"] == reverse("monev:import")


def test_the_save_checks_the_file_again_against_the_window_as_it_is_then(client, inspektorat_user, q4_window):
    client.force_login(inspektorat_user)
    tmpl = template(client)
    tmpl.set(code_of(BUDAYA), Realisasi=40)
    preview_of(client, tmpl)
    q4_window.is_open = False
    q4_window.save()
    response = save(client)
    assert response.status_code == 200
    assert "Jendela pelaporan periode ini sudah ditutup." in response.content.decode()
    assert not Realisation.objects.filter(period="q4").exists()


# --- Bad lines ---------------------------------------------------------------------------------


def fill_valid_line(tmpl: Template) -> int:
    return tmpl.set(code_of(BUDAYA), Realisasi=40)


BAD_LINES = [
    # (id, edit(tmpl) -> the row with the error, column, message)
    ("not-a-number", lambda t: t.set(code_of(AUDIT), Realisasi="banyak"), "Realisasi", "Tulis angka dalam notasi Indonesia"),
    ("english-decimal", lambda t: t.set(code_of(AUDIT), Realisasi="3.5"), "Realisasi", "Tulis angka dalam notasi Indonesia"),
    ("negative", lambda t: t.set(code_of(AUDIT), Realisasi=-5), "Realisasi", "Nilai tidak boleh negatif."),
    ("percent-over-100", lambda t: t.set(code_of(GRATIFIKASI), Realisasi=120), "Realisasi", "Persentase tidak boleh lebih dari 100."),
    ("unknown-code", lambda t: t.add_line(Kode="K999999", Realisasi=3), "Kode", "Kode K999999 bukan item yang dilaporkan Inspektorat pada TW IV 2020."),
    ("other-agency", lambda t: t.add_line(Kode=code_of(PROMOSI), Realisasi=130), "Kode", "bukan item yang dilaporkan Inspektorat pada TW IV 2020"),
    ("empty-code", lambda t: t.add_line(Realisasi=12, Keterangan="baris baru"), "Kode", "Kode kosong: baris ini tidak dikenali."),
    ("bad-status", lambda t: t.set(action_code(), Status_pelaksanaan="selesai-lah", Persen_selesai=50), "Status pelaksanaan", "Pilih salah satu: Belum dimulai, Sedang berjalan, Selesai, Tidak dilaksanakan"),
    ("percent-above-100", lambda t: t.set(action_code(), Status_pelaksanaan="Sedang berjalan", Persen_selesai=120), "Persen selesai", "Persen selesai paling banyak 100."),
    ("percent-below-0", lambda t: t.set(action_code(), Status_pelaksanaan="Sedang berjalan", Persen_selesai=-1), "Persen selesai", "Persen selesai paling sedikit 0."),
    ("percent-not-whole", lambda t: t.set(action_code(), Status_pelaksanaan="Sedang berjalan", Persen_selesai="setengah"), "Persen selesai", "Tulis bilangan bulat 0 sampai 100."),
    ("done-not-100", lambda t: t.set(action_code(), Status_pelaksanaan="Selesai", Persen_selesai=60), "Persen selesai", "Rencana aksi yang selesai berarti 100% selesai."),
    ("not-started-not-0", lambda t: t.set(action_code(), Status_pelaksanaan="Belum dimulai", Persen_selesai=10), "Persen selesai", "Rencana aksi yang belum dimulai berarti 0% selesai."),
    ("in-progress-no-percent", lambda t: t.set(action_code(), Status_pelaksanaan="Sedang berjalan"), "Persen selesai", "Isi persen selesai."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("edit", "column", "message"), [case[1:] for case in BAD_LINES], ids=[c[0] for c in BAD_LINES]
)
def test_a_bad_line_is_reported_by_row_and_column_and_only_valid_lines_can_be_saved(
    client, inspektorat_user, q4_window, edit, column, message
):
    client.force_login(inspektorat_user)
    tmpl = template(client)
    valid_row = fill_valid_line(tmpl)
    bad_row = edit(tmpl)
    before = snapshot()

    response = preview_of(client, tmpl)
    errors = response.context["preview"].errors
    assert len(errors) == 1, errors
    row, error_column, error_message = errors[0]
    assert (row, error_column) == (bad_row, column) and row != valid_row
    assert message in error_message
    html = response.content.decode()
    assert "Galat (1)" in html and "Simpan hanya 1 baris yang valid" in html
    assert 'value="save_all"' not in html

    response = save(client, "save_all")  # refused while the file has errors
    assert response.status_code == 200
    assert "Berkas masih berisi galat" in response.content.decode()
    assert snapshot() == before

    response = save(client, "save_valid")
    assert response.status_code == 302
    saved = Realisation.objects.get(year=2020, period="q4")
    assert (saved.activity, saved.number, saved.review_state) == (activity(BUDAYA), 40, ReviewState.SUBMITTED)
    assert not ActionProgress.objects.exists()
    assert not Realisation.objects.filter(activity=activity(PROMOSI)).exists()
    assert [str(m) for m in response.wsgi_request._messages] == [
        "1 laporan Inspektorat TW IV 2020 diajukan. 1 baris bergalat tidak disimpan."
    ]


def test_a_value_with_more_decimals_than_can_be_stored_is_flagged_in_the_preview(
    client, inspektorat_user, q4_window
):
    client.force_login(inspektorat_user)
    tmpl = template(client)
    fill_valid_line(tmpl)
    row = tmpl.set(code_of(AUDIT), Realisasi="12,34567")
    response = preview_of(client, tmpl)
    assert [(line_row, column) for line_row, column, _ in response.context["preview"].errors] == [
        (row, "Realisasi")
    ]
    assert save(client, "save_valid").status_code == 302
    assert list(Realisation.objects.filter(period="q4").values_list("activity__name", flat=True)) == [BUDAYA]


def test_text_from_the_file_is_shown_escaped_in_the_preview(client, inspektorat_user, q4_window):
    client.force_login(inspektorat_user)
    tmpl = template(client)
    tmpl.add_line(
        Kode="<img src=x onerror=alert(1)>",
        Realisasi=1,
        **{"Kegiatan / rencana aksi": "<script>alert(1)</script>"},
    )
    html = preview_of(client, tmpl).content.decode()
    assert "<script>alert(1)</script>" not in html and "<IMG SRC=X" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Kode &lt;IMG SRC=X ONERROR=ALERT(1)&gt; bukan item yang dilaporkan Inspektorat" in html


def test_a_code_that_appears_twice_is_an_error_on_its_second_line(client, inspektorat_user, q4_window):
    client.force_login(inspektorat_user)
    tmpl = template(client)
    first = tmpl.set(code_of(AUDIT), Realisasi=30)
    second = tmpl.add_line(Kode=code_of(AUDIT).lower(), Realisasi=31)
    response = preview_of(client, tmpl)
    assert response.context["preview"].errors == [
        (second, "Kode", f"Kode {code_of(AUDIT)} muncul lebih dari sekali dalam berkas.")
    ]
    assert second > first
    save(client, "save_all")
    assert not Realisation.objects.filter(period="q4").exists()


def test_an_agency_admin_cannot_change_a_verified_report_by_file(client, inspektorat_user, q4_window):
    audit, _, _ = existing_reports()
    client.force_login(inspektorat_user)
    tmpl = template(client)
    fill_valid_line(tmpl)
    row = tmpl.set(code_of(AUDIT), Realisasi=44)
    before = snapshot()
    response = preview_of(client, tmpl)
    assert response.context["preview"].errors == [
        (
            row,
            "Status laporan",
            "Laporan ini sudah diverifikasi; perubahan hanya melalui staf Bagian Organisasi.",
        )
    ]
    save(client, "save_all")
    assert snapshot() == before
    assert save(client, "save_valid").status_code == 302
    audit.refresh_from_db()
    assert (audit.number, audit.review_state) == (36, ReviewState.VERIFIED)
    assert Realisation.objects.get(activity=activity(BUDAYA), period="q4").number == 40


def test_a_closed_window_refuses_every_line_but_the_reopened_ones(
    client, inspektorat_user, staff_user, q4_window
):
    q4_window.is_open = False
    q4_window.save()
    ReopenedItem.objects.create(
        window=q4_window, activity=activity(BUDAYA), reason="Data terlambat", reopened_by=staff_user
    )
    client.force_login(inspektorat_user)
    tmpl = template(client)  # downloading is always possible
    fill_valid_line(tmpl)
    audit_row = tmpl.set(code_of(AUDIT), Realisasi=30)
    action_row = tmpl.set(action_code(), Status_pelaksanaan="Sedang berjalan", Persen_selesai=50)
    response = preview_of(client, tmpl)
    closed = "Jendela pelaporan periode ini sudah ditutup."
    assert sorted(response.context["preview"].errors) == [
        (audit_row, "Status laporan", closed),
        (action_row, "Status laporan", closed),
    ]
    save(client, "save_all")
    assert not Realisation.objects.filter(period="q4").exists()
    save(client, "save_valid")
    assert list(Realisation.objects.filter(period="q4").values_list("activity__name", "number")) == [
        (BUDAYA, 40)
    ]
    assert not ActionProgress.objects.exists()


# --- Files that are not a template -----------------------------------------------------------


def saved(wb: Workbook, name="t.xlsx") -> SimpleUploadedFile:
    buffer = BytesIO()
    wb.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=XLSX)


def without_sheets(content: bytes) -> SimpleUploadedFile:
    wb = Workbook()
    wb.active["A1"] = "Kode"
    return saved(wb)


def with_info(key: str, value):
    def edit(content: bytes) -> SimpleUploadedFile:
        wb = load_workbook(BytesIO(content))
        info = wb["Info"]
        row = next(r for r in range(1, info.max_row + 1) if info.cell(r, 1).value == key)
        info.cell(row, 2).value = value
        return saved(wb)

    return edit


def without_code_header(content: bytes) -> SimpleUploadedFile:
    wb = load_workbook(BytesIO(content))
    ws = wb["Laporan"]
    ws.cell(header_row(ws, "Kode"), 1).value = "Nomor"
    return saved(wb)


def without_column(content: bytes) -> SimpleUploadedFile:
    wb = load_workbook(BytesIO(content))
    ws = wb["Laporan"]
    top = header_row(ws, "Kode")
    col = next(c for c in range(1, ws.max_column + 1) if ws.cell(top, c).value == "Realisasi")
    ws.cell(top, col).value = "Nilai"
    return saved(wb)


BAD_FILES = [
    ("random-bytes", lambda c: SimpleUploadedFile("t.xlsx", bytes(range(256)) * 8), "Berkas ini bukan berkas Excel (.xlsx) yang dapat dibaca."),
    ("zip-but-not-xlsx", lambda c: SimpleUploadedFile("t.xlsx", b"PK\x03\x04" + b"\x00" * 60), "Berkas ini bukan berkas Excel (.xlsx) yang dapat dibaca."),
    ("not-xlsx-name", lambda c: SimpleUploadedFile("t.csv", b"Kode;Realisasi\nK1;3\n"), "Unggah berkas Excel (.xlsx) dari templat aplikasi ini."),
    ("no-template-sheets", without_sheets, 'Lembar "Laporan" atau "Info" tidak ada: gunakan templat yang diunduh dari aplikasi ini.'),
    ("bad-period", with_info("Periode", "q5"), 'Periode pada lembar "Info" tidak dikenal: unduh templat baru.'),
    ("bad-year", with_info("Tahun", "dua ribu dua puluh"), 'Tahun pada lembar "Info" tidak terbaca: unduh templat baru.'),
    ("no-header", without_code_header, 'Baris judul kolom (diawali "Kode") tidak ditemukan.'),
    ("missing-column", without_column, "Kolom berikut tidak ditemukan: Realisasi. Unduh templat baru."),
]  # fmt: skip


@pytest.mark.parametrize(("make_file", "message"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_a_file_that_is_not_a_readable_template_is_refused_on_the_form(
    client, inspektorat_user, q4_window, make_file, message
):
    client.force_login(inspektorat_user)
    content = workbook_bytes(download(client))
    response = upload(client, make_file(content))
    assert response.status_code == 400  # a refused file is a bad request
    assert response.context["upload_form"].errors["file"] == [message]
    assert 'id="id_file_error"' in response.content.decode() or message in response.content.decode()
    assert SESSION_KEY not in client.session
    assert not Realisation.objects.filter(period="q4").exists()


def damaged(part: str):
    """The template with one of its XML parts cut off, as a broken download or disk leaves it."""

    def edit(content: bytes) -> SimpleUploadedFile:
        source = zipfile.ZipFile(BytesIO(content))
        buffer = BytesIO()
        with zipfile.ZipFile(buffer, "w") as target:
            for name in source.namelist():
                target.writestr(name, b"<worksheet" if name == part else source.read(name))
        return SimpleUploadedFile("t.xlsx", buffer.getvalue())

    return edit


def test_a_zip_that_is_no_workbook_is_refused_on_the_form(client, inspektorat_user):
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")  # a .docx renamed to .xlsx
    client.force_login(inspektorat_user)
    response = upload(client, SimpleUploadedFile("laporan.xlsx", buffer.getvalue()))
    assert response.status_code == 400  # a refused file is a bad request
    assert response.context["upload_form"].errors["file"] == [
        "Berkas ini bukan berkas Excel (.xlsx) yang dapat dibaca."
    ]


@pytest.mark.parametrize("part", ["[Content_Types].xml", "xl/worksheets/sheet1.xml"])
def test_a_damaged_workbook_is_refused_on_the_form_not_with_a_server_error(
    client, inspektorat_user, q4_window, part
):
    client.force_login(inspektorat_user)
    client.raise_request_exception = False
    response = upload(client, damaged(part)(workbook_bytes(download(client))))
    assert response.status_code == 400  # a refused file is a bad request
    assert response.context["upload_form"].errors["file"] == [
        "Berkas ini bukan berkas Excel (.xlsx) yang dapat dibaca."
    ]
    assert SESSION_KEY not in client.session


# --- Who may upload which template ----------------------------------------------------------------


def test_an_agency_admin_cannot_upload_another_agencys_template(client, bkd_user, staff_user, q4_window):
    client.force_login(staff_user)
    tmpl = template(client)  # Inspektorat's
    tmpl.set(code_of(BUDAYA), Realisasi=40)
    tmpl.set(action_code(), Status_pelaksanaan="Sedang berjalan", Persen_selesai=40)
    client.force_login(bkd_user)
    response = upload(client, tmpl.upload())
    assert response.status_code == 400  # a refused file is a bad request
    assert response.context["upload_form"].errors["file"] == [
        "Templat ini bukan untuk Badan Kepegawaian Daerah dan Diklat: "
        "unduh templat Perangkat Daerah Anda dan isi kembali."
    ]
    assert SESSION_KEY not in client.session
    assert not Realisation.objects.filter(period="q4").exists()
    assert not ActionProgress.objects.exists()


def test_staff_import_any_agencys_template(client, staff_user, q4_window):
    client.force_login(staff_user)
    tmpl = template(client, "bkd")
    assert code_of(PROMOSI) in tmpl.codes and code_of(AUDIT) not in tmpl.codes
    tmpl.set(code_of(PROMOSI), Realisasi="1.300")  # thousands typed the Indonesian way
    response = preview_of(client, tmpl)
    assert "Pratinjau: Badan Kepegawaian Daerah dan Diklat, TW IV 2020" in response.content.decode()
    assert save(client).status_code == 302
    report = Realisation.objects.get(activity=activity(PROMOSI), year=2020, period="q4")
    assert (report.number, report.review_state, report.reported_by) == (
        1300,
        ReviewState.SUBMITTED,
        staff_user,
    )


def test_staff_change_a_verified_report_by_file_only_with_a_reason(client, staff_user, q4_window):
    audit, _, _ = existing_reports()
    client.force_login(staff_user)
    tmpl = template(client)
    row = tmpl.set(code_of(AUDIT), Realisasi=40)
    before = snapshot()

    response = preview_of(client, tmpl, reason="")
    assert response.context["preview"].errors == [
        (
            row,
            "Status laporan",
            "Tuliskan alasan perubahan: periode ini sudah ditutup atau laporannya sudah diverifikasi.",
        )
    ]
    save(client)
    assert snapshot() == before

    response = preview_of(client, tmpl, reason="Koreksi sesuai LHP BPK")
    assert response.context["preview"].errors == []
    assert outcomes(response)["changed"] == 1
    assert save(client).status_code == 302
    audit.refresh_from_db()
    assert audit.number == 40
    assert audit.review_state == ReviewState.VERIFIED  # a staff correction keeps the verification
    record = audit.history.latest("history_date")
    assert record.history_change_reason == "Koreksi sesuai LHP BPK · Impor Excel: t.xlsx"
    assert record.history_user == staff_user


def test_staff_write_into_a_closed_window_only_with_a_reason(client, staff_user, q4_window):
    q4_window.is_open = False
    q4_window.save()
    client.force_login(staff_user)
    tmpl = template(client)
    row = tmpl.set(code_of(BUDAYA), Realisasi=40)
    response = preview_of(client, tmpl, reason="  ")
    assert [(r, c) for r, c, _ in response.context["preview"].errors] == [(row, "Status laporan")]
    save(client)
    assert not Realisation.objects.filter(period="q4").exists()
    preview_of(client, tmpl, reason="Data TW IV dari Inspektorat terlambat")
    save(client)
    report = Realisation.objects.get(activity=activity(BUDAYA), period="q4")
    assert (report.number, report.review_state, report.reported_by) == (40, ReviewState.SUBMITTED, staff_user)
    assert report.history.get().history_change_reason == (
        "Data TW IV dari Inspektorat terlambat · Impor Excel: t.xlsx"
    )


def test_the_reason_field_is_offered_to_staff_only(client, staff_user, inspektorat_user):
    client.force_login(staff_user)
    assert "reason" in client.get(reverse("monev:import")).context["upload_form"].fields
    client.force_login(inspektorat_user)
    assert "reason" not in client.get(reverse("monev:import")).context["upload_form"].fields


def test_a_template_uploaded_untouched_after_others_reported_changes_nothing(
    client, inspektorat_user, staff_user, q4_window
):
    """Issue 12: downloaded, then someone reports a line; uploaded as it was, nothing changes or fails."""
    _, gratifikasi, _ = existing_reports(inspektorat_user)
    client.force_login(inspektorat_user)
    tmpl = template(client)  # Budaya is empty here, Gratifikasi 95,5
    Realisation.objects.create(
        activity=activity(BUDAYA),
        year=2020,
        period="q4",
        number=44,
        review_state="submitted",
        reported_by=staff_user,
    )
    gratifikasi.number = 97  # corrected by someone else after the download
    gratifikasi.save()
    before = snapshot()
    response = preview_of(client, tmpl)
    preview = response.context["preview"]
    assert preview.errors == [] and preview.to_save == []
    lines = {line.code: line for line in preview.lines}
    assert lines[code_of(BUDAYA)].outcome == "empty" and lines[code_of(GRATIFIKASI)].outcome == "unchanged"
    assert save(client).status_code == 302
    assert snapshot() == before  # neither 44 nor 97 was touched

    tmpl.set(code_of(BUDAYA), Keterangan="diisi")  # a line the user did change is read as before
    response = preview_of(client, tmpl)
    assert [line.outcome for line in response.context["preview"].lines if line.code == code_of(BUDAYA)] == [
        "error"
    ]


@pytest.mark.parametrize(("typed", "warned"), [("0,3", True), ("4.500", True), ("45", False), ("0,5", False)])
def test_a_value_orders_of_magnitude_from_its_target_is_flagged_in_the_preview(
    client, inspektorat_user, q4_window, typed, warned
):
    """Budaya's target is 45: "0,3" is likely 3 typed wrongly, "4.500" a decimal typed as thousands."""
    client.force_login(inspektorat_user)
    tmpl = template(client)
    row = tmpl.set(code_of(BUDAYA), Realisasi=typed)
    response = preview_of(client, tmpl)
    warnings = response.context["preview"].warnings
    assert [(r, c) for r, c, _ in warnings] == ([(row, "Realisasi")] if warned else [])
    html = response.content.decode()
    assert ("Periksa sebelum menyimpan" in html) is warned
    if warned:
        assert "berbeda lebih dari 100 kali lipat dari target 45" in warnings[0][2]
    assert save(client).status_code == 302  # a warning does not stop the save
    assert Realisation.objects.get(activity=activity(BUDAYA), period="q4").number > 0


@pytest.mark.parametrize(
    ("aggregation", "typed", "warning"),
    [
        ("latest", "20", "lebih kecil dari TW III (30)"),  # a quarter's addition, not the position
        ("latest", "35", None),
        ("sum", "40", "sama dengan atau lebih besar dari jumlah triwulan sebelumnya (30)"),  # a running total
        ("sum", "12", None),
    ],
)
def test_the_preview_warns_as_the_form_does_about_an_earlier_quarter(
    client, inspektorat_user, q4_window, aggregation, typed, warning
):
    """The browser form's soft warnings reach the preview: the template's period is TW IV, the year's
    TW III report is compared with the figure typed for it."""
    budaya = activity(BUDAYA)
    budaya.aggregation = aggregation
    budaya.save()
    Realisation.objects.create(
        activity=budaya,
        year=2020,
        period="q3",
        number=30,
        review_state="verified",
        reported_by=inspektorat_user,
    )
    client.force_login(inspektorat_user)
    tmpl = template(client)
    row = tmpl.set(code_of(BUDAYA), Realisasi=typed)
    response = preview_of(client, tmpl)
    warnings = [(r, c, text) for r, c, text in response.context["preview"].warnings if r == row]
    if warning is None:
        assert warnings == []
    else:
        assert [(r, c) for r, c, _ in warnings] == [(row, "Realisasi")] and warning in warnings[0][2]
        assert "Periksa sebelum menyimpan" in response.content.decode()
    lines = {line.code: line for line in response.context["preview"].lines}
    assert lines[code_of(BUDAYA)].outcome == "new"  # the TW III report is not this period's report
    assert save(client).status_code == 302  # warned, not refused
    assert Realisation.objects.get(activity=budaya, period="q4").number == D(typed)


def test_a_500_line_template_is_previewed_without_a_query_per_line(
    client, inspektorat_user, q4_window, django_assert_max_num_queries
):
    """The preview of a large file stays a handful of queries (the lead benchmarks its time)."""
    rows = list(ActionPlanRow.objects.filter(leads__agency__code="inspektorat"))
    PlannedAction.objects.bulk_create(
        PlannedAction(row=rows[n % len(rows)], year=2020, order=100 + n, text=f"Rencana aksi uji {n}")
        for n in range(475)  # 11 activities and 14 planned actions are there already
    )
    client.force_login(inspektorat_user)
    tmpl = template(client)
    assert len(tmpl.codes) == 500
    for code in tmpl.codes:
        if code.startswith("K"):
            tmpl.set(code, Realisasi=40, Keterangan="Uji beban")
        else:
            tmpl.set(code, Status_pelaksanaan="Sedang berjalan", Persen_selesai=50, Keterangan="Uji beban")
    assert upload(client, tmpl.upload()).status_code == 302
    started = time.monotonic()
    with django_assert_max_num_queries(
        31
    ):  # the preview, and the navigation's Tugas saya count (with findings)
        response = client.get(reverse("monev:import-preview"))
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert outcomes(response)["new"] == 500 and response.context["preview"].errors == []
    print(f"500-line preview: {elapsed:.2f} s")  # shown with -s; the lead's benchmark times it properly


def test_a_preview_row_shows_the_line_escaped_with_its_errors_and_warnings():
    """The preview's rows are written in Python (monev/templatetags/import_preview.py): what a user
    typed is escaped, a refused line is marked, its messages sit in the row."""
    line = Line(row=1207, code="X<1>", name="Baris & <b>tebal</b>")
    line.changes = [("Keterangan", "–", "a <i>b</i>")]
    line.error("code", "Kode X<1> tidak dikenal.")
    line.warnings.append(("Realisasi", "Periksa <angka>"))
    row = " ".join(preview_row(line).split())
    assert row.startswith('<tr class="table-danger"> <td class="text-end">1207</td>')
    assert '<td class="text-nowrap">X&lt;1&gt;</td>' in row
    assert '<td class="small">Baris &amp; &lt;b&gt;tebal&lt;/b&gt;</td>' in row
    assert '<span class="badge import-error">Galat</span>' in row
    assert "<del>" not in row  # a refused line changes nothing
    assert '<div class="text-danger">Kode: Kode X&lt;1&gt; tidak dikenal.</div>' in row
    assert '<div class="text-warning-emphasis">Periksa Realisasi: Periksa &lt;angka&gt;</div>' in row
    line.errors, line.outcome = [], "changed"
    row = " ".join(preview_row(line).split())
    assert (
        row.startswith("<tr> ")
        and "<li>Keterangan: <del>–</del> → <strong>a &lt;i&gt;b&lt;/i&gt;</strong></li>" in row
    )
