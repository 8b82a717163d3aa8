"""The PMPRB self-assessment end to end, below the browser: answering, submitting, reviewing, the
scores against a hand computation, Hasil values offered from verified realisations, closing a round
into the road map's Indeks RB, the rules of who may change what, and the fixture's loading."""

import json
import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from areas.models import Indicator, ScaleLevel
from assessment import services
from assessment.findings import weak_subcomponents
from assessment.loading import load_models
from assessment.models import Answer, ModelVersion, Question, Round
from assessment.offers import offers_for
from assessment.selectors import round_result
from monev.models import Realisation, ReviewState
from monev.standing import year_status
from roadmap.loading import FixtureError
from tests.pmprb_helpers import BKD, KOMINFO, REGENCY, answer, open_round, tiny_model

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def round_(staff_user):
    return open_round(staff_user, tiny_model())


def assessment_of(round_, code=None):
    return round_.assessments.get(agency__code=code) if code else round_.assessments.get(agency=None)


def test_scores_match_the_hand_computation(round_, staff_user, bkd_user, make_user, inspektorat_user):
    """Worked out by hand (tests/pmprb_helpers.py has the model):

    Pemerintah Kabupaten: Q1 Ya = 1, Q2 B = 0,5, Q3 80 % = 0,8, Q4 63,52 = 0,6352
        mp = 20 × (10 × 1 + 10 × 0,5) / 20 = 15; sdm = 40 × 0,8 = 32; hasil = 40 × 0,6352 = 25,408
        nilai = 15 + 32 + 25,408 = 72,408 → 72,41, predikat BB (> 70 … 80)
    BKD: Q1 Tidak = 0, Q2 A = 1, Q3 50 % = 0,5, Q4 70 = 0,7
        mp = 20 × (0 + 10) / 20 = 10; sdm = 20; hasil = 28; nilai = 58,00, predikat CC
    Dinkominfo: Q1 Ya, Q2 C = 0, Q3 100 %, Q4 90
        mp = 10; sdm = 40; hasil = 36; nilai = 86,00, predikat A
    Indeks RB = 50 % × 72,408 + 50 % × (58 + 86) / 2 = 36,204 + 36 = 72,204 → 72,20, BB

    The Inspektorat's reviewer then sets BKD's Q3 to 20 % (0,2): sdm = 8, BKD = 46,00 (C);
    Indeks RB = 36,204 + 50 % × (46 + 86) / 2 = 69,204 → 69,20, predikat B.
    """
    kominfo_user = make_user("kominfo", "agency_admin", "dinkominfo")
    answer(assessment_of(round_), staff_user, REGENCY)
    answer(assessment_of(round_, "bkd"), bkd_user, BKD)
    answer(assessment_of(round_, "dinkominfo"), kominfo_user, KOMINFO)

    result = round_result(round_)
    totals = {r.assessment.short_name: r.total for r in result.results}
    assert totals == {"Pemkab": D("72.408"), "BKD dan Diklat": D(58), "Dinkominfo": D(86)}
    assert [r.predikat for r in result.results] == ["BB", "CC", "A"]
    assert result.index == D("72.204")
    assert result.index_predikat == "BB"
    regency = result.regency.score
    assert [s.score for s in regency.subs] == [D(15), D(32), D("25.408")]

    q3 = Answer.objects.get(assessment__agency__code="bkd", question__code="Q3")
    services.review_answer(
        answer=q3, action=services.ADJUST, number=D(20), note="Bukti hanya 20 %.", user=inspektorat_user
    )
    result = round_result(round_)
    assert result.by_assessment(q3.assessment_id).total == D(46)
    assert result.by_assessment(q3.assessment_id).predikat == "C"
    assert result.index == D("69.204")
    assert result.index_predikat == "B"


def test_the_round_page_shows_the_index_and_every_score(client, round_, staff_user, bkd_user, pengarah_user):
    answer(assessment_of(round_), staff_user, REGENCY)
    answer(assessment_of(round_, "bkd"), bkd_user, BKD)
    client.force_login(pengarah_user)
    page = client.get(round_.get_absolute_url()).content.decode()
    # 50 % × 72,408 + 50 % × (58 + 0) / 2: Dinkominfo has not started and counts 0 while the index is provisional.
    assert "50,70" in page and "sementara" in page
    assert "72,41" in page and "58,00" in page
    assert "Belum diisi" in page


