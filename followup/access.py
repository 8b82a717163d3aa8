"""Who may see, answer and verify findings: every fetch-for-user of the follow-up register is here.

- The register and a finding: staff and the Tim Pengarah read every finding; an agency admin reads
  only its own agency's (another agency's finding is a 404, its existence none of their business).
- Recording follow-up steps: staff and the responsible agency's admins (the Tim Pengarah: 403).
- Generating, issuing, adding, verifying or returning findings: staff only.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from followup.models import Finding, StepEvidence
from roadmap.access import require_profile, require_reporter, require_staff
from roadmap.models import Role, UserProfile


def visible_findings(profile: UserProfile) -> QuerySet:
    if profile.role in (Role.STAFF, Role.STEERING):
        return Finding.objects.all()
    if profile.role == Role.AGENCY_ADMIN and profile.agency_id:
        return Finding.objects.filter(agency_id=profile.agency_id)
    raise PermissionDenied("Peran Anda tidak dapat membuka daftar tindak lanjut.")


def get_finding_for_user(user, pk: int) -> Finding:
    profile = require_profile(user)
    return get_object_or_404(
        visible_findings(profile).select_related(
            "agency",
            "area",
            "indicator",
            "activity",
            "row",
            "risk",
            "assessment__agency",
            "assessment__round",
        ),
        pk=pk,
    )


def may_answer(profile: UserProfile | None, finding: Finding) -> bool:
    return profile is not None and (
        profile.is_staff_member
        or (profile.role == Role.AGENCY_ADMIN and profile.agency_id == finding.agency_id)
    )


def get_finding_to_answer(user, pk: int) -> Finding:
    """A finding whose follow-up the user records: staff, or the responsible agency's admins."""
    profile = require_reporter(user)
    return get_object_or_404(visible_findings(profile), pk=pk)


def get_finding_to_verify(user, pk: int) -> Finding:
    require_staff(user, "Hanya staf Bagian Organisasi yang memverifikasi tindak lanjut.")
    return get_object_or_404(Finding, pk=pk)


def get_evidence_for_user(user, pk) -> StepEvidence:
    profile = require_profile(user)
    return get_object_or_404(
        StepEvidence.objects.filter(step__finding__in=visible_findings(profile)).select_related("step"), pk=pk
    )
