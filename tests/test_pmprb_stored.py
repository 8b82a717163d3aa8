"""The counted answers stored per assessment (assessment/stored.py) equal a fresh computation from the
answers after every kind of write, and the rebuild command restores them; the round's scores read them."""

import random
from decimal import Decimal as D

import pytest
from django.core.management import call_command

from assessment import services, stored
from assessment.models import Answer, CountedAnswers, Question
from assessment.selectors import round_result
from tests.pmprb_helpers import BKD, KOMINFO, REGENCY, answer, open_round, tiny_model

pytestmark = pytest.mark.django_db


def assert_in_step(round_) -> None:
    ids = list(round_.assessments.values_list("pk", flat=True))
    kept = {row.assessment_id: row.entries for row in CountedAnswers.objects.filter(assessment__in=ids)}
    computed = stored.fresh(ids)
    assert {pk: e for pk, e in kept.items() if e} == {pk: e for pk, e in computed.items() if e}


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
