"""A finding's state as people read it: overdue is computed from the deadline, never stored (it would go stale).

Pure; table-tested in tests/test_followup_rules.py.
"""

import datetime

OPEN = "open"
IN_PROGRESS = "in_progress"
SUBMITTED = "submitted"
CLOSED = "closed"
OVERDUE = "overdue"  # shown, never stored

LABELS = {
    OPEN: "Terbuka",
    IN_PROGRESS: "Dalam proses",
    SUBMITTED: "Menunggu verifikasi",
    CLOSED: "Selesai (terverifikasi)",
    OVERDUE: "Melewati batas waktu",
}
BADGES = {
    OPEN: "text-bg-secondary",
    IN_PROGRESS: "text-bg-info",
    SUBMITTED: "text-bg-primary",
    CLOSED: "text-bg-success",
    OVERDUE: "text-bg-danger",
}
# The agency still owes work: these run late once the deadline has passed. A finding the agency
# reported done waits on staff, not on the agency, and is not overdue.
PENDING = (OPEN, IN_PROGRESS)


def is_overdue(state: str, deadline: datetime.date, today: datetime.date) -> bool:
    return state in PENDING and deadline < today


def shown_state(state: str, deadline: datetime.date, today: datetime.date) -> str:
    return OVERDUE if is_overdue(state, deadline, today) else state


def days_left(deadline: datetime.date, today: datetime.date) -> int:
    return (deadline - today).days
