"""Where a year's figure comes from, in words (monev.quarters): every page and workbook shows it."""

import pytest

from monev.quarters import LATEST, SUM, quarter_label, quarter_list, year_basis


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
