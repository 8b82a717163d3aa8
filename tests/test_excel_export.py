"""Excel: table pages downloaded as workbooks (``?_export=xlsx``), read back cell by cell."""

import re

import pytest
from django.urls import reverse

from actions.models import ActionPlanRow
from roadmap.models import RoadmapEdition
from tests.excel_helpers import (
    AUDIT,
    BUDAYA,
    GRATIFIKASI,
    GRATIFIKASI_ROW,
    PROMOSI,
    activity,
    agency,
    assert_no_formulas,
    assert_no_markup,
    export_rows,
    header_row,
    pengawasan,
    workbook_of,
)
from tests.factories import RealisationFactory

pytestmark = pytest.mark.django_db


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
        # Tabel 5.2 rows 6-11 name no Pengampu; Bab VI names Inspektorat (fixtures/README.md).
        "Penanganan benturan kepentingan",
        "Pengelolaan Whistle Blowing Sistem.",
        "Penerapan Sistem Pengendalian Intern Pemerintahan.",
        "Peningkatan Kapabilitas Aparatur Pengawas Instansi Pemerintah.",
        "Penyelesaian tindakan lanjut pengaduan masyarakat.",
        "Pembangunan Zona Integritas (Wilayah Bebas dari Korupsi/ Wilayah Birokrasi Bersih Melayani)",
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


def test_agency_export_counts_are_numbers(client, pengarah_user):
    client.force_login(pengarah_user)
    response = client.get("/agencies/", {"_export": "xlsx"})
    assert 'filename="perangkat-daerah-' in response["Content-Disposition"]
    titles, rows = export_rows(workbook_of(response).active, "Perangkat Daerah")
    assert titles[:3] == ["Perangkat Daerah", "Nama singkat", "Jenis"]
    insp = next(row for row in rows if row["Perangkat Daerah"].value == "Inspektorat")
    activities, plan_rows = insp["Kegiatan prioritas (pengampu)"], insp["Rencana aksi (utama)"]
    assert (activities.value, plan_rows.value) == (11, 14)  # 5 named in Tabel 5.2, 6 assigned from Bab VI
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
    RealisationFactory(activity=activity(AUDIT), period="q1", number=36, review_state="verified")
    RealisationFactory(activity=activity(GRATIFIKASI), period="q1", number=90, review_state="submitted")
    client.force_login(pengarah_user)
    rows = achievement_export(client, agency=agency("inspektorat").pk)
    assert len(rows) == 11
    assert {row["Pengampu"].value for row in rows} == {"Inspektorat"}
    assert {row["Jenis"].value for row in rows} == {"Kegiatan"}
    by_name = {row["Indikator / kegiatan"].value: row for row in rows}
    audit = by_name[AUDIT]
    assert audit["Realisasi terverifikasi"].value == 36
    assert audit["Keadaan"].value == "Tidak tercapai"  # 2020 is over
    gratifikasi = by_name[GRATIFIKASI]  # only submitted: never counted as realised
    assert gratifikasi["Realisasi terverifikasi"].value is None  # an empty cell, not a number 0
    assert gratifikasi["Keadaan"].value == "Menunggu verifikasi"
    assert len(achievement_export(client, agency=agency("bkd").pk)) == 5


def test_achievement_export_writes_targets_figures_and_achievement_as_numbers(client, pengarah_user):
    RealisationFactory(activity=activity(AUDIT), period="q1", number=36, review_state="verified")
    client.force_login(pengarah_user)
    rows = achievement_export(client, agency=agency("inspektorat").pk)
    audit = next(row for row in rows if row["Indikator / kegiatan"].value == AUDIT)
    assert audit["Target"].value == 45 and "#,##0" in audit["Target"].number_format
    assert audit["Realisasi terverifikasi"].value == 36
    assert audit["Capaian"].value == pytest.approx(0.8) and "0.00%" in audit["Capaian"].number_format


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
