"""An item's standing for a year: its target, what was reported, the basis of the figure and the achievement.

The bridge between the models and the pure rules of ``monev.achievement`` and ``monev.quarters``
(docs/achievement.md, docs/quarters.md). Items (indicators and priority activities) are expected
with ``targets`` and ``realisations`` prefetched, and with ``scale__levels`` where they have a scale.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from areas.models import ScaleLevel, YearTarget
from monev import achievement
from monev.models import Period, Realisation, ReviewState
from monev.periods import as_of
from monev.quarters import LATEST, SUM, YearBasis, quarter_label, year_basis
from roadmap.notation import NO_TARGET_DISPLAY, format_number, format_target


@dataclass(frozen=True)
class Rules:
    cap: Decimal
    lower_formula: str
    with_notes_meets_level: bool
    rank_overrides: dict[str, dict[str, int]]
    score_ordinals: bool = False  # count a met grade/level as 100 and an unmet one as 0 in averages

    @classmethod
    def from_settings(cls) -> "Rules":
        return cls(
            cap=Decimal(settings.ACHIEVEMENT_CAP),
            lower_formula=settings.ACHIEVEMENT_LOWER_FORMULA,
            with_notes_meets_level=settings.ACHIEVEMENT_WITH_NOTES_MEETS_LEVEL,
            rank_overrides=settings.ACHIEVEMENT_RANK_OVERRIDES,
            score_ordinals=settings.ACHIEVEMENT_SCORE_ORDINALS,
        )


STATE_LABELS = {
    "no_target": "Tanpa target",
    "not_reported": "Belum dilaporkan",
    "unverified": "Menunggu verifikasi",
    "nil": "Nihil",
    "met": "Tercapai",
    "on_track": "Sesuai jadwal",
    "behind": "Tertinggal",
    "not_yet": "Belum tercapai",
    "not_met": "Tidak tercapai",
}
# The states of a year that is over: it either met its target or did not.
CLOSED_STATES = ("met", "not_met")


@dataclass
class YearStatus:
    year: int
    target: YearTarget | None
    number: Decimal | None = None
    level: ScaleLevel | None = None
    nil: bool = False  # reported as nihil: nothing to count, no figure
    figure_basis: YearBasis = field(default_factory=YearBasis)
    reports: list[Realisation] = field(default_factory=list)  # verified reports behind the figure
    drafts: int = 0
    returned: int = 0
    unverified: int = 0  # submitted, awaiting review: shown apart, never mixed into the figure
    provisional: "YearStatus | None" = None  # the figure if the reports awaiting review were verified
    percent: Decimal | None = None  # numeric targets only, rounded as shown
    steps: Decimal | None = None  # grades and levels: full levels above (+) or below (−) the target
    met: bool | None = None
    on_track: bool | None = None  # summed items in an open year: keeping pace with the quarters over
    quarters_over: int = 4
    due_quarter: int | None = None  # compared with the target due by this quarter ("target s.d. TW II")

    @property
    def has_target(self) -> bool:
        return self.target is not None and self.target.is_set

    @property
    def reported(self) -> bool:
        return self.nil or self.number is not None or self.level is not None

    @property
    def ordinal(self) -> bool:
        """A grade, opinion or level target: met or not, never a percentage."""
        return self.target is not None and self.target.level_id is not None and self.target.number is None

    @property
    def year_over(self) -> bool:
        return self.quarters_over == 4

    @property
    def basis(self) -> str:
        return str(self.figure_basis)

    @property
    def incomplete(self) -> bool:
        """The figure stands for part of the year only (marked wherever the figure is shown)."""
        return self.reported and not self.figure_basis.complete

    @property
    def target_display(self) -> str:
        return self.target.display if self.target is not None else NO_TARGET_DISPLAY

    @property
    def due_label(self) -> str:
        """ "target s.d. TW II" where a summed item is compared with the target due by a quarter."""
        compared_with_due = self.due_quarter and self.figure_basis.source == SUM and self.percent is not None
        return f"target s.d. {quarter_label(self.due_quarter)}" if compared_with_due else ""

    @property
    def value_display(self) -> str:
        if self.nil:
            return "nihil"
        return format_target(self.number, self.level.label if self.level else None) if self.reported else "–"

    @property
    def percent_display(self) -> str:
        return "–" if self.percent is None else f"{format_number(self.percent, places=2)} %"

    @property
    def steps_display(self) -> str:
        return achievement.steps_text(self.steps)

    @property
    def achievement_display(self) -> str:
        """What the "Capaian" column says: a percentage for numbers, met or so many steps for levels."""
        if self.percent is not None:
            return self.percent_display
        if self.ordinal and self.met is not None:
            if self.met:
                return "Tercapai" + (f" ({self.steps_display})" if self.steps else "")
            return self.steps_display
        return "–"

    @property
    def category(self) -> achievement.Category | None:
        return achievement.category(self.percent)

    @property
    def bar_width(self) -> int:
        """Progress-bar width in percent of the track (achievement capped at 100)."""
        return int(min(self.percent or 0, 100))

    @property
    def state(self) -> str:
        if not self.has_target:
            return "no_target"
        if not self.reported:
            return "unverified" if self.unverified else "not_reported"
        if self.nil:
            return "nil"
        if self.met:
            return "met"
        if self.year_over:
            return "not_met"
        if self.on_track is not None:
            return "on_track" if self.on_track else "behind"
        return "not_yet"

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


def scale_of(item):
    return getattr(item, "scale", None)


def rungs(scale, rules: Rules) -> tuple[dict[int, achievement.Rung], list[int]]:
    """Each level of a scale as the rules see it (by level id), and the ranks of its full levels."""
    overrides = rules.rank_overrides.get(scale.code, {})
    levels = list(scale.levels.all())
    rank = {level.pk: overrides.get(level.code, level.rank) for level in levels}
    by_id = {
        level.pk: achievement.Rung(
            rank[level.pk], rank.get(level.counts_as_id) if level.counts_as_id else None
        )
        for level in levels
    }
    return by_id, sorted({rung.rank for rung in by_id.values() if rung.qualifies is None})


def level_of_score(scale, score: Decimal) -> ScaleLevel | None:
    bands = [achievement.Band(level, level.min_score, level.max_score) for level in scale.levels.all()]
    return achievement.level_for_score(score, bands, scale.bands_include) if scale.bands_include else None


def aggregation_of(item, reports: list[Realisation]) -> str:
    """Quarters add up only for numbers; a level is always read from the latest report."""
    if item.aggregation == SUM and not any(r.level_id for r in reports):
        return SUM
    return LATEST


def read_figure(status: YearStatus, item, reports: list[Realisation]) -> None:
    """The year's value and its basis from the given reports (docs/quarters.md)."""
    annual = next((r for r in reports if r.period == Period.YEAR), None)
    quarterly = {r.quarter: r for r in reports if r.period != Period.YEAR}
    status.figure_basis = year_basis(quarterly, annual is not None, aggregation_of(item, reports))
    source = status.figure_basis.source
    if source == SUM:
        used = [quarterly[q] for q in status.figure_basis.quarters]
        numbers = [r.number for r in used if r.number is not None]
        status.number = sum(numbers, Decimal(0)) if numbers else None
        status.nil = not numbers
        status.reports = used
    elif source:
        report = annual or quarterly[status.figure_basis.latest]
        status.number, status.level, status.nil = report.number, report.level, report.is_nil
        status.reports = [report]


