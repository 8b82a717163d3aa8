"""Excel: the recap workbook of an area, an agency or the whole road map, in the regulation's tables."""

import pytest
from django.urls import reverse
from openpyxl.utils import get_column_letter

from actions.models import PriorityActivity
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
    gratifikasi_action,
    header_row,
    pengawasan,
    recap_rows,
    workbook_of,
)
from tests.factories import ActionProgressFactory, RealisationFactory

pytestmark = pytest.mark.django_db


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
        "Terverifikasi", "Dasar angka", "Menunggu verifikasi", None, None, None,
    ]  # fmt: skip
    assert upper["Target"] == "D" and upper["Realisasi 2020"] == "I"
    cells = merged(ws)
    assert f"D{top}:H{top}" in cells  # "Target" spans the five year columns
    assert f"I{top}:K{top}" in cells  # "Realisasi 2020": the verified figure, its basis, what awaits review
    assert {f"A{top}:A{top + 1}", f"B{top}:B{top + 1}", f"L{top}:L{top + 1}", f"N{top}:N{top + 1}"} <= cells
    assert ws.cell(top, 12).value == "Capaian" and ws.cell(top, 14).value == "Perangkat Daerah Pengampu"
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
    RealisationFactory(activity=activity(AUDIT), period="q1", number=36, review_state="verified")
    RealisationFactory(activity=activity(GRATIFIKASI), period="q2", number=90, review_state="submitted")
    RealisationFactory(activity=activity(BUDAYA), period="q1", number=45, review_state="draft")
    client.force_login(pengarah_user)
    _, wb = recap(client, area=pengawasan().pk)
    _, rows = recap_rows(wb["Kegiatan Prioritas"])
    by_name = {row["Kegiatan"].value: row for row in rows}

    audit = by_name[AUDIT]
    assert audit["Terverifikasi"].value == 36 and audit["Menunggu verifikasi"].value is None
    capaian = audit["Capaian"]
    assert capaian.value == pytest.approx(0.8)  # 36 of 45: written as the fraction Excel shows as 80,00%
    assert "0.00%" in capaian.number_format
    assert audit["Dasar angka"].value == "TW I (terakhir) (belum lengkap)"
    assert audit["Keadaan"].value == "Tidak tercapai"  # 2020 is over

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
    ActionProgressFactory(
        planned_action=action, quarter=2, status="in_progress", percent=40, review_state="verified"
    )
    ActionProgressFactory(
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
    assert {f"C{top}:D{top}", f"E{top}:F{top}", f"G{top}:K{top}"} <= merged(ws)
    titles, rows = recap_rows(ws)
    assert titles == [
        "No",
        "Area Perubahan, Kegiatan Dan Sub Kegiatan",
        "Utama",
        "Pendukung",
        "2020",
        "2021",
        "Bagian Utama",
        "Kemajuan",
        "Triwulan",
        "Verifikasi",
        "Kontribusi pendukung",
    ]
    line = next(
        r for r in rows if r["Area Perubahan, Kegiatan Dan Sub Kegiatan"].value == f"• {GRATIFIKASI_ROW}"
    )
    assert line["Utama"].value == "Inspektorat"
    assert line["Pendukung"].value == "Seluruh Perangkat Daerah"
    assert line["2020"].value == line["2021"].value == "Laporan Gratifikasi ke Komisi Pemberantasan Korupsi"
    # Inspektorat, the row's one Utama: its latest verified quarter, the action's progress (its mean).
    assert line["Bagian Utama"].value == "Sedang berjalan (40 %), menunggu verifikasi"
    assert line["Kemajuan"].value == pytest.approx(0.4) and line["Triwulan"].value == "TW II"
    assert line["Verifikasi"].value == "menunggu verifikasi"  # TW III awaits review
    assert line["Kontribusi pendukung"].value == "–"
    lhkpn = next(
        r
        for r in rows
        if "Pemenuhan pelaporan Laporan Harta" in str(r["Area Perubahan, Kegiatan Dan Sub Kegiatan"].value)
    )
    assert lhkpn["Utama"].value.split("\n") == ["Badan Kepegawaian Daerah dan Diklat", "Inspektorat"]
    assert lhkpn["Bagian Utama"].value.split("\n") == [  # two Utama: each reports its own part
        "BKD dan Diklat: belum dilaporkan",
        "Inspektorat: belum dilaporkan",
    ]
    assert lhkpn["Kemajuan"].value == 0


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
    assert {row["Kegiatan"].value for row in lines} == expected and len(lines) == 11
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


def test_recap_of_the_whole_roadmap_and_unknown_scopes(client, pengarah_user):
    client.force_login(pengarah_user)
    response, wb = recap(client)
    assert response["Content-Disposition"] == 'attachment; filename="rekap-monev-2020-semua-area.xlsx"'
    assert wb.sheetnames == ["Indikator", "Kegiatan Prioritas", "Rencana Aksi"]
    assert wb["Indikator"]["A2"].value.startswith("Seluruh area perubahan")
    assert client.get(reverse("dashboards:recap"), {"year": 2020, "agency": "tidak-ada"}).status_code == 404
    assert client.get(reverse("dashboards:recap"), {"year": 2020, "area": "6 OR 1=1"}).status_code == 404
    assert client.get(reverse("dashboards:recap"), {"year": 2020, "area": 999999}).status_code == 404


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
