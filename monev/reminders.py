"""Reminder e-mails: a window opening, a window closing soon with items missing, a report returned.

Each reminder is recorded in ``SentReminder`` under a key naming the event (the window's
opening, its closing date, the return), so running the command every day never sends the
same reminder twice; a window reopened later, or a new closing date, is a new event.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from monev.models import ActionProgress, Realisation, ReportingWindow, ReviewState, SentReminder
from monev.task_sources import REMINDER_SOURCES
from monev.todo import SUBMITTED_STATES, missing_reports
from roadmap.dates import format_date
from roadmap.models import Role, UserProfile


@dataclass
class Outcome:
    sent: int = 0
    skipped: int = 0


def agency_admins():
    return (
        UserProfile.objects.filter(role=Role.AGENCY_ADMIN, user__is_active=True)
        .exclude(user__email="")
        .select_related("user", "agency")
    )


def opening_key(window: ReportingWindow) -> str:
    """The event of the window's current opening: the history record where it last became open."""
    opening = None
    for record in window.history.order_by("-history_date", "-history_id"):
        if not record.is_open:
            break
        opening = record
    return f"{window.pk}:{opening.history_id if opening else 0}"


def deliver(
    *, kind: str, key: str, user, subject: str, template: str, context: dict, outcome: Outcome
) -> None:
    """Send one reminder unless it was sent before; the record and the e-mail stand or fall together."""
    try:
        with transaction.atomic():
            SentReminder.objects.create(kind=kind, key=key, user=user)
            body = render_to_string(template, {**context, "user": user, "site_url": settings.SITE_URL})
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except IntegrityError:
        outcome.skipped += 1
    else:
        outcome.sent += 1


def remind_opened(outcome: Outcome) -> None:
    for window in ReportingWindow.objects.open():
        key = opening_key(window)
        for profile in agency_admins():
            missing = [
                m for m in missing_reports(profile, done_states=SUBMITTED_STATES) if m.window.pk == window.pk
            ]
            if not missing:
                continue
            deliver(
                kind=SentReminder.Kind.WINDOW_OPENED,
                key=key,
                user=profile.user,
                subject=f"[Monev RB] Jendela pelaporan {window.label} {window.year} dibuka",
                template="monev/email/window_opened.txt",
                context={"window": window, "missing": missing, "agency": profile.agency},
                outcome=outcome,
            )


def remind_closing(outcome: Outcome, today: datetime.date, days: int) -> None:
    for window in ReportingWindow.objects.open().exclude(closes_on=None):
        left = (window.closes_on - today).days
        if not 0 <= left <= days:
            continue
        for profile in agency_admins():
            missing = [
                m for m in missing_reports(profile, done_states=SUBMITTED_STATES) if m.window.pk == window.pk
            ]
            if not missing:
                continue
            deliver(
                kind=SentReminder.Kind.WINDOW_CLOSING,
                key=f"{window.pk}:{window.closes_on.isoformat()}",
                user=profile.user,
                subject=f"[Monev RB] {len(missing)} item belum dilaporkan, jendela {window.label} {window.year} "
                f"ditutup {format_date(window.closes_on)}",
                template="monev/email/window_closing.txt",
                context={"window": window, "missing": missing, "agency": profile.agency, "days_left": left},
                outcome=outcome,
            )


def returned_reports():
    realisations = Realisation.objects.filter(review_state=ReviewState.RETURNED).select_related(
        "indicator__data_owner",
        "activity__agency",
        "plan_indicator__plan__agency",
        "reported_by",
        "reviewed_by",
    )
    progress = ActionProgress.objects.filter(review_state=ReviewState.RETURNED).select_related(
        "planned_action__row", "lead", "contributor", "reported_by", "reviewed_by"
    )
    return list(realisations) + list(progress)


def recipients_of(report) -> set:
    """Whoever wrote the report, and the admins of the agency it belongs to."""
    users = {report.reported_by} if report.reported_by and report.reported_by.email else set()
    if isinstance(report, Realisation):
        if report.plan_indicator_id:
            owner = report.plan_indicator.plan.agency
        elif report.activity_id:
            owner = report.activity.agency
        else:
            owner = report.indicator.data_owner
        agencies = [owner] if owner is not None else []
    else:
        agencies = [report.lead or report.contributor]
    admins = (
        get_user_model()
        .objects.filter(profile__role=Role.AGENCY_ADMIN, profile__agency__in=agencies, is_active=True)
        .exclude(email="")
    )
    return {user for user in users | set(admins) if user.is_active}


def remind_returned(outcome: Outcome) -> None:
    for report in returned_reports():
        kind = "realisation" if isinstance(report, Realisation) else "progress"
        stamp = report.reviewed_at.isoformat() if report.reviewed_at else "0"
        for user in recipients_of(report):
            deliver(
                kind=SentReminder.Kind.REPORT_RETURNED,
                key=f"{kind}:{report.pk}:{stamp}",
                user=user,
                subject="[Monev RB] Laporan dikembalikan untuk diperbaiki",
                template="monev/email/report_returned.txt",
                context={"report": report, "is_progress": kind == "progress"},
                outcome=outcome,
            )


def send_reminders(*, today: datetime.date, days_before_close: int) -> Outcome:
    outcome = Outcome()
    remind_opened(outcome)
    remind_closing(outcome, today, days_before_close)
    remind_returned(outcome)
    for source in REMINDER_SOURCES:  # apps above monev (monev/task_sources.py)
        source(deliver=deliver, today=today, outcome=outcome)
    return outcome
