"""The quarters of a year (triwulan) and what a year's figure is made of (docs/quarters.md).

Pure: no Django. ``monev.models.periods.Quarter`` takes its labels from here, so a quarter is
written "TW III" on every page, workbook, e-mail and history entry.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from roadmap.notation import format_number

QUARTER_LABELS = {1: "TW I", 2: "TW II", 3: "TW III", 4: "TW IV"}

SUM = "sum"
LATEST = "latest"


def quarter_label(quarter: int | None) -> str:
    """ "TW III" for 3; "" for no quarter (a year-end figure)."""
    return QUARTER_LABELS[quarter] if quarter else ""


def quarter_list(quarters) -> str:
    """ "TW I–III" for a run from the first quarter, else "TW I, III"."""
    quarters = sorted(quarters)
    if not quarters:
        return ""
    if len(quarters) > 1 and quarters == list(range(quarters[0], quarters[-1] + 1)):
        return f"{QUARTER_LABELS[quarters[0]]}–{QUARTER_LABELS[quarters[-1]][3:]}"
    return "TW " + ", ".join(QUARTER_LABELS[q][3:] for q in quarters)


@dataclass(frozen=True)
class YearBasis:
    """Which reports a year's figure is read from.

    ``source`` is "annual" (the year-end report), "latest" (the last quarter's position), "sum"
    (what each quarter did, added up) or "" (nothing reported). ``missing`` are quarters before
    the last reported one that have no report (summed items only: for them a gap matters).
    """

    source: str = ""
    quarters: tuple[int, ...] = ()
    missing: tuple[int, ...] = ()

    @property
    def reported(self) -> bool:
        return self.source != ""

    @property
    def complete(self) -> bool:
        """The whole year is in: a year-end report, or the fourth quarter (and every earlier one when summed)."""
        if self.source == "annual":
            return True
        return bool(self.quarters) and max(self.quarters) == 4 and not self.missing

    @property
    def latest(self) -> int | None:
        return max(self.quarters) if self.quarters else None

    def __str__(self) -> str:
        """In words, as every page and workbook shows it: "TW III (terakhir)", "jumlah TW I, III; …"."""
        if self.source == "annual":
            return "laporan tahunan"
        if self.source == LATEST:
            return f"{quarter_label(self.latest)} (terakhir)"
        if self.source == SUM:
            text = f"jumlah {quarter_list(self.quarters)}"
            return text + (f"; {quarter_list(self.missing)} belum dilaporkan" if self.missing else "")
        return ""


def year_basis(quarters: Iterable[int], annual: bool, aggregation: str) -> YearBasis:
    """Where a year's figure comes from: the annual report when there is one, else the quarters,
    added up (``sum``) or the latest one (``latest``)."""
    if aggregation not in (SUM, LATEST):
        raise ValueError(f"unknown aggregation {aggregation!r}")
    if annual:
        return YearBasis("annual")
    reported = tuple(sorted(set(quarters)))
    if not reported:
        return YearBasis()
    if aggregation == SUM:
        return YearBasis(SUM, reported, tuple(q for q in range(1, reported[-1]) if q not in reported))
    return YearBasis(LATEST, reported)


def entry_warnings(
    aggregation: str, quarter: int | None, value, earlier: dict[int, object], year_target
) -> list[str]:
    """Soft warnings on a quarter's figure before it is saved (the reporter confirms; nothing is refused).

    The commonest error in practice is reporting an item the other way round: a running total for
    a summed item, or what was added in the quarter for a latest-value item (docs/quarters.md).
    ``earlier`` holds the figures already reported for the year's other quarters.
    """
    if quarter is None or value is None:
        return []
    numbers = {q: v for q, v in earlier.items() if v is not None}
    warnings = []
    if aggregation == LATEST:
        before = [q for q in numbers if q < quarter]
        if before and value < numbers[max(before)]:
            previous = max(before)
            warnings.append(
                f"Nilai ini lebih kecil dari {quarter_label(previous)} ({format_number(numbers[previous])}). Untuk item "
                "ini yang diisi adalah posisi pada akhir triwulan (kumulatif), bukan tambahan triwulan itu."
            )
    elif aggregation == SUM:
        running = sum(v for q, v in numbers.items() if q < quarter)
        if running and value >= running:
            warnings.append(
                f"Nilai ini sama dengan atau lebih besar dari jumlah triwulan sebelumnya ({format_number(running)}): "
                "tampak seperti angka kumulatif. Untuk item ini isi hanya yang dikerjakan pada "
                f"{quarter_label(quarter)}; aplikasi menjumlahkan triwulan."
            )
        if year_target and value > 3 * year_target:
            warnings.append(
                f"Nilai satu triwulan ini lebih dari tiga kali target setahun ({format_number(year_target)}). Periksa "
                "kembali angkanya (satuan, salah ketik, atau angka kumulatif)."
            )
    return warnings
