"""A small PMPRB model whose scores are worked out by hand, and helpers to answer it through the services.

The model "uji" (regency share 50 %):

    Pengungkit 60: mp 20 (Q1 Ya/Tidak, bobot 10; Q2 pilihan A=1 B=0,5 C=0, bobot 10)
                   sdm 40 (Q3 persentase, bobot 40)
    Hasil 40:      sakip 40 (Q4 angka, 0 bernilai 0 dan 100 bernilai 1, bobot 40; indikator nilai-sakip)
"""

from decimal import Decimal

from assessment import services
from assessment.models import Component, ModelVersion, Question, SubComponent
from roadmap.models import Agency

ABC = [
    {"code": "A", "label": "Seluruhnya", "value": "1"},
    {"code": "B", "label": "Sebagian", "value": "0.5"},
    {"code": "C", "label": "Belum", "value": "0"},
]


def tiny_model(year: int = 2020) -> ModelVersion:
    version = ModelVersion.objects.create(
        code="uji", name="Model uji", regulation="Uji", first_year=year - 1, last_year=year + 1
    )
    pengungkit = Component.objects.create(
        model=version, code="pengungkit", name="Komponen Pengungkit", order=1, weight=60
    )
    hasil = Component.objects.create(model=version, code="hasil", name="Komponen Hasil", order=2, weight=40)
    mp = SubComponent.objects.create(
        model=version,
        component=pengungkit,
        code="mp",
        name="Manajemen Perubahan",
        short_name="MP",
        order=1,
        weight=20,
    )
    sdm = SubComponent.objects.create(
        model=version,
        component=pengungkit,
        code="sdm",
        name="Penataan SDM",
        short_name="SDM",
        order=2,
        weight=40,
    )
    sakip = SubComponent.objects.create(
        model=version,
        component=hasil,
        code="sakip",
        name="Nilai SAKIP",
        short_name="SAKIP",
        order=1,
        weight=40,
    )
    for order, (sub, code, kind, weight, extra) in enumerate(
        [
            (mp, "Q1", "yes_no", 10, {}),
            (mp, "Q2", "choice", 10, {"choices": ABC}),
            (sdm, "Q3", "percent", 40, {}),
            (sakip, "Q4", "number", 40, {"low": 0, "high": 100, "indicator_ref": "nilai-sakip"}),
        ],
        start=1,
    ):
        Question.objects.create(
            model=version,
            subcomponent=sub,
            code=code,
            order=order,
            text=f"Pertanyaan {code}?",
            kind=kind,
            weight=weight,
            **extra,
        )
    return version


def open_round(user, version: ModelVersion, agencies=("bkd", "dinkominfo"), year: int = 2020):
    return services.open_round(
        model=version, year=year, agencies=list(Agency.objects.filter(code__in=agencies)), user=user
    )


def entry(question: Question, value) -> services.AnswerEntry:
    if question.kind in ("yes_no", "choice"):
        return services.AnswerEntry(question=question, choice=value)
    return services.AnswerEntry(question=question, number=Decimal(str(value)))


def answer(assessment, user, values: dict[str, object], submit: bool = True) -> None:
    """Answer the given questions by code (and submit the assessment, by default)."""
    questions = {q.code: q for q in assessment.round.model.questions.all()}
    services.save_answers(
        assessment=assessment,
        entries=[entry(questions[code], value) for code, value in values.items()],
        user=user,
    )
    if submit:
        services.submit_assessment(assessment=assessment, user=user)


REGENCY = {"Q1": "ya", "Q2": "B", "Q3": 80, "Q4": "63.52"}
BKD = {"Q1": "tidak", "Q2": "A", "Q3": 50, "Q4": 70}
KOMINFO = {"Q1": "ya", "Q2": "C", "Q3": 100, "Q4": 90}
