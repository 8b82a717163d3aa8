"""The pure PMPRB rules (assessment/scoring.py, assessment/progress.py), table by table."""

from decimal import Decimal as D

import pytest

from assessment import progress, scoring
from assessment.models import QuestionKind
from monev.achievement import Band
from monev.workflow import State

YES_NO = scoring.Question("Q", D(1), scoring.Kind.YES_NO)
ABC = scoring.Question(
    "Q",
    D(1),
    scoring.Kind.CHOICE,
    (scoring.Choice("A", D(1)), scoring.Choice("B", D("0.5")), scoring.Choice("C", D(0))),
)
PERCENT = scoring.Question("Q", D(1), scoring.Kind.PERCENT)
SAKIP = scoring.Question("Q", D(14), scoring.Kind.NUMBER, low=D(0), high=D(100))
LOWER_IS_BETTER = scoring.Question("Q", D(1), scoring.Kind.NUMBER, low=D(10), high=D(0))


@pytest.mark.parametrize(
    ("question", "choice", "number", "value"),
    [
        (YES_NO, "ya", None, D(1)),
        (YES_NO, "tidak", None, D(0)),
        (YES_NO, "", None, None),  # unanswered
        (YES_NO, "mungkin", None, None),
        (ABC, "A", None, D(1)),
        (ABC, "B", None, D("0.5")),
        (ABC, "C", None, D(0)),
        (ABC, "Z", None, None),  # not one of its choices
        (ABC, "", None, None),
        (PERCENT, "", D(0), D(0)),
        (PERCENT, "", D(75), D("0.75")),
        (PERCENT, "", D(100), D(1)),
        (PERCENT, "", D(120), D(1)),  # clamped
        (PERCENT, "", None, None),
        (SAKIP, "", D("63.52"), D("0.6352")),
        (SAKIP, "", D(0), D(0)),
        (SAKIP, "", D(100), D(1)),
        (SAKIP, "", D(-5), D(0)),
        (SAKIP, "", D(150), D(1)),
        (SAKIP, "", None, None),
        (LOWER_IS_BETTER, "", D(2), D("0.8")),
        (LOWER_IS_BETTER, "", D(10), D(0)),
        (LOWER_IS_BETTER, "", D(0), D(1)),
    ],
)
def test_value_of_every_answer_kind(question, choice, number, value):
    assert scoring.value_of(question, choice, number) == value


def test_a_number_without_a_formula_cannot_be_valued():
    with pytest.raises(ValueError):
        scoring.value_of(scoring.Question("Q", D(1), scoring.Kind.NUMBER, low=D(5), high=D(5)), "", D(5))


@pytest.mark.parametrize(
    ("state", "own", "reviewer", "counted"),
    [
        (None, None, None, None),  # unanswered
        (State.DRAFT, D(1), None, None),  # drafts do not count
        (State.RETURNED, D(1), None, None),  # nor answers waiting for a correction
        (State.SUBMITTED, D(1), None, D(1)),
        (State.SUBMITTED, D(1), D(0), D(1)),  # a reviewer's answer counts once verified
        (State.VERIFIED, D(1), None, D(1)),  # agreed
        (State.VERIFIED, D(1), D("0.5"), D("0.5")),  # adjusted by the reviewer
        (State.VERIFIED, D(1), D(0), D(0)),
    ],
)
def test_which_answers_count(state, own, reviewer, counted):
    assert scoring.counted_value(state, own, reviewer) == counted


def q(code: str, weight: str) -> scoring.Question:
    return scoring.Question(code, D(weight), scoring.Kind.YES_NO)


AREA = scoring.SubComponent("mp", D(4), (q("a", "1"), q("b", "1"), q("c", "2")))
THIRDS = scoring.SubComponent("org", D(1), (q("x", "0.3333"), q("y", "0.3333"), q("z", "0.3333")))
EMPTY = scoring.SubComponent("kosong", D(2))
MODEL = scoring.Model(
    (
        scoring.Component("pengungkit", D(7), (AREA, THIRDS, EMPTY)),
        scoring.Component("hasil", D(93), (scoring.SubComponent("sakip", D(93), (SAKIP,)),)),
    )
)


