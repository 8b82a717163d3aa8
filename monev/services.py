"""Writing reported progress: each function is one transaction, called with keywords only.

The rules of who may change what, and when a reason is needed, are in ``monev.workflow``;
these functions enforce them again, so no view or form can skip them.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import UniqueConstraint
from django.utils import timezone

from actions.models import PlannedAction, PriorityActivity
from areas.models import Indicator, ScaleLevel
from areas.targets import item_levels, target_values
from monev import filetypes, plan_standings
from monev.access import reporting_actor, review_refusal, reviewer_actor
from monev.items import item_key
from monev.models import (
    ActionProgress,
    Evidence,
    Period,
    Realisation,
    ReopenedItem,
    ReportingWindow,
    ReviewedReport,
    ReviewState,
    RiskReview,
    RiskStatus,
)
from monev.models.review import report_period, report_year_period, version_token
from monev.windows import period_open
from monev.workflow import Actor, can_move, edit_decision
from roadmap.dates import format_datetime
from roadmap.models import Agency, Risk
from roadmap.notation import parse_whole

REASON_REQUIRED = "Tuliskan alasan perubahan: periode ini sudah ditutup atau laporannya sudah diverifikasi."


class EditConflict(ValidationError):
    """Someone else saved the report after this user opened the form: nothing was written."""

    current_token: str | None = None


def check_version(report: ReviewedReport, token: str | None) -> None:
    """Refuse a save based on an older version of the report (``token`` from the form; None: no check).

    A token for another period (the user switched period in the form) says nothing about this report.
    """
    if not token:
        return
    period, _, typed = token.rpartition(":")
    version = parse_whole(typed)
    if period != report_period(report) or version is None:
        return
    if version != (report.version if report.pk else 0):
        who = report.reported_by or report.reviewed_by
        name = (who.get_full_name() or who.get_username()) if who else "pengguna lain"
        when = format_datetime(report.updated_at) if report.pk else "baru saja"
        conflict = EditConflict(
            f"Laporan ini sudah diubah oleh {name} pada {when} setelah Anda membuka formulir. "
            "Perubahan Anda belum disimpan. Periksa isi laporan yang sekarang tersimpan; simpan kembali "
            "hanya bila isian Anda tetap yang benar.",
            code="conflict",
        )
        conflict.current_token = version_token(report)  # a second, informed save may go ahead
        raise conflict


def save_checked(report: ReviewedReport) -> None:
    """Save one edit; a report created by someone else at the same moment is a conflict, not a 500."""
    report.version += 1
    # One report per period is left to the database, where two simultaneous creations meet:
    # validating it here would turn the loser into a plain form error instead of a conflict.
    report.full_clean(validate_constraints=False)
    for constraint in type(report)._meta.constraints:
        if not isinstance(constraint, UniqueConstraint):
            constraint.validate(type(report), report)
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        raise EditConflict(
            "Laporan periode ini baru saja dibuat oleh pengguna lain. Muat ulang halaman, lalu periksa isinya.",
            code="conflict",
        ) from None


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
        kind, reason = filetypes.check_upload(upload.name, upload.read())
        upload.seek(0)
        if kind is None:
            raise ValidationError(reason)
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
        evidence = Evidence(**parent, link=link, title=title, uploaded_by=user)
        evidence.full_clean()  # a link longer than the column is a form error, not a DataError
        evidence.save()
        added.append(evidence)
    return added


def _apply_edit(
    report: ReviewedReport, *, item, submit: bool, reason: str, user, lead=None, contributor=None
) -> None:
    """Check the edit against the review rules and set the new state; raises when it is not allowed.

    Who the user is for this item, and whether its period is open, are worked out here from the
    database as it is now: no caller can claim them.
    """
    current = report.review_state if report.pk else None
    actor = reporting_actor(user, item, lead=lead, contributor=contributor)
    year, period = report_year_period(report)
    decision = edit_decision(current, actor, period_open(item, year, period))
    if not decision.allowed:
        raise PermissionDenied(decision.why_not)
    if decision.reason_required and not reason.strip():
        raise ValidationError(REASON_REQUIRED)
    if current == ReviewState.VERIFIED:
        target = ReviewState.VERIFIED  # a staff correction keeps the verification, with its reason
    else:
        target = ReviewState.SUBMITTED if submit else ReviewState.DRAFT
    if not can_move(current, target, actor):
        raise PermissionDenied("Perubahan status ini tidak diizinkan.")
    report.review_state = target
    report.reported_by = user
    if target == ReviewState.SUBMITTED:
        report.submitted_at = timezone.now()
    elif target == ReviewState.DRAFT:
        report.submitted_at = None
    report._change_reason = reason.strip()


@transaction.atomic
def save_realisation(
    *,
    item: Indicator | PriorityActivity,
    year: int,
    period: str,
    number: Decimal | None,
    level: ScaleLevel | None,
    is_nil: bool = False,
    note: str = "",
    obstacles: str = "",
    follow_up: str = "",
    submit: bool,
    reason: str = "",
    user,
    upload: UploadedFile | None = None,
    link: str = "",
    evidence_title: str = "",
    expected_version: str | None = None,
) -> Realisation:
    """Create or correct the report of an item for one period, with any new evidence."""
    key = item_key(item)
    realisation = (
        Realisation.objects.select_for_update(of=("self",)).filter(**key, year=year, period=period).first()
    )
    if realisation is None:
        realisation = Realisation(**key, year=year, period=period)
    check_version(realisation, expected_version)
    _apply_edit(realisation, item=item, submit=submit, reason=reason, user=user)
    realisation.number, realisation.level, realisation.is_nil = number, level, is_nil
    realisation.note, realisation.obstacles, realisation.follow_up = note, obstacles, follow_up
    save_checked(realisation)
    attach_evidence(user=user, realisation=realisation, upload=upload, link=link, title=evidence_title)
    return realisation


@transaction.atomic
def save_action_progress(
    *,
    planned_action: PlannedAction,
    quarter: int,
    lead: Agency | None = None,
    contributor: Agency | None = None,
    status: str,
    percent: int,
    note: str = "",
    obstacles: str = "",
    follow_up: str = "",
    submit: bool,
    reason: str = "",
    user,
    upload: UploadedFile | None = None,
    link: str = "",
    expected_version: str | None = None,
) -> ActionProgress:
    """Create or correct one agency's progress on a planned action in a quarter: a lead agency's own
    part (``lead``), or a supporting agency's contribution (``contributor``)."""
    if (lead is None) == (contributor is None):
        raise ValueError("progress is either a lead agency's part or a contribution")
    whose = {"lead": lead, "contributor": contributor}
    progress = ActionProgress.objects.select_for_update(of=("self",)).filter(
        planned_action=planned_action, quarter=quarter, **whose
    ).first() or ActionProgress(planned_action=planned_action, quarter=quarter, **whose)
    check_version(progress, expected_version)
    _apply_edit(progress, item=planned_action.row, submit=submit, reason=reason, user=user, **whose)
    progress.status, progress.percent, progress.note = status, percent, note
    progress.obstacles, progress.follow_up = obstacles, follow_up
    save_checked(progress)
    attach_evidence(user=user, action_progress=progress, upload=upload, link=link)
    return progress


