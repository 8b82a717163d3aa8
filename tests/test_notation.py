"""Indonesian notation: reading and writing numbers and targets as the regulation does."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap.notation import (
    SignedZero,
    format_number,
    format_target,
    normalize_decimal,
    parse_number,
    parse_target,
    parse_whole,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("53,75", Decimal("53.75")),
        ("3.900", Decimal("3900")),
        ("4.000", Decimal("4000")),
        ("45", Decimal("45")),
        ("0", Decimal("0")),
        ("3,1", Decimal("3.1")),
        ("1.234.567,89", Decimal("1234567.89")),
        ("-17", Decimal("-17")),
        (" 60,53 ", Decimal("60.53")),
    ],
)
def test_parse_number_reads_indonesian_notation(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        *["3.5", "53.7", "1,234.5", "abc", "", "-", "3,", ",5", "12.34.567", "3 900"],
        # Digits of other scripts, which Python's \d and int() accept: ASCII 0-9 only.
        *["١٢٣", "۱۲۳", "１２３", "३.९००", "53,٧٥", "²"],
    ],
)
def test_parse_number_refuses_anything_else(text):
    with pytest.raises(ValueError, match="notasi Indonesia"):
        parse_number(text)


@pytest.mark.parametrize("text", ["-0", "-0,00", "-000", "-0.000"])
def test_parse_number_refuses_a_signed_zero(text):
    with pytest.raises(SignedZero, match="tanpa tanda minus"):
        parse_number(text)


@pytest.mark.parametrize("digits", [28, 29, 30, 60])
def test_long_numbers_are_read_and_normalised_exactly(digits):
    number = parse_number("9" * digits)
    assert normalize_decimal(number) == number == Decimal("9" * digits)
    assert normalize_decimal(parse_number("1" * digits + ",50")) == Decimal("1" * digits + ".5")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("3900"), "3.900"),
        (Decimal("53.7500"), "53,75"),
        (Decimal("45.0000"), "45"),
        (Decimal("3.1"), "3,1"),
        (Decimal("1234567.89"), "1.234.567,89"),
        (Decimal("-84"), "-84"),
        (0, "0"),
    ],
)
def test_format_number_writes_indonesian_notation(value, expected):
    assert format_number(value) == expected


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False, allow_infinity=False))
def test_numbers_round_trip_through_their_written_form(value):
    assert parse_number(format_number(value)) == value


LEVELS = {
    "wajar tanpa pengecualian": "WTP",
    "wtp": "WTP",
    "3 dengan catatan": "3DC",
    "3": "L3",
    "bb": "BB",
    "cc": "CC",
}


@pytest.mark.parametrize("text", ["-", "", " ", "–"])
def test_dash_and_empty_cells_are_no_target_never_zero(text):
    parsed = parse_target(text, LEVELS)
    assert not parsed.is_set
    assert parsed.number is None and parsed.level is None


@pytest.mark.parametrize(
    ("text", "number", "level", "comparator"),
    [
        ("53,75", Decimal("53.75"), None, ""),
        ("Wajar Tanpa Pengecualian", None, "WTP", ""),
        ("3 Dengan Catatan", None, "3DC", ""),
        ("3", None, "L3", ""),
        ("BB", None, "BB", ""),
        ("57/CC", Decimal("57"), "CC", ""),
        (">70/BB", Decimal("70"), "BB", ">"),
        ("≥ 3.900", Decimal("3900"), None, ">="),
    ],
)
def test_parse_target_reads_numbers_levels_and_combinations(text, number, level, comparator):
    parsed = parse_target(text, LEVELS)
    assert (parsed.number, parsed.level, parsed.comparator) == (number, level, comparator)


def test_a_number_is_a_number_when_the_item_has_no_scale():
    assert parse_target("3").number == Decimal("3")


@pytest.mark.parametrize("text", ["Wajar", "BBB", "3.5", "57/CC/A"])
def test_parse_target_refuses_what_it_cannot_read(text):
    with pytest.raises(ValueError, match="tidak dikenali"):
        parse_target(text, LEVELS)


def test_format_target():
    assert format_target(None, None) == "–"
    assert format_target(Decimal("53.75"), None) == "53,75"
    assert format_target(None, "Wajar Tanpa Pengecualian") == "Wajar Tanpa Pengecualian"
    assert format_target(Decimal("70"), "BB", ">") == ">70/BB"


def test_format_number_with_fixed_decimals():
    assert format_number(Decimal("95.5"), places=2) == "95,50"
    assert format_number(Decimal("1234.567"), places=2) == "1.234,57"
    assert format_number(100, places=2) == "100,00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("17", 17), ("0", 0), ("007", 7), ("", None), (None, None), ("abc", None), ("-1", None),
     ("1.5", None), ("²", None), ("١٢", None), ("12\x00", None), (" 12", None),
     ("9" * 18, 10**18 - 1), ("9" * 19, None), ("1" * 5000, None)],
)  # fmt: skip
def test_whole_numbers_from_links_and_hidden_fields_are_ascii_digits_only(text, expected):
    assert parse_whole(text) == expected
