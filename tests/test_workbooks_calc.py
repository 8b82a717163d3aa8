"""Every workbook the application writes, opened in LibreOffice Calc as an office opens it.

Calc (headless, English locale, started once per session: tests/libreoffice.py) opens each
workbook, prints it to PDF and reports what it holds: values and their types, the height of
every row against the height its wrapped text needs, and the page setup. The printed PDF is read
for the size of its text. The template is also filled in Calc as typed on a keyboard, saved by
Calc and read back by the import.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from actions.models import PlannedAction, PriorityActivity
from monev.models import Realisation, ReportingWindow, RiskReview
from roadmap.models import RoadmapEdition
from tests.factories import ActionProgressFactory
from tests.libreoffice import Calc, available, printed_text

pytestmark = [pytest.mark.django_db, pytest.mark.calc]

AUDIT = "Audit laporan keuangan."  # Inspektorat, target 45
BUDAYA = "Pembangunan Budaya integritas"  # Inspektorat, target 45
GRATIFIKASI = "Penanganan gratifikasi."  # Inspektorat, %, target 100
GRATIFIKASI_ROW = "Penanganan Gratifikasi"
TYPED_TEXT = "- sosialisasi ulang"  # starts like a formula; must show exactly so, as text
MIN_PRINTED_PT = 8
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
CUT_TOLERANCE = 20  # 1/100 mm: rounding between the height written and the one Calc computes


@pytest.fixture(scope="session")
def calc(tmp_path_factory):
    why = available()
    if why:
        pytest.skip(why)
    office = Calc(tmp_path_factory.mktemp("libreoffice-profile"))
    yield office
    office.stop()


@pytest.fixture
def reports(staff_user, inspektorat_user):
    """Reports in every state, texts that look like formulas, a login time (a date cell)."""
    audit = PriorityActivity.objects.get(name=AUDIT)
    Realisation.objects.create(
        activity=audit, year=2020, period="q1", number=36, note=TYPED_TEXT, obstacles=TYPED_TEXT,
        follow_up="=1+1", review_state="verified", reported_by=inspektorat_user,
    )  # fmt: skip
    Realisation.objects.create(
        activity=PriorityActivity.objects.get(name=GRATIFIKASI), year=2020, period="q4", number=95.5,
        review_state="submitted", reported_by=inspektorat_user,
    )  # fmt: skip
    action = PlannedAction.objects.filter(row__name=GRATIFIKASI_ROW, year=2020).first()
    ActionProgressFactory(
        planned_action=action, quarter=1, status="in_progress", percent=40, note=TYPED_TEXT,
        review_state="verified",
    )  # fmt: skip
    risk = RoadmapEdition.objects.current().risks.order_by("pk").first()
    RiskReview.objects.create(risk=risk, year=2020, status="persists", note=TYPED_TEXT)
    user = get_user_model().objects.get(pk=inspektorat_user.pk)
    user.first_name = TYPED_TEXT
    user.save()
    ReportingWindow.objects.create(year=2020, period="q4", is_open=True)


def pmprb(kind: str) -> str:
    """A PMPRB round of the small test model (tests/pmprb_helpers.py), BKD's explanation typed like a formula."""
    from assessment import services
    from assessment.models import Round
    from tests.pmprb_helpers import BKD, REGENCY, answer, open_round, tiny_model

    round_ = Round.objects.filter(year=2020).first()
    if round_ is None:
        staff = get_user_model().objects.get(username="organisasi")
        round_ = open_round(staff, tiny_model())
        answer(round_.assessments.get(agency=None), staff, REGENCY)
        bkd = round_.assessments.get(agency__code="bkd")
        answer(bkd, staff, BKD, submit=False)
        question = round_.model.questions.get(code="Q1")
        entry = services.AnswerEntry(question=question, choice="tidak", explanation=TYPED_TEXT)
        services.save_answers(assessment=bkd, entries=[entry], user=staff)
    if kind == "round":
        return reverse("assessment:round-workbook", kwargs={"pk": round_.pk})
    if kind == "questions":
        return reverse("assessment:question-workbook", kwargs={"pk": round_.model_id})
    return reverse(
        "assessment:assessment-workbook", kwargs={"pk": round_.assessments.get(agency__code="bkd").pk}
    )


WORKBOOKS = {
    "recap": ("pengarah", lambda: reverse("dashboards:recap") + "?year=2020"),
    "year-end": ("pengarah", lambda: reverse("dashboards:report") + "?year=2020&_export=xlsx"),
    "template": ("inspektorat", lambda: reverse("monev:import-template") + "?agency=inspektorat&year=2020&period=q4"),
    "accounts": ("staff", lambda: reverse("account-list") + "?_export=xlsx"),
    "activities": ("pengarah", lambda: reverse("actions:activity-list") + "?_export=xlsx"),
    "achievement": ("pengarah", lambda: reverse("dashboards:achievement") + "?year=2020&_export=xlsx"),
    "pmprb-round": ("pengarah", lambda: pmprb("round")),
    "pmprb-assessment": ("pengarah", lambda: pmprb("assessment")),
    "pmprb-questions": ("staff", lambda: pmprb("questions")),
}  # fmt: skip


