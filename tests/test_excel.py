"""Excel: table exports, the recap workbook, and reporting through the agency template.

Workbooks are read back with openpyxl cell by cell, as a user would see them in Excel; the
import tests download the template through the test client, edit it with openpyxl as a user
would edit it in Excel, and upload it again.
"""

import re
import time
import zipfile
from decimal import Decimal as D
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from actions.models import ActionPlanRow, PlannedAction, PriorityActivity
from monev.models import ActionProgress, Realisation, ReopenedItem, ReportingWindow, ReviewState
from roadmap.models import Agency, RoadmapEdition

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
SESSION_KEY = "monev_import"

# Items of the regulation used below (Perbup 40/2020).
BUDAYA = "Pembangunan Budaya integritas"  # Inspektorat, Perangkat Daerah, target 45
GRATIFIKASI = "Penanganan gratifikasi."  # Inspektorat, %, target 100
AUDIT = "Audit laporan keuangan."  # Inspektorat, Perangkat Daerah, target 45
PROMOSI = "Promosi jabatan secara terbuka."  # BKD, ASN, target 125 in 2020
GRATIFIKASI_ROW = "Penanganan Gratifikasi"  # action plan row led by Inspektorat


def activity(name: str) -> PriorityActivity:
    return PriorityActivity.objects.get(name=name)


def code_of(name: str) -> str:
    return f"K{activity(name).pk}"


def gratifikasi_action() -> PlannedAction:
    return PlannedAction.objects.get(row__name=GRATIFIKASI_ROW, year=2020)


def action_code() -> str:
    return f"RA{gratifikasi_action().pk}"


def pengawasan():
    return RoadmapEdition.objects.current().areas.get(slug="pengawasan")


def agency(code: str) -> Agency:
    return Agency.objects.get(code=code)


def workbook_of(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].startswith('attachment; filename="')
    return load_workbook(BytesIO(response.content))


def header_row(ws, first_title: str, limit: int = 20) -> int:
    """The header row: it starts with the first column's title (a sheet's title may be the same words)."""
    return next(
        row
        for row in range(1, limit + 1)
        if ws.cell(row, 1).value == first_title and ws.cell(row, 2).value is not None
    )


def export_rows(ws, first_title: str) -> tuple[list[str], list[dict]]:
    """The header titles of a table export and its rows as {title: cell}."""
    top = header_row(ws, first_title)
    titles = [cell.value for cell in ws[top]]
    rows = [
        dict(zip(titles, row, strict=True))
        for row in ws.iter_rows(min_row=top + 1, max_row=ws.max_row)
        if any(cell.value is not None for cell in row)
    ]
    return titles, rows


def recap_rows(ws) -> tuple[list[str], list[dict]]:
    """A recap sheet's columns (lower header row, else the upper one) and its lines as {title: cell}."""
    top = header_row(ws, "No")
    titles = [ws.cell(top + 1, col).value or ws.cell(top, col).value for col in range(1, ws.max_column + 1)]
    rows = [
        dict(zip(titles, row, strict=True))
        for row in ws.iter_rows(min_row=top + 2, max_row=ws.max_row)
        if any(cell.value is not None for cell in row)
    ]
    return titles, rows


def string_cells(wb):
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    yield cell


def assert_no_markup(wb):
    leaked = [
        (c.coordinate, c.value)
        for c in string_cells(wb)
        if TAG.search(c.value) or "&lt;" in c.value or "&amp;" in c.value
    ]
    assert not leaked


def assert_no_formulas(wb):
    formulas = [
        (c.coordinate, c.value) for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"
    ]
    assert not formulas


# --- Table exports (?_export=xlsx) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "sheet", "first_titles", "filename"),
    [
        (
            "/indicators/",
            "Target indikator",
            ["Area perubahan", "Indikator keberhasilan", "Satuan", "2016", "2017", "2018", "2019", "2020"],
            "target-indikator-",
        ),
        (
            "/activities/",
            "Kegiatan prioritas",
            ["Area / quick win", "Kegiatan", "Satuan", "2016", "2017", "2018", "2019", "2020"],
            "kegiatan-prioritas-",
        ),
        (
            "/action-plan/",
            "Rencana aksi",
            [
                "Area perubahan",
                "Sub kegiatan",
                "Utama",
                "Pendukung",
                "Rencana aksi 2020",
                "Rencana aksi 2021",
            ],
            "rencana-aksi-",
        ),
        (
            "/achievement/?year=2020",
            "Capaian indikator dan kegiatan",
            ["Area / quick win", "Jenis", "Indikator / kegiatan", "Pengampu", "Satuan", "Target"],
            "capaian-",
        ),
    ],
)
def test_a_table_page_downloads_as_a_workbook_with_a_frozen_header_and_no_markup(
    client, pengarah_user, url, sheet, first_titles, filename
):
    client.force_login(pengarah_user)
    response = client.get(url + ("&" if "?" in url else "?") + "_export=xlsx")
    wb = workbook_of(response)
    assert f'filename="{filename}' in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('.xlsx"')
    assert wb.sheetnames == [sheet]
    ws = wb[sheet]
    assert ws["A1"].value == sheet and ws["A1"].font.b
    top = header_row(ws, first_titles[0])
    titles = [cell.value for cell in ws[top]]
    assert titles[: len(first_titles)] == first_titles
    assert all(cell.font.b for cell in ws[top])
    assert ws.freeze_panes == f"A{top + 1}"  # everything below the header scrolls
    _, rows = export_rows(ws, first_titles[0])
    assert f"· {len(rows)} baris" in ws["A2"].value
    assert len(rows) > 5
    assert_no_markup(wb)
    assert_no_formulas(wb)
    # The page itself is still the HTML page.
    assert client.get(url)["Content-Type"].startswith("text/html")


