"""The counted answers and scores stored per assessment (assessment/stored.py) equal a fresh computation
from the answers and the model after every kind of write, and the rebuild command restores them; the
round's scores read them."""

import contextlib
import random
from collections import Counter
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_delete

from assessment import services, stored
from assessment.models import Answer, CountedAnswers, Question, SubComponent
from assessment.selectors import answers_of, assessment_result, round_result, structure
from tests.pmprb_helpers import BKD, KOMINFO, REGENCY, answer, entry, open_round, tiny_model

pytestmark = pytest.mark.django_db


def assert_in_step(round_) -> None:
    """Every stored row, untouched by any reading, equals what the answers and the model give now."""
    ids = list(round_.assessments.values_list("pk", flat=True))
    rows = {row.assessment_id: row for row in CountedAnswers.objects.filter(assessment__in=ids)}
    computed = stored.fresh(ids)
    kept = {pk: row.entries for pk, row in rows.items()}
    assert {pk: e for pk, e in kept.items() if e} == {pk: e for pk, e in computed.items() if e}
    components = structure(round_.model)
    for assessment in round_.assessments.all():
        fresh = assessment_result(assessment, components, answers_of(assessment), bands=[])
        row = rows.get(assessment.pk)
        if row is None:  # nothing ever answered: read as no answers
            assert fresh.score.answered == 0 and not fresh.progress.answered
            continue
        assert stored.load(row.score) == fresh.score
        states = Counter(a.review_state for a in assessment.answers.all())
        assert Counter(row.states) == states
        assert round_result(round_).by_assessment(assessment.pk).progress == fresh.progress


def test_stored_values_follow_every_write(staff_user, bkd_user, inspektorat_user, make_user):
    round_ = open_round(staff_user, tiny_model())
    kominfo_user = make_user("kominfo", "agency_admin", "dinkominfo")
    regency, bkd, kominfo = (round_.assessments.get(agency__code=c) for c in (None, "bkd", "dinkominfo"))
    regency = round_.assessments.get(agency=None)
    rng = random.Random(14)
    steps = [
        lambda: answer(bkd, bkd_user, BKD, submit=False),  # drafts
        lambda: services.submit_assessment(assessment=bkd, user=bkd_user),
        lambda: answer(regency, staff_user, REGENCY),
        lambda: answer(kominfo, kominfo_user, KOMINFO),
        lambda: services.review_answer(
            answer=bkd.answers.get(question__code="Q3"), action=services.ADJUST, number=D(20),
            note="Bukti hanya 20 %.", user=inspektorat_user,
        ),
        lambda: services.review_answer(
            answer=bkd.answers.get(question__code="Q4"), action=services.RETURN, note="Lampirkan LHE.",
            user=inspektorat_user,
        ),
        lambda: answer(bkd, bkd_user, {"Q4": rng.choice([55, 75, 90])}),  # corrected and submitted again
        lambda: services.agree_with_all(assessment=kominfo, user=inspektorat_user),
        lambda: services.agree_with_all(assessment=regency, user=inspektorat_user),
    ]  # fmt: skip
    for step in steps:
        step()
        assert_in_step(round_)
    before = round_result(round_).by_assessment(kominfo.pk).total
    # A question's choices decide its answers' values: changing them recounts every assessment.
    q2 = Question.objects.get(model=round_.model, code="Q2")
    q2.choices = [{**c, "value": "1" if c["code"] == "C" else c["value"]} for c in q2.choices]
    q2.save()
    assert_in_step(round_)
    assert round_result(round_).by_assessment(kominfo.pk).total > before  # Dinkominfo answered C
    Answer.objects.filter(assessment=kominfo, question__code="Q1").delete()
    assert_in_step(round_)
    assert round_result(round_).by_assessment(kominfo.pk).progress.unanswered == 1


