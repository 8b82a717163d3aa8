"""Which results of a year become candidate findings, and who is proposed to follow each up (Tabel 5.4).

Pure: the caller (``followup.sources``) turns the year's standings, action-plan progress, weak PMPRB
sub-components and risks into the plain values below; ``candidates`` decides. Table-tested in
tests/test_followup_rules.py.

- An item (indicator or priority activity) whose closed year is *Tidak tercapai*. Proposed owner: its
  data owner (indicator) or Pengampu (activity); failing that, the agency leading its change area.
  Likewise an item with no report at all (*Belum dilaporkan*) once its year is over: nothing reported is
  nothing to judge, which is a result to follow up too. Reports still awaiting verification are not.
- A row of the action plan with planned actions of the year not done: one finding per lead agency
  (Utama) whose part is unfinished, proposed to that agency.
- A weak sub-component of the year's PMPRB: proposed to the assessed agency; for the Pemerintah
  Kabupaten's own assessment, to the agency leading the matching change area.
- A risk of Tabel 2.1 the Tim Pelaksana judged still present (or easing) that year: no owner proposed,
  staff choose one.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal


class Source:
    NOT_MET = "not_met"
    UNREPORTED = "unreported"
    PLAN = "plan"
    PMPRB = "pmprb"
    DIRECTION = "direction"
    RISK = "risk"
    OTHER = "other"


SOURCE_LABELS = {
    Source.NOT_MET: "Item tidak tercapai",
    Source.UNREPORTED: "Item tidak dilaporkan",
    Source.PLAN: "Rencana aksi belum selesai",
    Source.PMPRB: "Sub-komponen PMPRB lemah",
    Source.DIRECTION: "Arahan Tim Pengarah",
    Source.RISK: "Hambatan (Tabel 2.1)",
    Source.OTHER: "Lainnya",
}

# Why an agency is proposed: shown beside the proposal so staff can judge it.
BY_OWNER = "pemilik data / pengampu item"
BY_AREA = "pengampu area perubahan"
BY_LEAD = "perangkat daerah utama"
BY_ASSESSED = "perangkat daerah yang dinilai"
NOBODY = "belum diusulkan: pilih perangkat daerah"

RISK_OPEN = ("persists", "easing")


@dataclass(frozen=True)
class ItemResult:
    kind: str  # "indicator" | "activity"
    pk: int
    name: str
    area_id: int | None
    state: str  # monev.standing state of the year
    target: str
    value: str
    owner_id: int | None  # the indicator's data owner, the activity's Pengampu
    area_lead_id: int | None
    year_over: bool = True  # the year has ended (on the day the candidates are generated)


@dataclass(frozen=True)
class RowResult:
    pk: int
    name: str
    area_id: int
    unfinished: dict[int | None, tuple[str, ...]]  # lead agency id (None: no lead) -> actions not done


@dataclass(frozen=True)
class WeakResult:
    assessment_pk: int
    subcomponent_pk: int
    name: str
    agency_id: int | None  # None: the Pemerintah Kabupaten's own assessment
    area_id: int | None
    area_lead_id: int | None
    percent: Decimal
    threshold: Decimal


@dataclass(frozen=True)
class RiskResult:
    pk: int
    number: int
    obstacle: str
    status: str
    solutions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    source: str
    key: str  # the same result gives the same key every time it is generated
    description: str
    recommendation: str
    agency_id: int | None
    basis: str  # why this agency is proposed
    links: dict = field(default_factory=dict)  # indicator / activity / row / risk / area / assessment ids

    @property
    def source_label(self) -> str:
        return SOURCE_LABELS[self.source]


def propose(*choices: tuple[int | None, str]) -> tuple[int | None, str]:
    return next(((pk, why) for pk, why in choices if pk is not None), (None, NOBODY))


def item_candidates(items: Iterable[ItemResult], year: int) -> list[Candidate]:
    """An item not met, or with nothing reported (not even awaiting verification) once the year is over."""
    found = []
    for item in items:
        if item.state == "not_met":
            source = Source.NOT_MET
            description = f"target {year} {item.target}, realisasi {item.value} (tidak tercapai)."
            recommendation = "Analisis penyebab tidak tercapainya target dan susun langkah perbaikan."
        elif item.state == "not_reported" and item.year_over:
            source = Source.UNREPORTED
            description = f"target {year} {item.target}, realisasinya tidak dilaporkan."
            recommendation = (
                f"Laporkan realisasi {year} beserta bukti dukungnya, atau jelaskan mengapa tidak dapat "
                "diukur, dan pastikan laporan tahun berjalan masuk tepat waktu."
            )
        else:
            continue
        agency, basis = propose((item.owner_id, BY_OWNER), (item.area_lead_id, BY_AREA))
        found.append(
            Candidate(
                source,
                f"{item.kind}:{item.pk}",
                f"{item.name.rstrip('.')}: {description}",
                recommendation,
                agency,
                basis,
                {item.kind: item.pk, "area": item.area_id},
            )
        )
    return found


def row_candidates(rows: Iterable[RowResult], year: int) -> list[Candidate]:
    found = []
    for row in rows:
        for lead, actions in row.unfinished.items():
            if not actions:
                continue
            agency, basis = propose((lead, BY_LEAD))
            listed = "; ".join(actions)
            found.append(
                Candidate(
                    Source.PLAN,
                    f"row:{row.pk}:{lead or '-'}",
                    f"{row.name}: {len(actions)} rencana aksi {year} belum selesai ({listed}).",
                    "Selesaikan rencana aksi yang tertunda atau tetapkan jadwal penyelesaiannya.",
                    agency,
                    basis,
                    {"row": row.pk, "area": row.area_id},
                )
            )
    return found


def weak_candidates(spots: Iterable[WeakResult], year: int) -> list[Candidate]:
    found = []
    for spot in spots:
        agency, basis = (
            (spot.agency_id, BY_ASSESSED)
            if spot.agency_id is not None
            else propose((spot.area_lead_id, BY_AREA))
        )
        whose = "Pemerintah Kabupaten" if spot.agency_id is None else "penilaian perangkat daerah"
        found.append(
            Candidate(
                Source.PMPRB,
                f"pmprb:{spot.assessment_pk}:{spot.subcomponent_pk}",
                f"PMPRB {year} ({whose}): {spot.name} memperoleh {spot.percent} % dari bobotnya, "
                f"di bawah {spot.threshold} %.",
                "Perbaiki pemenuhan kriteria sub-komponen ini beserta bukti dukungnya.",
                agency,
                basis,
                {"assessment": spot.assessment_pk, "area": spot.area_id},
            )
        )
    return found


def risk_candidates(risks: Iterable[RiskResult]) -> list[Candidate]:
    return [
        Candidate(
            Source.RISK,
            f"risk:{risk.pk}",
            f"Hambatan {risk.number}: {risk.obstacle}",
            "; ".join(risk.solutions) or "Tetapkan langkah mengatasi hambatan ini.",
            None,
            NOBODY,
            {"risk": risk.pk},
        )
        for risk in risks
        if risk.status in RISK_OPEN
    ]


def candidates(
    year: int,
    *,
    items: Iterable[ItemResult] = (),
    rows: Iterable[RowResult] = (),
    spots: Iterable[WeakResult] = (),
    risks: Iterable[RiskResult] = (),
    issued: Iterable[str] = (),
) -> list[Candidate]:
    """Every candidate of the year, in the register's order, leaving out the keys already issued."""
    done = set(issued)
    found = (
        item_candidates(items, year)
        + row_candidates(rows, year)
        + weak_candidates(spots, year)
        + risk_candidates(risks)
    )
    return [c for c in found if c.key not in done]
