"""The year-end monev report (Tabel 5.4: to the Bupati and the Sekda at the end of each year).

Built on the dashboard's overview of the year: achievements per change area from verified
reports, every item below its target with the obstacles and follow-up its reports give, the
action plan's completion and what is unfinished, the quick wins, and the risks of Tabel 2.1
with the status the Tim Pelaksana gave them for the year, and the follow-up of the year before's findings.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q

from dashboards.overview import ItemLine, Overview, build_overview
from dashboards.selectors import PlanRow, plan_rows
from followup import states
from followup.selectors import FindingLine, report_lines
from monev.action_reports import contribution_lines, part_lines, standing_of
from monev.models import (
    Period,
    Realisation,
    ReportSignatory,
    ReviewState,
    RiskReview,
    RiskStatus,
)
from monev.plan_progress import ActionStanding
from roadmap.models import Risk, RoadmapEdition


@dataclass
class BelowTarget:
    line: ItemLine
    obstacles: list[tuple[str, str]] = field(default_factory=list)  # (period, text) from verified reports
    follow_ups: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class UnfinishedAction:
    """A planned action of the year that is not done, with each Utama's part and the supporters' contributions."""

    text: str
    standing: ActionStanding
    parts: list[str]
    contributions: list[str]
    notes: list[str]


@dataclass
class UnfinishedRow:
    row: PlanRow
    actions: list[UnfinishedAction]


@dataclass
class RiskLine:
    risk: Risk
    review: RiskReview

    @property
    def status_label(self) -> str:
        return RiskStatus(self.review.status).label


@dataclass
class YearEndReport:
    year: int
    overview: Overview
    below_target: list[BelowTarget]
    not_reported: list[ItemLine]
    unfinished: list[UnfinishedRow]

    @property
    def unfinished_count(self) -> int:
        return sum(len(entry.actions) for entry in self.unfinished)

    risks: list[RiskLine]
    signatories: list[ReportSignatory]
    as_of: datetime.date
    # Tindak lanjut hasil monev tahun sebelumnya: the findings of the year before, each with its state.
    followups: list[FindingLine] = field(default_factory=list)

    @property
    def followup_counts(self) -> dict[str, int]:
        return {
            "closed": sum(1 for line in self.followups if line.state == states.CLOSED),
            "overdue": sum(1 for line in self.followups if line.state == states.OVERDUE),
        }


def verified_texts(reports: list[Realisation], attribute: str) -> list[tuple[str, str]]:
    reports = [r for r in reports if getattr(r, attribute)]
    order = list(Period.values)
    reports.sort(key=lambda r: order.index(r.period))
    return [(Period(r.period).label, getattr(r, attribute).strip()) for r in reports]


def verified_reports(year: int, lines: list[ItemLine]) -> dict[tuple[str, int], list[Realisation]]:
    """The year's verified reports of these lines' items, by item (one query)."""
    ids = {kind: [line.key[1] for line in lines if line.kind == kind] for kind in ("indicator", "activity")}
    found: dict[tuple[str, int], list[Realisation]] = {line.key: [] for line in lines}
    if lines:
        reports = Realisation.objects.filter(year=year, review_state=ReviewState.VERIFIED).filter(
            Q(indicator__in=ids["indicator"]) | Q(activity__in=ids["activity"])
        )
        for report in reports:
            key = (
                ("indicator", report.indicator_id)
                if report.indicator_id
                else ("activity", report.activity_id)
            )
            found[key].append(report)
    return found


def unfinished_rows(rows: list[PlanRow]) -> list[UnfinishedRow]:
    """The year's planned actions not done, grouped by row (the unit counted is the planned action)."""
    unfinished = []
    for row in rows:
        actions = []
        for action in row.action_records:
            standing = standing_of(action, row)
            if not standing.done:
                notes = [r.note for r in standing.reports if r.note] + [
                    r.obstacles for r in standing.reports if r.obstacles
                ]
                actions.append(
                    UnfinishedAction(
                        action.text, standing, part_lines(standing, row), contribution_lines(action), notes
                    )
                )
        if actions:
            unfinished.append(UnfinishedRow(row, actions))
    return unfinished


def risk_lines(edition: RoadmapEdition, year: int) -> list[RiskLine]:
    reviews = {
        review.risk_id: review for review in RiskReview.objects.filter(risk__edition=edition, year=year)
    }
    return [
        RiskLine(risk, reviews.get(risk.pk) or RiskReview(risk=risk, year=year))
        for risk in edition.risks.prefetch_related("solutions")
    ]


def build_report(edition: RoadmapEdition, year: int, today: datetime.date) -> YearEndReport:
    overview = build_overview(edition, year, None, today, detailed=True, completeness=False)
    lines, below_target = overview.total.lines, overview.total.below_target
    reports = verified_reports(year, below_target)
    below = [
        BelowTarget(
            line,
            verified_texts(reports[line.key], "obstacles"),
            verified_texts(reports[line.key], "follow_up"),
        )
        for line in below_target
    ]
    return YearEndReport(
        year=year,
        overview=overview,
        below_target=below,
        not_reported=[line for line in lines if line.status.state in ("not_reported", "unverified")],
        unfinished=unfinished_rows(plan_rows(edition, year)),
        risks=risk_lines(edition, year),
        signatories=list(ReportSignatory.objects.all()),
        as_of=today,
        followups=report_lines(year - 1, today),
    )