def test_indicator_export_keeps_the_regulations_targets_cell_by_cell(client, pengarah_user):
    client.force_login(pengarah_user)
    wb = workbook_of(client.get("/indicators/?_export=xlsx"))
    _, rows = export_rows(wb.active, "Area perubahan")
    by_name = {row["Indikator keberhasilan"].value: row for row in rows}

    irb = by_name["Indeks Reformasi Birokrasi"]  # Tabel 1.1: 53,75 / 60,53 / 64,24 for 2017–2019
    assert [irb[str(y)].value for y in (2017, 2018, 2019)] == [53.75, 60.53, 64.24]
    assert irb["2017"].data_type == "n" and "#,##0.00" in irb["2017"].number_format
    assert irb["2016"].value == "–" and irb["2020"].value == "–"  # no target: a dash, never 0

    spip = by_name["Maturitas Sistem Pengendalian Instansi Pemerintahan"]
    assert spip["2020"].value == 3.5 and "#,##0.0" in spip["2020"].number_format
    assert spip["Area perubahan"].value == "Penguatan Pengawasan" and spip["Satuan"].value == "Level"

    opini = by_name["Opini Badan Pemeriksa Keuangan atas lap. Keuangan"]
    assert opini["2020"].value == "Wajar Tanpa Pengecualian" and opini["2020"].data_type == "s"


def test_indicator_export_follows_the_filters_in_the_query_string(client, pengarah_user):
    client.force_login(pengarah_user)
    everything = export_rows(workbook_of(client.get("/indicators/?_export=xlsx")).active, "Area perubahan")[1]
    response = client.get("/indicators/", {"area": pengawasan().pk, "_export": "xlsx"})
    _, rows = export_rows(workbook_of(response).active, "Area perubahan")
    assert len(rows) == 8 < len(everything)  # Tabel 5.1: eight indicators of Penguatan Pengawasan
    assert {row["Area perubahan"].value for row in rows} == {"Penguatan Pengawasan"}
    response = client.get("/indicators/", {"q": "Whistle", "_export": "xlsx"})
    _, rows = export_rows(workbook_of(response).active, "Area perubahan")
    assert [row["Indikator keberhasilan"].value for row in rows] == [
        "Persentase aduan Whistle Blowing Sistem yang ditangani"
    ]


def test_the_download_link_carries_the_filters_and_sort_but_not_the_page(client, pengarah_user):
    client.force_login(pengarah_user)
    area = pengawasan().pk
    html = client.get("/indicators/", {"area": area, "sort": "name", "page": 1}).content.decode()
    links = re.findall(r'<a [^>]*href="([^"]*_export=xlsx[^"]*)"[^>]*>Unduh Excel</a>', html)
    assert links == [f"?area={area}&amp;sort=name&amp;_export=xlsx"]
    response = client.get("/indicators/" + links[0].replace("&amp;", "&"))
    _, rows = export_rows(workbook_of(response).active, "Area perubahan")
    names = [row["Indikator keberhasilan"].value for row in rows]
    assert len(names) == 8 and names == sorted(names)


def test_activity_export_writes_targets_as_numbers_and_narrows_to_the_filter(client, pengarah_user):
    client.force_login(pengarah_user)
    response = client.get("/activities/", {"agency": agency("inspektorat").pk, "_export": "xlsx"})
    titles, rows = export_rows(workbook_of(response).active, "Area / quick win")
    assert titles[-1] == "Perangkat Daerah Pengampu"
    assert {row["Kegiatan"].value for row in rows} == {
        BUDAYA,
        "Penilaian Mandiri Pelaksanaan Reformasi Birokrasi",
        "Advokasi Pemenuhan Pelaporan Laporan Harta Kekayaan Aparatur Sipil Negara.",
        GRATIFIKASI,
        AUDIT,
    }
    assert {row["Perangkat Daerah Pengampu"].value for row in rows} == {"Inspektorat"}
    audit = next(row for row in rows if row["Kegiatan"].value == AUDIT)
    target = audit["2020"]
    assert target.value == 45 and target.data_type == "n"  # a number Excel can add up, not the text "45"
    assert "#,##0" in target.number_format and target.number_format.startswith("[$-421]")
    assert audit["Area / quick win"].value == "Penguatan Pengawasan"
    assert audit["Satuan"].value == "Perangkat Daerah"

    response = client.get("/activities/", {"q": "Promosi jabatan", "_export": "xlsx"})
    _, rows = export_rows(workbook_of(response).active, "Area / quick win")
    assert [(r["Kegiatan"].value, r["2020"].value, r["2016"].value) for r in rows] == [(PROMOSI, 125, 177)]


