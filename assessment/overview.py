"""What the round page, its printable summary and its workbook show: one table row per assessment,
the chart's data, the comparison with the previous year (shared by pages and workbook)."""

from dataclasses import dataclass
from decimal import Decimal

from assessment.access import may_see
from assessment.findings import WeakSpot, weak_spots
from assessment.models import Component, Round
from assessment.offers import indicators_by_ref
from assessment.selectors import AssessmentResult, RoundResult, previous_round, round_result, structure
from monev.achievement import round_percent
from monev.standing import year_status
from roadmap.notation import format_number

# One colour per change area (and one for the Hasil), distinguishable in print; text says the same.
PALETTE = ["#146c43", "#0d6efd", "#6f42c1", "#d63384", "#b34200", "#8a6100", "#0aa2c0", "#495057", "#adb5bd"]


def shown(value: Decimal | None) -> str:
    return "–" if value is None else format_number(round_percent(value), places=2)


@dataclass
class Row:
    result: AssessmentResult
    cells: list[Decimal | None]  # the first component's sub-components, then the other components
    previous: Decimal | None
    may_open: bool

    @property
    def assessment(self):
        return self.result.assessment

    @property
    def change(self) -> Decimal | None:
        if self.previous is None:
            return None
        return round_percent(self.result.total) - round_percent(self.previous)


@dataclass
class Column:
    label: str
    title: str
    weight: Decimal


def columns(components: list[Component]) -> list[Column]:
    """The Pengungkit's areas one by one, then each further component (the Hasil) as a whole."""
    if not components:
        return []
    first, *others = components
    return [Column(s.label, s.name, s.weight) for s in first.subcomponents.all()] + [
        Column(c.label, c.name, c.weight) for c in others
    ]


def cells(result: AssessmentResult) -> list[Decimal | None]:
    """Each column's score, None where no answer of it counts yet (shown "–", not 0)."""
    first, *others = result.score.components
    return [s.score if s.answered else None for s in first.subs] + [
        c.score if any(s.answered for s in c.subs) else None for c in others
    ]


@dataclass
class RoundPage:
    result: RoundResult
    columns: list[Column]
    rows: list[Row]
    previous: Round | None
    previous_index: Decimal | None
    previous_source: str
    weak: list[WeakSpot]

    @property
    def round(self) -> Round:
        return self.result.round

    @property
    def index_change(self) -> Decimal | None:
        if self.previous_index is None or self.result.index is None:
            return None
        return round_percent(self.result.index) - round_percent(self.previous_index)

    def chart(self) -> dict:
        """Stacked bars, one per assessment, one segment per column (json_script on the page)."""
        return {
            "labels": [row.assessment.short_name for row in self.rows],
            "series": [
                {
                    "label": column.label,
                    "colour": PALETTE[n % len(PALETTE)],
                    "values": [float(round_percent(row.cells[n] or Decimal(0))) for row in self.rows],
                }
                for n, column in enumerate(self.columns)
            ],
        }


def roadmap_index(year: int) -> tuple[Decimal | None, str]:
    """The road map's verified Indeks RB of ``year`` (for a year before the application's rounds)."""
    indicator = indicators_by_ref({"indeks-rb"}).get("indeks-rb")
    if indicator is None:
        return None, ""
    status = year_status(indicator, year)
    if status.number is None:
        return None, ""
    return status.number, f"realisasi terverifikasi road map {year}"


def round_page(round_: Round, profile, questions: bool = False) -> RoundPage:
    """``questions``: the model's questions too, in ``result.components`` (the workbook lists them)."""
    result = round_result(round_, structure(round_.model, questions=questions))
    previous = previous_round(round_)
    earlier = round_result(previous) if previous is not None and previous.year == round_.year - 1 else None
    before = {r.assessment.agency_id: r.total for r in earlier.results} if earlier else {}
    rows = [
        Row(r, cells(r), before.get(r.assessment.agency_id), may_see(profile, r.assessment))
        for r in result.results
    ]
    if earlier is not None:
        previous_index, source = earlier.index, f"PMPRB {earlier.round.year}"
    else:
        previous_index, source = roadmap_index(round_.year - 1)
    return RoundPage(
        result,
        columns(result.components),
        rows,
        earlier.round if earlier else None,
        previous_index,
        source,
        weak_spots(result),
    )
