"""Writing reported progress: each function is one transaction, called with keywords only."""

from decimal import Decimal

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from actions.models import PlannedAction, PriorityActivity
from areas.models import Indicator, ScaleLevel
from monev import filetypes
from monev.models import ActionProgress, Evidence, Realisation, ReportStatus
from roadmap.models import Agency


def attach_evidence(
    *,
    user,
    realisation: Realisation | None = None,
    action_progress: ActionProgress | None = None,
    upload: UploadedFile | None = None,
    link: str = "",
    title: str = "",
) -> list[Evidence]:
    """Store a checked upload and/or a link as evidence of one report."""
    parent = {"realisation": realisation, "action_progress": action_progress}
    added = []
    if upload is not None:
        upload.seek(0)
        kind, _ = filetypes.check_upload(upload.name, upload.read())
        upload.seek(0)
        evidence = Evidence(
            **parent,
            original_name=upload.name[-200:],
            content_type=filetypes.content_type_for(kind, upload.name),
            size=upload.size,
            title=title,
            uploaded_by=user,
        )
        evidence.file.save(upload.name, upload, save=False)
        evidence.save()
        added.append(evidence)
    if link:
        added.append(Evidence.objects.create(**parent, link=link, title=title, uploaded_by=user))
    return added


def _status_fields(submit: bool, previous_submitted_at) -> dict:
    if submit:
        return {"status": ReportStatus.SUBMITTED, "submitted_at": previous_submitted_at or timezone.now()}
    return {"status": ReportStatus.DRAFT, "submitted_at": None}


@transaction.atomic
def save_realisation(
    *,
    item: Indicator | PriorityActivity,
    year: int,
    period: str,
    number: Decimal | None,
    level: ScaleLevel | None,
    note: str = "",
    obstacles: str = "",
    follow_up: str = "",
    submit: bool,
    user,
    upload: UploadedFile | None = None,
    link: str = "",
    evidence_title: str = "",
    source: str = "",
) -> Realisation:
    """Create or correct the report of an item for one period, with any new evidence."""
    key = {"indicator": item} if isinstance(item, Indicator) else {"activity": item}
    realisation = Realisation.objects.filter(**key, year=year, period=period).first()
    if realisation is None:
        realisation = Realisation(**key, year=year, period=period)
    realisation.number, realisation.level = number, level
    realisation.note, realisation.obstacles, realisation.follow_up = note, obstacles, follow_up
    realisation.source = source
    realisation.reported_by = user
    for name, value in _status_fields(submit, realisation.submitted_at).items():
        setattr(realisation, name, value)
    realisation.full_clean()
    realisation.save()
    attach_evidence(user=user, realisation=realisation, upload=upload, link=link, title=evidence_title)
    return realisation


@transaction.atomic
def save_action_progress(
    *,
    planned_action: PlannedAction,
    quarter: int,
    contributor: Agency | None,
    status: str,
    percent: int,
    note: str = "",
    submit: bool,
    user,
    upload: UploadedFile | None = None,
    link: str = "",
) -> ActionProgress:
    """Create or correct one planned action's progress in a quarter (the row's own, or a contribution)."""
    progress = ActionProgress.objects.filter(
        planned_action=planned_action, quarter=quarter, contributor=contributor
    ).first() or ActionProgress(planned_action=planned_action, quarter=quarter, contributor=contributor)
    progress.status, progress.percent, progress.note, progress.reported_by = status, percent, note, user
    fields = _status_fields(submit, progress.submitted_at)
    progress.report_status, progress.submitted_at = fields["status"], fields["submitted_at"]
    progress.full_clean()
    progress.save()
    attach_evidence(user=user, action_progress=progress, upload=upload, link=link)
    return progress


@transaction.atomic
def save_row_progress(
    *, entries: list[dict], quarter: int, contributor: Agency | None, submit: bool, user
) -> list[ActionProgress]:
    """Progress of several planned actions of one row in a quarter, saved together or not at all.

    Each entry holds ``planned_action``, ``status``, ``percent``, ``note`` and optional
    ``upload`` and ``link``.
    """
    return [
        save_action_progress(quarter=quarter, contributor=contributor, submit=submit, user=user, **entry)
        for entry in entries
    ]
