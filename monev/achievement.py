"""Achievement (capaian) rules: plain functions over numbers and ranks, with no models.

The rules are written out in docs/achievement.md and docs/scales.md. In short:
- Higher is better: realisation / target × 100. Lower is better: the official form
  (2·target − realisation) / target × 100, or the ratio form target / realisation × 100 (no figure
  at a realisation of 0). A zero target is met by any realisation on its good side.
- A percentage is rounded half up to two decimals, as Excel's ROUND, and its category is read off
  the rounded figure (a displayed 91,00 % is "Sangat tinggi").
- A target with a comparator (``>70``, ``<=45``) is met only when the realisation satisfies it.
- Grades, opinions and levels get no percentage: they are met or not, so many steps away. Tied
  levels (TW and TMP) are one step; "N dengan catatan" sits half a step below N, or on N when the
  setting says notes do not matter, for the target and the realisation alike.
- Averages take numeric items only, each capped (120 % by default).
- Pace within a year is for summed items: the realisation so far against the target pro-rated to
  the quarters that are over.
"""

import datetime
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

HUNDRED = Decimal(100)
ZERO = Decimal(0)
HALF = Decimal("0.5")
CENT = Decimal("0.01")


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class LowerFormula(StrEnum):
    OFFICIAL = "official"
    RATIO = "ratio"


class Aggregation(StrEnum):
    SUM = "sum"
    LATEST = "latest"


class Comparator(StrEnum):
    EXACT = ""  # as the item's direction says: at least (higher) or at most (lower) the target
    GT = ">"
    GTE = ">="
    LT = "<"
    LTE = "<="


def round_percent(value: Decimal) -> Decimal:
    """Half up to two decimals: 61,725 → 61,73 (Excel's ROUND, not the banker's rounding)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def number_achievement(
    target: Decimal,
    realised: Decimal,
    direction: str = Direction.HIGHER,
    lower_formula: str = LowerFormula.OFFICIAL,
) -> Decimal | None:
    """Achievement in percent of a numeric target (unrounded), or None where it is undefined."""
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


def satisfies(difference: Decimal, comparator: str, direction: str = Direction.HIGHER) -> bool:
    """Whether realisation − target = ``difference`` meets a target written with ``comparator``."""
    comparator = Comparator(comparator)
    if comparator == Comparator.EXACT:
        return difference >= 0 if Direction(direction) == Direction.HIGHER else difference <= 0
    return {
        Comparator.GT: difference > 0,
        Comparator.GTE: difference >= 0,
        Comparator.LT: difference < 0,
        Comparator.LTE: difference <= 0,
    }[comparator]


def number_met(
    target: Decimal, realised: Decimal, direction: str = Direction.HIGHER, comparator: str = ""
) -> bool:
    return satisfies(realised - target, comparator, direction)


def year_value(quarterly: dict[int, Decimal], aggregation: str) -> Decimal | None:
    """The year's figure from the quarters reported so far: their sum, or the latest quarter's value."""
    if not quarterly:
        return None
    if aggregation == Aggregation.SUM:
        return sum(quarterly.values(), ZERO)
    if aggregation == Aggregation.LATEST:
        return quarterly[max(quarterly)]
    raise ValueError(f"unknown aggregation {aggregation!r}")


@dataclass(frozen=True)
class Rung:
    """A level as the rules see it: its rank, and for "N dengan catatan" the rank of N."""

    rank: int
    qualifies: int | None = None


@dataclass(frozen=True)
class LevelComparison:
    met: bool
    steps: Decimal  # full levels above (+) or below (−) the target; "dengan catatan" is half a step


def rung_position(rung: Rung, full_ranks: Sequence[int], with_notes_meets: bool) -> Decimal:
    """Where a level stands on the ladder of full levels (tied ranks share a rung)."""
    if rung.qualifies is None:
        return Decimal(full_ranks.index(rung.rank))
    position = Decimal(full_ranks.index(rung.qualifies))
    return position if with_notes_meets else position - HALF


def compare_levels(
    target: Rung,
    realised: Rung,
    ranks: Iterable[int],
    with_notes_meets: bool = False,
    comparator: str = "",
) -> LevelComparison:
    """Met or not, and how many steps from the target; ``ranks`` are the scale's full levels' ranks."""
    full_ranks = sorted(set(ranks) | {r.rank for r in (target, realised) if r.qualifies is None})
    for rung in (target, realised):
        if rung.qualifies is not None and rung.qualifies not in full_ranks:
            full_ranks = sorted({*full_ranks, rung.qualifies})
    steps = rung_position(realised, full_ranks, with_notes_meets) - rung_position(
        target, full_ranks, with_notes_meets
    )
    return LevelComparison(met=satisfies(steps, comparator), steps=steps)


def steps_text(steps: Decimal | None) -> str:
    """ "Tercapai", "1 tingkat di bawah target", "½ tingkat di atas target" (no percentage, ever)."""
    if steps is None:
        return ""
    if steps == 0:
        return "sesuai target"
    size = abs(steps)
    whole = int(size)
    amount = ("½" if whole == 0 else f"{whole}½") if size != whole else str(whole)
    return f"{amount} tingkat {'di atas' if steps > 0 else 'di bawah'} target"


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
    """Mean of the items that have a figure, each capped so one over-achiever cannot hide the rest;
    rounded like every percentage shown."""
    values = [capped(p, cap) for p in percents if p is not None]
    return round_percent(sum(values, ZERO) / len(values)) if values else None


def ordinal_score(met: bool | None) -> Decimal | None:
    """What a grade or level adds to an average where the regency chooses to count them: 100 or 0."""
    return None if met is None else (HUNDRED if met else ZERO)


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    lower_bound: Decimal | None  # None: everything below the other bands
    colour: str


DEFAULT_CATEGORIES: tuple[Category, ...] = (
    Category("very_high", "Sangat tinggi", Decimal(91), "#146c43"),
    Category("high", "Tinggi", Decimal(76), "#3d7a2c"),
    Category("medium", "Sedang", Decimal(66), "#8a6100"),
    Category("low", "Rendah", Decimal(51), "#b34200"),
    Category("very_low", "Sangat rendah", None, "#b02a37"),
)


def category(percent: Decimal | None, categories: Sequence[Category] = DEFAULT_CATEGORIES) -> Category | None:
    """The five-band category of a figure as shown (rounded): ≥91, 76–90, 66–75, 51–65, ≤50."""
    if percent is None:
        return None
    shown = round_percent(percent)
    for band in categories:
        if band.lower_bound is None or shown >= band.lower_bound:
            return band
    return categories[-1]


def quarters_over(year: int, today: datetime.date) -> int:
    """How many quarters of ``year`` have ended by ``today`` (0 before its first quarter ends, 4 after it)."""
    if today < datetime.date(year, 3, 31):
        return 0
    if today >= datetime.date(year, 12, 31):
        return 4
    return sum(1 for month, day in ((3, 31), (6, 30), (9, 30)) if today >= datetime.date(year, month, day))


def quarter_share(quarter: int) -> Decimal:
    """The share of the year covered once quarter 1–4 is over."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1-4, not {quarter!r}")
    return Decimal(quarter) / 4


def target_due(target: Decimal, quarters: int) -> Decimal:
    """A summed item's target pro-rated to the quarters that are over (0 before the first one ends)."""
    return target * Decimal(quarters) / 4


def on_pace(realised: Decimal, target: Decimal, quarters: int, direction: str = Direction.HIGHER) -> bool:
    """Whether a summed item keeps pace: what is done so far against the target due so far."""
    return number_met(target_due(target, quarters), realised, direction)