@pytest.mark.parametrize(
    ("sub", "values", "score", "answered"),
    [
        # 4 × (1×1 + 1×0,5 + 2×0) / 4 = 1,5; the unanswered question is worth 0
        (AREA, {"a": D(1), "b": D("0.5")}, D("1.5"), 2),
        (AREA, {"a": D(1), "b": D(1), "c": D(1)}, D(4), 3),
        (AREA, {}, D(0), 0),
        (AREA, {"c": D(1)}, D(2), 1),
        # weights written 0,3333 three times still give the whole weight: 1 × 0,9999 / 0,9999
        (THIRDS, {"x": D(1), "y": D(1), "z": D(1)}, D(1), 3),
        (EMPTY, {}, None, 0),  # no questions: no score
    ],
)
def test_sub_component_scores(sub, values, score, answered):
    result = scoring.score_sub(sub, values)
    assert (result.score, result.answered, result.questions) == (score, answered, len(sub.questions))


def test_an_assessment_sums_its_parts_and_is_incomplete_with_an_empty_sub_component():
    result = scoring.score(
        MODEL, {"a": D(1), "b": D(1), "c": D(1), "x": D(1), "y": D(1), "z": D(1), "Q": D("0.5")}
    )
    assert result.components[0].score == D(5)  # 4 + 1, the empty sub-component adds nothing
    assert result.components[1].score == D("46.5")
    assert result.total == D("51.5")
    assert (result.answered, result.questions) == (7, 7)
    assert not result.complete  # "kosong" has no questions
    assert result.sub("kosong").percent is None
    assert result.sub("mp").percent == D(100)
    assert result.sub("sakip").percent == D(50)


def test_a_model_whose_every_question_is_answered_is_complete():
    model = scoring.Model(
        (scoring.Component("c", D(100), (scoring.SubComponent("s", D(100), (q("a", "100"),)),)),)
    )
    assert scoring.score(model, {"a": D(0)}).complete
    assert not scoring.score(model, {}).complete


@pytest.mark.parametrize(
    ("model", "problems"),
    [
        (
            scoring.Model(
                (scoring.Component("c", D(100), (scoring.SubComponent("s", D(100), (q("a", "100"),)),)),)
            ),
            [],
        ),
        # components must make the model's total
        (
            scoring.Model((scoring.Component("c", D(90), (scoring.SubComponent("s", D(90)),)),)),
            ["Bobot komponen berjumlah 90,00, bukan 100,00."],
        ),
        # sub-components must make their component's weight
        (
            scoring.Model(
                (
                    scoring.Component(
                        "pengungkit",
                        D(60),
                        (scoring.SubComponent("a", D(30)), scoring.SubComponent("b", D(29))),
                    ),
                    scoring.Component("hasil", D(40), (scoring.SubComponent("h", D(40)),)),
                )
            ),
            ["Bobot sub-komponen pengungkit berjumlah 59,00, bukan 60,00."],
        ),
        # questions must make their sub-component's weight
        (
            scoring.Model(
                (
                    scoring.Component(
                        "c", D(100), (scoring.SubComponent("s", D(100), (q("a", "60"), q("b", "30"))),)
                    ),
                )
            ),
            ["Bobot pertanyaan sub-komponen s berjumlah 90,00, bukan 100,00."],
        ),
        # within the tolerance of 0,01 (thirds written 0,3333), not beyond it
        (
            scoring.Model(
                (scoring.Component("c", D(100), (scoring.SubComponent("s", D(100), (q("a", "99.99"),)),)),)
            ),
            [],
        ),
        (
            scoring.Model(
                (scoring.Component("c", D(100), (scoring.SubComponent("s", D(100), (q("a", "99.98"),)),)),)
            ),
            ["Bobot pertanyaan sub-komponen s berjumlah 99,98, bukan 100,00."],
        ),
        # a sub-component without questions yet is a structure, not an error
        (scoring.Model((scoring.Component("c", D(100), (scoring.SubComponent("s", D(100)),)),)), []),
    ],
)
def test_weights_must_add_up(model, problems):
    assert scoring.check_weights(model) == problems


@pytest.mark.parametrize(
    ("question", "problems"),
    [
        (ABC, []),
        (SAKIP, []),
        (scoring.Question("Q", D(0), scoring.Kind.YES_NO), ["Bobot pertanyaan harus lebih dari 0."]),
        (
            scoring.Question("Q", D(1), scoring.Kind.CHOICE, (scoring.Choice("A", D(1)),)),
            ["Pertanyaan pilihan memerlukan paling sedikit dua pilihan."],
        ),
        (
            scoring.Question(
                "Q", D(1), scoring.Kind.CHOICE, (scoring.Choice("A", D(1)), scoring.Choice("A", D(0)))
            ),
            ["Kode pilihan tidak boleh berulang."],
        ),
        (
            scoring.Question(
                "Q", D(1), scoring.Kind.CHOICE, (scoring.Choice("A", D("1.5")), scoring.Choice("B", D(0)))
            ),
            ["Nilai setiap pilihan harus antara 0 dan 1."],
        ),
        (
            scoring.Question("Q", D(1), scoring.Kind.NUMBER, low=D(0)),
            ["Pertanyaan angka memerlukan nilai minimum dan maksimum yang berbeda."],
        ),
    ],
)
def test_question_problems(question, problems):
    assert scoring.question_problems(question) == problems