def test_action_plan_export_lists_utama_pendukung_and_the_actions_as_plain_text(client, pengarah_user):
    client.force_login(pengarah_user)
    response = client.get("/action-plan/", {"lead": agency("inspektorat").pk, "_export": "xlsx"})
    wb = workbook_of(response)
    _, rows = export_rows(wb.active, "Area perubahan")
    assert len(rows) == ActionPlanRow.objects.filter(leads__agency__code="inspektorat").count() == 14
    assert all("Inspektorat" in row["Utama"].value for row in rows)
    row = next(r for r in rows if r["Sub kegiatan"].value == GRATIFIKASI_ROW)
    assert row["Area perubahan"].value == "Penguatan Pengawasan"
    assert row["Utama"].value == "Inspektorat"
    assert row["Pendukung"].value == "Seluruh Perangkat Daerah"
    assert row["Rencana aksi 2020"].value == "Laporan Gratifikasi ke Komisi Pemberantasan Korupsi"
    bpkd = client.get("/action-plan/", {"q": "Opini Badan Pemeriksa", "_export": "xlsx"})
    _, rows = export_rows(workbook_of(bpkd).active, "Area perubahan")
    actions = rows[0]["Rencana aksi 2020"].value.split("\n")  # several actions: one per line, no <li>
    assert len(actions) == 5 and actions[0] == "Rekonsiliasi Data Realisasi Dana Transfer Kabupaten/Kota"
    assert_no_markup(wb)


def test_an_export_holds_every_row_not_just_the_page_shown_and_follows_the_sort(client, pengarah_user):
    client.force_login(pengarah_user)
    wb = workbook_of(client.get("/action-plan/?_export=xlsx"))
    ws = wb.active
    top = header_row(ws, "Area perubahan")
    _, rows = export_rows(ws, "Area perubahan")
    total = ActionPlanRow.objects.of_edition(RoadmapEdition.objects.current()).count()
    assert len(rows) == total > 50  # the page shows 50 rows; the download has them all
    assert ws.auto_filter.ref == f"A{top}:F{top + total}"
    response = client.get("/indicators/", {"sort": "-name", "_export": "xlsx"})
    _, rows = export_rows(workbook_of(response).active, "Area perubahan")
    names = [row["Indikator keberhasilan"].value for row in rows]
    assert names == sorted(names, reverse=True) and len(names) == 15


def test_text_people_typed_is_exported_as_text_never_as_a_formula(client, staff_user, make_user):
    make_user("jahat", "agency_admin", "bkd", first_name='=HYPERLINK("http://x.test","klik")', last_name="")
    make_user("plus", "agency_admin", "bkd", first_name="+62 812", last_name="")
    client.force_login(staff_user)
    wb = workbook_of(client.get(reverse("account-list"), {"_export": "xlsx"}))
    _, rows = export_rows(wb.active, "Nama pengguna")
    by_user = {row["Nama pengguna"].value: row for row in rows}
    name = by_user["jahat"]["Nama"]
    assert name.value == '=HYPERLINK("http://x.test","klik")' and name.data_type == "s"  # text, as typed
    assert by_user["plus"]["Nama"].value == "+62 812"
    assert by_user["jahat"]["Perangkat Daerah"].value == "BKD dan Diklat"
    assert_no_formulas(wb)
    assert_no_markup(wb)


def test_the_accounts_export_writes_last_login_as_a_date_in_jakarta_time(client, staff_user, make_user):
    import datetime

    user = make_user("masuk", "agency_admin", "bkd", first_name="Pernah", last_name="Masuk")
    user.last_login = datetime.datetime(2026, 11, 29, 19, 57, 12, 898591, tzinfo=datetime.UTC)
    user.save()
    client.force_login(staff_user)
    wb = workbook_of(client.get(reverse("account-list"), {"_export": "xlsx"}))
    _, rows = export_rows(wb.active, "Nama pengguna")
    cell = {row["Nama pengguna"].value: row for row in rows}["masuk"]["Terakhir masuk"]
    assert cell.is_date and cell.value == datetime.datetime(2026, 11, 30, 2, 57, 12)  # WIB
    assert cell.number_format == '[$-421]d mmmm yyyy hh"."mm "WIB"'


def test_agency_export_counts_are_numbers(client, pengarah_user):
    client.force_login(pengarah_user)
    response = client.get("/agencies/", {"_export": "xlsx"})
    assert 'filename="perangkat-daerah-' in response["Content-Disposition"]
    titles, rows = export_rows(workbook_of(response).active, "Perangkat Daerah")
    assert titles[:3] == ["Perangkat Daerah", "Nama singkat", "Jenis"]
    insp = next(row for row in rows if row["Perangkat Daerah"].value == "Inspektorat")
    activities, plan_rows = insp["Kegiatan prioritas (pengampu)"], insp["Rencana aksi (utama)"]
    assert (activities.value, plan_rows.value) == (5, 14)
    assert activities.data_type == "n" and "#,##0" in activities.number_format
    response = client.get("/agencies/", {"q": "Kepegawaian", "_export": "xlsx"})
    _, rows = export_rows(workbook_of(response).active, "Perangkat Daerah")
    assert [row["Perangkat Daerah"].value for row in rows] == [
        "Badan Kepegawaian Daerah dan Diklat",
        "Bagian Organisasi dan Kepegawaian Setda",
    ]


def achievement_export(client, **params):
    response = client.get("/achievement/", {"year": 2020, "kind": "activity", "_export": "xlsx", **params})
    return export_rows(workbook_of(response).active, "Area / quick win")[1]


