"""Each assessment's counted answers (``CountedAnswers``), kept in step with every write.

A round's scores need every answer's review state and the value that counts (assessment.scoring);
read from the answers, that is a row per answer (26,000 at scale 20) on every round page. They are
stored per assessment instead, written by the signals below in the same transaction as the answer
or question saved, and rebuilt by ``python manage.py rebuild_pmprb_values``. The scores themselves
are still computed on each read from these values and the model's current weights.
tests/test_pmprb_stored.py compares stored with fresh after a sequence of writes.
"""

from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from assessment import scoring
from assessment.models import Answer, Assessment, CountedAnswers, Question
from assessment.models.evaluation import question_spec

_paused = ContextVar("pmprb_values_paused", default=False)


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


@transaction.atomic
def refresh(assessment_ids: Iterable[int]) -> int:
    """Recompute the stored entries of these assessments from their answers."""
    computed = fresh(assessment_ids)
    for pk, entries in computed.items():
        CountedAnswers.objects.update_or_create(assessment_id=pk, defaults={"entries": entries})
    return len(computed)


def rebuild() -> int:
    return refresh(Assessment.objects.values_list("pk", flat=True))


@contextmanager
def paused():
    """No bookkeeping while synthetic rounds are removed in bulk (assessment/scale.py)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def answer_saved(sender, instance: Answer, raw: bool = False, **kwargs) -> None:
    if raw or _paused.get():
        return
    with transaction.atomic():
        row = CountedAnswers.objects.select_for_update().filter(assessment_id=instance.assessment_id).first()
        if row is None:
            refresh([instance.assessment_id])
            return
        row.entries[str(instance.question_id)] = entry(question_spec(instance.question), instance)
        row.save(update_fields=["entries"])


def answer_deleted(sender, instance: Answer, **kwargs) -> None:
    if _paused.get():
        return
    with transaction.atomic():
        row = CountedAnswers.objects.select_for_update().filter(assessment_id=instance.assessment_id).first()
        if row is not None and row.entries.pop(str(instance.question_id), None) is not None:
            row.save(update_fields=["entries"])


def question_saved(sender, instance: Question, raw: bool = False, created: bool = False, **kwargs) -> None:
    """A question's kind, choices or range decide its answers' values: recount the assessments with one."""
    if raw or created or _paused.get():
        return
    refresh(Answer.objects.filter(question=instance).values_list("assessment_id", flat=True).distinct())


def connect() -> None:
    post_save.connect(answer_saved, sender=Answer, dispatch_uid="pmprb-values-answer-saved")
    post_delete.connect(answer_deleted, sender=Answer, dispatch_uid="pmprb-values-answer-deleted")
    post_save.connect(question_saved, sender=Question, dispatch_uid="pmprb-values-question-saved")
