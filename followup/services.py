"""Writing findings and their follow-up: keyword-only, each one transaction; history records every change."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from followup import rules
from followup.models import Finding, FindingState, Step, StepEvidence
from monev import filetypes
from roadmap.models import Agency

LINKS = ("indicator", "activity", "row", "risk", "area", "assessment")


@dataclass(frozen=True)
class Chosen:
    """A candidate as staff issue it: with the agency they chose and the recommendation as edited."""

    candidate: rules.Candidate
    agency: Agency
    recommendation: str


def issue_findings(*, user, year: int, chosen: list[Chosen], deadline: datetime.date) -> list[Finding]:
    """Issue the chosen candidates of ``year`` as open findings, all or none."""
    try:
        with transaction.atomic():
            return [
                Finding.objects.create(
                    year=year,
                    source=c.candidate.source,
                    source_key=c.candidate.key,
                    description=c.candidate.description,
                    recommendation=c.recommendation,
                    agency=c.agency,
                    deadline=deadline,
                    issued_by=user,
                    **{f"{name}_id": c.candidate.links.get(name) for name in LINKS},
                )
                for c in chosen
            ]
    except IntegrityError:
        raise ValidationError(
            "Sebagian temuan ini baru saja diterbitkan oleh pengguna lain. Muat ulang halaman.",
            code="conflict",
        ) from None


def add_finding(
    *,
    user,
    year: int,
    source: str,
    description: str,
    agency: Agency,
    recommendation: str,
    deadline: datetime.date,
    area=None,
) -> Finding:
    """A finding staff enter by hand (a direction of the Tim Pengarah, or any other), at any time."""
    finding = Finding(
        year=year,
        source=source,
        description=description,
        agency=agency,
        recommendation=recommendation,
        deadline=deadline,
        area=area,
        issued_by=user,
    )
    finding.full_clean()
    with transaction.atomic():
        finding.save()
    return finding


EDITABLE = ("description", "agency", "recommendation", "deadline")


def edit_finding(*, finding: Finding, user, **changes) -> Finding:
    """Staff correct an issued finding that is not closed yet."""
    with transaction.atomic():
        finding = Finding.objects.select_for_update().get(pk=finding.pk)
        if finding.state == FindingState.CLOSED:
            raise ValidationError("Temuan yang sudah selesai tidak dapat diubah.", code="closed")
        for name in EDITABLE:
            if name in changes:
                setattr(finding, name, changes[name])
        finding.full_clean()
        finding.save()
    return finding


def attach_evidence(*, step: Step, user, upload: UploadedFile | None, link: str) -> None:
    """Store a checked upload and/or a link, exactly as monev stores report evidence."""
    if upload is not None:
        upload.seek(0)
        kind, reason = filetypes.check_upload(upload.name, upload.read())
        upload.seek(0)
        if kind is None:
            raise ValidationError(reason)
        evidence = StepEvidence(
            step=step,
            original_name=upload.name[-200:],
            content_type=filetypes.content_type_for(kind, upload.name),
            size=upload.size,
            uploaded_by=user,
        )
        evidence.file.save(upload.name, upload, save=False)
        evidence.save()
    if link:
        evidence = StepEvidence(step=step, link=link, uploaded_by=user)
        evidence.full_clean()
        evidence.save()


def record_step(
    *, finding: Finding, user, text: str, finished: bool, upload: UploadedFile | None = None, link: str = ""
) -> Step:
    """A follow-up step with its evidence; ``finished`` asks staff to verify the finding closed."""
    with transaction.atomic():
        finding = Finding.objects.select_for_update().get(pk=finding.pk)
        if finding.state not in (FindingState.OPEN, FindingState.IN_PROGRESS):
            raise ValidationError(
                "Temuan ini sedang menunggu verifikasi atau sudah selesai: langkah baru tidak dapat dicatat.",
                code="not_open",
            )
        if finished and not upload and not link and not finding.steps.filter(evidence__isnull=False).exists():
            raise ValidationError(
                "Lampirkan bukti dukung sebelum menyatakan tindak lanjut selesai.", code="evidence_required"
            )
        step = Step.objects.create(finding=finding, text=text, finished=finished, recorded_by=user)
        attach_evidence(step=step, user=user, upload=upload, link=link)
        finding.state = FindingState.SUBMITTED if finished else FindingState.IN_PROGRESS
        finding.save(update_fields=["state"])
    return step


def verify(*, finding: Finding, user) -> Finding:
    """Staff accept the follow-up as done: the finding is closed (selesai, terverifikasi)."""
    with transaction.atomic():
        finding = Finding.objects.select_for_update().get(pk=finding.pk)
        if finding.state != FindingState.SUBMITTED:
            raise ValidationError(
                "Hanya tindak lanjut yang diajukan selesai dapat diverifikasi.", code="state"
            )
        finding.state = FindingState.CLOSED
        finding.closed_by, finding.closed_at = user, timezone.now()
        finding.save(update_fields=["state", "closed_by", "closed_at"])
    return finding


def return_finding(*, finding: Finding, user, note: str) -> Finding:
    """Staff send the follow-up back to the agency with a note: it is in progress again."""
    if not note.strip():
        raise ValidationError("Tuliskan catatan: apa yang masih harus dilengkapi.", code="note_required")
    with transaction.atomic():
        finding = Finding.objects.select_for_update().get(pk=finding.pk)
        if finding.state != FindingState.SUBMITTED:
            raise ValidationError(
                "Hanya tindak lanjut yang diajukan selesai dapat dikembalikan.", code="state"
            )
        finding.state = FindingState.IN_PROGRESS
        finding.return_note = note.strip()
        finding.save(update_fields=["state", "return_note"])
    return finding
