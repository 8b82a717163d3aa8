"""Scores of a PMPRB self-assessment: plain functions over numbers, with no Django and no models.

The rules (docs/assessment.md):
- A question's value is between 0 and 1: Ya is 1 and Tidak 0; a choice has the value the model gives
  it (A = 1, B = 0,5, C = 0, say); a percentage is divided by 100; a number goes through its linear
  formula, ``low`` giving 0 and ``high`` giving 1 (``low`` above ``high``: lower is better), clamped
  to 0–1. An unanswered question is worth 0 and counts as not done.
- A sub-component scores its weight times the weighted mean of its questions' values. Question
  weights must add up to the sub-component's weight (``check_weights``, on every load, within
  ``WEIGHT_TOLERANCE`` so that a three-way split written 0,3333 passes); the mean keeps the
  sub-component's maximum exact whatever the rounding of its parts.
- A sub-component without questions has no score: the assessment cannot be complete.
- A component scores the sum of its sub-components, an assessment the sum of its components. Scores
  keep their full precision; they are rounded half up to two decimals where shown, and the predikat
  is read off the rounded score, with the bands of the SAKIP grade (AA > 90 … D ≤ 30).
- Only answers that were submitted or verified count, with the reviewer's answer where the reviewer
  set one; drafts and returned answers count as unanswered.
- The Indeks RB is ``regency_share`` % of the Pemerintah Kabupaten's result plus the rest of the
  mean of the agencies' results (IV.D.3: 50 % and 50 %).
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from monev.achievement import Band, level_for_score, round_percent
from monev.workflow import State
from roadmap.notation import format_number

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)
WEIGHT_TOLERANCE = Decimal("0.01")
YES, NO = "ya", "tidak"
COUNTED_STATES = (State.SUBMITTED, State.VERIFIED)


class Kind(StrEnum):
    YES_NO = "yes_no"
    CHOICE = "choice"
    PERCENT = "percent"
    NUMBER = "number"


@dataclass(frozen=True)
class Choice:
    code: str
    value: Decimal
    label: str = ""


@dataclass(frozen=True)
class Question:
    code: str
    weight: Decimal
    kind: str
    choices: tuple[Choice, ...] = ()
    low: Decimal | None = None  # a number's formula: this gives 0 ...
    high: Decimal | None = None  # ... and this gives 1


@dataclass(frozen=True)
class SubComponent:
    code: str
    weight: Decimal
    questions: tuple[Question, ...] = ()


@dataclass(frozen=True)
class Component:
    code: str
    weight: Decimal
    subs: tuple[SubComponent, ...] = ()


@dataclass(frozen=True)
class Model:
    components: tuple[Component, ...]
    total: Decimal = HUNDRED


def clamp(value: Decimal) -> Decimal:
    return min(max(value, ZERO), ONE)


def value_of(question: Question, choice: str = "", number: Decimal | None = None) -> Decimal | None:
    """The value (0–1) of an answer to ``question``, or None when it gives none."""
    kind = Kind(question.kind)
    if kind == Kind.YES_NO:
        return {YES: ONE, NO: ZERO}.get(choice)
    if kind == Kind.CHOICE:
        return next((c.value for c in question.choices if c.code == choice), None)
    if number is None:
        return None
    if kind == Kind.PERCENT:
        return clamp(number / HUNDRED)
    if question.low is None or question.high is None or question.low == question.high:
        raise ValueError(f"question {question.code} has no usable formula")
    return clamp((number - question.low) / (question.high - question.low))


def counted_value(state: str | None, own: Decimal | None, reviewer: Decimal | None) -> Decimal | None:
    """What an answer adds to the scores: submitted or verified only, the reviewer's answer first."""
    if state not in COUNTED_STATES:
        return None
    if state == State.VERIFIED and reviewer is not None:
        return reviewer
    return own


def shown(number: Decimal) -> str:
    return format_number(round_percent(number), places=2)


def question_problems(question: Question) -> list[str]:
    """Why a question cannot be scored as written (Indonesian, for the load's error list)."""
    kind = Kind(question.kind)
    problems = []
    if question.weight <= 0:
        problems.append("Bobot pertanyaan harus lebih dari 0.")
    if kind == Kind.CHOICE:
        codes = [c.code for c in question.choices]
        if len(codes) < 2:
            problems.append("Pertanyaan pilihan memerlukan paling sedikit dua pilihan.")
        if len(set(codes)) != len(codes):
            problems.append("Kode pilihan tidak boleh berulang.")
        if any(not ZERO <= c.value <= ONE for c in question.choices):
            problems.append("Nilai setiap pilihan harus antara 0 dan 1.")
    if kind == Kind.NUMBER and (
        question.low is None or question.high is None or question.low == question.high
    ):
        problems.append("Pertanyaan angka memerlukan nilai minimum dan maksimum yang berbeda.")
    return problems


