"""PMPRB workbooks: a model's question set loads from the documented layout (with a preview and
per-row errors), and assessments and rounds export in the worksheet's layout, formula-free."""

from decimal import Decimal as D
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from assessment.models import Question
from tests.pmprb_helpers import BKD, REGENCY, answer, open_round, tiny_model

pytestmark = pytest.mark.django_db

HEADER = [
    "Kode",
    "Sub-komponen",
    "Kelompok",
    "Pertanyaan",
    "Petunjuk",
    "Jenis jawaban",
    "Pilihan (kode=nilai)",
    "Uraian pilihan",
    "Angka bernilai 0",
    "Angka bernilai 1",
    "Satuan",
    "Bobot",
    "Indikator road map",
]


def question_file(rows, model_code="uji", header=HEADER) -> BytesIO:
    """A question set as staff would type it: two heading lines, the header, one row per question."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Pertanyaan"
    sheet.append(["Set pertanyaan"])
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    info = workbook.create_sheet("Model")
    info.append(["Kode model", model_code])
    buffer = BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "lke.xlsx"
    return buffer


# fmt: off
FULL_SET = [
    ["MP.1", "mp", "Tim RB", "Tim RB dibentuk?", "SK tim", "Ya/Tidak", None, None, None, None, None, 8, None],
    ["MP.2", "mp", "Road map", "Road map mencakup area?", None, "Pilihan", "A=1; B=0,5; C=0",
     "A. Delapan area\nB. Empat sampai tujuh\nC. Kurang dari empat", None, None, None, "12", None],
    ["SDM.1", "sdm", None, "Persentase ASN terlatih", None, "Persentase", None, None, None, None, None, 40, None],
    ["H.1", "sakip", None, "Nilai SAKIP", None, "Angka", None, None, 0, 100, "nilai", 40, "nilai-sakip"],
]
# fmt: on


@pytest.fixture
def empty_model():
    version = tiny_model()
    version.questions.all().delete()
    return version


def upload(client, version, rows, **kwargs):
    url = reverse("assessment:question-import", kwargs={"pk": version.pk})
    return client.post(url, {"file": question_file(rows, **kwargs)})


def test_a_question_set_loads_from_a_workbook(client, staff_user, empty_model):
    client.force_login(staff_user)
    response = upload(client, empty_model, FULL_SET)
    preview_url = reverse("assessment:question-preview", kwargs={"pk": empty_model.pk})
    assert response.status_code == 302 and response["Location"] == preview_url
    page = client.get(preview_url).content.decode()
    assert "Baru: 4" in page and "judul-galat" not in page
    assert not Question.objects.filter(model=empty_model).exists()  # nothing saved before the confirmation
    response = client.post(preview_url, {"action": "save"})
    assert response.status_code == 302
    questions = {q.code: q for q in empty_model.questions.all()}
    assert list(questions) == ["MP.1", "MP.2", "SDM.1", "H.1"]
    mp2 = questions["MP.2"]
    assert mp2.kind == "choice" and mp2.weight == D(12) and not mp2.is_example
    assert mp2.choices == [
        {"code": "A", "label": "Delapan area", "value": "1"},
        {"code": "B", "label": "Empat sampai tujuh", "value": "0.5"},
        {"code": "C", "label": "Kurang dari empat", "value": "0"},
    ]
    assert (questions["H.1"].low, questions["H.1"].high, questions["H.1"].indicator_ref) == (
        0,
        100,
        "nilai-sakip",
    )
    assert questions["MP.1"].guidance == "SK tim"


def test_every_wrong_row_is_listed_and_nothing_is_saved(client, staff_user, empty_model):
    client.force_login(staff_user)
    rows = [
        ["MP.1", "mp", None, "Tim RB?", None, "Ya/Tidak", None, None, None, None, None, 8, None],
        [
            "MP.2",
            "mp",
            None,
            "Road map?",
            None,
            "Pilihan",
            "A=1; B=setengah",
            None,
            None,
            None,
            None,
            12,
            None,
        ],
        ["MP.3", "xx", None, "Salah sub-komponen", None, "Ya/Tidak", None, None, None, None, None, 1, None],
        ["SDM.1", "sdm", None, "Jenis tak dikenal", None, "Esai", None, None, None, None, None, 40, None],
        ["H.1", "sakip", None, "Angka tanpa rentang", None, "Angka", None, None, 5, None, None, 40, None],
        ["MP.1", "mp", None, "Kode berulang", None, "Ya/Tidak", None, None, None, None, None, 1, None],
    ]
    upload(client, empty_model, rows)
    preview_url = reverse("assessment:question-preview", kwargs={"pk": empty_model.pk})
    page = client.get(preview_url).content.decode()
    for message in [
        "Tulis setiap pilihan sebagai kode=nilai",  # row 5
        "Sub-komponen &#x27;xx&#x27; tidak ada dalam model ini",  # row 6
        "Pilih salah satu: Ya/Tidak, Pilihan, Persentase, Angka.",  # row 7
        "Pertanyaan angka memerlukan nilai minimum dan maksimum yang berbeda.",  # row 8
        "Kode MP.1 muncul lebih dari sekali dalam berkas.",  # row 9
    ]:
        assert message in page
    assert '<td class="text-end">5</td>' in page  # errors name the Excel row
    response = client.post(preview_url, {"action": "save"})
    assert response.status_code == 400
    assert not empty_model.questions.exists()


def test_weights_not_adding_up_are_refused(client, staff_user, empty_model):
    client.force_login(staff_user)
    rows = [row[:] for row in FULL_SET]
    rows[0][11] = 9  # MP: 9 + 12 = 21, not 20
    upload(client, empty_model, rows)
    preview_url = reverse("assessment:question-preview", kwargs={"pk": empty_model.pk})
    assert (
        "Bobot pertanyaan sub-komponen mp berjumlah 21,00, bukan 20,00."
        in client.get(preview_url).content.decode()
    )
    assert client.post(preview_url, {"action": "save"}).status_code == 400
    assert not empty_model.questions.exists()


def test_answered_questions_keep_what_scores_them(client, staff_user):
    version = tiny_model()
    round_ = open_round(staff_user, version)
    answer(round_.assessments.get(agency=None), staff_user, REGENCY)
    client.force_login(staff_user)
    rows = [
        ["Q1", "mp", None, "Pertanyaan Q1 dengan kata-kata yang lebih jelas?", None, "Ya/Tidak", None, None, None, None, None, 10, None],
        ["Q2", "mp", None, "Pertanyaan Q2?", None, "Pilihan", "A=1; B=0,5; C=0", None, None, None, None, 10, None],
        ["Q3", "sdm", None, "Pertanyaan Q3?", None, "Persentase", None, None, None, None, None, 40, None],
        ["Q4", "sakip", None, "Pertanyaan Q4?", None, "Angka", None, None, 0, 50, None, 40, "nilai-sakip"],
    ]  # fmt: skip
    upload(client, version, rows)
    preview_url = reverse("assessment:question-preview", kwargs={"pk": version.pk})
    page = client.get(preview_url).content.decode()
    assert "Pertanyaan Q4 sudah dijawab dalam putaran PMPRB" in page  # its range changed
    rows[3][9] = 100
    upload(client, version, rows)
    assert client.post(preview_url, {"action": "save"}).status_code == 302
    assert version.questions.get(code="Q1").text == "Pertanyaan Q1 dengan kata-kata yang lebih jelas?"


def test_a_file_that_is_not_a_question_set_is_refused_with_a_reason(client, staff_user, empty_model):
    client.force_login(staff_user)
    url = reverse("assessment:question-import", kwargs={"pk": empty_model.pk})
    response = client.post(url, {"file": question_file(FULL_SET, header=["Kode", "Pertanyaan"])})
    assert response.status_code == 400
    assert "Kolom berikut tidak ditemukan: Sub-komponen, Jenis jawaban, Bobot." in response.content.decode()
    response = client.post(url, {"file": BytesIO(b"%PDF-1.4")})
    assert response.status_code == 400
    upload(client, empty_model, FULL_SET, model_code="pmprb-2019")
    page = client.get(reverse("assessment:question-preview", kwargs={"pk": empty_model.pk})).content.decode()
    assert "Berkas ini untuk model &quot;pmprb-2019&quot;, bukan &quot;uji&quot;" in page


def test_the_downloaded_question_set_uploads_back_unchanged(client, staff_user):
    version = tiny_model()
    client.force_login(staff_user)
    response = client.get(reverse("assessment:question-workbook", kwargs={"pk": version.pk}))
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames == ["Pertanyaan", "Model"]
    data = BytesIO(response.content)
    data.name = "pertanyaan-uji.xlsx"
    client.post(reverse("assessment:question-import", kwargs={"pk": version.pk}), {"file": data})
    page = client.get(reverse("assessment:question-preview", kwargs={"pk": version.pk})).content.decode()
    assert "Tidak berubah: 4" in page and "judul-galat" not in page


def cells(sheet):
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_an_assessment_exports_in_the_worksheets_layout_without_formulas(client, staff_user, bkd_user):
    version = tiny_model()
    round_ = open_round(staff_user, version)
    bkd = round_.assessments.get(agency__code="bkd")
    answer(bkd, bkd_user, BKD)
    client.force_login(bkd_user)
    response = client.get(reverse("assessment:assessment-workbook", kwargs={"pk": bkd.pk}))
    sheet = load_workbook(BytesIO(response.content))["PMPRB 2020"]
    rows = cells(sheet)
    assert rows[0][0] == "Kertas Kerja Evaluasi PMPRB 2020: Badan Kepegawaian Daerah dan Diklat"
    by_code = {row[0]: row for row in rows if row[0]}
    assert by_code["pengungkit"][5] == 30  # mp 10 + sdm 20
    assert by_code["Q2"][3:6] == ["A", 1, 10]  # answer, value, score
    assert by_code["Q3"][8] == "Diajukan"
    assert [row for row in rows if row[1] == "Nilai"][0][5] == 58
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_a_round_exports_its_recap_and_every_worksheet(client, staff_user, bkd_user, pengarah_user):
    version = tiny_model()
    round_ = open_round(staff_user, version)
    answer(round_.assessments.get(agency=None), staff_user, REGENCY)
    answer(round_.assessments.get(agency__code="bkd"), bkd_user, BKD)
    client.force_login(pengarah_user)
    workbook = load_workbook(
        BytesIO(client.get(reverse("assessment:round-workbook", kwargs={"pk": round_.pk})).content)
    )
    assert workbook.sheetnames == ["Rekap", "1. Pemkab", "2. BKD dan Diklat", "3. Dinkominfo"]
    rows = cells(workbook["Rekap"])
    index_row = next(row for row in rows if row[1] == "Indeks RB")
    # 50 % × 72,408 + 50 % × (58 + 0) / 2 = 50,704, rounded as shown
    assert index_row[5:8] == [50.7, "CC", None]  # Nilai, Predikat, the year before (no round then)
    assert all(cell.data_type != "f" for sheet in workbook for row in sheet.iter_rows() for cell in row)
