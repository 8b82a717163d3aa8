"""Action-plan progress: where a planned action stands, and how far a set of actions has come.

The one rule every page and workbook uses (docs/action-plan.md). Each lead agency (Utama) of a
row reports its own part of each planned action; only verified reports count, what awaits review
is flagged apart. An action is done when every Utama's latest verified report says done; its
percent is the mean of the Utama's verified percents (an Utama with nothing verified counts 0).
A row's, an area's or the year's progress is the mean over their actions, shown with done / total.
Supporting agencies' contributions are shown beside it and never complete an action.

Pure: reports are anything with ``lead_id``, ``quarter``, ``review_state``, ``status`` and
``percent`` (a model instance or a ``ProgressFact``).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple, Protocol

from roadmap.notation import format_number

DONE = "done"
VERIFIED = "verified"
SUBMITTED = "submitted"
HUNDRED = Decimal(100)


class ProgressLike(Protocol):
    lead_id: int | None
    quarter: int
    review_state: str
    status: str
    percent: int


class ProgressFact(NamedTuple):
    """One lead's report as plain values (the dashboard loads thousands of them as tuples)."""

    lead_id: int
    quarter: int
    review_state: str
    status: str
    percent: int


# Completeness: one lead's part of a row in a quarter shows the state of its reports on the row's planned
# actions that needs most attention, an action it has not reported counting as missing.
ATTENTION = ["missing", "returned", "draft", "submitted", "verified"]
MISSING = ATTENTION[0]
RANK = {state: rank for rank, state in enumerate(ATTENTION)}
IN = ("submitted", "verified")  # a cell counted as in for the completeness shares


def row_cell(reported: int, worst: int, actions: int) -> str:
    """The cell of a lead that reported ``reported`` of the row's ``actions`` planned actions of the
    year in a quarter, the most urgent of those reports' states being ``ATTENTION[worst]``."""
    return ATTENTION[worst] if reported == actions else MISSING


def rounded(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def percent_text(value: Decimal | None) -> str:
    """ "62,5 %", "100 %"; "–" where there is nothing to measure."""
    return "–" if value is None else f"{format_number(value)} %"


@dataclass(frozen=True)
class Part:
    """One Utama's part of a planned action: its latest verified report, and whether one awaits review."""

    lead_id: int
    report: ProgressLike | None = None
    pending: bool = False

    @property
    def percent(self) -> int:
        if self.report is None:
            return 0
        return 100 if self.report.status == DONE else self.report.percent

    @property
    def done(self) -> bool:
        return self.report is not None and self.report.status == DONE


@dataclass(frozen=True)
class ActionStanding:
    parts: tuple[Part, ...] = ()

    @property
    def done(self) -> bool:
        return bool(self.parts) and all(part.done for part in self.parts)

    @property
    def percent(self) -> Decimal | None:
        """The mean of the Utama's verified percents; None for an action with no lead agency."""
        if not self.parts:
            return None
        return rounded(Decimal(sum(part.percent for part in self.parts)) / len(self.parts))

    @property
    def percent_display(self) -> str:
        return percent_text(self.percent)

    @property
    def reported(self) -> bool:
        return any(part.report is not None for part in self.parts)

    @property
    def pending(self) -> bool:
        return any(part.pending for part in self.parts)

    @property
    def quarter(self) -> int | None:
        """The latest quarter a verified report of any Utama is for."""
        return max((part.report.quarter for part in self.parts if part.report), default=None)

    @property
    def reports(self) -> list[ProgressLike]:
        return [part.report for part in self.parts if part.report is not None]


def action_standing(
    reports: Iterable[ProgressLike], leads: Sequence[int], quarters: Iterable[int] | None = None
) -> ActionStanding:
    """Each Utama's part of one planned action, from its lead reports within ``quarters`` (all: None).

    ``leads`` are the row's lead agencies' ids; a report of an agency no longer among them is ignored.
    """
    within = set(quarters) if quarters is not None else None
    chosen = [r for r in reports if r.lead_id is not None and (within is None or r.quarter in within)]
    parts = []
    for lead in leads:
        own = [r for r in chosen if r.lead_id == lead]
        verified = [r for r in own if r.review_state == VERIFIED]
        parts.append(
            Part(
                lead,
                max(verified, key=lambda r: r.quarter, default=None),
                any(r.review_state == SUBMITTED for r in own),
            )
        )
    return ActionStanding(tuple(parts))


@dataclass
class PlanShare:
    """How far a group of planned actions (a row, an area, an agency, the year) has come."""

    total: int = 0  # planned actions
    done: int = 0
    reported: int = 0
    unverified: int = 0
    percent_sum: Decimal = Decimal(0)

    @property
    def percent(self) -> Decimal | None:
        """The mean progress of the group's actions; None when the group has no actions."""
        return rounded(self.percent_sum / self.total) if self.total else None

    @property
    def percent_display(self) -> str:
        return percent_text(self.percent)

    @property
    def bar_width(self) -> int:
        return int(self.percent or 0)

    def add(self, standing: ActionStanding) -> None:
        self.total += 1
        self.done += standing.done
        self.reported += standing.reported
        self.unverified += standing.pending
        self.percent_sum += standing.percent or 0

    def merge(self, other: "PlanShare") -> None:
        self.total += other.total
        self.done += other.done
        self.reported += other.reported
        self.unverified += other.unverified
        self.percent_sum += other.percent_sum


def plan_share(standings: Iterable[ActionStanding]) -> PlanShare:
    share = PlanShare()
    for standing in standings:
        share.add(standing)
    return share