def test_stored_scores_follow_changes_of_the_model(staff_user, bkd_user):
    """Weights, a question added or removed: every assessment of the model is scored again."""
    round_ = open_round(staff_user, tiny_model())
    bkd = round_.assessments.get(agency__code="bkd")
    answer(bkd, bkd_user, BKD)
    assert round_result(round_).by_assessment(bkd.pk).total == D(58)
    q1 = Question.objects.get(model=round_.model, code="Q1")  # BKD answered Tidak
    q1.weight = D(15)
    q1.save()
    assert_in_step(round_)
    assert round_result(round_).by_assessment(bkd.pk).total == D(56)  # mp: 20 x 10 / 25 = 8
    sdm = SubComponent.objects.get(model=round_.model, code="sdm")
    sdm.weight = D(20)
    sdm.save()
    assert_in_step(round_)
    extra = Question.objects.create(
        model=round_.model, subcomponent=sdm, code="Q5", order=5, text="Baru?", kind="yes_no", weight=20
    )
    assert_in_step(round_)
    result = round_result(round_).by_assessment(bkd.pk)
    assert (result.progress.questions, result.score.complete) == (5, False)
    extra.delete()
    assert_in_step(round_)
    assert round_result(round_).by_assessment(bkd.pk).score.complete


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_stored_rows_equal_fresh_after_random_writes(seed, staff_user, bkd_user, inspektorat_user, make_user):
    """Random sequences of answers, submissions, reviews, deletions and model changes, some refused and
    some rolled back: after each step every stored row equals a fresh computation."""
    rng = random.Random(seed)
    round_ = open_round(staff_user, tiny_model())
    kominfo_user = make_user("kominfo", "agency_admin", "dinkominfo")
    people = {"bkd": bkd_user, "dinkominfo": kominfo_user, None: staff_user}
    assessments = list(round_.assessments.select_related("agency"))
    questions = list(Question.objects.filter(model=round_.model))
    values = {
        "yes_no": ["ya", "tidak"],
        "choice": ["A", "B", "C"],
        "percent": [0, 35, 100],
        "number": [10, 99],
    }

    def save():
        a = rng.choice(assessments)
        chosen = rng.sample(questions, rng.randint(1, len(questions)))
        services.save_answers(
            assessment=a, user=people[a.agency.code if a.agency else None], reason="Koreksi.",
            entries=[entry(q, rng.choice(values[q.kind])) for q in chosen],
        )  # fmt: skip

    def submit():
        a = rng.choice(assessments)
        services.submit_assessment(assessment=a, user=people[a.agency.code if a.agency else None])

    def review():
        pending = list(Answer.objects.filter(assessment__round=round_, review_state="submitted"))
        if pending:
            target = rng.choice(pending)
            action = rng.choice([services.AGREE, services.RETURN, services.ADJUST])
            extra = {"choice": "tidak"} if target.question.kind == "yes_no" else {}
            extra = {"choice": "C"} if target.question.kind == "choice" else extra
            extra = extra or {"number": D(rng.choice([5, 60]))}
            services.review_answer(
                answer=target, action=action, note="Catatan.", user=inspektorat_user, **extra
            )

    def agree_all():
        services.agree_with_all(assessment=rng.choice(assessments), user=inspektorat_user)

    def reweigh():
        question = rng.choice(questions)
        question.weight = D(rng.choice([5, 10, 40]))
        question.save()

    def delete():
        Answer.objects.filter(
            pk__in=Answer.objects.filter(assessment__round=round_).values("pk")[:1]
        ).delete()

    def rolled_back():
        with pytest.raises(RuntimeError), transaction.atomic():
            save()
            raise RuntimeError

    for _ in range(14):
        step = rng.choice([save, save, submit, review, agree_all, reweigh, delete, rolled_back])
        with contextlib.suppress(ValidationError, PermissionDenied):  # refused as a whole: nothing written
            step()
        assert_in_step(round_)


def test_the_rebuild_command_restores_what_was_lost(staff_user, bkd_user):
    round_ = open_round(staff_user, tiny_model())
    bkd = round_.assessments.get(agency__code="bkd")
    answer(bkd, bkd_user, BKD)
    total = round_result(round_).by_assessment(bkd.pk).total
    assert total == D(58)
    CountedAnswers.objects.all().delete()
    assert round_result(round_).by_assessment(bkd.pk).total == 0
    call_command("rebuild_pmprb_values", verbosity=0)
    assert_in_step(round_)
    assert round_result(round_).by_assessment(bkd.pk).total == total
    CountedAnswers.objects.update(score=None)  # rows written before scores were stored
    assert round_result(round_).by_assessment(bkd.pk).total == total  # computed from their values
    call_command("rebuild_pmprb_values", verbosity=0)
    assert_in_step(round_)
    assert round_result(round_).by_assessment(bkd.pk).total == total


def test_removing_a_round_scores_nothing_on_the_way(staff_user, django_assert_max_num_queries):
    """A round removed in the admin takes its assessments, answers and stored rows with it, without
    scoring each assessment again for every answer deleted."""
    round_ = open_round(staff_user, tiny_model())
    for assessment in round_.assessments.all():
        answer(assessment, staff_user, BKD, submit=False)
    with django_assert_max_num_queries(40):
        round_.delete()
    assert not CountedAnswers.objects.exists() and not Answer.objects.exists()


def test_a_removal_rolled_back_keeps_the_assessment_scored(staff_user, bkd_user):
    """A deletion that fails midway leaves the stored row as it was, and later answers still count."""
    round_ = open_round(staff_user, tiny_model())
    bkd = round_.assessments.get(agency__code="bkd")
    answer(bkd, bkd_user, BKD)

    def fail(sender, **kwargs):
        raise RuntimeError("the database fails midway through the cascade")

    post_delete.connect(fail, sender=Answer, dispatch_uid="test-fails-midway")
    try:
        with contextlib.suppress(RuntimeError), transaction.atomic():
            bkd.delete()
    finally:
        post_delete.disconnect(sender=Answer, dispatch_uid="test-fails-midway")
    bkd = round_.assessments.get(agency__code="bkd")  # the instance lost its pk in the delete
    assert_in_step(round_)
    assert round_result(round_).by_assessment(bkd.pk).progress.submitted == 4
    Answer.objects.filter(assessment=bkd, question__code="Q1").delete()
    assert_in_step(round_)
    assert round_result(round_).by_assessment(bkd.pk).progress.submitted == 3
