"""Each assessment's counted answers and scores (``CountedAnswers``), kept in step with every write.

A round's scores need every answer's review state and the value that counts (assessment.scoring);
read from the answers, that is a row per answer (26,000 at scale 20) on every round page, and
scoring them all again on every view. Both are stored per assessment instead: the counted values
(``entries``), the score ``assessment.scoring.score`` makes of them with the model's weights
(``score``) and how many answers are in each review state (``states``). The signals below write
them in the same transaction as every answer saved or deleted and every change of the model's
questions, sub-components or components (weights, kinds, choices, questions added or removed);
``deferred()`` refreshes each assessment once at the end of a block of many writes (a page of
answers, a submission, a question set). ``python manage.py rebuild_pmprb_values`` rebuilds them.
tests/test_pmprb_stored.py compares stored with fresh after sequences of writes.
"""

from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from assessment import scoring
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
from assessment.models.evaluation import question_spec

_paused = ContextVar("pmprb_values_paused", default=False)
# Inside ``deferred()``: the assessments and model versions whose rows wait for the block's end.
_pending: ContextVar[tuple[set, set] | None] = ContextVar("pmprb_values_pending", default=None)


def counted(
    spec: scoring.Question, state, choice, number, reviewer_choice, reviewer_number
) -> Decimal | None:
    """The value of an answer that counts: the reviewer's where set, once its state lets it count."""
    own = scoring.value_of(spec, choice, number)
    adjusted = reviewer_choice or reviewer_number is not None
    reviewer = scoring.value_of(spec, reviewer_choice, reviewer_number) if adjusted else None
    return scoring.counted_value(state, own, reviewer)


def entry(spec: scoring.Question, answer) -> list:
    value = counted(spec, answer.review_state, answer.choice, answer.number, answer.reviewer_choice,
                    answer.reviewer_number)  # fmt: skip
    # Normalised: the same value read back from the database or still in memory is stored alike.
    return [answer.review_state, None if value is None else str(value.normalize())]


def fresh(assessment_ids: Iterable[int], answers=None) -> dict[int, dict]:
    """Assessment id → its entries computed from its answers now (``answers``: a migration's manager)."""
    out: dict[int, dict] = {pk: {} for pk in assessment_ids}
    specs = {}
    manager = answers if answers is not None else Answer.objects
    for answer in manager.filter(assessment_id__in=list(out)).select_related("question"):
        if answer.question_id not in specs:
            specs[answer.question_id] = question_spec(answer.question)
        out[answer.assessment_id][str(answer.question_id)] = entry(specs[answer.question_id], answer)
    return out


# --- Scores: computed by assessment.scoring from the entries, stored as plain lists -----------------


class Model:
    """A model version as the rules see it, with its questions by id (built once per refresh)."""

    def __init__(self, components: list) -> None:
        from assessment.selectors import by_sub, model_spec  # selectors reads what this module stores

        self.questions = {
            q.pk: q.spec for c in components for s in c.subcomponents.all() for q in s.questions.all()
        }
        self.spec = model_spec(components, by_sub(components, self.questions))

    @classmethod
    def of(cls, model_ids: Iterable[int]) -> dict[int, "Model"]:
        from assessment.selectors import structure

        return {
            version.pk: cls(structure(version)) for version in ModelVersion.objects.filter(pk__in=model_ids)
        }

    def score(self, entries: dict) -> scoring.Score:
        values = {
            self.questions[int(pk)].code: None if value is None else Decimal(value)
            for pk, (_, value) in entries.items()
        }
        return scoring.score(self.spec, values)