@transaction.atomic
def save_row_progress(
    *,
    entries: list[dict],
    quarter: int,
    lead: Agency | None = None,
    contributor: Agency | None = None,
    submit: bool,
    reason: str = "",
    user,
) -> list[ActionProgress]:
    """One agency's progress on several planned actions of one row in a quarter, saved together or not at all.

    Each entry holds ``planned_action``, ``status``, ``percent``, ``note`` and optional
    ``obstacles``, ``follow_up``, ``upload`` and ``link``.
    """
    with plan_standings.deferred():  # the row's stored progress and cells once, not once per action
        return [
            save_action_progress(
                quarter=quarter,
                lead=lead,
                contributor=contributor,
                submit=submit,
                reason=reason,
                user=user,
                **entry,
            )
            for entry in entries
        ]


@transaction.atomic
def review_reports(*, reports: list[ReviewedReport], verify: bool, note: str = "", user) -> int:
    """Verify the given reports, or return them to their authors with a note; all or none."""
    target = ReviewState.VERIFIED if verify else ReviewState.RETURNED
    if not verify and not note.strip():
        raise ValidationError("Tuliskan catatan untuk pelapor: apa yang perlu diperbaiki.")
    now = timezone.now()
    with plan_standings.deferred():  # each planned action's stored progress once, not once per report
        for listed in reports:
            _review_one(listed, target, verify, note, now, user)
    return len(reports)


def _review_one(listed: ReviewedReport, target: str, verify: bool, note: str, now, user) -> None:
    # Locked like an edit, so a review never races a correction being saved at the same moment.
    report = type(listed).objects.select_for_update(of=("self",)).get(pk=listed.pk)
    refusal = review_refusal(user, report)
    if refusal is not None:
        raise PermissionDenied(f"{report}: {refusal[1]}")
    if not can_move(report.review_state, target, reviewer_actor(user, report)):
        raise ValidationError(
            f"{report} berstatus {report.get_review_state_display().lower()} dan tidak dapat "
            f"{'diverifikasi' if verify else 'dikembalikan'}."
        )
    report.review_state = target
    report.reviewed_by, report.reviewed_at = user, now
    report.review_note = note.strip() if not verify else report.review_note
    report._change_reason = note.strip()
    report.version += 1
    report.save(
        update_fields=[
            "review_state",
            "reviewed_by",
            "reviewed_at",
            "review_note",
            "updated_at",
            "version",
        ]
    )


REOPEN_REASON_REQUIRED = "Tuliskan alasan membuka kembali: dicatat dalam riwayat."