def test_achievement_export_shows_verified_figures_for_the_filtered_items(client, pengarah_user):
    Realisation.objects.create(
        activity=activity(AUDIT), year=2020, period="q1", number=36, review_state="verified"
    )
    Realisation.objects.create(
        activity=activity(GRATIFIKASI), year=2020, period="q1", number=90, review_state="submitted"
    )
    client.force_login(pengarah_user)
    rows = achievement_export(client, agency=agency("inspektorat").pk)
    assert len(rows) == 5
    assert {row["Pengampu"].value for row in rows} == {"Inspektorat"}
    assert {row["Jenis"].value for row in rows} == {"Kegiatan"}
    by_name = {row["Indikator / kegiatan"].value: row for row in rows}
    audit = by_name[AUDIT]
    assert audit["Realisasi terverifikasi"].value == 36
    assert audit["Keadaan"].value == "Tertinggal"
    gratifikasi = by_name[GRATIFIKASI]  # only submitted: never counted as realised
    assert gratifikasi["Realisasi terverifikasi"].value is None  # an empty cell, not a number 0
    assert gratifikasi["Keadaan"].value == "Menunggu verifikasi"
    assert len(achievement_export(client, agency=agency("bkd").pk)) == 5


def test_achievement_export_writes_targets_figures_and_achievement_as_numbers(client, pengarah_user):
    Realisation.objects.create(
        activity=activity(AUDIT), year=2020, period="q1", number=36, review_state="verified"
    )
    client.force_login(pengarah_user)
    rows = achievement_export(client, agency=agency("inspektorat").pk)
    audit = next(row for row in rows if row["Indikator / kegiatan"].value == AUDIT)
    assert audit["Target"].value == 45 and "#,##0" in audit["Target"].number_format
    assert audit["Realisasi terverifikasi"].value == 36
    assert audit["Capaian"].value == pytest.approx(0.8) and "0.00%" in audit["Capaian"].number_format


# --- The recap workbook ------------------------------------------------------------------------


def recap(client, **params):
    response = client.get(reverse("dashboards:recap"), {"year": 2020, **params})
    return response, workbook_of(response)


def merged(ws) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def test_area_recap_has_the_regulations_tables_with_grouped_headers(client, pengarah_user):
    client.force_login(pengarah_user)
    response, wb = recap(client, area=pengawasan().pk)
    assert response["Content-Disposition"] == 'attachment; filename="rekap-monev-2020-area-6.xlsx"'
    assert wb.sheetnames == ["Indikator", "Kegiatan Prioritas", "Rencana Aksi"]

    ws = wb["Kegiatan Prioritas"]
    assert ws["A1"].value == "Rekap Capaian Kegiatan Prioritas Tahun 2020"
    assert ws["A2"].value.startswith("Area 6. Penguatan Pengawasan · Peraturan Bupati Pekalongan Nomor 40")
    top = header_row(ws, "No")
    upper = {ws.cell(top, col).value: get_column_letter(col) for col in range(1, ws.max_column + 1)}
    lower = [ws.cell(top + 1, col).value for col in range(1, ws.max_column + 1)]
    assert lower == [
        None, None, None, "2016", "2017", "2018", "2019", "2020",
        "Terverifikasi", "Menunggu verifikasi", None, None, None,
    ]  # fmt: skip
    assert upper["Target"] == "D" and upper["Realisasi 2020"] == "I"
    cells = merged(ws)
    assert f"D{top}:H{top}" in cells  # "Target" spans the five year columns
    assert f"I{top}:J{top}" in cells  # "Realisasi 2020" spans Terverifikasi and Menunggu verifikasi
    assert {f"A{top}:A{top + 1}", f"B{top}:B{top + 1}", f"K{top}:K{top + 1}", f"M{top}:M{top + 1}"} <= cells
    assert ws.cell(top, 11).value == "Capaian" and ws.cell(top, 13).value == "Perangkat Daerah Pengampu"
    assert ws.freeze_panes == f"A{top + 2}"

    _, rows = recap_rows(ws)
    assert rows[0]["Kegiatan"].value == "6. Penguatan Pengawasan"  # the area's heading row
    lines = [row for row in rows if isinstance(row["No"].value, int)]
    assert [row["No"].value for row in lines] == list(range(1, 12))
    audit = next(row for row in lines if row["Kegiatan"].value == AUDIT)
    assert audit["2020"].value == 45 and "#,##0" in audit["2020"].number_format
    assert audit["Perangkat Daerah Pengampu"].value == "Inspektorat"
    assert audit["Keadaan"].value == "Belum dilaporkan"

    ws = wb["Indikator"]
    _, rows = recap_rows(ws)
    names = [row["Indikator keberhasilan"].value for row in rows if isinstance(row["No"].value, int)]
    assert len(names) == 8 and "Kapabilitas Aparatur Pengawas Intern Pemerintahan" in names
    assert "Perangkat Daerah Pengampu" not in recap_rows(ws)[0]
    assert_no_formulas(wb)


