"""Findings at scale for benchmarks (``seed_demo --scale N``, see monev.devdata.scale).

Per scale unit, one 2020 finding for every Perangkat Daerah, in every state of the register (a few
overdue), with the steps that brought it there. Their descriptions end with ``MARKER``; ``clear``
removes them.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from followup.models import Finding, FindingSource, FindingState, Step
from roadmap.models import Agency, Role

MARKER = " [skala]"
YEAR = 2020
STATES = [FindingState.OPEN, FindingState.IN_PROGRESS, FindingState.IN_PROGRESS, FindingState.SUBMITTED,
          FindingState.CLOSED, FindingState.CLOSED]  # fmt: skip


def connect() -> None:
    from monev.devdata import scale_seeded

    scale_seeded.connect(seed, dispatch_uid="followup-scale")


def clear() -> None:
    from monev.devdata import without_history

    with without_history():
        Finding.objects.filter(description__endswith=MARKER).delete()
    Finding.history.filter(description__endswith=MARKER).delete()


def seed(sender, scale: int, **kwargs) -> str:
    clear()
    staff = get_user_model().objects.filter(profile__role=Role.STAFF).order_by("pk").first()
    today, now = timezone.localdate(), timezone.now()
    findings = []
    for n, agency in enumerate(Agency.objects.order_by("pk")):
        for copy in range(scale):
            state = STATES[(n + copy) % len(STATES)]
            findings.append(
                Finding(year=YEAR, source=FindingSource.OTHER if copy % 2 else FindingSource.DIRECTION,
                        description=f"Temuan monev {copy + 1} untuk {agency.short_name}{MARKER}",
                        agency=agency, recommendation="Tindak lanjuti sesuai rekomendasi tim monev.",
                        deadline=today + datetime.timedelta(days=(n + copy) % 40 - 10), state=state,
                        issued_by=staff, closed_by=staff if state == FindingState.CLOSED else None,
                        closed_at=now if state == FindingState.CLOSED else None)
            )  # fmt: skip
    findings = bulk_create_with_history(findings, Finding, batch_size=1000, default_user=staff)
    steps = []
    for finding in findings:
        if finding.state != FindingState.OPEN:
            steps.append(Step(finding=finding, text="Rapat koordinasi tindak lanjut.", recorded_by=staff))
        if finding.state in (FindingState.SUBMITTED, FindingState.CLOSED):
            steps.append(
                Step(finding=finding, text="Tindak lanjut selesai.", finished=True, recorded_by=staff)
            )
    bulk_create_with_history(steps, Step, batch_size=1000, default_user=staff)
    return f"{len(findings)} findings with {len(steps)} follow-up steps"