def test_drafts_and_returned_answers_do_not_count(round_, staff_user, bkd_user, inspektorat_user):
    bkd = assessment_of(round_, "bkd")
    answer(bkd, bkd_user, BKD, submit=False)
    assert round_result(round_).by_assessment(bkd.pk).total == 0
    services.submit_assessment(assessment=bkd, user=bkd_user)
    assert round_result(round_).by_assessment(bkd.pk).total == D(58)
    q4 = bkd.answers.get(question__code="Q4")
    services.review_answer(
        answer=q4, action=services.RETURN, note="Lampirkan LHE SAKIP.", user=inspektorat_user
    )
    result = round_result(round_).by_assessment(bkd.pk)
    assert result.total == D(30)  # 58 − 28: the returned answer waits for its correction
    assert result.progress.label == "Dikembalikan"
    # The agency corrects it and submits again; the answer counts once more.
    answer(bkd, bkd_user, {"Q4": 75})
    assert round_result(round_).by_assessment(bkd.pk).total == D(60)


def test_submitting_needs_every_question_answered(round_, bkd_user):
    bkd = assessment_of(round_, "bkd")
    answer(bkd, bkd_user, {"Q1": "ya"}, submit=False)
    with pytest.raises(ValidationError, match="3 pertanyaan yang belum dijawab"):
        services.submit_assessment(assessment=bkd, user=bkd_user)


def test_who_may_answer_and_review(round_, staff_user, bkd_user, inspektorat_user, pengarah_user):
    bkd, regency = assessment_of(round_, "bkd"), assessment_of(round_)
    with pytest.raises(PermissionDenied):  # another agency's assessment
        answer(assessment_of(round_, "dinkominfo"), bkd_user, KOMINFO)
    with pytest.raises(PermissionDenied):  # the Tim Pengarah reads
        answer(regency, pengarah_user, REGENCY)
    answer(bkd, bkd_user, BKD)
    q1 = bkd.answers.get(question__code="Q1")
    with pytest.raises(PermissionDenied):  # an agency admin outside the PMPRB team
        services.review_answer(answer=q1, action=services.AGREE, user=bkd_user)
    services.review_answer(answer=q1, action=services.AGREE, user=inspektorat_user)
    # A verified answer is locked for the agency; staff correct it with a reason only.
    with pytest.raises(PermissionDenied):
        answer(bkd, bkd_user, {"Q1": "ya"}, submit=False)
    with pytest.raises(ValidationError, match="alasan"):
        answer(bkd, staff_user, {"Q1": "ya"}, submit=False)
    services.save_answers(
        assessment=bkd,
        entries=[services.AnswerEntry(question=q1.question, choice="ya")],
        reason="SK tim ditemukan.",
        user=staff_user,
    )
    assert Answer.objects.get(pk=q1.pk).review_state == ReviewState.VERIFIED


def test_the_reviewer_never_reviews_its_own_agency_nor_anyone_their_own_answer(
    round_, make_user, staff_user, inspektorat_user
):
    own = open_round(staff_user, ModelVersion.objects.get(code="uji"), agencies=("inspektorat",), year=2021)
    answer(assessment_of(own, "inspektorat"), inspektorat_user, KOMINFO)
    mine = Answer.objects.filter(assessment__round=own, assessment__agency__code="inspektorat").first()
    with pytest.raises(PermissionDenied, match="sendiri"):
        services.review_answer(answer=mine, action=services.AGREE, user=inspektorat_user)
    answer(assessment_of(round_), staff_user, REGENCY)
    staffs = Answer.objects.filter(assessment__round=round_, assessment__agency=None).first()
    with pytest.raises(PermissionDenied, match="sendiri"):
        services.review_answer(answer=staffs, action=services.AGREE, user=staff_user)
    services.review_answer(answer=staffs, action=services.AGREE, user=inspektorat_user)


def test_a_closed_round_locks_every_answer(round_, staff_user, bkd_user):
    services.close_round(round_=round_, user=staff_user, record=False)
    with pytest.raises(PermissionDenied, match="ditutup"):
        answer(assessment_of(round_, "bkd"), bkd_user, BKD, submit=False)
    services.reopen_round(round_=round_, reason="Koreksi jawaban BKD.", user=staff_user)
    answer(assessment_of(round_, "bkd"), bkd_user, BKD, submit=False)


