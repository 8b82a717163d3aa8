"""The achievement rules: exhaustive cases and the invariants that must always hold."""

import datetime
from decimal import Decimal as D

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from monev.achievement import (
    DEFAULT_CATEGORIES,
    Band,
    Rung,
    average,
    capped,
    category,
    compare_levels,
    level_for_score,
    number_achievement,
    number_met,
    on_pace,
    ordinal_score,
    quarter_share,
    quarters_over,
    round_percent,
    steps_text,
    target_due,
    year_value,
)


@pytest.mark.parametrize(
    ("target", "realised", "direction", "formula", "expected"),
    [
        ("45", "45", "higher", "official", "100"),
        ("45", "36", "higher", "official", "80"),
        ("100", "110", "higher", "official", "110"),
        ("3.5", "3.01", "higher", "official", "86"),
        ("0", "0", "higher", "official", "100"),
        ("0", "3", "higher", "official", "100"),
        ("45", "0", "higher", "official", "0"),
        ("10", "8", "lower", "official", "120"),  # (2·10 − 8) / 10
        ("10", "12", "lower", "official", "80"),
        ("10", "25", "lower", "official", "0"),  # never below 0
        ("0", "0", "lower", "official", "100"),
        ("0", "2", "lower", "official", "0"),
        ("10", "8", "lower", "ratio", "125"),
        ("10", "20", "lower", "ratio", "50"),
        ("0", "0", "lower", "ratio", "100"),
    ],
)
def test_number_achievement(target, realised, direction, formula, expected):
    assert number_achievement(D(target), D(realised), direction, formula) == D(expected)


def test_ratio_formula_is_undefined_at_a_zero_realisation():
    assert number_achievement(D(10), D(0), "lower", "ratio") is None


def test_the_official_lower_formula_is_the_default():
    assert number_achievement(D(10), D(8), "lower") == D(120)


@pytest.mark.parametrize(("direction", "formula"), [("sideways", "official"), ("lower", "guess")])
def test_unknown_rules_are_refused(direction, formula):
    with pytest.raises(ValueError):
        number_achievement(D(1), D(1), direction, formula)


positive = st.decimals(
    min_value=D("0.01"), max_value=D(10**6), places=2, allow_nan=False, allow_infinity=False
)
non_negative = st.decimals(
    min_value=D(0), max_value=D(10**6), places=2, allow_nan=False, allow_infinity=False
)
formulas = st.sampled_from(["official", "ratio"])


@given(target=non_negative, direction=st.sampled_from(["higher", "lower"]), formula=formulas)
def test_a_realisation_equal_to_the_target_is_100_percent(target, direction, formula):
    assert number_achievement(target, target, direction, formula) == 100


@given(target=non_negative, a=non_negative, b=non_negative)
def test_higher_is_better_never_scores_a_better_realisation_lower(target, a, b):
    worse, better = sorted((a, b))
    assert number_achievement(target, better, "higher") >= number_achievement(target, worse, "higher")


@given(target=non_negative, a=non_negative, b=non_negative, formula=formulas)
def test_lower_is_better_never_scores_a_better_realisation_lower(target, a, b, formula):
    better, worse = sorted((a, b))  # lower is better
    better_score = number_achievement(target, better, "lower", formula)
    worse_score = number_achievement(target, worse, "lower", formula)
    assume(better_score is not None and worse_score is not None)
    assert better_score >= worse_score


@given(target=positive, realised=positive)
def test_lower_is_better_flips_the_comparison(target, realised):
    higher = number_achievement(target, realised, "higher")
    lower = number_achievement(target, realised, "lower")
    if realised > target:
        assert higher > 100 > lower or lower == 0
    elif realised < target:
        assert higher < 100 < lower
    else:
        assert higher == lower == 100


@given(
    target=non_negative,
    realised=non_negative,
    direction=st.sampled_from(["higher", "lower"]),
    formula=formulas,
)
def test_achievement_is_never_negative_and_never_raises(target, realised, direction, formula):
    result = number_achievement(target, realised, direction, formula)
    assert result is None or result >= 0