def test_recap_keeps_verified_and_awaiting_figures_in_their_own_columns(client, pengarah_user):
    Realisation.objects.create(
        activity=activity(AUDIT), year=2020, period="q1", number=36, review_state="verified"
    )
    Realisation.objects.create(
        activity=activity(GRATIFIKASI), year=2020, period="q2", number=90, review_state="submitted"
    )
    Realisation.objects.create(
        activity=activity(BUDAYA), year=2020, period="q1", number=45, review_state="draft"
    )
    client.force_login(pengarah_user)
    _, wb = recap(client, area=pengawasan().pk)
    _, rows = recap_rows(wb["Kegiatan Prioritas"])
    by_name = {row["Kegiatan"].value: row for row in rows}

    audit = by_name[AUDIT]
    assert audit["Terverifikasi"].value == 36 and audit["Menunggu verifikasi"].value is None
    capaian = audit["Capaian"]
    assert capaian.value == pytest.approx(0.8)  # 36 of 45: written as the fraction Excel shows as 80,00%
    assert "0.00%" in capaian.number_format
    assert audit["Keadaan"].value == "Tertinggal"

    gratifikasi = by_name[GRATIFIKASI]
    assert gratifikasi["Terverifikasi"].value is None  # awaiting review: never mixed into the figure
    assert gratifikasi["Menunggu verifikasi"].value == 90
    assert gratifikasi["Capaian"].value is None
    assert gratifikasi["Keadaan"].value == "Menunggu verifikasi"

    _, wb = recap(client, agency="inspektorat")
    _, rows = recap_rows(wb["Kegiatan Prioritas"])
    budaya = next(row for row in rows if row["Kegiatan"].value == BUDAYA)  # a draft counts nowhere
    assert budaya["Terverifikasi"].value is None and budaya["Menunggu verifikasi"].value is None


def test_recap_action_plan_sheet_has_utama_pendukung_and_each_years_actions(
    client, pengarah_user, staff_user
):
    action = gratifikasi_action()
    ActionProgress.objects.create(
        planned_action=action, quarter=2, status="in_progress", percent=40, review_state="verified"
    )
    ActionProgress.objects.create(
        planned_action=action, quarter=3, status="in_progress", percent=70, review_state="submitted"
    )
    client.force_login(pengarah_user)
    _, wb = recap(client, area=pengawasan().pk)
    ws = wb["Rencana Aksi"]
    top = header_row(ws, "No")
    assert ws.cell(top, 2).value == "Area Perubahan, Kegiatan Dan Sub Kegiatan"
    assert (ws.cell(top, 3).value, ws.cell(top, 5).value, ws.cell(top, 7).value) == (
        "Perangkat Daerah Terkait",
        "Rencana Aksi Per Tahun",
        "Kemajuan 2020",
    )
    assert {f"C{top}:D{top}", f"E{top}:F{top}", f"G{top}:J{top}"} <= merged(ws)
    titles, rows = recap_rows(ws)
    assert titles == [
        "No",
        "Area Perubahan, Kegiatan Dan Sub Kegiatan",
        "Utama",
        "Pendukung",
        "2020",
        "2021",
        "Status",
        "Persen selesai",
        "Triwulan",
        "Verifikasi",
    ]
    line = next(
        r for r in rows if r["Area Perubahan, Kegiatan Dan Sub Kegiatan"].value == f"• {GRATIFIKASI_ROW}"
    )
    assert line["Utama"].value == "Inspektorat"
    assert line["Pendukung"].value == "Seluruh Perangkat Daerah"
    assert line["2020"].value == line["2021"].value == "Laporan Gratifikasi ke Komisi Pemberantasan Korupsi"
    assert line["Status"].value == "Sedang berjalan"  # the latest verified quarter
    assert line["Persen selesai"].value == 40 and line["Triwulan"].value == "TW II"
    assert line["Verifikasi"].value == "menunggu verifikasi"  # TW 3 awaits review
    lhkpn = next(
        r
        for r in rows
        if "Pemenuhan pelaporan Laporan Harta" in str(r["Area Perubahan, Kegiatan Dan Sub Kegiatan"].value)
    )
    assert lhkpn["Utama"].value.split("\n") == ["Badan Kepegawaian Daerah dan Diklat", "Inspektorat"]
    assert lhkpn["Status"].value == "Belum dilaporkan"


def test_agency_recap_holds_only_that_agencys_items_and_no_indicator_sheet(client, pengarah_user):
    client.force_login(pengarah_user)
    response, wb = recap(client, agency="inspektorat")
    assert response["Content-Disposition"] == 'attachment; filename="rekap-monev-2020-inspektorat.xlsx"'
    assert wb.sheetnames == ["Kegiatan Prioritas", "Rencana Aksi"]
    assert wb["Kegiatan Prioritas"]["A2"].value.startswith("Perangkat Daerah: Inspektorat")
    _, rows = recap_rows(wb["Kegiatan Prioritas"])
    lines = [row for row in rows if isinstance(row["No"].value, int)]
    expected = set(
        PriorityActivity.objects.of_edition(RoadmapEdition.objects.current())
        .led_by(agency("inspektorat"))
        .values_list("name", flat=True)
    )
    assert {row["Kegiatan"].value for row in lines} == expected and len(lines) == 5
    assert {row["Perangkat Daerah Pengampu"].value for row in lines} == {"Inspektorat"}
    assert PROMOSI not in {row["Kegiatan"].value for row in rows}

    _, rows = recap_rows(wb["Rencana Aksi"])
    plan_lines = [
        row for row in rows if str(row["Area Perubahan, Kegiatan Dan Sub Kegiatan"].value).startswith("•")
    ]
    assert len(plan_lines) == 14
    assert all("Inspektorat" in row["Utama"].value.split("\n") for row in plan_lines)

    _, wb = recap(client, agency="bkd")
    _, rows = recap_rows(wb["Kegiatan Prioritas"])
    assert PROMOSI in {row["Kegiatan"].value for row in rows}
    assert AUDIT not in {row["Kegiatan"].value for row in rows}