def download(client, users, name, folder):
    role, url = WORKBOOKS[name]
    client.force_login(users[role])
    response = client.get(url())
    assert response.status_code == 200
    path = folder / f"{name}.xlsx"
    path.write_bytes(response.content)
    return path


@pytest.fixture
def users(staff_user, inspektorat_user, pengarah_user):
    return {"staff": staff_user, "inspektorat": inspektorat_user, "pengarah": pengarah_user}


def cells_of(sheet, row=None):
    return [c for c in sheet["cells"] if row is None or c["row"] == row]


@pytest.mark.parametrize("name", list(WORKBOOKS))
def test_a_workbook_opens_in_calc_with_its_types_whole_rows_and_readable_print(
    calc, client, users, reports, tmp_path, name
):
    path = download(client, users, name, tmp_path)
    pdf = tmp_path / f"{name}.pdf"
    # Print first: inspecting asks Calc for each row's optimal height, which changes the rows.
    report = calc.open(path, {"do": "save", "as": "pdf", "path": str(pdf)}, {"do": "inspect"})
    sheets = report["sheets"]
    assert sheets

    for sheet in sheets:
        assert sheet["landscape"], sheet["name"]
        assert sheet["title_rows"], f"{sheet['name']}: no header rows repeated on each page"
        cut = [r["row"] for r in sheet["rows"] if r["optimal"] > r["height"] + CUT_TOLERANCE]
        assert not cut, f"{sheet['name']}: rows {cut} show only part of their text"
        assert not [c for c in cells_of(sheet) if c["type"] == "formula"]
        visible_marks = [c["text"] for c in cells_of(sheet) if c["text"].startswith("'")]
        assert not visible_marks, f"{sheet['name']}: text shown with an apostrophe: {visible_marks}"

    landscape, sizes = printed_text(pdf)
    assert all(landscape)
    assert min(sizes) >= MIN_PRINTED_PT, f"printed text as small as {min(sizes)} pt: {sorted(sizes.items())}"
    CHECKS[name](sheets)


def by_name(sheets, name):
    return next(sheet for sheet in sheets if sheet["name"] == name)


def row_holding(sheet, text):
    return next(c["row"] for c in cells_of(sheet) if c["text"] == text)


def check_recap(sheets):
    sheet = by_name(sheets, "Kegiatan Prioritas")
    audit = {c["col"]: c for c in cells_of(sheet, row_holding(sheet, AUDIT))}
    target_2020 = audit[8]  # No, Kegiatan, Satuan, 2016-2020
    assert (target_2020["type"], target_2020["value"], target_2020["text"]) == ("number", 45, "45")
    assert (audit[10]["type"], audit[10]["value"]) == ("number", 36)  # verified realisation
    headings = [c["text"] for c in cells_of(sheet) if c["col"] == 2 and c["text"][:1].isdigit()]
    quick_wins = [c["row"] for c in cells_of(sheet) if c["col"] == 2 and c["text"].startswith("Quick win")]
    area_rows = [c["row"] for c in cells_of(sheet) if c["col"] == 2 and c["text"][:2] == "1."]
    assert headings[0].startswith("1. ") and quick_wins and min(quick_wins) > max(area_rows)


def check_year_end(sheets):
    risks = by_name(sheets, "Hambatan")
    note = next(c for c in cells_of(risks) if c["text"] == TYPED_TEXT)
    assert note["type"] == "text"
    summary = by_name(sheets, "Ringkasan")
    total = {c["col"]: c for c in cells_of(summary, row_holding(summary, "Seluruh area"))}
    assert total[17]["type"] == "number" and total[17]["value"] > 0  # planned actions of the year ("Jumlah")


def check_template(sheets):
    sheet = by_name(sheets, "Laporan")
    gratifikasi = {c["col"]: c for c in cells_of(sheet, row_holding(sheet, GRATIFIKASI))}
    assert (gratifikasi[5]["type"], gratifikasi[5]["value"]) == ("number", 100)  # a target to compute with
    assert (gratifikasi[7]["type"], gratifikasi[7]["value"], gratifikasi[7]["text"]) == (
        "number",
        95.5,
        "95,5",
    )
    info = by_name(sheets, "Info")
    created = next(c for c in cells_of(info) if c["col"] == 2 and "WIB" in c["text"])
    assert created["type"] == "number"  # a date cell, shown "30 November 2026 04.41 WIB"


def check_accounts(sheets):
    sheet = sheets[0]
    row = row_holding(sheet, "inspektorat")
    name = next(c for c in cells_of(sheet, row) if c["col"] == 2)
    assert name["type"] == "text" and name["text"].startswith(TYPED_TEXT)
    login = next(c for c in cells_of(sheet) if c["text"].endswith(" WIB") and c["row"] > 4)
    assert login["type"] == "number" and login["locale"] == "id-ID"
    assert any(month in login["text"] for month in MONTHS), login["text"]  # Indonesian month names


