"""The year-end monev report (Tabel 5.4: to the Bupati and the Sekda at the end of each year).

Built on the dashboard's overview of the year: achievements per change area from verified
reports, every item below its target with the obstacles and follow-up its reports give, the
action plan's completion and what is unfinished, the quick wins, and the risks of Tabel 2.1
with the status the Tim Pelaksana gave them for the year.
"""

import datetime
from dataclasses import dataclass, field

from actions.models import ActionPlanRow
from dashboards.overview import ItemLine, Overview, build_overview
from dashboards.selectors import plan_rows
from monev.models import (
    ActionProgress,
    ActionStatus,
    Period,
    ReportSignatory,
    ReviewState,
    RiskReview,
    RiskStatus,
)
from monev.plan_progress import action_standing
from roadmap.models import Risk, RoadmapEdition


@dataclass
class BelowTarget:
    line: ItemLine
    obstacles: list[tuple[str, str]] = field(default_factory=list)  # (period, text) from verified reports
    follow_ups: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class UnfinishedRow:
    row: ActionPlanRow
    actions: list[tuple[str, ActionProgress | None]]  # (planned action, latest verified progress)

    @property
    def status_label(self) -> str:
        labels = [
            ActionStatus(p.status).label + f" ({p.percent}%)" if p else "Belum dilaporkan"
            for _, p in self.actions
        ]
        return "; ".join(dict.fromkeys(labels))

    @property
    def notes(self) -> str:
        return " ".join(p.note for _, p in self.actions if p and p.note)


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
    risks: list[RiskLine]
    signatories: list[ReportSignatory]
    as_of: datetime.date


def verified_texts(item, attribute: str) -> list[tuple[str, str]]:
    reports = [
        r for r in item.realisations.all() if r.review_state == ReviewState.VERIFIED and getattr(r, attribute)
    ]
    order = list(Period.values)
    reports.sort(key=lambda r: order.index(r.period))
    return [(Period(r.period).label, getattr(r, attribute).strip()) for r in reports]


def unfinished_rows(rows: list[ActionPlanRow]) -> list[UnfinishedRow]:
    unfinished = []
    for row in rows:
        actions = [
            (action.text, action_standing(action.progress.all()).report)
            for action in row.planned_actions.all()
        ]
        if actions and not all(p is not None and p.status == ActionStatus.DONE for _, p in actions):
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
    overview = build_overview(edition, year, None, today)
    lines = overview.total.lines
    below = [
        BelowTarget(line, verified_texts(line.item, "obstacles"), verified_texts(line.item, "follow_up"))
        for line in overview.total.below_target
    ]
    return YearEndReport(
        year=year,
        overview=overview,
        below_target=below,
        not_reported=[line for line in lines if line.status.state in ("not_reported", "unverified")],
        unfinished=unfinished_rows(list(plan_rows(edition, year))),
        risks=risk_lines(edition, year),
        signatories=list(ReportSignatory.objects.all()),
        as_of=today,
    )
