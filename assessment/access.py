"""Who may see, answer and review PMPRB assessments: every fetch-for-user of this app is here.

- Rounds, models and every agency's score on the round page: every role reads them (the Tim Pengarah
  reads the results).
- An assessment's worksheet, answers and evidence: staff, the PMPRB reviewers, the Tim Pengarah and
  the assessed agency's admins. Another agency's assessment is a 404 for an agency admin.
- Answering: staff (the Pemerintah Kabupaten's assessment and, correcting, any other) and the assessed
  agency's admins. Someone who may see it but not answer it gets a 403.
- Reviewing: staff and the PMPRB reviewers, the admins of the agency named by the setting
  ``PMPRB_REVIEWER_AGENCY`` (default "inspektorat": APIP coordinates the self-assessment). A reviewer
  never reviews its own agency's assessment, and nobody reviews an answer they gave
  (``REVIEW_FORBID_OWN_REPORTS``). See docs/assessment.md.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from assessment.models import Answer, AnswerEvidence, Assessment, ModelVersion, Round
from monev.workflow import Actor
from roadmap.access import profile_of, require_profile, require_staff
from roadmap.models import Role, UserProfile

NOT_YOURS = "Penilaian ini bukan penilaian Perangkat Daerah Anda."


def is_pmprb_reviewer(profile: UserProfile | None) -> bool:
    """An admin of the coordinating agency (the APIP's PMPRB team)."""
    return (
        profile is not None
        and profile.role == Role.AGENCY_ADMIN
        and profile.agency_id is not None
        and profile.agency.code == settings.PMPRB_REVIEWER_AGENCY
    )


def sees_every_assessment(profile: UserProfile | None) -> bool:
    return profile is not None and (profile.role in (Role.STAFF, Role.STEERING) or is_pmprb_reviewer(profile))


def may_see(profile: UserProfile | None, assessment: Assessment) -> bool:
    if sees_every_assessment(profile):
        return True
    return (
        profile is not None
        and profile.role == Role.AGENCY_ADMIN
        and assessment.agency_id is not None
        and assessment.agency_id == profile.agency_id
    )


def answer_actor(user, assessment: Assessment) -> Actor:
    """How the review rules see ``user`` writing answers of ``assessment``."""
    profile = profile_of(user)
    if profile is None:
        return Actor.READER
    if profile.is_staff_member:
        return Actor.STAFF
    owner = profile.role == Role.AGENCY_ADMIN and assessment.agency_id == profile.agency_id
    return Actor.AGENCY if owner and assessment.agency_id is not None else Actor.READER


def review_refusal(user, assessment: Assessment, answer: Answer | None = None) -> tuple[int, str] | None:
    """Why ``user`` may not review (this answer of) ``assessment``: (HTTP status, message), or None."""
    profile = profile_of(user)
    if not may_see(profile, assessment):
        return 404, NOT_YOURS
    if not (profile.is_staff_member or is_pmprb_reviewer(profile)):
        return 403, "Hanya tim PMPRB Inspektorat dan staf Bagian Organisasi yang mereviu penilaian."
    if not profile.is_staff_member and assessment.agency_id == profile.agency_id:
        return 403, "Penilaian Perangkat Daerah Anda sendiri direviu oleh staf Bagian Organisasi."
    if answer is not None and settings.REVIEW_FORBID_OWN_REPORTS and answer.reported_by_id == user.pk:
        return 403, "Jawaban yang Anda isi sendiri direviu oleh orang lain."
    return None


def reviewer_actor(user, assessment: Assessment, answer: Answer | None = None) -> Actor:
    if review_refusal(user, assessment, answer) is not None:
        return Actor.READER
    return Actor.STAFF if profile_of(user).is_staff_member else Actor.REVIEWER


def raise_refusal(refusal: tuple[int, str] | None) -> None:
    if refusal is not None:
        status, why = refusal
        raise Http404(why) if status == 404 else PermissionDenied(why)


ASSESSMENTS = Assessment.objects.select_related("round__model", "agency")


def get_assessment_for_user(user, pk: int, write: bool = False) -> Assessment:
    """An assessment the user may see (404 otherwise); with ``write``, one they may answer (403)."""
    profile = require_profile(user)
    assessment = get_object_or_404(ASSESSMENTS, pk=pk)
    if not may_see(profile, assessment):
        raise Http404(NOT_YOURS)
    if write and answer_actor(user, assessment) == Actor.READER:
        raise PermissionDenied("Peran Anda hanya dapat membaca penilaian ini.")
    return assessment


def get_assessment_for_reviewer(user, pk: int) -> Assessment:
    require_profile(user)
    assessment = get_object_or_404(ASSESSMENTS, pk=pk)
    raise_refusal(review_refusal(user, assessment))
    return assessment


def get_answer_for_reviewer(user, pk: int) -> Answer:
    require_profile(user)
    answer = get_object_or_404(
        Answer.objects.select_related(
            "assessment__round__model", "assessment__agency", "question__subcomponent"
        ),
        pk=pk,
    )
    raise_refusal(review_refusal(user, answer.assessment, answer))
    return answer


def get_evidence_for_user(user, pk) -> AnswerEvidence:
    profile = require_profile(user)
    evidence = get_object_or_404(AnswerEvidence.objects.select_related("answer__assessment"), pk=pk)
    if not may_see(profile, evidence.answer.assessment):
        raise Http404(NOT_YOURS)
    return evidence


def get_round_for_user(user, pk: int) -> Round:
    require_profile(user)
    return get_object_or_404(Round.objects.select_related("model"), pk=pk)


def get_round_for_staff(user, pk: int) -> Round:
    require_staff(user, "Hanya staf Bagian Organisasi yang mengelola putaran PMPRB.")
    return get_object_or_404(Round.objects.select_related("model"), pk=pk)


def get_round_for_full_reader(user, pk: int) -> Round:
    """A round whose every worksheet the user may read (its whole workbook): not an agency admin's."""
    profile = require_profile(user)
    if not sees_every_assessment(profile):
        raise PermissionDenied("Buku kerja seluruh penilaian hanya untuk staf, tim PMPRB dan Tim Pengarah.")
    return get_object_or_404(Round.objects.select_related("model"), pk=pk)


def get_model_for_user(user, pk: int) -> ModelVersion:
    require_profile(user)
    return get_object_or_404(ModelVersion, pk=pk)


def get_model_for_staff(user, pk: int) -> ModelVersion:
    require_staff(user, "Hanya staf Bagian Organisasi yang memuat pertanyaan model evaluasi.")
    return get_object_or_404(ModelVersion, pk=pk)
