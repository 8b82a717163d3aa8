"""Reading a model's structure and a round's scores with a fixed number of queries, and handing them
to the pure rules (assessment.scoring, assessment.progress)."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch

from areas.models import ScaleLevel
from assessment import progress, scoring, stored
from assessment.models import (
    Answer,
    Assessment,
    Component,
    CountedAnswers,
    ModelVersion,
    Question,
    Round,
    SubComponent,
)
from monev.achievement import Band

SAKIP_SCALE = "predikat-sakip"


def structure(version: ModelVersion, questions: bool = True) -> list[Component]:
    """The model's components with their sub-components and questions (prefetched, in order); without
    ``questions``, each sub-component carries only how many it has (``question_count``)."""
    subs = SubComponent.objects.order_by("order")
    if questions:
        subs = subs.prefetch_related(Prefetch("questions", queryset=Question.objects.order_by("order")))
    else:
        subs = subs.annotate(question_count=Count("questions"))
    return list(
        version.components.prefetch_related(Prefetch("subcomponents", queryset=subs)).order_by("order")
    )


def question_count(components: list[Component]) -> int:
    subs = [s for c in components for s in c.subcomponents.all()]
    return sum(s.question_count if hasattr(s, "question_count") else len(s.questions.all()) for s in subs)


def model_spec(components: list[Component], questions: dict[int, list] | None = None) -> scoring.Model:
    """The model as the rules see it; ``questions`` (sub-component id → specs) replaces the stored ones."""
    return scoring.Model(
        tuple(
            scoring.Component(
                component.code,
                component.weight,
                tuple(
                    scoring.SubComponent(
                        sub.code,
                        sub.weight,
                        tuple(
                            questions.get(sub.pk, [])
                            if questions is not None
                            else [q.spec for q in sub.questions.all()]
                        ),
                    )
                    for sub in component.subcomponents.all()
                ),
            )
            for component in components
        ),
        total=components[0].model.total if components else Decimal(100),
    )


def by_sub(components: list[Component], specs: dict[int, scoring.Question]) -> dict[int, list]:
    """Sub-component id → the specs of its questions in order, from specs built once (``model_spec``)."""
    return {s.pk: [specs[q.pk] for q in s.questions.all()] for c in components for s in c.subcomponents.all()}


def sakip_bands() -> list[Band]:
    """The score bands of the SAKIP grade (AA > 90 … D ≤ 30), from the road map's scale data."""
    levels = ScaleLevel.objects.filter(
        scale__code=SAKIP_SCALE, min_score__isnull=False, max_score__isnull=False
    )
    return [Band(level.label, level.min_score, level.max_score) for level in levels]


@dataclass
class AssessmentResult:
    assessment: Assessment
    score: scoring.Score
    progress: progress.Progress
    predikat: str | None = None

    @property
    def total(self) -> Decimal:
        return self.score.total

    @property
    def counted(self) -> bool:
        """Some answer counts: before that, its scores are shown as "–" (the index still counts 0)."""
        return self.score.answered > 0


def counted_values(answers, specs: dict[int, scoring.Question]) -> dict[str, Decimal | None]:
    """Question code → the value that counts; ``specs`` maps question ids to their rules (built once
    per request: a question's ``spec`` is rebuilt on every access)."""
    return {
        specs[a["question_id"]].code: stored.counted(
            specs[a["question_id"]], a["review_state"], a["choice"], a["number"], a["reviewer_choice"],
            a["reviewer_number"],
        )
        for a in answers
    }  # fmt: skip


@dataclass
class RoundResult:
    round: Round
    components: list[Component]
    results: list[AssessmentResult]  # the Pemerintah Kabupaten first, then the agencies by name
    index: Decimal | None
    index_predikat: str | None
    bands: list[Band] = field(default_factory=list)

    @property
    def regency(self) -> AssessmentResult | None:
        return next((r for r in self.results if r.assessment.is_regency), None)

    @property
    def agencies(self) -> list[AssessmentResult]:
        return [r for r in self.results if not r.assessment.is_regency]

    @property
    def agencies_mean(self) -> Decimal | None:
        totals = [r.total for r in self.agencies]
        return sum(totals, Decimal(0)) / len(totals) if totals else None

    @property
    def complete(self) -> bool:
        """Every assessment answered in full and reviewed: the index is final, not provisional."""
        return all(r.score.complete and r.progress.status == progress.Status.REVIEWED for r in self.results)

    @property
    def chase(self) -> list[AssessmentResult]:
        return [r for r in self.results if not r.progress.finished]

    @property
    def subs(self) -> list[SubComponent]:
        return [sub for component in self.components for sub in component.subcomponents.all()]

    def by_assessment(self, pk: int) -> AssessmentResult | None:
        return next((r for r in self.results if r.assessment.pk == pk), None)


def round_result(round_: Round, components: list[Component] | None = None) -> RoundResult:
    """Every assessment's score and progress in ``round_``, and the regency's Indeks RB: four queries.
    Scores are read as stored per assessment (assessment/stored.py), not the answers."""
    components = components if components is not None else structure(round_.model, questions=False)
    questions = question_count(components)
    assessments = list(
        round_.assessments.select_related("agency", "counted")
        .defer("counted__entries")
        .order_by("agency__name")
    )
    assessments.sort(key=lambda a: (not a.is_regency, a.name))
    bands = sakip_bands()
    model = None  # built only for an assessment without a stored score
    results = []
    for assessment in assessments:
        try:
            row = assessment.counted
        except CountedAnswers.DoesNotExist:
            row = None  # nothing answered yet
        kept = stored.stored_score(row)
        if kept is None:
            model = model or stored.Model(structure(round_.model))
            kept = stored.stored_score(row, model)
        score, states = kept
        results.append(
            AssessmentResult(
                assessment,
                score,
                progress.progress(Counter(states).elements(), questions),
                scoring.predikat(score.total, bands),
            )
        )
    regency = next((r.total for r in results if r.assessment.is_regency), None)
    index = scoring.indeks_rb(
        regency, [r.total for r in results if not r.assessment.is_regency], round_.model.regency_share
    )
    return RoundResult(round_, components, results, index, scoring.predikat(index, bands), bands)


def previous_round(round_: Round) -> Round | None:
    return Round.objects.select_related("model").filter(year__lt=round_.year).order_by("-year").first()


def answers_of(assessment: Assessment) -> dict[int, Answer]:
    """Question id → the assessment's answer, with its evidence and people."""
    answers = assessment.answers.select_related("question", "reported_by", "reviewed_by").prefetch_related(
        "evidence"
    )
    return {answer.question_id: answer for answer in answers}


def assessment_result(
    assessment: Assessment,
    components: list[Component],
    answers: dict[int, Answer],
    bands: list[Band] | None = None,
) -> AssessmentResult:
    """One assessment's score and progress, from its answers as ``answers_of`` reads them."""
    questions = {q.pk: q.spec for c in components for s in c.subcomponents.all() for q in s.questions.all()}
    rows = [
        {
            "question_id": a.question_id,
            "review_state": a.review_state,
            "choice": a.choice,
            "number": a.number,
            "reviewer_choice": a.reviewer_choice,
            "reviewer_number": a.reviewer_number,
        }
        for a in answers.values()
    ]
    score = scoring.score(
        model_spec(components, by_sub(components, questions)), counted_values(rows, questions)
    )
    return AssessmentResult(
        assessment,
        score,
        progress.progress([a.review_state for a in answers.values()], len(questions)),
        scoring.predikat(score.total, bands if bands is not None else sakip_bands()),
    )
