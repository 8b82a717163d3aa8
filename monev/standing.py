"""An item's standing for a year: its target, what was reported, and the achievement.

This is the bridge between the models and the pure rules of ``monev.achievement``. Items
(indicators and priority activities) are expected with ``targets`` and ``realisations``
prefetched, and indicators with ``scale__levels`` where they have a scale.
See docs/achievement.md.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from areas.models import ScaleLevel, YearTarget
from monev import achievement
from monev.models import Period, Realisation, ReviewState
from roadmap.notation import NO_TARGET_DISPLAY, format_number, format_target


@dataclass(frozen=True)
class Rules:
    cap: Decimal
    lower_formula: str
    with_notes_meets_level: bool
    rank_overrides: dict[str, dict[str, int]]

    @classmethod
    def from_settings(cls) -> "Rules":
        return cls(
            cap=Decimal(settings.ACHIEVEMENT_CAP),
            lower_formula=settings.ACHIEVEMENT_LOWER_FORMULA,
            with_notes_meets_level=settings.ACHIEVEMENT_WITH_NOTES_MEETS_LEVEL,
            rank_overrides=settings.ACHIEVEMENT_RANK_OVERRIDES,
        )


@dataclass
class YearStatus:
    year: int
    target: YearTarget | None
    number: Decimal | None = None
    level: ScaleLevel | None = None
    basis: str = ""  # how the year's figure was obtained, in Indonesian
    reports: list[Realisation] = field(default_factory=list)  # verified reports behind the figure
    drafts: int = 0
    returned: int = 0
    unverified: int = 0  # submitted, awaiting review: shown apart, never mixed into the figure
    provisional: "YearStatus | None" = None  # the figure if the reports awaiting review were verified
    percent: Decimal | None = None
    steps: int | None = None  # ordinal targets: distinct levels above (+) or below (−)
    met: bool | None = None
    on_track: bool | None = None
    elapsed: Decimal = Decimal(1)

    @property
    def has_target(self) -> bool:
        return self.target is not None and self.target.is_set

    @property
    def reported(self) -> bool:
        return self.number is not None or self.level is not None

    @property
    def target_display(self) -> str:
        return self.target.display if self.target is not None else NO_TARGET_DISPLAY

    @property
    def value_display(self) -> str:
        return format_target(self.number, self.level.label if self.level else None) if self.reported else "–"

    @property
    def percent_display(self) -> str:
        if self.percent is None:
            return "–"
        return f"{format_number(self.percent, places=2)} %"

    @property
    def category(self) -> achievement.Category | None:
        return achievement.category(self.percent)

    @property
    def steps_abs(self) -> int | None:
        return abs(self.steps) if self.steps is not None else None

    @property
    def bar_width(self) -> int:
        """Progress-bar width in percent of the track (achievement capped at 100)."""
        return int(min(self.percent or 0, 100))

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def state(self) -> str:
        """One of: no_target, not_reported, unverified, met, on_track, behind."""
        if not self.has_target:
            return "no_target"
        if not self.reported:
            return "unverified" if self.unverified else "not_reported"
        if self.percent is not None and self.percent >= 100:
            return "met"
        return "on_track" if self.on_track else "behind"


STATE_LABELS = {
    "no_target": "Tanpa target",
    "not_reported": "Belum dilaporkan",
    "unverified": "Menunggu verifikasi",
    "met": "Tercapai",
    "on_track": "Sesuai jadwal",
    "behind": "Tertinggal",
}


def scale_of(item):
    return getattr(item, "scale", None)


def ranks(scale, rules: Rules) -> dict[int, int]:
    """Rank of each level of a scale (by level id), after the configured overrides."""
    overrides = rules.rank_overrides.get(scale.code, {})
    return {level.pk: overrides.get(level.code, level.rank) for level in scale.levels.all()}


def level_of_score(scale, score: Decimal) -> ScaleLevel | None:
    bands = [achievement.Band(level, level.min_score, level.max_score) for level in scale.levels.all()]
    return achievement.level_for_score(score, bands, scale.bands_include) if scale.bands_include else None


def year_figure(
    item, reports: list[Realisation]
) -> tuple[Decimal | None, ScaleLevel | None, str, list[Realisation]]:
    """The year's value from the submitted reports: the annual report, else the quarters."""
    annual = [r for r in reports if r.period == Period.YEAR]
    if annual:
        report = annual[0]
        return report.number, report.level, "laporan tahunan", [report]
    quarters = sorted((r for r in reports if r.period != Period.YEAR), key=lambda r: r.quarter)
    if not quarters:
        return None, None, "", []
    latest = quarters[-1]
    numbers = {r.quarter: r.number for r in quarters if r.number is not None}
    if item.aggregation == achievement.Aggregation.SUM and numbers:
        return achievement.year_value(numbers, "sum"), None, f"jumlah {len(numbers)} triwulan", quarters
    return latest.number, latest.level, f"{latest.get_period_display()} (terakhir)", [latest]


def evaluate(status: YearStatus, item, reports: list[Realisation], rules: Rules) -> YearStatus:
    """Fill in the figure and the achievement of ``status`` from the given reports."""
    status.number, status.level, status.basis, status.reports = year_figure(item, reports)
    if not status.has_target or not status.reported:
        return status
    target, scale = status.target, scale_of(item)
    if target.level_id is not None and scale is not None:
        realised_level = status.level or (
            level_of_score(scale, status.number) if status.number is not None else None
        )
        if realised_level is not None:
            scale_ranks = ranks(scale, rules)
            realised_rank = achievement.effective_rank(
                scale_ranks[realised_level.pk],
                scale_ranks.get(realised_level.counts_as_id),
                rules.with_notes_meets_level,
            )
            comparison = achievement.compare_levels(
                scale_ranks[target.level_id], realised_rank, scale_ranks.values()
            )
            status.percent, status.steps, status.met = comparison.percent, comparison.steps, comparison.met
            status.level = status.level or realised_level
    elif target.number is not None and status.number is not None:
        status.percent = achievement.number_achievement(
            target.number, status.number, item.direction, rules.lower_formula
        )
        status.met = status.percent is not None and status.percent >= 100
    # Keeping pace only means something for numbers still building up over the quarters; a
    # year-end figure or a level either meets its target or does not.
    from_quarters = status.reports and status.reports[0].period != Period.YEAR
    if from_quarters and status.steps is None:
        status.on_track = achievement.on_track(status.percent, status.elapsed)
    else:
        status.on_track = status.met
    return status


def year_status(
    item, year: int, rules: Rules | None = None, today: datetime.date | None = None
) -> YearStatus:
    """The year as verified reports show it, with what still awaits review shown apart."""
    rules = rules or Rules.from_settings()
    today = today or timezone.localdate()
    reports = [r for r in item.realisations.all() if r.year == year]
    verified = [r for r in reports if r.review_state == ReviewState.VERIFIED]
    pending = [r for r in reports if r.review_state == ReviewState.SUBMITTED]

    def fresh() -> YearStatus:
        return YearStatus(
            year=year, target=item.targets_by_year.get(year), elapsed=achievement.elapsed_share(year, today)
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