def test_closing_offers_the_indeks_rb_as_the_verified_realisation(round_, staff_user, bkd_user, make_user):
    answer(assessment_of(round_), staff_user, REGENCY)
    answer(assessment_of(round_, "bkd"), bkd_user, BKD)
    answer(assessment_of(round_, "dinkominfo"), make_user("kominfo", "agency_admin", "dinkominfo"), KOMINFO)
    services.close_round(round_=round_, user=staff_user, record=True)
    indicator = Indicator.objects.get(ref="indeks-rb")
    realisation = Realisation.objects.get(indicator=indicator, year=2020, period="year")
    assert (realisation.number, realisation.review_state) == (D("72.20"), ReviewState.VERIFIED)
    assert "PMPRB 2020" in realisation.source
    assert Round.objects.get(pk=round_.pk).realisation == realisation
    # The road map's own pages read it as the year's verified figure.
    indicator = Indicator.objects.prefetch_related("targets", "realisations", "scale__levels").get(
        pk=indicator.pk
    )
    assert year_status(indicator, 2020).number == D("72.20")
    # Recording another figure over a verified one needs a reason.
    services.reopen_round(round_=round_, reason="Koreksi.", user=staff_user)
    answer(assessment_of(round_, "bkd"), bkd_user, {"Q3": 100})
    with pytest.raises(ValidationError, match="alasan"):
        services.close_round(round_=round_, user=staff_user, record=True)
    services.close_round(round_=round_, user=staff_user, record=True, reason="Koreksi jawaban BKD.")
    assert Realisation.objects.get(indicator=indicator, year=2020, period="year").number == D("77.20")


def test_hasil_values_are_offered_from_verified_realisations(round_):
    """SAKIP: the verified 2019 figure (B, 63,52, loaded from the regulation) stands in for 2020."""
    regency, bkd = assessment_of(round_), assessment_of(round_, "bkd")
    questions = list(round_.model.questions.all())
    offer = offers_for(regency, questions)[Question.objects.get(code="Q4").pk]
    assert offer.number == D("63.52")
    assert "2019" in offer.source and "Perbup 40/2020" in offer.source
    assert offers_for(bkd, questions) == {}  # a regency-wide figure is not an agency's


def test_the_opinion_is_offered_as_its_choice(staff_user):
    load_models(root=FIXTURES)
    version = ModelVersion.objects.get(code="pmprb-2019")
    opinion = Indicator.objects.get(ref="opini-bpk")
    Realisation.objects.create(
        indicator=opinion,
        year=2020,
        period="year",
        level=ScaleLevel.objects.get(scale__code="opini-bpk", code="WTP"),
        review_state=ReviewState.VERIFIED,
    )
    round_ = services.open_round(model=version, year=2020, agencies=[], user=staff_user)
    question = version.questions.get(code="H.4")
    offer = offers_for(assessment_of(round_), [question])[question.pk]
    assert (offer.choice, offer.display) == ("WTP", "Wajar Tanpa Pengecualian")


def test_opening_a_round_is_refused_clearly(round_, staff_user):
    version = ModelVersion.objects.get(code="uji")
    with pytest.raises(ValidationError, match="sudah ada"):
        open_round(staff_user, version)
    with pytest.raises(ValidationError, match="berlaku untuk tahun"):
        open_round(staff_user, version, year=2030)
    version.questions.filter(code="Q3").delete()
    with pytest.raises(ValidationError, match="belum memiliki pertanyaan untuk: Penataan SDM"):
        open_round(staff_user, version, year=2021)


def test_weak_sub_components_become_findings(round_, staff_user, bkd_user):
    answer(assessment_of(round_), staff_user, REGENCY)
    answer(assessment_of(round_, "bkd"), bkd_user, BKD)
    # Threshold 60 %: BKD's MP (10 of 20) and SDM (20 of 40) are at 50 %; the regency's weakest is 63,52 %.
    spots = weak_subcomponents(round_)
    assert [(s.assessment.short_name, s.subcomponent.code, s.percent) for s in spots] == [
        ("BKD dan Diklat", "mp", D(50)),
        ("BKD dan Diklat", "sdm", D(50)),
    ]
    services.set_threshold(round_=round_, threshold=D(80), user=staff_user)
    spots = weak_subcomponents(Round.objects.get(pk=round_.pk))
    # Weakest first within each assessment; Dinkominfo has not started, so nothing of it is judged.
    assert [(s.assessment.short_name, s.subcomponent.code, s.percent) for s in spots] == [
        ("Pemkab", "sakip", D("63.52")),
        ("Pemkab", "mp", D(75)),
        ("BKD dan Diklat", "mp", D(50)),
        ("BKD dan Diklat", "sdm", D(50)),
        ("BKD dan Diklat", "sakip", D(70)),
    ]