def compare(status: YearStatus, item, rules: Rules) -> None:
    """Fill in percent, steps, met and pace of a reported, targeted year."""
    target, scale = status.target, scale_of(item)
    met_parts: list[bool | None] = []
    if target.level_id is not None and scale is not None:
        realised = status.level or (
            level_of_score(scale, status.number) if status.number is not None else None
        )
        if realised is not None:
            by_id, full_ranks = rungs(scale, rules)
            comparison = achievement.compare_levels(
                by_id[target.level_id],
                by_id[realised.pk],
                full_ranks,
                rules.with_notes_meets_level,
                target.comparator if target.number is None else "",
            )
            status.steps = comparison.steps
            status.level = status.level or realised
            met_parts.append(comparison.met)
        else:
            met_parts.append(None)
    if target.number is not None and status.number is not None:
        basis_target = target.number
        summed = status.figure_basis.source == SUM
        if summed and status.due_quarter:
            basis_target = achievement.target_due(target.number, status.due_quarter)
        raw = achievement.number_achievement(basis_target, status.number, item.direction, rules.lower_formula)
        status.percent = achievement.round_percent(raw) if raw is not None else None
        met_parts.append(
            achievement.number_met(target.number, status.number, item.direction, target.comparator)
        )
        if summed and not status.year_over:
            status.on_track = achievement.on_pace(
                status.number, target.number, status.quarters_over, item.direction
            )
    elif target.number is not None:
        met_parts.append(None)
    status.met = None if None in met_parts else all(met_parts) if met_parts else None