def states_of(entries: dict) -> dict[str, int]:
    return dict(Counter(state for state, _ in entries.values()))


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _number(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def dump(score: scoring.Score) -> dict:
    return {
        "total": _text(score.total),
        "components": [
            [c.code, _text(c.weight), _text(c.score),
             [[s.code, _text(s.weight), _text(s.score), s.answered, s.questions] for s in c.subs]]
            for c in score.components
        ],
    }  # fmt: skip


def load(data: dict) -> scoring.Score:
    return scoring.Score(
        _number(data["total"]),
        tuple(
            scoring.ComponentScore(
                code, _number(weight), _number(total),
                tuple(scoring.SubScore(s, _number(w), _number(v), answered, n) for s, w, v, answered, n in subs),
            )
            for code, weight, total, subs in data["components"]
        ),
    )  # fmt: skip


def stored_score(
    row: CountedAnswers | None, model: "Model | None" = None
) -> tuple[scoring.Score, dict] | None:
    """An assessment's score and its answers' states from its row. A row without a score (none should
    be left after migration 0003) is scored from its entries with ``model``, and no row means nothing
    answered yet; without ``model`` both give None (the caller builds the model only then)."""
    if row is not None and row.score is not None:
        return load(row.score), row.states
    if model is None:
        return None
    entries = row.entries if row is not None else {}
    return model.score(entries), states_of(entries)


@transaction.atomic
def refresh(assessment_ids: Iterable[int]) -> int:
    """Recompute the stored entries and scores of these assessments from their answers."""
    computed = fresh(assessment_ids)
    versions = dict(Assessment.objects.filter(pk__in=list(computed)).values_list("pk", "round__model"))
    models = Model.of(set(versions.values()))
    for pk, entries in computed.items():
        score = models[versions[pk]].score(entries)
        CountedAnswers.objects.update_or_create(
            assessment_id=pk,
            defaults={"entries": entries, "score": dump(score), "states": states_of(entries)},
        )
    return len(computed)


def rebuild() -> int:
    return refresh(Assessment.objects.values_list("pk", flat=True))


@contextmanager
def deferred():
    """Within the block, answers and model changes only note their assessments; each is refreshed once
    at the end, still inside the caller's transaction (a block that raises refreshes nothing)."""
    if _pending.get() is not None:
        yield  # an enclosing block refreshes
        return
    assessments, models = set(), set()
    token = _pending.set((assessments, models))
    try:
        yield
    finally:
        _pending.reset(token)
    if models:
        assessments |= set(Assessment.objects.filter(round__model__in=models).values_list("pk", flat=True))
    if assessments:
        refresh(assessments)


@contextmanager
def paused():
    """No bookkeeping while synthetic rounds are removed in bulk (assessment/scale.py)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def _rescore(row: CountedAnswers, assessment_id: int) -> None:
    version = Assessment.objects.filter(pk=assessment_id).values_list("round__model", flat=True).first()
    if version is None:
        return  # the assessment itself is being deleted
    row.score = dump(Model.of([version])[version].score(row.entries))
    row.states = states_of(row.entries)
    row.save(update_fields=["entries", "score", "states"])


def _noted(kind: int, pk: int) -> bool:
    """Within ``deferred()``, note an assessment (kind 0) or a model (kind 1) for the block's end and
    say so; outside it, False: the caller refreshes now."""
    pending = _pending.get()
    if pending is None:
        return False
    pending[kind].add(pk)
    return True


def answer_saved(sender, instance: Answer, raw: bool = False, **kwargs) -> None:
    if raw or _paused.get() or _noted(0, instance.assessment_id):
        return
    with transaction.atomic():
        row = CountedAnswers.objects.select_for_update().filter(assessment_id=instance.assessment_id).first()
        if row is None:
            refresh([instance.assessment_id])
            return
        row.entries[str(instance.question_id)] = entry(question_spec(instance.question), instance)
        _rescore(row, instance.assessment_id)


def answer_deleted(sender, instance: Answer, origin=None, **kwargs) -> None:
    if _paused.get() or _with_its_assessment(origin) or _noted(0, instance.assessment_id):
        return
    with transaction.atomic():
        row = CountedAnswers.objects.select_for_update().filter(assessment_id=instance.assessment_id).first()
        if row is not None and row.entries.pop(str(instance.question_id), None) is not None:
            _rescore(row, instance.assessment_id)


def _with_its_assessment(origin) -> bool:
    """Whether an answer goes because its assessment or round is deleted (``origin`` is what the delete
    was called on): the stored row goes with them, so there is nothing to score on the way."""
    return isinstance(origin, Assessment | Round) or getattr(origin, "model", None) in (Assessment, Round)


def model_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    """A question's kind, choices, range or weight, a question added or removed, a sub-component's or
    component's weight: every assessment of a round on that model is counted and scored again."""
    if raw or _paused.get() or _noted(1, instance.model_id):
        return
    refresh(Assessment.objects.filter(round__model=instance.model_id).values_list("pk", flat=True))


def connect() -> None:
    post_save.connect(answer_saved, sender=Answer, dispatch_uid="pmprb-values-answer-saved")
    post_delete.connect(answer_deleted, sender=Answer, dispatch_uid="pmprb-values-answer-deleted")
    for part in (Question, SubComponent, Component):
        name = part.__name__.lower()
        post_save.connect(model_changed, sender=part, dispatch_uid=f"pmprb-values-{name}-saved")
        post_delete.connect(model_changed, sender=part, dispatch_uid=f"pmprb-values-{name}-deleted")
