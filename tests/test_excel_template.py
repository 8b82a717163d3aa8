"""Excel: the reporting template an agency downloads: its lines, who may have it, and text kept as text."""

import pytest
from django.urls import reverse

from actions.models import PlannedAction, PriorityActivity
from monev.models import Realisation
from tests.excel_helpers import (
    AUDIT,
    BUDAYA,
    GRATIFIKASI,
    PROMOSI,
    Template,
    action_code,
    activity,
    agency,
    assert_no_formulas,
    code_of,
    download,
    existing_reports,
    gratifikasi_action,
    outcomes,
    preview_of,
    save,
    snapshot,
    template,
    workbook_bytes,
)
from tests.factories import ActionProgressFactory, RealisationFactory

pytestmark = pytest.mark.django_db


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
    assert len(activities) == 11 and len(actions) == 14
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
    assert info["Jumlah item"] == 25  # 11 activities and 14 planned actions

    year_end = template(client, period="year")  # the year-end figure: activities only
    assert set(year_end.codes) == activities


# --- Who may download which template ------------------------------------------------------------


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


# --- Formula-looking text --------------------------------------------------------------------


FORMULA_LIKE = ["=1+1", "+62 812 3456", "-5 hari terlambat", "@SUM(A1)", '=HYPERLINK("http://x.test","klik")']


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_formula_looking_text_is_written_as_text_and_read_back_unchanged(
    client, inspektorat_user, q4_window, text
):
    RealisationFactory(
        activity=activity(AUDIT),
        period="q4",
        number=30,
        note=text,
        obstacles=text,
        follow_up=text,
        review_state="submitted",
    )
    ActionProgressFactory(
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
    assert again.cell(code_of(BUDAYA), "Kendala").value == "-"
    assert again.cell(code_of(BUDAYA), "Keterangan").data_type == "s"


def test_a_note_that_starts_with_an_apostrophe_survives_an_untouched_round_trip(
    client, inspektorat_user, q4_window
):
    RealisationFactory(
        activity=activity(AUDIT),
        period="q4",
        number=30,
        note="'=A1 ditulis apa adanya",
        review_state="submitted",
    )
    client.force_login(inspektorat_user)
    response = preview_of(client, template(client))
    assert outcomes(response)["changed"] == 0