def evaluate(status: YearStatus, item, reports: list[Realisation], rules: Rules) -> YearStatus:
    read_figure(status, item, reports)
    if status.has_target and status.reported and not status.nil:
        compare(status, item, rules)
    return status


def year_status(
    item,
    year: int,
    rules: Rules | None = None,
    today: datetime.date | None = None,
    up_to_quarter: int | None = None,
    reports: list[Realisation] | None = None,
) -> YearStatus:
    """The year as verified reports show it, with what still awaits review shown apart.

    With ``up_to_quarter``, the year as it stood at that quarter's end: only the reports the
    caller prefetched (or passed as ``reports``) for those periods count, and summed items are
    compared with the target due by then.
    """
    rules = rules or Rules.from_settings()
    reading_day = as_of(year, up_to_quarter, today or timezone.localdate())
    over = achievement.quarters_over(year, reading_day)
    reports = [r for r in (item.realisations.all() if reports is None else reports) if r.year == year]
    verified = [r for r in reports if r.review_state == ReviewState.VERIFIED]
    pending = [r for r in reports if r.review_state == ReviewState.SUBMITTED]

    def fresh() -> YearStatus:
        return YearStatus(
            year=year,
            target=item.targets_by_year.get(year),
            quarters_over=over,
            due_quarter=up_to_quarter if up_to_quarter and over < 4 else None,
        )

    status = evaluate(fresh(), item, verified, rules)
    status.drafts = sum(1 for r in reports if r.review_state == ReviewState.DRAFT)
    status.returned = sum(1 for r in reports if r.review_state == ReviewState.RETURNED)
    status.unverified = len(pending)
    if pending:
        status.provisional = evaluate(fresh(), item, verified + pending, rules)
    return status


def item_years(item) -> list[int]:
    """Years the item has a target cell for, plus any year it was reported for."""
    return sorted(set(item.targets_by_year) | {r.year for r in item.realisations.all()})


@dataclass(frozen=True)
class Average:
    """The mean achievement of numeric items, with grades and levels counted beside it."""

    percent: Decimal | None
    ordinal_met: int
    ordinal_total: int

    @property
    def category(self) -> achievement.Category | None:
        return achievement.category(self.percent)

    @property
    def display(self) -> str:
        return "–" if self.percent is None else f"{format_number(self.percent, places=2)} %"

    @property
    def ordinal_display(self) -> str:
        """ "Predikat/level: 2 dari 3 tercapai" (empty when the group has no graded item reported)."""
        if not self.ordinal_total:
            return ""
        return f"Predikat/level: {self.ordinal_met} dari {self.ordinal_total} tercapai"


def average_of(statuses: Iterable[YearStatus], rules: Rules) -> Average:
    statuses = list(statuses)
    ordinal = [s for s in statuses if s.ordinal and s.has_target and s.met is not None]
    percents = [s.percent for s in statuses if not s.ordinal]
    if rules.score_ordinals:
        percents += [achievement.ordinal_score(s.met) for s in ordinal]
    return Average(
        achievement.average(percents, cap=rules.cap),
        sum(1 for s in ordinal if s.met),
        len(ordinal),
    )