def check_weights(model: Model) -> list[str]:
    """Where weights do not add up: components to the model's total, sub-components to their
    component's weight, questions to their sub-component's weight (empty: all is well)."""
    problems = []

    def differs(parts: Iterable[Decimal], whole: Decimal) -> Decimal | None:
        total = sum(parts, ZERO)
        return total if abs(total - whole) > WEIGHT_TOLERANCE else None

    total = differs((c.weight for c in model.components), model.total)
    if total is not None:
        problems.append(f"Bobot komponen berjumlah {shown(total)}, bukan {shown(model.total)}.")
    for component in model.components:
        total = differs((s.weight for s in component.subs), component.weight)
        if total is not None:
            problems.append(
                f"Bobot sub-komponen {component.code} berjumlah {shown(total)}, bukan {shown(component.weight)}."
            )
        for sub in component.subs:
            if not sub.questions:
                continue  # a structure without questions yet: loaded, but no round can use it
            total = differs((q.weight for q in sub.questions), sub.weight)
            if total is not None:
                problems.append(
                    f"Bobot pertanyaan sub-komponen {sub.code} berjumlah {shown(total)}, bukan {shown(sub.weight)}."
                )
    return problems


@dataclass(frozen=True)
class SubScore:
    code: str
    weight: Decimal
    score: Decimal | None  # None: the sub-component has no questions
    answered: int
    questions: int

    @property
    def percent(self) -> Decimal | None:
        """The share of its weight the sub-component earned, in percent (rounded as shown)."""
        if self.score is None or not self.weight:
            return None
        return round_percent(self.score / self.weight * HUNDRED)


@dataclass(frozen=True)
class ComponentScore:
    code: str
    weight: Decimal
    score: Decimal
    subs: tuple[SubScore, ...]


@dataclass(frozen=True)
class Score:
    total: Decimal
    components: tuple[ComponentScore, ...]

    @property
    def subs(self) -> list[SubScore]:
        return [sub for component in self.components for sub in component.subs]

    @property
    def answered(self) -> int:
        return sum(sub.answered for sub in self.subs)

    @property
    def questions(self) -> int:
        return sum(sub.questions for sub in self.subs)

    @property
    def complete(self) -> bool:
        """Every question answered, and every sub-component has questions."""
        return all(sub.score is not None for sub in self.subs) and self.answered == self.questions

    def sub(self, code: str) -> SubScore | None:
        return next((sub for sub in self.subs if sub.code == code), None)


def score_sub(sub: SubComponent, values: Mapping[str, Decimal | None]) -> SubScore:
    answered = [values.get(q.code) for q in sub.questions]
    done = sum(1 for value in answered if value is not None)
    weights = sum((q.weight for q in sub.questions), ZERO)
    if not sub.questions or not weights:
        return SubScore(sub.code, sub.weight, None, done, len(sub.questions))
    earned = sum((q.weight * (value or ZERO) for q, value in zip(sub.questions, answered, strict=True)), ZERO)
    return SubScore(sub.code, sub.weight, sub.weight * earned / weights, done, len(sub.questions))


def score(model: Model, values: Mapping[str, Decimal | None]) -> Score:
    """The scores of one assessment; ``values`` maps question codes to counted values (0–1)."""
    components = []
    for component in model.components:
        subs = tuple(score_sub(sub, values) for sub in component.subs)
        total = sum((s.score for s in subs if s.score is not None), ZERO)
        components.append(ComponentScore(component.code, component.weight, total, subs))
    return Score(sum((c.score for c in components), ZERO), tuple(components))


def predikat(value: Decimal | None, bands: Sequence[Band]) -> Hashable | None:
    """The grade of a score as shown (rounded), by the SAKIP bands (upper bound included)."""
    if value is None:
        return None
    return level_for_score(round_percent(value), bands, "upper")


def indeks_rb(
    regency: Decimal | None, agencies: Sequence[Decimal | None], regency_share: Decimal
) -> Decimal | None:
    """``regency_share`` % of the regency's result + the rest of the agencies' mean (IV.D.3).

    None while it cannot be worked out: no regency result, an agency without one, or no agency
    at all when the agencies have a share.
    """
    share = regency_share / HUNDRED
    if regency is None or any(value is None for value in agencies):
        return None
    if not agencies:
        return regency if share == ONE else None
    mean = sum(agencies, ZERO) / len(agencies)
    return share * regency + (ONE - share) * mean


def weak(subs: Iterable[SubScore], threshold: Decimal) -> list[SubScore]:
    """Sub-components below ``threshold`` % of their weight, weakest first. Only a sub-component whose
    every question counts is judged: one still being answered is unfinished, not weak."""
    below = [
        sub
        for sub in subs
        if sub.percent is not None and sub.answered == sub.questions and sub.percent < threshold
    ]
    return sorted(below, key=lambda sub: (sub.percent, sub.code))


def weakest(subs: Iterable[SubScore], count: int = 3) -> list[SubScore]:
    """The ``count`` sub-components with the lowest share of their weight, of those whose every
    question counts (as for ``weak``)."""
    scored = [sub for sub in subs if sub.percent is not None and sub.answered == sub.questions]
    return sorted(scored, key=lambda sub: (sub.percent, sub.code))[:count]