@pytest.mark.parametrize("vendor", ["sqlite", "postgresql"])
def test_activities_are_listed_areas_first_then_quick_wins_on_every_database(vendor):
    """SQLite sorts NULLs first: ordering by area alone put quick-win activities before area 1 there."""
    from django.db import connections

    queryset = PriorityActivity.objects.all()
    sql = str(queryset.query) if vendor == connections["default"].vendor else None
    if sql is None:
        engine = {"sqlite": "django.db.backends.sqlite3", "postgresql": "django.db.backends.postgresql"}[
            vendor
        ]
        backend = __import__(f"{engine}.base", fromlist=["DatabaseWrapper"])
        settings_dict = {**connections["default"].settings_dict, "ENGINE": engine}
        compiler = queryset.query.get_compiler(connection=backend.DatabaseWrapper(settings_dict))
        sql = compiler.as_sql()[0]
    order_by = sql.split("ORDER BY", 1)[1]
    assert order_by.count("NULLS LAST") == 2, order_by  # area, then quick win: both nulls last
    names = [(a.area.order if a.area_id else None, a.quick_win_id) for a in queryset.select_related("area")]
    first_quick_win = next(i for i, (area, _) in enumerate(names) if area is None)
    assert all(area is None for area, _ in names[first_quick_win:])


def test_recap_of_the_whole_roadmap_and_unknown_scopes(client, pengarah_user):
    client.force_login(pengarah_user)
    response, wb = recap(client)
    assert response["Content-Disposition"] == 'attachment; filename="rekap-monev-2020-semua-area.xlsx"'
    assert wb.sheetnames == ["Indikator", "Kegiatan Prioritas", "Rencana Aksi"]
    assert wb["Indikator"]["A2"].value.startswith("Seluruh area perubahan")
    assert client.get(reverse("dashboards:recap"), {"year": 2020, "agency": "tidak-ada"}).status_code == 404
    assert client.get(reverse("dashboards:recap"), {"year": 2020, "area": "6 OR 1=1"}).status_code == 404
    assert client.get(reverse("dashboards:recap"), {"year": 2020, "area": 999999}).status_code == 404


# --- The reporting template: helpers -----------------------------------------------------------


@pytest.fixture
def q4_window():
    return ReportingWindow.objects.create(year=2020, period="q4", is_open=True)


class Template:
    """A downloaded template, edited as a user edits it in Excel."""

    def __init__(self, content: bytes):
        self.wb = load_workbook(BytesIO(content))
        self.ws = self.wb["Laporan"]
        self.top = header_row(self.ws, "Kode")
        self.columns = {self.ws.cell(self.top, col).value: col for col in range(1, self.ws.max_column + 1)}

    @property
    def codes(self) -> dict[str, int]:
        return {
            self.ws.cell(row, 1).value: row
            for row in range(self.top + 1, self.ws.max_row + 1)
            if self.ws.cell(row, 1).value
        }

    def cell(self, code: str, title: str):
        return self.ws.cell(self.codes[code], self.columns[title])

    def set(self, code: str, **values) -> int:
        """Type values into a line: keys are column titles with spaces as underscores."""
        row = self.codes[code]
        for title, value in values.items():
            self.ws.cell(row, self.columns[title.replace("_", " ")]).value = value
        return row

    def add_line(self, **values) -> int:
        """A line typed by hand below the template's lines."""
        row = self.ws.max_row + 1
        for title, value in values.items():
            self.ws.cell(row, self.columns[title.replace("_", " ")]).value = value
        return row

    def upload(self, name: str = "t.xlsx") -> SimpleUploadedFile:
        buffer = BytesIO()
        self.wb.save(buffer)
        return SimpleUploadedFile(name, buffer.getvalue(), content_type=XLSX)


def download(client, agency_code="inspektorat", period="q4", year=2020):
    return client.get(
        reverse("monev:import-template"), {"agency": agency_code, "year": year, "period": period}
    )


def template(client, agency_code="inspektorat", period="q4") -> Template:
    return Template(workbook_bytes(download(client, agency_code, period)))


def workbook_bytes(response) -> bytes:
    workbook_of(response)
    return response.content


def upload(client, file, reason=None):
    data = {"file": file}
    if reason is not None:
        data["reason"] = reason
    return client.post(reverse("monev:import"), data)


def preview_of(client, tmpl: Template, reason=None):
    """Upload a template and return the preview page."""
    response = upload(client, tmpl.upload(), reason)
    assert response.status_code == 302 and response["Location"] == reverse("monev:import-preview")
    response = client.get(reverse("monev:import-preview"))
    assert response.status_code == 200
    return response


def outcomes(response) -> dict[str, int]:
    return {key: count for key, _, count in response.context["preview"].counts}


def save(client, action="save_all"):
    return client.post(reverse("monev:import-preview"), {"action": action})


def snapshot():
    """Every stored report and the size of their audit trails."""
    return (
        list(Realisation.objects.order_by("pk").values()),
        list(ActionProgress.objects.order_by("pk").values()),
        Realisation.history.count(),
        ActionProgress.history.count(),
    )