@pytest.mark.parametrize(
    ("quarters", "aggregation", "expected"),
    [
        ({1: D(10), 2: D(15), 3: D(5)}, "sum", D(30)),
        ({1: D("3.01"), 2: D("3.2")}, "latest", D("3.2")),
        ({3: D(7), 1: D(9)}, "latest", D(7)),  # the latest quarter, not the last one given
        ({}, "sum", None),
        ({}, "latest", None),
    ],
)
def test_year_value_from_quarters(quarters, aggregation, expected):
    assert year_value(quarters, aggregation) == expected


def test_year_value_refuses_an_unknown_rule():
    with pytest.raises(ValueError):
        year_value({1: D(1)}, "average")


# Ladders as the standing builds them: full levels' ranks, and "3 Dengan Catatan" qualifying rank 4.
APIP_FULL = [1, 2, 4, 5, 6]  # 1, 2, 3, 4, 5
THREE_DC, THREE, TWO = Rung(3, qualifies=4), Rung(4), Rung(2)
BPK = [0, 0, 1, 2]  # TMP and TW tied, WDP, WTP
SAKIP = [0, 1, 2, 3, 4, 5, 6]  # D … AA


def test_levels_met_at_or_above_the_target():
    assert compare_levels(THREE, THREE, APIP_FULL).met
    assert compare_levels(THREE, Rung(6), APIP_FULL).steps == 2
    below = compare_levels(THREE, THREE_DC, APIP_FULL)  # "3 Dengan Catatan" against a target of 3
    assert (below.met, below.steps) == (False, D("-0.5"))


def test_with_notes_is_half_a_step_and_two_is_one_step_below_three():
    assert compare_levels(THREE, TWO, APIP_FULL).steps == -1
    assert compare_levels(THREE_DC, TWO, APIP_FULL).steps == D("-0.5")
    assert compare_levels(THREE_DC, THREE, APIP_FULL).steps == D("0.5")


def test_the_with_notes_setting_applies_to_target_and_realisation_alike():
    assert compare_levels(THREE_DC, THREE_DC, APIP_FULL, with_notes_meets=False).steps == 0
    assert compare_levels(THREE_DC, THREE_DC, APIP_FULL, with_notes_meets=True).steps == 0
    assert compare_levels(THREE_DC, THREE, APIP_FULL, with_notes_meets=True).steps == 0
    assert compare_levels(THREE, THREE_DC, APIP_FULL, with_notes_meets=True).met


def test_levels_never_get_a_percentage():
    assert not hasattr(compare_levels(Rung(4), Rung(3), SAKIP), "percent")


def test_tied_levels_are_one_step():
    tw_vs_tmp = compare_levels(Rung(0), Rung(0), BPK)
    assert tw_vs_tmp.met and tw_vs_tmp.steps == 0
    assert compare_levels(Rung(2), Rung(0), BPK).steps == -2  # TW against WTP: two steps (TW/TMP, WDP)


@pytest.mark.parametrize(
    ("comparator", "target", "realised", "met"),
    [(">", 4, 4, False), (">", 4, 5, True), (">=", 4, 4, True), ("<", 4, 3, True), ("<=", 4, 5, False),
     ("", 4, 4, True), ("", 4, 3, False)],
)  # fmt: skip
def test_level_comparators(comparator, target, realised, met):
    assert compare_levels(Rung(target), Rung(realised), SAKIP, comparator=comparator).met is met


@given(st.lists(st.integers(0, 6), min_size=1), st.integers(0, 6), st.integers(0, 6), st.integers(0, 6))
def test_a_better_level_is_never_fewer_steps_from_the_target(ranks, target, a, b):
    worse, better = sorted((a, b))
    assert (
        compare_levels(Rung(target), Rung(better), ranks).steps
        >= compare_levels(Rung(target), Rung(worse), ranks).steps
    )


@pytest.mark.parametrize(
    ("steps", "text"),
    [(D(0), "sesuai target"), (D(-1), "1 tingkat di bawah target"), (D("-0.5"), "½ tingkat di bawah target"),
     (D("1.5"), "1½ tingkat di atas target"), (D(2), "2 tingkat di atas target"), (None, "")],
)  # fmt: skip
def test_steps_in_words(steps, text):
    assert steps_text(steps) == text


