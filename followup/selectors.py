"""Counts of findings the register, the dashboard and the year-end report share (one query each)."""

import datetime

from django.db.models import Count, Q, QuerySet

from followup import states


def tally(findings: QuerySet, today: datetime.date) -> dict[str, int]:
    """How many findings, how many verified closed, how many past their deadline."""
    return findings.order_by().aggregate(
        total=Count("pk"),
        closed=Count("pk", filter=Q(state=states.CLOSED)),
        overdue=Count("pk", filter=Q(state__in=states.PENDING, deadline__lt=today)),
    )