def existing_reports(user=None):
    """Reports Inspektorat already has for TW IV 2020: one verified, one submitted, one action's progress."""
    audit = Realisation.objects.create(
        activity=activity(AUDIT),
        year=2020,
        period="q4",
        number=36,
        note="Tiga OPD belum diaudit",
        review_state="verified",
        reported_by=user,
    )
    gratifikasi = Realisation.objects.create(
        activity=activity(GRATIFIKASI),
        year=2020,
        period="q4",
        number=D("95.5"),
        obstacles="Pelaporan terlambat",
        follow_up="Sosialisasi ulang",
        review_state="submitted",
        reported_by=user,
    )
    progress = ActionProgress.objects.create(
        planned_action=gratifikasi_action(),
        quarter=4,
        status="in_progress",
        percent=40,
        note="Rekap triwulan",
        review_state="submitted",
        reported_by=user,
    )
    return audit, gratifikasi, progress


# --- The template itself -----------------------------------------------------------------------


def test_template_lists_exactly_the_agencys_items_with_existing_reports(client, inspektorat_user, q4_window):
    audit, gratifikasi, _ = existing_reports()
    client.force_login(inspektorat_user)
    response = download(client)
    assert response["Content-Disposition"] == 'attachment; filename="templat-inspektorat-2020-q4.xlsx"'
    tmpl = Template(workbook_bytes(response))
    assert tmpl.wb.sheetnames == ["Laporan", "Info"]
    assert tmpl.ws["A1"].value == "Templat laporan monev Reformasi Birokrasi TW IV 2020"
    assert tmpl.ws.freeze_panes == f"A{tmpl.top + 1}"
    assert list(tmpl.columns) == [
        "Kode", "Jenis", "Kegiatan / rencana aksi", "Satuan", "Target", "Status laporan", "Realisasi",
        "Status pelaksanaan", "Persen selesai", "Keterangan", "Kendala", "Rencana tindak lanjut", "Cek",
    ]  # fmt: skip
    assert tmpl.ws.column_dimensions["M"].hidden  # "Cek": each line's fingerprint, see line_check
    insp = agency("inspektorat")
    activities = {f"K{pk}" for pk in PriorityActivity.objects.led_by(insp).values_list("pk", flat=True)}
    actions = {
        f"RA{pk}"
        for pk in PlannedAction.objects.filter(year=2020, row__leads__agency=insp).values_list(
            "pk", flat=True
        )
    }
    assert set(tmpl.codes) == activities | actions
    assert len(activities) == 5 and len(actions) == 14
    assert code_of(PROMOSI) not in tmpl.codes

    assert tmpl.cell(code_of(AUDIT), "Status laporan").value == "Terverifikasi"
    assert tmpl.cell(code_of(AUDIT), "Realisasi").value == 36
    assert tmpl.cell(code_of(AUDIT), "Keterangan").value == "Tiga OPD belum diaudit"
    value = tmpl.cell(code_of(GRATIFIKASI), "Realisasi")
    assert value.value == 95.5 and value.data_type == "n" and "#,##0.0" in value.number_format
    target = tmpl.cell(code_of(GRATIFIKASI), "Target")  # a number: =SUM and =G7/E7 work on it
    assert target.value == 100 and target.data_type == "n" and target.number_format == "[$-421]#,##0"
    assert tmpl.cell(code_of(GRATIFIKASI), "Kendala").value == "Pelaporan terlambat"
    assert tmpl.cell(action_code(), "Status pelaksanaan").value == "Sedang berjalan"
    assert tmpl.cell(action_code(), "Persen selesai").value == 40
    assert tmpl.cell(code_of(BUDAYA), "Status laporan").value == "Belum ada"
    assert tmpl.cell(code_of(BUDAYA), "Realisasi").value is None
    # Input cells are yellow where the line's kind is filled in there, grey where not.
    assert tmpl.cell(code_of(BUDAYA), "Realisasi").fill.fgColor.rgb.endswith("FFF2CC")
    assert tmpl.cell(code_of(BUDAYA), "Status pelaksanaan").fill.fgColor.rgb.endswith("E7E6E6")
    assert tmpl.cell(action_code(), "Status pelaksanaan").fill.fgColor.rgb.endswith("FFF2CC")

    info = {row[0].value: row[1].value for row in tmpl.wb["Info"].iter_rows(min_row=2) if row[0].value}
    assert info["Kode Perangkat Daerah"] == "inspektorat"
    assert (info["Tahun"], info["Periode"], info["Nama periode"]) == ("2020", "q4", "TW IV")
    assert info["Jumlah item"] == 19

    year_end = template(client, period="year")  # the year-end figure: activities only
    assert set(year_end.codes) == activities


# --- Formula-looking text --------------------------------------------------------------------


FORMULA_LIKE = ["=1+1", "+62 812 3456", "-5 hari terlambat", "@SUM(A1)", '=HYPERLINK("http://x.test","klik")']


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_formula_looking_text_is_written_as_text_and_read_back_unchanged(
    client, inspektorat_user, q4_window, text
):
    Realisation.objects.create(
        activity=activity(AUDIT),
        year=2020,
        period="q4",
        number=30,
        note=text,
        obstacles=text,
        follow_up=text,
        review_state="submitted",
    )
    ActionProgress.objects.create(
        planned_action=gratifikasi_action(),
        quarter=4,
        status="in_progress",
        percent=10,
        note=text,
        review_state="submitted",
    )
    client.force_login(inspektorat_user)
    tmpl = template(client)
    for code, title in [
        (code_of(AUDIT), "Keterangan"),
        (code_of(AUDIT), "Kendala"),
        (code_of(AUDIT), "Rencana tindak lanjut"),
        (action_code(), "Keterangan"),
    ]:
        cell = tmpl.cell(code, title)
        assert cell.data_type == "s", (title, cell.data_type)  # never a formula
        assert cell.value == text  # exactly as typed: no apostrophe
    assert_no_formulas(tmpl.wb)
    before = snapshot()
    response = preview_of(client, tmpl)
    counts = outcomes(response)
    assert (counts["new"], counts["changed"], counts["error"], counts["unchanged"]) == (0, 0, 0, 2)
    save(client)
    assert snapshot() == before


