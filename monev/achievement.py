"""Achievement (capaian) rules: plain functions over numbers and ranks, with no models.

Conventions (see docs/achievement.md and docs/scales.md):
- Higher is better: realisation / target × 100.
- Lower is better: the official form (2·target − realisation) / target × 100, or the ratio
  form target / realisation × 100, which is undefined at a realisation of 0 (no figure).
- A zero target is met by any realisation on its good side (100 %), and missed otherwise (0 %).
- Achievement never goes below 0 %; averages cap each item (120 % by default).
- Ordinal scales compare ranks: met at or above the target's rank; steps count distinct ranks,
  so tied levels (TW and TMP) are the same step. An unmet ordinal target scores its share of the
  way up the scale, (position of realisation + 1) / (position of target + 1) × 100.
"""

import datetime
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

HUNDRED = Decimal(100)
ZERO = Decimal(0)


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class LowerFormula(StrEnum):
    OFFICIAL = "official"
    RATIO = "ratio"


class Aggregation(StrEnum):
    SUM = "sum"
    LATEST = "latest"


def number_achievement(
    target: Decimal,
    realised: Decimal,
    direction: str = Direction.HIGHER,
    lower_formula: str = LowerFormula.OFFICIAL,
) -> Decimal | None:
    """Achievement in percent of a numeric target, or None where it is undefined."""
    if direction == Direction.HIGHER:
        if target == 0:
            return HUNDRED if realised >= 0 else ZERO
        return max(realised / target * HUNDRED, ZERO)
    if direction != Direction.LOWER:
        raise ValueError(f"unknown direction {direction!r}")
    if lower_formula == LowerFormula.OFFICIAL:
        if target == 0:
            return HUNDRED if realised <= 0 else ZERO
        return max((2 * target - realised) / target * HUNDRED, ZERO)
    if lower_formula == LowerFormula.RATIO:
        if realised == 0:
            return HUNDRED if target == 0 else None
        return max(target / realised * HUNDRED, ZERO)
    raise ValueError(f"unknown formula for lower-is-better {lower_formula!r}")


def year_value(quarterly: Mapping[int, Decimal], aggregation: str) -> Decimal | None:
    """The year's figure from the quarters reported so far: their sum, or the latest quarter's value."""
    if not quarterly:
        return None
    if aggregation == Aggregation.SUM:
        return sum(quarterly.values(), ZERO)
    if aggregation == Aggregation.LATEST:
        return quarterly[max(quarterly)]
    raise ValueError(f"unknown aggregation {aggregation!r}")


@dataclass(frozen=True)
class LevelComparison:
    met: bool
    steps: int  # distinct ranks above (+) or below (−) the target
    percent: Decimal


def effective_rank(rank: int, counts_as_rank: int | None, with_notes_meets: bool) -> int:
    """A level such as "3 Dengan Catatan" counts as the level it qualifies only when the setting says so."""
    return counts_as_rank if with_notes_meets and counts_as_rank is not None else rank


def compare_levels(target_rank: int, realised_rank: int, scale_ranks: Iterable[int]) -> LevelComparison:
    positions = sorted(set(scale_ranks) | {target_rank, realised_rank})
    target_at, realised_at = positions.index(target_rank), positions.index(realised_rank)
    steps = realised_at - target_at
    if steps >= 0:
        return LevelComparison(met=True, steps=steps, percent=HUNDRED)
    return LevelComparison(
        met=False, steps=steps, percent=Decimal(realised_at + 1) / Decimal(target_at + 1) * HUNDRED
    )


@dataclass(frozen=True)
class Band:
    key: Hashable
    low: Decimal | None
    high: Decimal | None


def level_for_score(score: Decimal, bands: Sequence[Band], include: str) -> Hashable | None:
    """The level whose score band holds ``score``.

    ``include="upper"``: a band is (low, high] and the lowest band also takes its low (SAKIP:
    C is >30 to 50). ``include="lower"``: a band is [low, high) and the highest band also takes
    its high (SPIP: level 3 is 3,00 to below 4,00).
    """
    ordered = sorted((b for b in bands if b.low is not None and b.high is not None), key=lambda b: b.low)
    for n, band in enumerate(ordered):
        first, last = n == 0, n == len(ordered) - 1
        if include == "upper" and (band.low < score or (first and score == band.low)) and score <= band.high:
            return band.key
        if include == "lower" and band.low <= score and (score < band.high or (last and score == band.high)):
            return band.key
    return None


def capped(percent: Decimal, cap: Decimal = Decimal(120)) -> Decimal:
    return min(percent, cap)


def average(percents: Iterable[Decimal | None], cap: Decimal = Decimal(120)) -> Decimal | None:
    """Mean of the items that have a figure, each capped so one over-achiever cannot hide the rest."""
    values = [capped(p, cap) for p in percents if p is not None]
    return sum(values, ZERO) / len(values) if values else None


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    lower_bound: Decimal | None  # None: everything below the other bands
    colour: str


DEFAULT_CATEGORIES: tuple[Category, ...] = (
    Category("very_high", "Sangat tinggi", Decimal(91), "#146c43"),
    Category("high", "Tinggi", Decimal(76), "#4f9a3a"),
    Category("medium", "Sedang", Decimal(66), "#d39e00"),
    Category("low", "Rendah", Decimal(51), "#e8590c"),
    Category("very_low", "Sangat rendah", None, "#b02a37"),
)


def category(percent: Decimal | None, categories: Sequence[Category] = DEFAULT_CATEGORIES) -> Category | None:
    """The five-band category: ≥91 very high, 76–90 high, 66–75 medium, 51–65 low, ≤50 very low."""
    if percent is None:
        return None
    for band in categories:
        if band.lower_bound is None or percent >= band.lower_bound:
            return band
    return categories[-1]


def elapsed_share(year: int, today: datetime.date) -> Decimal:
    """The share of ``year`` that has passed on ``today``: 0 before it starts, 1 once it is over."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if today < start:
        return ZERO
    if today >= end:
        return Decimal(1)
    return Decimal((today - start).days + 1) / Decimal((end - start).days + 1)


def quarter_share(quarter: int) -> Decimal:
    """The share of the year covered once quarter 1–4 is over."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1-4, not {quarter!r}")
    return Decimal(quarter) / 4


def on_track(percent_to_date: Decimal | None, elapsed: Decimal, tolerance: Decimal = ZERO) -> bool | None:
    """Whether what is reported so far keeps pace with the share of the year elapsed (None: not reported)."""
    if percent_to_date is None:
        return None
    return percent_to_date + tolerance >= elapsed * HUNDRED
