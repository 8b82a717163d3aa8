"""What a finding's page shows: its steps with evidence, its history, and the forms the user may use."""

from django.utils import timezone

from followup import states
from followup.access import may_answer
from followup.forms import StepForm, VerdictForm
from followup.models import Finding, FindingState
from roadmap.access import profile_of

HISTORY_LABELS = {"+": "Diterbitkan", "~": "Diubah", "-": "Dihapus"}


def name_of(user) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else "sistem"


def history_lines(finding: Finding) -> list[dict]:
    """Each recorded change: when, who, and the state it left (or what else changed)."""
    records = list(finding.history.select_related("history_user").order_by("history_date", "history_id"))
    lines, previous = [], None
    for record in records:
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            changes = [
                Finding._meta.get_field(c.field).verbose_name for c in delta.changes if c.field != "closed_by"
            ]
        lines.append(
            {
                "when": record.history_date,
                "who": name_of(record.history_user),
                "what": HISTORY_LABELS.get(record.history_type, ""),
                "state": states.LABELS.get(record.state, record.state),
                "changes": changes,
                # The note staff returned it with, where this change is a return.
                "note": record.return_note if previous and record.return_note != previous.return_note else "",
            }
        )
        previous = record
    return lines


def detail_context(request, finding: Finding, *, step_form=None, verdict_form=None) -> dict:
    profile = profile_of(request.user)
    today = timezone.localdate()
    answering = may_answer(profile, finding) and finding.state in states.PENDING
    verifying = profile is not None and profile.is_staff_member and finding.state == FindingState.SUBMITTED
    shown = finding.shown_state(today)
    return {
        "finding": finding,
        "shown_state": shown,
        "state_label": states.LABELS[shown],
        "state_badge": states.BADGES[shown],
        "days_left": states.days_left(finding.deadline, today),
        "days_over": -states.days_left(finding.deadline, today),
        "steps": finding.steps.select_related("recorded_by").prefetch_related("evidence"),
        "history": history_lines(finding),
        "step_form": (step_form or StepForm()) if answering else None,
        "verdict_form": (verdict_form or VerdictForm()) if verifying else None,
    }
