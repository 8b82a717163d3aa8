"""The achievement rules: exhaustive cases and the invariants that must always hold."""

import datetime
from decimal import Decimal as D

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from monev.achievement import (
    DEFAULT_CATEGORIES,
    Band,
    average,
    capped,
    category,
    compare_levels,
    effective_rank,
    elapsed_share,
    level_for_score,
    number_achievement,
    on_track,
    quarter_share,
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


APIP = [1, 2, 3, 4, 5, 6]  # 1, 2, 3 Dengan Catatan, 3, 4, 5
BPK = [0, 0, 1, 2]  # TMP and TW tied, WDP, WTP
SAKIP = [0, 1, 2, 3, 4, 5, 6]  # D … AA


def test_levels_met_at_or_above_the_target():
    assert compare_levels(4, 4, APIP).met
    assert compare_levels(4, 6, APIP).steps == 2
    below = compare_levels(4, 3, APIP)  # "3 Dengan Catatan" against a target of 3
    assert (below.met, below.steps) == (False, -1)


def test_unmet_levels_score_their_share_of_the_way_up():
    assert compare_levels(4, 3, SAKIP).percent == D(80)  # B against BB
    assert compare_levels(4, 4, SAKIP).percent == D(100)
    assert compare_levels(6, 0, SAKIP).percent < compare_levels(6, 5, SAKIP).percent


def test_tied_levels_are_one_step():
    tw_vs_tmp = compare_levels(0, 0, BPK)
    assert tw_vs_tmp.met and tw_vs_tmp.steps == 0
    assert compare_levels(2, 0, BPK).steps == -2  # TW against WTP: two steps (TW/TMP, WDP)


def test_with_notes_counts_as_the_level_only_by_setting():
    three_with_notes, three = 3, 4
    assert effective_rank(three_with_notes, three, with_notes_meets=False) == three_with_notes
    assert effective_rank(three_with_notes, three, with_notes_meets=True) == three
    assert effective_rank(three, None, with_notes_meets=True) == three


@given(st.lists(st.integers(0, 6), min_size=1), st.integers(0, 6), st.integers(0, 6), st.integers(0, 6))
def test_a_better_level_never_scores_lower(ranks, target, a, b):
    worse, better = sorted((a, b))
    assert compare_levels(target, better, ranks).percent >= compare_levels(target, worse, ranks).percent


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
        (datetime.date(2019, 12, 31), D(0)),
        (datetime.date(2020, 1, 1), D(1) / D(366)),
        (datetime.date(2020, 7, 1), D(183) / D(366)),
        (datetime.date(2020, 12, 31), D(1)),
        (datetime.date(2021, 3, 1), D(1)),
    ],
)
def test_elapsed_share_of_the_year(today, expected):
    assert elapsed_share(2020, today) == expected


def test_quarters_and_keeping_pace():
    assert [quarter_share(q) for q in (1, 2, 3, 4)] == [D("0.25"), D("0.5"), D("0.75"), D(1)]
    with pytest.raises(ValueError):
        quarter_share(5)
    assert on_track(D(50), quarter_share(2)) is True
    assert on_track(D("49.9"), quarter_share(2)) is False
    assert on_track(D(45), quarter_share(2), tolerance=D(5)) is True
    assert on_track(None, quarter_share(2)) is None