def test_text_typed_as_text_is_stored_and_written_back_exactly(client, inspektorat_user, q4_window):
    """Excel and Calc keep a typed "'=..." as the text "=..." (the apostrophe only marks it as text)."""
    client.force_login(inspektorat_user)
    tmpl = template(client)
    row = tmpl.set(code_of(BUDAYA), Realisasi=40, Keterangan='=HYPERLINK("http://x.test")', Kendala="-")
    tmpl.ws.cell(row, tmpl.columns["Keterangan"]).data_type = "s"
    preview_of(client, tmpl)
    save(client)
    report = Realisation.objects.get(activity=activity(BUDAYA), period="q4")
    assert (report.note, report.obstacles) == ('=HYPERLINK("http://x.test")', "-")
    again = template(client)
    assert again.cell(code_of(BUDAYA), "Keterangan").value == '=HYPERLINK("http://x.test")'
    assert again.cell(code_of(BUDAYA), "Keterangan").data_type == "s"
    assert again.cell(code_of(BUDAYA), "Kendala").value == "-"


def test_a_note_that_starts_with_an_apostrophe_survives_an_untouched_round_trip(
    client, inspektorat_user, q4_window
):
    Realisation.objects.create(
        activity=activity(AUDIT),
        year=2020,
        period="q4",
        number=30,
        note="'=A1 ditulis apa adanya",
        review_state="submitted",
    )
    client.force_login(inspektorat_user)
    response = preview_of(client, template(client))
    assert outcomes(response)["changed"] == 0


# --- Import round trip -----------------------------------------------------------------------


def test_an_untouched_template_changes_nothing(client, inspektorat_user, q4_window):
    existing_reports(inspektorat_user)
    client.force_login(inspektorat_user)
    tmpl = template(client)
    before = snapshot()
    response = preview_of(client, tmpl)
    assert outcomes(response) == {"new": 0, "changed": 0, "unchanged": 3, "empty": 16, "error": 0}
    assert response.context["preview"].to_save == []
    html = response.content.decode()
    assert "Pratinjau: Inspektorat, TW IV 2020" in html and "Simpan dan ajukan 0 laporan" in html
    response = save(client)
    assert response.status_code == 302
    assert snapshot() == before
    assert SESSION_KEY not in client.session


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
    assert outcomes(response) == {"new": 1, "changed": 2, "unchanged": 1, "empty": 15, "error": 0}
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


def test_a_500_line_template_is_previewed_without_a_query_per_line(
    client, inspektorat_user, q4_window, django_assert_max_num_queries
):
    """The preview of a large file stays a handful of queries (the lead benchmarks its time)."""
    rows = list(ActionPlanRow.objects.filter(leads__agency__code="inspektorat"))
    PlannedAction.objects.bulk_create(
        PlannedAction(row=rows[n % len(rows)], year=2020, order=100 + n, text=f"Rencana aksi uji {n}")
        for n in range(481)
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
    with django_assert_max_num_queries(25):
        response = client.get(reverse("monev:import-preview"))
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert outcomes(response)["new"] == 500 and response.context["preview"].errors == []
    print(f"500-line preview: {elapsed:.2f} s")  # shown with -s; the lead's benchmark times it properly


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


# --- Who may use which template ----------------------------------------------------------------


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


def test_templates_are_downloaded_only_for_the_users_own_agency(
    client, bkd_user, inspektorat_user, staff_user, pengarah_user, q4_window
):
    client.force_login(bkd_user)
    assert download(client, "inspektorat").status_code == 404
    assert download(client, "bkd").status_code == 200
    client.force_login(inspektorat_user)
    assert download(client, "inspektorat").status_code == 200
    client.force_login(pengarah_user)
    assert download(client, "inspektorat").status_code == 403
    client.force_login(staff_user)
    assert download(client, "bkd").status_code == 200
    assert download(client, "tidak-ada").status_code == 404
    client.logout()
    response = download(client, "inspektorat")
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_bad_year_or_period_in_the_download_form_sends_back_to_the_form(client, inspektorat_user):
    client.force_login(inspektorat_user)
    for params in ({"year": 2030, "period": "q4"}, {"year": 2020, "period": "q5"}):
        response = client.get(reverse("monev:import-template"), {"agency": "inspektorat", **params})
        assert response.status_code == 302 and response["Location"] == reverse("monev:import")
        html = client.get(response["Location"]).content.decode()
        assert "Pilih Perangkat Daerah, tahun dan periode templat." in html


def test_staff_who_pick_no_agency_are_sent_back_to_the_form(client, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("monev:import-template"), {"agency": "", "year": 2020, "period": "q4"})
    assert response.status_code == 302 and response["Location"] == reverse("monev:import")


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