def check_activities(sheets):
    sheet = sheets[0]
    row = row_holding(sheet, "Pengembangan pegawai berbasis kompetensi.")
    targets = [c for c in cells_of(sheet, row) if c["type"] == "number"]
    assert [c["text"] for c in targets][:4] == [
        "3.900",
        "4.000",
        "4.000",
        "4.000",
    ]  # 3900 as an office reads it


def check_achievement(sheets):
    sheet = sheets[0]
    row = row_holding(sheet, AUDIT)
    achieved = [c for c in cells_of(sheet, row) if c["text"].endswith("%")]
    assert achieved and achieved[0]["type"] == "number" and achieved[0]["text"] == "80,00%"


def check_pmprb_round(sheets):
    recap = by_name(sheets, "Rekap")
    index = {c["col"]: c for c in cells_of(recap, row_holding(recap, "Indeks RB"))}
    # 50 % × 72,408 + 50 % × (0 + 0) / 2: BKD's drafts and Dinkominfo count 0 while provisional
    assert (index[6]["type"], index[6]["text"]) == ("number", "36,20")
    assert [sheet["name"] for sheet in sheets] == ["Rekap", "1. Pemkab", "2. BKD dan Diklat", "3. Dinkominfo"]


def check_pmprb_assessment(sheets):
    sheet = sheets[0]
    q2 = {c["col"]: c for c in cells_of(sheet, row_holding(sheet, "Q2"))}
    assert (q2[3]["type"], q2[3]["text"]) == ("number", "10")  # its weight
    assert (q2[4]["type"], q2[4]["text"]) == ("text", "A")  # the answer as the worksheet writes it
    q1 = {c["col"]: c for c in cells_of(sheet, row_holding(sheet, "Q1"))}
    assert (q1[7]["type"], q1[7]["text"]) == ("text", TYPED_TEXT)  # its explanation, never a formula


def check_pmprb_questions(sheets):
    sheet = by_name(sheets, "Pertanyaan")
    q2 = {c["col"]: c for c in cells_of(sheet, row_holding(sheet, "Q2"))}
    assert q2[7]["text"] == "A=1; B=0,5; C=0"
    assert (q2[12]["type"], q2[12]["value"]) == ("number", 10)


CHECKS = {
    "recap": check_recap,
    "year-end": check_year_end,
    "template": check_template,
    "accounts": check_accounts,
    "activities": check_activities,
    "achievement": check_achievement,
    "pmprb-round": check_pmprb_round,
    "pmprb-assessment": check_pmprb_assessment,
    "pmprb-questions": check_pmprb_questions,
}


def test_a_template_filled_in_english_calc_is_read_back_as_typed(calc, client, users, reports, tmp_path):
    """Typed in an English-locale Calc, "3.900" in a Realisasi cell is 3900, not 3,9."""
    path = download(client, users, "template", tmp_path)
    ws = load_workbook(path)["Laporan"]
    rows = {ws.cell(r, 3).value: r for r in range(1, ws.max_row + 1)}
    budaya, audit = rows[BUDAYA], rows[AUDIT]
    typed = tmp_path / "diisi.xlsx"
    calc.open(
        path,
        {"do": "type", "cells": [
            {"sheet": "Laporan", "cell": f"G{budaya}", "text": "3.900"},
            {"sheet": "Laporan", "cell": f"G{audit}", "text": "12,5"},
        ]},
        {"do": "save", "as": "xlsx", "path": str(typed)},
    )  # fmt: skip
    sheet = by_name(calc.open(typed, {"do": "inspect"})["sheets"], "Laporan")  # as saved by Calc
    values = {c["row"]: c for c in cells_of(sheet) if c["col"] == 7}
    assert (values[budaya]["type"], values[budaya]["value"]) == ("number", 3900)
    assert (values[audit]["type"], values[audit]["value"]) == ("number", 12.5)

    response = client.post(
        reverse("monev:import"), {"file": SimpleUploadedFile("diisi.xlsx", typed.read_bytes())}
    )
    assert response.status_code == 302, response.context and response.context["upload_form"].errors
    preview = client.get(reverse("monev:import-preview")).context["preview"]
    assert preview.errors == []
    changed = {line.code: line.changes for line in preview.to_save}
    budaya_code, audit_code = (f"K{PriorityActivity.objects.get(name=n).pk}" for n in (BUDAYA, AUDIT))
    assert set(changed) == {budaya_code, audit_code}  # every other line, saved by Calc, is a no-op
    assert ("Realisasi", "–", "3.900") in changed[budaya_code]
    assert client.post(reverse("monev:import-preview"), {"action": "save_all"}).status_code == 302
    stored = Realisation.objects.get(activity__name=BUDAYA, year=2020, period="q4")
    assert stored.number == 3900
    assert Realisation.objects.get(activity__name=AUDIT, year=2020, period="q4").number == 12.5