@pytest.mark.parametrize(
    ("target", "realised", "direction", "comparator", "met"),
    [("70", "70", "higher", ">", False), ("70", "70.01", "higher", ">", True), ("45", "45", "lower", "<=", True),
     ("45", "46", "lower", "<=", False), ("45", "44", "higher", "<", True), ("45", "45", "higher", "", True),
     ("45", "45", "lower", "", True), ("45", "46", "lower", "", False)],
)  # fmt: skip
def test_number_comparators(target, realised, direction, comparator, met):
    assert number_met(D(target), D(realised), direction, comparator) is met


@pytest.mark.parametrize(
    ("raw", "shown"),
    [("61.725", "61.73"), ("61.7249", "61.72"), ("90.995", "91.00"), ("100", "100.00"), ("0.005", "0.01")],
)
def test_percentages_round_half_up_as_excel_does(raw, shown):
    assert str(round_percent(D(raw))) == shown


def test_the_category_is_read_off_the_figure_shown():
    assert category(D("90.995")).key == "very_high"
    assert category(D("90.994")).key == "high"


SAKIP_BANDS = [
    Band("D", D(0), D(30)), Band("C", D(30), D(50)), Band("CC", D(50), D(60)), Band("B", D(60), D(70)),
    Band("BB", D(70), D(80)), Band("A", D(80), D(90)), Band("AA", D(90), D(100)),
]  # fmt: skip
SPIP_BANDS = [Band(n, D(n), D(min(n + 1, 5))) for n in range(6)]


@pytest.mark.parametrize(
    ("score", "expected"),
    [("63.52", "B"), ("0", "D"), ("30", "D"), ("30.01", "C"), ("50", "C"), ("100", "AA"), ("101", None)],
)
def test_sakip_score_to_grade(score, expected):
    assert level_for_score(D(score), SAKIP_BANDS, "upper") == expected


@pytest.mark.parametrize(("score", "expected"), [("3.01", 3), ("2.99", 2), ("3", 3), ("5", 5), ("0", 0)])
def test_spip_score_to_level(score, expected):
    assert level_for_score(D(score), SPIP_BANDS, "lower") == expected


@pytest.mark.parametrize(
    ("percent", "key"),
    [("120", "very_high"), ("91", "very_high"), ("90.5", "high"), ("76", "high"), ("75", "medium"),
     ("66", "medium"), ("65", "low"), ("51", "low"), ("50.9", "very_low"), ("0", "very_low")],
)  # fmt: skip
def test_five_band_categories(percent, key):
    assert category(D(percent)).key == key


def test_no_figure_has_no_category():
    assert category(None) is None
    assert [c.label for c in DEFAULT_CATEGORIES] == [
        "Sangat tinggi",
        "Tinggi",
        "Sedang",
        "Rendah",
        "Sangat rendah",
    ]


def test_cap_and_average():
    assert capped(D(300)) == D(120)
    assert capped(D(300), cap=D(100)) == D(100)
    assert average([D(300), D(60), None]) == D(90)  # (120 + 60) / 2; "no target" is left out
    assert average([None, None]) is None


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2019, 12, 31), 0),
        (datetime.date(2020, 3, 30), 0),
        (datetime.date(2020, 3, 31), 1),
        (datetime.date(2020, 7, 1), 2),
        (datetime.date(2020, 9, 30), 3),
        (datetime.date(2020, 12, 31), 4),
        (datetime.date(2021, 3, 1), 4),
    ],
)
def test_quarters_over(today, expected):
    assert quarters_over(2020, today) == expected


def test_quarters_and_keeping_pace():
    assert [quarter_share(q) for q in (1, 2, 3, 4)] == [D("0.25"), D("0.5"), D("0.75"), D(1)]
    with pytest.raises(ValueError):
        quarter_share(5)
    assert target_due(D(125), 2) == D("62.5")
    assert on_pace(D("62.5"), D(125), 2) is True
    assert on_pace(D("62.4"), D(125), 2) is False
    assert on_pace(D(0), D(125), 0) is True  # nothing is due before the first quarter ends
    assert on_pace(D(5), D(10), 2, direction="lower") is True  # at most half of a lower-is-better total


def test_averages_are_rounded_like_every_percentage_shown():
    assert average([D("61.725")]) == D("61.73")
    assert ordinal_score(True) == 100 and ordinal_score(False) == 0 and ordinal_score(None) is None