SAKIP_BANDS = [
    Band("D", D(0), D(30)),
    Band("C", D(30), D(50)),
    Band("CC", D(50), D(60)),
    Band("B", D(60), D(70)),
    Band("BB", D(70), D(80)),
    Band("A", D(80), D(90)),
    Band("AA", D(90), D(100)),
]


@pytest.mark.parametrize(
    ("value", "grade"),
    [
        (None, None),
        (D(0), "D"),
        (D(30), "D"),  # D ≤ 30
        (D("30.004"), "D"),  # shown as 30,00
        (D("30.005"), "C"),  # shown as 30,01
        (D("63.52"), "B"),
        (D(90), "A"),
        (D("90.01"), "AA"),  # AA > 90
        (D(100), "AA"),
    ],
)
def test_predikat_by_the_sakip_bands_on_the_score_as_shown(value, grade):
    assert scoring.predikat(value, SAKIP_BANDS) == grade


@pytest.mark.parametrize(
    ("regency", "agencies", "share", "index"),
    [
        (D(70), [D(60), D(80)], D(50), D(70)),  # 35 + 35
        (D(80), [D(60), D(70), D(50)], D(50), D(70)),  # 40 + 0,5 × 60
        (D(80), [D(60)], D(40), D(68)),  # 0,4 × 80 + 0,6 × 60
        (D(80), [], D(100), D(80)),  # the regency alone
        (D(80), [], D(50), None),  # agencies weigh, but there are none
        (None, [D(60)], D(50), None),
        (D(80), [D(60), None], D(50), None),
    ],
)
def test_indeks_rb(regency, agencies, share, index):
    assert scoring.indeks_rb(regency, agencies, share) == index


def test_weak_and_weakest_sub_components():
    subs = [
        scoring.SubScore("a", D(10), D(4), 1, 1),  # 40 %
        scoring.SubScore("b", D(10), D(6), 1, 1),  # 60 %
        scoring.SubScore("c", D(10), D("5.9"), 1, 1),  # 59 %
        scoring.SubScore("d", D(10), None, 0, 0),  # no questions: never weak
        scoring.SubScore("e", D(10), D(10), 1, 1),
        scoring.SubScore("f", D(10), D(1), 1, 2),  # still being answered: unfinished, not weak
    ]
    assert [s.code for s in scoring.weak(subs, D(60))] == ["a", "c"]
    assert [s.code for s in scoring.weak(subs, D(0))] == []
    assert [s.code for s in scoring.weakest(subs, 2)] == ["a", "c"]
    assert [s.code for s in scoring.weakest(subs, 9)] == ["a", "c", "b", "e"]


S, V, R, DR = State.SUBMITTED, State.VERIFIED, State.RETURNED, State.DRAFT


@pytest.mark.parametrize(
    ("states", "questions", "status", "finished"),
    [
        ([], 3, progress.Status.NOT_STARTED, False),
        ([DR], 3, progress.Status.IN_PROGRESS, False),
        ([S, S], 3, progress.Status.IN_PROGRESS, False),  # a question is still unanswered
        ([S, S, DR], 3, progress.Status.IN_PROGRESS, False),  # a draft is not submitted
        ([S, S, S], 3, progress.Status.SUBMITTED, True),
        ([S, V, V], 3, progress.Status.SUBMITTED, True),
        ([V, V, V], 3, progress.Status.REVIEWED, True),
        ([V, V, R], 3, progress.Status.RETURNED, False),  # back with the agency
        ([R], 3, progress.Status.RETURNED, False),
    ],
)
def test_progress_of_an_assessment(states, questions, status, finished):
    result = progress.progress(states, questions)
    assert (result.status, result.finished) == (status, finished)
    assert result.answered == len(states)


def test_progress_percent_reaches_100_only_when_every_question_is_answered():
    assert progress.progress([S] * 199, 200).percent == 99
    assert progress.progress([S] * 200, 200).percent == 100
    assert progress.progress([], 0).percent == 0


def test_the_answer_kinds_of_the_rules_are_the_models_kinds():
    assert {kind.value for kind in scoring.Kind} == set(QuestionKind.values)