def test_evidence_is_checked_and_downloaded_only_after_a_login(client, round_, bkd_user, pengarah_user):
    bkd = assessment_of(round_, "bkd")
    q1 = Question.objects.get(code="Q1")
    not_pdf = SimpleUploadedFile("sk.pdf", b"MZ not a pdf")
    with pytest.raises(ValidationError, match="bukan PDF"):
        services.save_answers(
            assessment=bkd,
            entries=[services.AnswerEntry(question=q1, choice="ya", upload=not_pdf)],
            user=bkd_user,
        )
    pdf = SimpleUploadedFile("sk-tim.pdf", b"%PDF-1.4 SK tim RB")
    services.save_answers(
        assessment=bkd, entries=[services.AnswerEntry(question=q1, choice="ya", upload=pdf)], user=bkd_user
    )
    evidence = Answer.objects.get(assessment=bkd, question=q1).evidence.get()
    assert evidence.file.name.startswith("evidence/")
    url = reverse("assessment:evidence", kwargs={"pk": evidence.pk})
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(pengarah_user)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 SK tim RB"


def test_the_answer_form_keeps_what_was_typed_and_says_what_is_wrong(client, round_, bkd_user):
    bkd = assessment_of(round_, "bkd")
    client.force_login(bkd_user)
    q3, q1 = Question.objects.get(code="Q3"), Question.objects.get(code="Q1")
    url = reverse("assessment:assessment-answer", kwargs={"pk": bkd.pk, "code": "sdm"})
    response = client.post(url, {f"q{q3.pk}_answer": "120", f"q{q3.pk}_explanation": "Rekap BKD"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Isi angka antara 0 dan 100." in page and "Rekap BKD" in page
    response = client.post(url, {f"q{q3.pk}_answer": "87,5"})
    assert response.status_code == 302
    assert Answer.objects.get(assessment=bkd, question=q3).number == D("87.5")
    url = reverse("assessment:assessment-answer", kwargs={"pk": bkd.pk, "code": "mp"})
    response = client.post(url, {f"q{q1.pk}_link": "https://example.org/sk"})
    assert "Isi jawaban sebelum melampirkan bukti dukung." in response.content.decode()


def test_two_people_saving_the_same_answer(client, round_, bkd_user, staff_user):
    bkd = assessment_of(round_, "bkd")
    q1 = Question.objects.get(code="Q1")
    url = reverse("assessment:assessment-answer", kwargs={"pk": bkd.pk, "code": "mp"})
    client.force_login(bkd_user)
    assert client.post(url, {f"q{q1.pk}_answer": "ya", f"q{q1.pk}_version": "0"}).status_code == 302
    response = client.post(url, {f"q{q1.pk}_answer": "tidak", f"q{q1.pk}_version": "0"})
    assert response.status_code == 409
    assert "sudah diubah orang lain" in response.content.decode()
    assert Answer.objects.get(assessment=bkd, question=q1).choice == "ya"


def test_the_example_question_set_is_marked_on_every_page_that_shows_it(client, staff_user):
    load_models(root=FIXTURES)
    version = ModelVersion.objects.get(code="pmprb-2019")
    assert version.questions.count() == 38 and not version.questions.filter(is_example=False).exists()
    round_ = services.open_round(model=version, year=2020, agencies=[], user=staff_user)
    client.force_login(staff_user)
    regency = assessment_of(round_)
    pages = [
        reverse("assessment:model-detail", kwargs={"pk": version.pk}),
        round_.get_absolute_url(),
        reverse("assessment:round-summary", kwargs={"pk": round_.pk}),
        regency.get_absolute_url(),
        reverse("assessment:assessment-answer", kwargs={"pk": regency.pk, "code": "sdm"}),
    ]
    for url in pages:
        assert "Contoh:" in client.get(url).content.decode(), url


def test_the_fixture_loads_idempotently_with_a_source_for_every_weight():
    stats = load_models(root=FIXTURES)
    assert stats.total("created") > 0
    again = load_models(root=FIXTURES)
    assert (again.total("created"), again.total("updated"), again.total("removed")) == (0, 0, 0)
    version = ModelVersion.objects.get(code="pmprb-2019")
    weights = {s.code: s.weight for s in version.subcomponents.all()}
    assert weights == {
        "manajemen-perubahan": 5, "peraturan-perundang-undangan": 5, "organisasi": 6, "tatalaksana": 5,
        "sdm": 15, "pengawasan": 12, "akuntabilitas": 6, "pelayanan-publik": 6,
        "nilai-sakip": 14, "survei-internal": 6, "persepsi-korupsi": 7, "opini-bpk": 3, "persepsi-pelayanan": 10,
    }  # fmt: skip
    parts = [*version.components.all(), *version.subcomponents.all()]
    assert all(part.source for part in parts)
    # The regulation's own figures are certain; the areas' weights are marked as not yet verified.
    assert {s.code for s in version.subcomponents.filter(uncertain=True)} == {
        "manajemen-perubahan", "peraturan-perundang-undangan", "organisasi", "tatalaksana", "sdm", "pengawasan",
        "akuntabilitas", "pelayanan-publik",
    }  # fmt: skip
    assert version.regency_share == 50


def test_weights_not_adding_up_are_refused_on_load_and_nothing_is_written(tmp_path):
    shutil.copytree(FIXTURES / "pmprb", tmp_path / "pmprb")
    path = tmp_path / "pmprb" / "pmprb-2019.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["components"][0]["subcomponents"][4]["weight"] = "14"  # SDM 14: the areas make 59, not 60
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FixtureError, match="Bobot sub-komponen pengungkit berjumlah 59,00, bukan 60,00"):
        load_models(root=tmp_path)
    assert not ModelVersion.objects.exists()
    with pytest.raises(Exception, match="berjumlah 59,00"):
        call_command("load_pmprb", fixtures=tmp_path)


def test_the_example_never_replaces_a_real_question_set():
    load_models(root=FIXTURES)
    version = ModelVersion.objects.get(code="pmprb-2019")
    version.questions.update(is_example=False)
    version.questions.filter(code="MP.1").update(text="Pertanyaan LKE sebenarnya")
    load_models(root=FIXTURES)
    assert version.questions.get(code="MP.1").text == "Pertanyaan LKE sebenarnya"


def test_seed_demo_opens_a_2020_round_through_its_signal(settings):
    from io import StringIO

    settings.DEBUG = True
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "PMPRB 2020" in out.getvalue()
    round_ = Round.objects.get(year=2020)
    result = round_result(round_)
    status = {r.assessment.short_name: r.progress.status for r in result.results}
    assert status["Pemkab"] == "submitted" and status["Inspektorat"] == "submitted"
    assert status["BPKD"] == "returned" and status["Dinkominfo"] == "in_progress"
    assert status["BKD dan Diklat"] == "not_started"
    assert Answer.objects.filter(assessment__round=round_).exclude(reviewer_choice="").count() == 1
    answers = Answer.objects.count()
    call_command("seed_demo", stdout=StringIO())  # a second run leaves the round as it is
    assert Answer.objects.count() == answers and Round.objects.count() == 1


def test_the_worksheet_offers_a_review_only_where_one_can_be_made(
    client, round_, bkd_user, inspektorat_user, staff_user
):
    bkd = assessment_of(round_, "bkd")
    answer(bkd, bkd_user, BKD)
    q1 = bkd.answers.get(question__code="Q1")
    services.review_answer(answer=q1, action=services.AGREE, user=inspektorat_user)
    review_q1 = reverse("assessment:answer-review", kwargs={"pk": q1.pk})
    review_q2 = reverse("assessment:answer-review", kwargs={"pk": bkd.answers.get(question__code="Q2").pk})
    client.force_login(inspektorat_user)
    page = client.get(bkd.get_absolute_url()).content.decode()
    assert review_q2 in page and review_q1 not in page  # agreed: only staff may still change it
    assert "Setujui 3 jawaban yang diajukan" in page
    client.force_login(staff_user)
    assert review_q1 in client.get(bkd.get_absolute_url()).content.decode()
    client.force_login(bkd_user)
    page = client.get(bkd.get_absolute_url()).content.decode()
    assert review_q2 not in page and "Setujui" not in page and "Ajukan penilaian" not in page
