"""The follow-up register's entries in Tugas saya and in the reminder e-mails (registered with monev,
which lists them without importing this app: monev/task_sources.py)."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from followup import states
from followup.models import Finding, FindingState
from monev.models import SentReminder
from monev.task_sources import OtherTask, register_reminders, register_tasks
from roadmap.dates import format_date
from roadmap.models import Role, UserProfile

GROUP = "Tindak lanjut hasil monev"


def deadline_text(finding: Finding, today) -> str:
    left = states.days_left(finding.deadline, today)
    if left < 0:
        return f"melewati batas waktu {format_date(finding.deadline)} ({-left} hari)"
    return (
        f"batas waktu {format_date(finding.deadline)} ({left} hari lagi)" if left else "batas waktu hari ini"
    )


def finding_tasks(user, profile) -> list[OtherTask]:
    """Staff: the follow-ups reported done, to verify. An agency: its findings still to follow up."""
    today = timezone.localdate()
    if profile.is_staff_member:
        waiting = Finding.objects.filter(state=FindingState.SUBMITTED).select_related("agency")
        return [
            OtherTask(
                GROUP,
                f.description[:120],
                f"{f.agency.short_name}: menunggu verifikasi",
                f.get_absolute_url(),
            )
            for f in waiting
        ]
    if profile.role != Role.AGENCY_ADMIN or not profile.agency_id:
        return []
    tasks = []
    for f in Finding.objects.filter(agency_id=profile.agency_id, state__in=states.PENDING).order_by(
        "deadline"
    ):
        detail = deadline_text(f, today)
        if f.return_note and f.state == FindingState.IN_PROGRESS:
            detail = f"dikembalikan: {f.return_note[:80]} · {detail}"
        urgent = f.is_overdue(today) or bool(f.return_note)
        tasks.append(OtherTask(GROUP, f.description[:120], detail, f.get_absolute_url(), urgent))
    return tasks


def admins_of(agency_id: int) -> list:
    return [
        p.user
        for p in UserProfile.objects.filter(role=Role.AGENCY_ADMIN, agency_id=agency_id, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
    ]


def remind_deadlines(*, deliver, today, outcome) -> None:
    """Before the deadline (within FOLLOWUP_REMIND_DAYS_BEFORE days) and once it has passed, each once
    per deadline: a deadline staff move is a new event."""
    days = settings.FOLLOWUP_REMIND_DAYS_BEFORE
    for finding in Finding.objects.filter(state__in=states.PENDING).select_related("agency"):
        left = states.days_left(finding.deadline, today)
        if left < 0:
            kind, template = SentReminder.Kind.DEADLINE_PASSED, "followup/email/deadline_passed.txt"
            subject = f"[Monev RB] Tindak lanjut melewati batas waktu {format_date(finding.deadline)}"
        elif left <= days:
            kind, template = SentReminder.Kind.DEADLINE_NEAR, "followup/email/deadline_near.txt"
            subject = f"[Monev RB] Batas waktu tindak lanjut {format_date(finding.deadline)}"
        else:
            continue
        for user in admins_of(finding.agency_id):
            deliver(
                kind=kind,
                key=f"finding:{finding.pk}:{finding.deadline.isoformat()}",
                user=user,
                subject=subject,
                template=template,
                context={
                    "finding": finding,
                    "days_left": left,
                    "days_over": -left,
                    "url": reverse("followup:finding-detail", args=[finding.pk]),
                },
                outcome=outcome,
            )


def connect() -> None:
    register_tasks(finding_tasks)
    register_reminders(remind_deadlines)
