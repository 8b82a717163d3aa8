"""Writing the self-assessment: each function is one transaction, called with keywords only.

Who may do what is worked out here again from the database as it is now (assessment.access), and the
moves of an answer between draft, submitted, returned and verified are monev's review rules
(monev.workflow), so no view can skip them. Every change is kept with who, when and why
(django-simple-history).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from areas.models import Indicator
from assessment import access, stored
from assessment.models import Answer, AnswerEvidence, Assessment, ModelVersion, Question, Round
from assessment.selectors import round_result, structure
from monev import filetypes
from monev import services as monev_services
from monev.services import REASON_REQUIRED
from monev.workflow import Actor, State, can_move, edit_decision
from roadmap.access import require_staff
from roadmap.models import Agency, RoadmapEdition
from roadmap.notation import format_number

CLOSED = "Putaran PMPRB ini sudah ditutup: staf Bagian Organisasi dapat membukanya kembali."
INDEKS_RB_REF = "indeks-rb"


def require_open(round_: Round) -> None:
    """The round as the database has it now, not as a page loaded it."""
    if not Round.objects.filter(pk=round_.pk, is_open=True).exists():
        raise PermissionDenied(CLOSED)


@transaction.atomic
def open_round(*, model: ModelVersion, year: int, agencies: list[Agency], user) -> Round:
    """Open the round of ``year``: one assessment for the Pemerintah Kabupaten and one per agency."""
    require_staff(user)
    if Round.objects.filter(year=year).exists():
        raise ValidationError({"year": f"Putaran PMPRB {year} sudah ada."})
    if not model.first_year <= year <= model.last_year:
        raise ValidationError({"model": f"{model} berlaku untuk tahun {model.years_display}, bukan {year}."})
    empty = [sub.name for c in structure(model) for sub in c.subcomponents.all() if not sub.questions.all()]
    if empty:
        raise ValidationError(
            {
                "model": f"Model ini belum memiliki pertanyaan untuk: {', '.join(empty)}. Muat set pertanyaannya dahulu."
            }
        )
    round_ = Round(model=model, year=year, opened_by=user)
    round_._change_reason = "Putaran dibuka."
    round_.full_clean()
    round_.save()
    created = Assessment.objects.bulk_create(
        [Assessment(round=round_, agency=None)] + [Assessment(round=round_, agency=a) for a in agencies]
    )
    stored.refresh(a.pk for a in created)  # their scores with nothing answered (bulk_create sends no signals)
    return round_


@dataclass
class AnswerEntry:
    """One question as a form sends it: the answer (``choice`` or ``number``), its explanation, new
    evidence, the version the form was opened on, and the source of an offered value."""

    question: Question
    choice: str = ""
    number: Decimal | None = None
    explanation: str = ""
    upload: UploadedFile | None = None
    link: str = ""
    version: int | None = None
    source: str = ""

    @property
    def given(self) -> bool:
        return bool(self.choice) or self.number is not None


class AnswerConflict(ValidationError):
    """Someone else saved the answer after the form was opened: nothing on the page was written."""


def attach_evidence(*, answer: Answer, user, upload: UploadedFile | None, link: str) -> None:
    """Store a checked upload and/or a link, exactly as monev stores report evidence."""
    if upload is not None:
        upload.seek(0)
        kind, reason = filetypes.check_upload(upload.name, upload.read())
        upload.seek(0)
        if kind is None:
            raise ValidationError(reason)
        evidence = AnswerEvidence(
            answer=answer,
            original_name=upload.name[-200:],
            content_type=filetypes.content_type_for(kind, upload.name),
            size=upload.size,
            uploaded_by=user,
        )
        evidence.file.save(upload.name, upload, save=False)
        evidence.save()
    if link:
        evidence = AnswerEvidence(answer=answer, link=link, uploaded_by=user)
        evidence.full_clean()
        evidence.save()


def save_answer(
    *, assessment: Assessment, entry: AnswerEntry, actor: Actor, reason: str, user
) -> Answer | None:
    answer = (
        Answer.objects.select_for_update(of=("self",))
        .filter(assessment=assessment, question=entry.question)
        .first()
    )
    if entry.version is not None and entry.version != (answer.version if answer else 0):
        raise AnswerConflict(
            f"{entry.question.code}: jawaban ini sudah diubah orang lain setelah Anda membuka formulir. "
            "Periksa jawaban yang tersimpan, lalu simpan lagi bila isian Anda tetap yang benar.",
            code="conflict",
        )
    if not entry.given:
        if answer is not None:
            raise ValidationError(
                f"{entry.question.code}: jawaban yang sudah tersimpan tidak dapat dikosongkan."
            )
        if entry.upload or entry.link:
            raise ValidationError(f"{entry.question.code}: isi jawaban sebelum melampirkan bukti dukung.")
        return None
    changed = answer is None or (answer.choice, answer.number, answer.explanation) != (
        entry.choice,
        entry.number,
        entry.explanation,
    )
    if changed:
        current = answer.review_state if answer else None
        decision = edit_decision(current, actor, True)
        if not decision.allowed:
            raise PermissionDenied(f"{entry.question.code}: {decision.why_not}")
        if decision.reason_required and not reason.strip():
            raise ValidationError(REASON_REQUIRED)
        target = State.VERIFIED if current == State.VERIFIED else State.DRAFT
        if not can_move(current, target, actor):
            raise PermissionDenied(f"{entry.question.code}: perubahan status ini tidak diizinkan.")
        answer = answer or Answer(assessment=assessment, question=entry.question)
        answer.choice, answer.number, answer.explanation = entry.choice, entry.number, entry.explanation
        answer.source = entry.source
        answer.review_state, answer.reported_by = target, user
        answer.version += 1
        answer._change_reason = reason.strip()
        answer.full_clean()
        answer.save()
    if entry.upload or entry.link:
        if answer.review_state == State.VERIFIED and actor != Actor.STAFF:
            raise PermissionDenied(f"{entry.question.code}: jawaban ini sudah direviu.")
        attach_evidence(answer=answer, user=user, upload=entry.upload, link=entry.link)
    return answer


@transaction.atomic
@stored.deferred()
def save_answers(*, assessment: Assessment, entries: list[AnswerEntry], user, reason: str = "") -> int:
    """Save the answers of one page as drafts (a verified answer corrected by staff stays verified, with
    its reason), with their new evidence; all or nothing. Returns how many answers were written."""
    require_open(assessment.round)
    actor = access.answer_actor(user, assessment)
    if actor == Actor.READER:
        raise PermissionDenied("Peran Anda hanya dapat membaca penilaian ini.")
    return sum(
        1
        for entry in entries
        if save_answer(assessment=assessment, entry=entry, actor=actor, reason=reason, user=user) is not None
    )


@transaction.atomic
@stored.deferred()
def submit_assessment(*, assessment: Assessment, user) -> int:
    """Submit every draft and corrected answer for review; every question must have an answer."""
    require_open(assessment.round)
    actor = access.answer_actor(user, assessment)
    if actor == Actor.READER:
        raise PermissionDenied("Peran Anda hanya dapat membaca penilaian ini.")
    answers = list(assessment.answers.select_for_update(of=("self",)))
    questions = assessment.round.model.questions.count()
    if len(answers) < questions:
        missing = questions - len(answers)
        raise ValidationError(
            f"Masih ada {missing} pertanyaan yang belum dijawab: jawab semuanya sebelum mengajukan."
        )
    waiting = [a for a in answers if a.review_state in (State.DRAFT, State.RETURNED)]
    if not waiting:
        raise ValidationError("Tidak ada jawaban baru atau perbaikan untuk diajukan.")
    now = timezone.now()
    for answer in waiting:
        if not can_move(answer.review_state, State.SUBMITTED, actor):
            raise PermissionDenied("Perubahan status ini tidak diizinkan.")
        answer.review_state, answer.submitted_at = State.SUBMITTED, now
        answer.version += 1
        answer._change_reason = "Penilaian diajukan."
        answer.save(update_fields=["review_state", "submitted_at", "version", "updated_at"])
    assessment.submitted_by, assessment.submitted_at = user, now
    assessment.save(update_fields=["submitted_by", "submitted_at"])
    return len(waiting)


AGREE, ADJUST, RETURN = "agree", "adjust", "return"


@transaction.atomic
def review_answer(
    *, answer: Answer, action: str, user, note: str = "", choice: str = "", number: Decimal | None = None
) -> Answer:
    """The reviewer agrees with an answer, sets its own answer with a note, or returns it with a note."""
    answer = (
        Answer.objects.select_for_update(of=("self",))
        .select_related("assessment__round", "question")
        .get(pk=answer.pk)
    )
    require_open(answer.assessment.round)
    access.raise_refusal(access.review_refusal(user, answer.assessment, answer))
    actor = access.reviewer_actor(user, answer.assessment, answer)
    target = State.RETURNED if action == RETURN else State.VERIFIED
    if action not in (AGREE, ADJUST, RETURN):
        raise ValidationError("Pilih: setuju, tetapkan jawaban reviewer, atau kembalikan.")
    if not can_move(answer.review_state, target, actor):
        raise ValidationError(
            f"Jawaban berstatus {answer.get_review_state_display().lower()} tidak dapat "
            f"{'dikembalikan' if action == RETURN else 'direviu'}."
        )
    if action in (ADJUST, RETURN) and not note.strip():
        raise ValidationError(
            {"note": "Tuliskan catatan: alasan jawaban reviewer atau apa yang perlu diperbaiki."}
        )
    if action == ADJUST:
        if answer.question.value_of(choice, number) is None:
            raise ValidationError({"reviewer_answer": "Isi jawaban reviewer."})
        answer.reviewer_choice, answer.reviewer_number = choice, number
    elif action == AGREE:
        answer.reviewer_choice, answer.reviewer_number = "", None
    answer.review_state = target
    answer.reviewed_by, answer.reviewed_at = user, timezone.now()
    answer.review_note = note.strip() if action != AGREE else ""
    answer.version += 1
    answer._change_reason = note.strip() or "Disetujui reviewer."
    answer.save()
    return answer


@transaction.atomic
@stored.deferred()
def agree_with_all(*, assessment: Assessment, user) -> int:
    """Agree with every submitted answer of ``assessment`` the user may review; returns how many."""
    require_open(assessment.round)
    access.raise_refusal(access.review_refusal(user, assessment))
    count = 0
    for answer in assessment.answers.select_for_update(of=("self",)).filter(review_state=State.SUBMITTED):
        if access.review_refusal(user, assessment, answer) is None:
            review_answer(answer=answer, action=AGREE, user=user)
            count += 1
    return count


@transaction.atomic
def set_threshold(*, round_: Round, threshold: Decimal, user) -> Round:
    require_staff(user)
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    round_.weak_threshold = threshold
    round_._change_reason = f"Batas sub-komponen lemah {format_number(threshold)} %."
    round_.full_clean()
    round_.save(update_fields=["weak_threshold"])
    return round_


@transaction.atomic
def reopen_round(*, round_: Round, reason: str, user) -> Round:
    require_staff(user)
    if not reason.strip():
        raise ValidationError({"reason": "Tuliskan alasan membuka kembali: dicatat dalam riwayat."})
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    round_.is_open, round_.closed_at, round_.closed_by = True, None, None
    round_._change_reason = reason.strip()
    round_.save(update_fields=["is_open", "closed_at", "closed_by"])
    return round_


def indeks_rb_indicator(year: int) -> Indicator | None:
    """The Indeks RB indicator of the road map in force in ``year`` (a later road map answers for its years)."""
    return Indicator.objects.filter(
        ref=INDEKS_RB_REF, area__edition__in=RoadmapEdition.objects.in_force(year)
    ).first()


@transaction.atomic
def close_round(*, round_: Round, user, record: bool, reason: str = "") -> Round:
    """Close the round; with ``record``, staff confirm its Indeks RB as the verified realisation of the
    road map's Indeks RB indicator for the round's year (monev.services.record_computed_figure)."""
    require_staff(user)
    round_ = Round.objects.select_for_update().select_related("model").get(pk=round_.pk)
    if not round_.is_open:
        raise ValidationError("Putaran ini sudah ditutup.")
    round_.is_open, round_.closed_by, round_.closed_at = False, user, timezone.now()
    round_._change_reason = "Putaran ditutup."
    if record:
        result = round_result(round_)
        if result.index is None:
            raise ValidationError("Indeks RB belum dapat dihitung: tidak ada yang dicatat.")
        indicator = indeks_rb_indicator(round_.year)
        if indicator is None:
            raise ValidationError(
                "Road map yang berlaku tidak memiliki indikator Indeks RB (rujukan indeks-rb)."
            )
        shown = result.index.quantize(Decimal("0.01"))
        round_.realisation = monev_services.record_computed_figure(
            indicator=indicator,
            year=round_.year,
            number=shown,
            source=f"Indeks RB dari PMPRB {round_.year} ({round_.model}), dihitung aplikasi saat putaran ditutup",
            reason=reason,
            user=user,
        )
    round_.save()
    return round_
