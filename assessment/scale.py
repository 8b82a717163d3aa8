"""PMPRB data at scale for benchmarks (``seed_demo --scale N``, see monev.devdata.scale).

A 2021 round on a synthetic model, a copy of the example model whose question set is N times as long
(each question's weight split among its copies, so weights still add up), with the regency and every
Perangkat Daerah answering in every review state, but one in five not started. The model's code
starts with ``skala-``; ``clear`` removes it with its round.
"""

import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from assessment import stored
from assessment.demo import DEMO_MODEL, pick
from assessment.forms import default_agencies
from assessment.models import (
    Answer,
    AnswerEvidence,
    Assessment,
    Component,
    ModelVersion,
    Question,
    Round,
    SubComponent,
)
from monev.workflow import State
from roadmap.models import Role

SCALE_MODEL = "skala-pmprb"
SCALE_YEAR = 2021
STATES = [State.VERIFIED] * 5 + [State.SUBMITTED] * 3 + [State.RETURNED, State.DRAFT]


def connect() -> None:
    from monev.devdata import scale_seeded

    scale_seeded.connect(seed, dispatch_uid="assessment-scale")


def clear() -> None:
    from monev.devdata import without_history

    with without_history(), stored.paused():
        Round.objects.filter(model__code=SCALE_MODEL).delete()
        ModelVersion.objects.filter(code=SCALE_MODEL).delete()
    Answer.history.filter(explanation="Data skala.").delete()


def copy_model(scale: int) -> ModelVersion | None:
    source = ModelVersion.objects.filter(code=DEMO_MODEL).first()
    if source is None:
        return None
    model = ModelVersion.objects.create(
        code=SCALE_MODEL, name=f"{source.name} (data skala ×{scale})", regulation=source.regulation,
        first_year=SCALE_YEAR, last_year=SCALE_YEAR, total=source.total, regency_share=source.regency_share,
        source="Data uji seed_demo --scale; bukan model resmi.",
    )  # fmt: skip
    fields = ("code", "name", "short_name", "order", "weight", "source", "uncertain")
    components = {}
    for component in source.components.all():
        components[component.pk] = Component.objects.create(
            model=model, **{f: getattr(component, f) for f in fields}
        )
    subs = {}
    for sub in source.subcomponents.all():
        subs[sub.pk] = SubComponent.objects.create(
            model=model, component=components[sub.component_id], group=sub.group, area=sub.area,
            **{f: getattr(sub, f) for f in fields},
        )  # fmt: skip
    copied = ("group", "text", "guidance", "kind", "choices", "low", "high", "unit", "indicator_ref")
    Question.objects.bulk_create(
        Question(model=model, subcomponent=subs[q.subcomponent_id], is_example=True,
                 code=q.code if copy == 1 else f"{q.code}/{copy}", order=q.order + 1000 * (copy - 1),
                 weight=(q.weight / scale).quantize(Decimal("0.0001")),
                 **{f: getattr(q, f) for f in copied})
        for copy in range(1, scale + 1)
        for q in source.questions.order_by("order")
    )  # fmt: skip
    return model


def seed(sender, scale: int, seed: int, **kwargs) -> str | None:
    clear()
    if Round.objects.filter(year=SCALE_YEAR).exists():
        return None  # a real round of that year: leave it alone
    model = copy_model(scale)
    if model is None:
        return None
    rng = random.Random(seed)
    staff = get_user_model().objects.filter(profile__role=Role.STAFF).order_by("pk").first()
    admins = {
        u.profile.agency_id: u
        for u in get_user_model().objects.filter(username__startswith="skala-").select_related("profile")
    }
    round_ = Round.objects.create(model=model, year=SCALE_YEAR, opened_by=staff)
    assessments = Assessment.objects.bulk_create(
        [Assessment(round=round_, agency=None)]
        + [Assessment(round=round_, agency=a) for a in default_agencies()]
    )
    questions = list(model.questions.order_by("order"))
    now = timezone.now()
    answers = []
    for n, assessment in enumerate(assessments):
        if n % 5 == 4:
            continue  # not started
        user = admins.get(assessment.agency_id, staff)
        for question in questions:
            state = rng.choice(STATES)
            choice, number = pick(question, str(assessment.agency_id), n % 3)
            reviewed = state in (State.VERIFIED, State.RETURNED)
            answers.append(
                Answer(assessment=assessment, question=question, choice=choice, number=number,
                       explanation="Data skala.", review_state=state, reported_by=user,
                       submitted_at=None if state == State.DRAFT else now,
                       reviewed_by=staff if reviewed else None, reviewed_at=now if reviewed else None,
                       review_note="Lengkapi bukti." if state == State.RETURNED else "")
            )  # fmt: skip
    answers = bulk_create_with_history(answers, Answer, batch_size=2000, default_user=staff)
    stored.refresh(a.pk for a in assessments)  # bulk_create sends no signals
    AnswerEvidence.objects.bulk_create(
        (
            AnswerEvidence(answer=a, link=f"https://pekalongankab.go.id/pmprb/{a.pk}", title="Bukti",
                           uploaded_by=a.reported_by)
            for a in answers[::4]
        ),
        batch_size=2000,
    )  # fmt: skip
    return f"PMPRB {SCALE_YEAR}: {len(questions)} questions, {len(assessments)} assessments, {len(answers)} answers"
