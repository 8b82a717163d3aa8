"""One figure, one basis, everywhere: the item page, the achievement table, the dashboard's lists,
the recap workbook and the year-end report (page and workbook) say the same of one item's year."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from actions.models import PriorityActivity
from areas.models import Indicator
from tests.factories import RealisationFactory

pytestmark = pytest.mark.django_db

PROMOTION = "Promosi jabatan secara terbuka."  # BKD, summed by quarter, 125 in 2020
BASIS = "jumlah TW I, III; TW II belum dilaporkan"


@pytest.fixture
def promotion_with_a_gap():
    """TW I 30 and TW III 40 verified, TW II missing: 70 of 125 = 56,00 %; 2020 is over, so not met."""
    activity = PriorityActivity.objects.get(name=PROMOTION)
    for period, number in (("q1", 30), ("q3", 40)):
        RealisationFactory(
            activity=activity, year=2020, period=period, number=number, review_state="verified"
        )
    return activity


def rows_of(ws, header_rows: int = 2) -> list[dict]:
    """A sheet's lines as {column title: value}; with two header rows the lower one names the columns."""
    top = next(r for r in range(1, 20) if ws.cell(r, 1).value == "No" and ws.cell(r, 2).value)
    last = top + header_rows - 1
    titles = [ws.cell(last, c).value or ws.cell(top, c).value for c in range(1, ws.max_column + 1)]
    return [
        dict(zip(titles, (cell.value for cell in row), strict=True))
        for row in ws.iter_rows(min_row=last + 1, max_row=ws.max_row)
    ]


def test_a_summed_item_shows_the_same_figure_and_basis_everywhere(
    client, pengarah_user, promotion_with_a_gap
):
    client.force_login(pengarah_user)
    item_page = client.get(promotion_with_a_gap.get_absolute_url()).content.decode()
    assert BASIS in item_page and "56,00 %" in item_page and "tahun belum lengkap" in item_page

    table = client.get(reverse("dashboards:achievement"), {"year": 2020, "q": PROMOTION}).content.decode()
    row = next(r for r in table.split("<tr") if PROMOTION in r)
    assert BASIS in row and "56,00 %" in row and "Tidak tercapai" in row

    report = client.get(reverse("dashboards:report"), {"year": 2020}).content.decode()
    line = next(r for r in report.split("<tr") if PROMOTION in r)
    assert BASIS in line and "56,00 %" in line and "Tidak tercapai" in line

    recap = load_workbook(BytesIO(client.get(reverse("dashboards:recap"), {"year": 2020}).content))
    recap_line = next(r for r in rows_of(recap["Kegiatan Prioritas"]) if r["Kegiatan"] == PROMOTION)
    assert recap_line["Terverifikasi"] == 70
    assert recap_line["Dasar angka"] == f"{BASIS} (belum lengkap)"
    assert recap_line["Capaian"] == pytest.approx(0.56)
    assert recap_line["Keadaan"] == "Tidak tercapai"

    yearend = load_workbook(
        BytesIO(client.get(reverse("dashboards:report"), {"year": 2020, "_export": "xlsx"}).content)
    )
    below = next(
        r
        for r in rows_of(yearend["Di Bawah Target"], header_rows=1)
        if r["Indikator / kegiatan"] == PROMOTION
    )
    assert below["Realisasi"] == 70 and below["Dasar angka"] == f"{BASIS} (belum lengkap)"
    assert below["Capaian"] == pytest.approx(0.56)


def test_a_grade_is_met_or_not_everywhere_and_never_a_percentage(client, pengarah_user):
    """The regulation's own fact: SAKIP 2019 was B (63,52) against a target of B."""
    sakip = Indicator.objects.get(name="Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah")
    client.force_login(pengarah_user)
    item_page = client.get(sakip.get_absolute_url()).content.decode()
    year_row = next(r for r in item_page.split("<tr") if '<th scope="row">2019</th>' in r)
    assert "Tercapai" in year_row and "%" not in year_row

    table = client.get(
        reverse("dashboards:achievement"), {"year": 2019, "kind": "indicator"}
    ).content.decode()
    row = next(r for r in table.split("<tr") if sakip.name in r)
    assert "Tercapai" in row and "%" not in row

    recap = load_workbook(BytesIO(client.get(reverse("dashboards:recap"), {"year": 2019}).content))
    line = next(r for r in rows_of(recap["Indikator"]) if r["Indikator keberhasilan"] == sakip.name)
    assert line["Capaian"] == "Tercapai" and line["Terverifikasi"] == "B"
    assert line["Dasar angka"] == "laporan tahunan"
