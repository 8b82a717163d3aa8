"""What the register, the dashboard and the year-end report read of findings (one query each)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from followup import states
from followup.models import Finding


def tally(findings: QuerySet, today: datetime.date) -> dict[str, int]:
    """How many findings, how many verified closed, how many past their deadline."""
    return findings.order_by().aggregate(
        total=Count("pk"),
        closed=Count("pk", filter=Q(state=states.CLOSED)),
        overdue=Count("pk", filter=Q(state__in=states.PENDING, deadline__lt=today)),
    )


def year_tally(profile, year: int, today: datetime.date) -> dict[str, int]:
    """The follow-up of ``year``'s results as the user may see it (an agency: its own findings only)."""
    from followup.access import visible_findings

    return {**tally(visible_findings(profile).filter(year=year), today), "year": year}


@dataclass(frozen=True)
class FindingLine:
    """A finding as the year-end report lists it, with the state it shows on the day of the report."""

    finding: Finding
    state: str

    @property
    def state_label(self) -> str:
        return states.LABELS[self.state]


def report_lines(year: int, today: datetime.date) -> list[FindingLine]:
    """Every finding of ``year``'s results (the regency's report names every agency's, as it does its items)."""
    findings = (
        Finding.objects.filter(year=year)
        .select_related("agency", "area")
        .order_by("source", "agency__name", "pk")
    )
    return [FindingLine(f, f.shown_state(today)) for f in findings]
