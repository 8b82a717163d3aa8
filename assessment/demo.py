"""Demo data of the self-assessment, added when ``seed_demo`` runs (see monev.devdata.demo_seeded).

A PMPRB 2020 round on the example question set: the Pemerintah Kabupaten's assessment answered by staff
and mostly reviewed by the Inspektorat (one answer set by the reviewer, with a note), Inspektorat's own
submitted, BPKD's submitted with one answer returned, Diskominfo's half done in drafts, the others (BKD
among them, for a newcomer to try) not started. An existing 2020 round is left as it is.
"""

import hashlib
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from assessment import stored
from assessment.forms import default_agencies
from assessment.loading import load_models
from assessment.models import Answer, AnswerEvidence, Assessment, ModelVersion, Question, QuestionKind, Round
from monev.workflow import State

DEMO_YEAR = 2020
DEMO_MODEL = "pmprb-2019"


def connect() -> None:
    from monev.devdata import demo_seeded

    demo_seeded.connect(seed, dispatch_uid="assessment-demo")


def pick(question: Question, salt: str, level: int) -> tuple[str, Decimal | None]:
    """A plausible answer, the same on every run: better for higher ``level`` (0–2)."""
    roll = int(hashlib.sha256(f"{salt}:{question.code}".encode()).hexdigest(), 16) % 3
    strength = min(roll + level, 3)  # 0 weak … 3 strong
    if question.kind == QuestionKind.YES_NO:
        return ("ya" if strength >= 1 else "tidak"), None
    if question.kind == QuestionKind.CHOICE:
        codes = [c["code"] for c in question.choices]
        return codes[max(0, len(codes) - 1 - strength * (len(codes) - 1) // 3)], None
    if question.kind == QuestionKind.PERCENT:
        return "", Decimal(40 + 20 * strength)
    span = question.high - question.low
    return "", (question.low + span * Decimal(5 + strength) / 10).quantize(Decimal("0.01"))


def answer(assessment, question, state, user, salt, level, reviewer=None, note="", adjusted=None):
    choice, number = pick(question, salt, level)
    now = timezone.now()
    created = Answer.objects.create(
        assessment=assessment,
        question=question,
        choice=choice,
        number=number,
        explanation="Data contoh (seed_demo).",
        review_state=state,
        reported_by=user,
        submitted_at=None if state == State.DRAFT else now,
        reviewed_by=reviewer if state in (State.VERIFIED, State.RETURNED) else None,
        reviewed_at=now if state in (State.VERIFIED, State.RETURNED) else None,
        review_note=note,
        reviewer_choice=adjusted[0] if adjusted else "",
        reviewer_number=adjusted[1] if adjusted else None,
    )
    if question.code.endswith(".1"):
        AnswerEvidence.objects.create(
            answer=created, link="https://pekalongankab.go.id/", title="Contoh tautan bukti", uploaded_by=user
        )
    return created


@transaction.atomic
@stored.deferred()
def seed_round(today) -> str | None:
    if Round.objects.filter(year=DEMO_YEAR).exists():
        return None
    model = ModelVersion.objects.filter(code=DEMO_MODEL).first()
    if model is None:
        load_models(root=settings.BASE_DIR / "fixtures")
        model = ModelVersion.objects.get(code=DEMO_MODEL)
    people = {
        u.username: u for u in get_user_model().objects.filter(username__in=["organisasi", "inspektorat"])
    }
    staff, reviewer = people.get("organisasi"), people.get("inspektorat")
    round_ = Round.objects.create(model=model, year=DEMO_YEAR, opened_by=staff)
    created = Assessment.objects.bulk_create(
        [Assessment(round=round_, agency=None)]
        + [Assessment(round=round_, agency=a) for a in default_agencies()]
    )
    stored.refresh(a.pk for a in created)  # bulk_create sends no signals
    questions = list(model.questions.select_related("subcomponent").order_by("order"))
    by_code = {
        a.agency.code if a.agency_id else "pemkab": a for a in round_.assessments.select_related("agency")
    }
    for question in questions:  # the regency, reviewed by the Inspektorat but for the last area
        state = State.SUBMITTED if question.subcomponent.code == "pelayanan-publik" else State.VERIFIED
        adjusted, note = None, ""
        if question.code == "SDM.4":
            adjusted, note = (
                ("C", None),
                "Seleksi terbuka baru untuk jabatan pimpinan tinggi; administrator belum.",
            )
        answer(by_code["pemkab"], question, state, staff, "pemkab", 2, reviewer, note, adjusted)
    if "inspektorat" in by_code:
        for question in questions:
            answer(by_code["inspektorat"], question, State.SUBMITTED, reviewer, "inspektorat", 2)
    if "bpkd" in by_code:
        for question in questions:
            returned = question.code == "TL.2"
            note = "Lampirkan daftar layanan elektronik yang sudah berjalan." if returned else ""
            state = State.RETURNED if returned else State.SUBMITTED
            answer(by_code["bpkd"], question, state, staff, "bpkd", 1, reviewer, note)
    if "dinkominfo" in by_code:
        for question in questions[: len(questions) // 2]:
            answer(by_code["dinkominfo"], question, State.DRAFT, staff, "dinkominfo", 1)
    return f"PMPRB {DEMO_YEAR}: a round on the example question set with {round_.assessments.count()} assessments."


def seed(sender, today, **kwargs) -> str | None:
    return seed_round(today)