@transaction.atomic
def set_window(
    *, year: int, period: str, is_open: bool, closes_on=None, reason: str = "", user
) -> ReportingWindow:
    """Open or close the reporting window of a period; reopening a closed window needs a reason."""
    window, _ = ReportingWindow.objects.select_for_update(of=("self",)).get_or_create(
        year=year, period=period
    )
    reopening = is_open and not window.is_open and window.history.filter(is_open=True).exists()
    if reopening and not reason.strip():
        raise ValidationError(REOPEN_REASON_REQUIRED)
    window.is_open, window.closes_on, window.changed_by = is_open, closes_on, user
    window._change_reason = reason.strip()
    window.save()
    if not is_open:
        # Closing the window again ends the exceptions granted while it was closed.
        for reopened in window.reopened_items.filter(active=True):
            reopened.active = False
            reopened._change_reason = "Jendela ditutup kembali."
            reopened.save(update_fields=["active"])
    return window


@transaction.atomic
def reopen_item(*, window: ReportingWindow, item, reason: str, user) -> ReopenedItem:
    """Let the responsible agency report one item again in a closed window."""
    if not reason.strip():
        raise ValidationError(REOPEN_REASON_REQUIRED)
    reopened = ReopenedItem(window=window, reason=reason.strip(), reopened_by=user, **item_key(item))
    reopened._change_reason = reason.strip()
    reopened.full_clean()
    reopened.save()
    return reopened


@transaction.atomic
def record_computed_figure(
    *, indicator: Indicator, year: int, number: Decimal, source: str, reason: str = "", user
) -> Realisation:
    """Record a figure the application computed from reviewed work (the Indeks RB of a closed PMPRB
    round) as the verified year figure of a regency-wide indicator, as staff confirm it.

    Like a value the regulation states (``load_facts``), the computation is its verification: staff
    confirm it, nobody reviews it again. A different verified figure already there is replaced only
    with a reason, kept in the history.
    """
    if reporting_actor(user, indicator) != Actor.STAFF:
        raise PermissionDenied("Hanya staf Bagian Organisasi yang mencatat angka hasil perhitungan.")
    realisation = (
        Realisation.objects.select_for_update(of=("self",))
        .filter(indicator=indicator, year=year, period=Period.YEAR)
        .first()
    ) or Realisation(indicator=indicator, year=year, period=Period.YEAR)
    replacing = (
        realisation.pk and realisation.review_state == ReviewState.VERIFIED and realisation.number != number
    )
    if replacing and not reason.strip():
        raise ValidationError(
            f"Realisasi terverifikasi {year} sudah ada ({realisation.display}): tuliskan alasan menggantinya."
        )
    now = timezone.now()
    realisation.number, realisation.level, realisation.is_nil = number, None, False
    realisation.review_state, realisation.source = ReviewState.VERIFIED, source[:300]
    realisation.reported_by = realisation.reviewed_by = user
    realisation.submitted_at = realisation.reviewed_at = now
    realisation.review_note = ""
    realisation._change_reason = reason.strip() or source[:100]
    save_checked(realisation)
    return realisation


TARGET_REASON_REQUIRED = "Realisasi sudah dilaporkan untuk tahun ini: tuliskan alasan perubahan target."


@transaction.atomic
def change_targets(
    *, item: Indicator | PriorityActivity, cells: dict[int, str], reason: str = "", user
) -> int:
    """Rewrite some years' targets as written; once a year has reports, its change needs a reason."""
    levels = item_levels(item)
    key = item_key(item)
    changed = 0
    for year, written in cells.items():
        target = item.targets.select_for_update(of=("self",)).filter(year=year).first()
        if target is None or target.as_written == written:
            continue
        reported = Realisation.objects.filter(**key, year=year).exists()
        if reported and not reason.strip():
            raise ValidationError(TARGET_REASON_REQUIRED)
        try:
            values = target_values(written, levels)
        except ValueError as error:
            raise ValidationError({f"year_{year}": str(error)}) from None
        for name, value in values.items():
            setattr(target, name, value)
        target._change_reason = reason.strip()
        target._history_user = user
        target.full_clean()
        target.save()
        changed += 1
    return changed


@transaction.atomic
def set_data_owner(*, indicator: Indicator, agency: Agency | None) -> int:
    """Who reports a regency-wide indicator besides staff (docs/roles.md); returns 1 when it changed."""
    if indicator.data_owner_id == getattr(agency, "pk", None):
        return 0
    indicator.data_owner = agency
    indicator.save(update_fields=["data_owner"])
    return 1


@transaction.atomic
def save_risk_reviews(*, year: int, entries: list[tuple[Risk, str, str]], user) -> int:
    """The year's status of each obstacle; only what changed is written (and so kept in history)."""
    existing = {
        r.risk_id: r
        for r in RiskReview.objects.select_for_update().filter(year=year, risk__in=[e[0] for e in entries])
    }
    changed = 0
    for risk, status, note in entries:
        review = existing.get(risk.pk) or RiskReview(risk=risk, year=year)
        if review.pk and (review.status, review.note) == (status, note):
            continue
        if not review.pk and status == RiskStatus.NOT_ASSESSED and not note:
            continue  # nothing said about it yet: no row needed
        review.status, review.note, review.updated_by = status, note, user
        review.full_clean()
        review.save()
        changed += 1
    return changed
