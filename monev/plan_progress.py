"""Action-plan progress: where a planned action stands, and how much of a set of actions is done.

The one rule every page and workbook uses (docs/action-plan.md). Pure: reports are anything
with ``quarter``, ``review_state``, ``status`` and ``percent`` (a model instance or a
``ProgressFact``); only verified reports count, what awaits review is flagged apart.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple, Protocol

DONE = "done"
VERIFIED = "verified"
SUBMITTED = "submitted"


class ProgressLike(Protocol):
    quarter: int
    review_state: str
    status: str
    percent: int


class ProgressFact(NamedTuple):
    """One lead report as plain values (the dashboard loads thousands of them as tuples)."""

    quarter: int
    review_state: str
    status: str
    percent: int


@dataclass(frozen=True)
class ActionStanding:
    """A planned action as its latest verified report shows it."""

    report: ProgressLike | None = None  # the latest verified report (None: nothing verified yet)
    pending: bool = False  # a report awaits review (not counted)

    @property
    def status(self) -> str | None:
        return self.report.status if self.report is not None else None

    @property
    def percent(self) -> int | None:
        return self.report.percent if self.report is not None else None

    @property
    def quarter(self) -> int | None:
        return self.report.quarter if self.report is not None else None

    @property
    def reported(self) -> bool:
        return self.report is not None

    @property
    def done(self) -> bool:
        return self.status == DONE


def action_standing(reports: Iterable[ProgressLike], quarters: Iterable[int] | None = None) -> ActionStanding:
    """The lead's latest verified report within ``quarters`` (all quarters when None)."""
    within = set(quarters) if quarters is not None else None
    chosen = [r for r in reports if within is None or r.quarter in within]
    verified = [r for r in chosen if r.review_state == VERIFIED]
    pending = any(r.review_state == SUBMITTED for r in chosen)
    return ActionStanding(max(verified, key=lambda r: r.quarter, default=None), pending)


@dataclass
class PlanShare:
    """How many planned actions of a group (a row, an area, an agency, the year) are done."""

    total: int = 0
    done: int = 0
    reported: int = 0
    unverified: int = 0

    @property
    def share(self) -> int | None:
        """Percent of the actions done, rounded; None when the group has no actions."""
        return round(100 * self.done / self.total) if self.total else None

    def add(self, standing: ActionStanding) -> None:
        self.total += 1
        self.done += standing.done
        self.reported += standing.reported
        self.unverified += standing.pending

    def merge(self, other: "PlanShare") -> None:
        self.total += other.total
        self.done += other.done
        self.reported += other.reported
        self.unverified += other.unverified


def plan_share(standings: Iterable[ActionStanding]) -> PlanShare:
    share = PlanShare()
    for standing in standings:
        share.add(standing)
    return share
