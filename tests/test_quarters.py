"""Where a year's figure comes from, in words (monev.quarters): every page and workbook shows it."""

import pytest

from monev.quarters import LATEST, SUM, entry_warnings, quarter_label, quarter_list, year_basis


@pytest.mark.parametrize(
    ("quarters", "annual", "aggregation", "basis", "complete"),
    [
        ([1, 2, 3], False, LATEST, "TW III (terakhir)", False),
        ([3, 1], False, LATEST, "TW III (terakhir)", False),
        ([1, 2, 3, 4], False, LATEST, "TW IV (terakhir)", True),
        ([4], False, LATEST, "TW IV (terakhir)", True),
        ([1, 2, 3], False, SUM, "jumlah TW I–III", False),
        ([1, 3], False, SUM, "jumlah TW I, III; TW II belum dilaporkan", False),
        ([2, 4], False, SUM, "jumlah TW II, IV; TW I, III belum dilaporkan", False),
        ([1, 2, 3, 4], False, SUM, "jumlah TW I–IV", True),
        ([1], False, SUM, "jumlah TW I", False),
        ([1, 2], True, SUM, "laporan tahunan", True),
        ([], True, LATEST, "laporan tahunan", True),
        ([], False, SUM, "", False),
    ],
)
def test_the_basis_of_a_year_figure(quarters, annual, aggregation, basis, complete):
    figure = year_basis(quarters, annual, aggregation)
    assert (str(figure), figure.complete) == (basis, complete)


def test_quarter_words():
    assert [quarter_label(q) for q in (None, 1, 2, 3, 4)] == ["", "TW I", "TW II", "TW III", "TW IV"]
    assert quarter_list([2, 3, 4]) == "TW II–IV" and quarter_list([4, 1]) == "TW I, IV"


def test_an_unknown_aggregation_is_refused():
    with pytest.raises(ValueError):
        year_basis([1], False, "average")


@pytest.mark.parametrize(
    ("aggregation", "quarter", "value", "earlier", "target", "expected"),
    [
        # A latest-value count below the previous quarter's: probably entered as what the quarter added.
        (LATEST, 3, "40", {1: "30", 2: "45"}, "45", ["lebih kecil dari TW II (45)"]),
        (LATEST, 3, "45", {2: "45"}, "45", []),
        (LATEST, 1, "10", {2: "45"}, "45", []),  # nothing earlier to compare with
        # A summed quarter at or above the running total: looks cumulative.
        (SUM, 3, "50", {1: "30", 2: "20"}, "125", ["jumlah triwulan sebelumnya (50)"]),
        (SUM, 3, "49", {1: "30", 2: "20"}, "125", []),
        (SUM, 1, "30", {}, "125", []),
        (SUM, 2, "30", {3: "40"}, "125", []),  # a later quarter is not a running total
        # A summed quarter over three times the year's target.
        (SUM, 1, "3.901", {}, "1.300", ["lebih dari tiga kali target setahun (1.300)"]),
        (SUM, 1, "3.900", {}, "1.300", []),
        (SUM, 1, "100", {}, None, []),
        (SUM, None, "999", {1: "1"}, "1", []),  # a year-end figure is not a quarter
    ],
)
def test_soft_warnings_before_saving_a_quarter(aggregation, quarter, value, earlier, target, expected):
    from roadmap.notation import parse_number

    warnings = entry_warnings(
        aggregation,
        quarter,
        parse_number(value),
        {q: parse_number(v) for q, v in earlier.items()},
        parse_number(target) if target else None,
    )
    assert len(warnings) == len(expected)
    for warning, words in zip(warnings, expected, strict=True):
        assert words in warning
