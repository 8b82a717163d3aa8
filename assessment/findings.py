"""Weak sub-components of a round, as findings for the follow-up register (issue 18).

``weak_subcomponents(round)`` is the one entry point: every sub-component of every assessment in the
round that earned less than ``round.weak_threshold`` % of its weight (set by staff on the round's
settings page, default 60), weakest first within each assessment. Each ``WeakSpot`` says whose it is
(the assessment: the Pemerintah Kabupaten or an agency), which sub-component (for a change area,
``subcomponent.area`` is the road map's area slug, whose leading agency follows it up, Tabel 5.4), the
score, the share of its weight and the threshold it fell below. The register can turn each into a
finding, keyed by (round, assessment, sub-component) so that running it again finds the same ones.
"""

from dataclasses import dataclass
from decimal import Decimal

from assessment import scoring
from assessment.models import Assessment, Round, SubComponent
from assessment.selectors import RoundResult, round_result


@dataclass(frozen=True)
class WeakSpot:
    assessment: Assessment
    subcomponent: SubComponent
    score: Decimal
    percent: Decimal
    threshold: Decimal


def weak_spots(result: RoundResult) -> list[WeakSpot]:
    """The weak sub-components of an already computed round (the round page uses this)."""
    subs = {sub.code: sub for sub in result.subs}
    threshold = result.round.weak_threshold
    return [
        WeakSpot(r.assessment, subs[sub.code], sub.score, sub.percent, threshold)
        for r in result.results
        for sub in scoring.weak(r.score.subs, threshold)
    ]


def weak_subcomponents(round_: Round) -> list[WeakSpot]:
    """Every weak sub-component of ``round_`` (a handful of queries, whatever the round's size)."""
    return weak_spots(round_result(round_))
