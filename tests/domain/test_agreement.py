"""Agreement between first and second markers: percent agreement and linear-weighted kappa.

Linear weights over the fixed categories 1-4: w(i, j) = 1 - |i - j| / 3, so
w = 1 on the diagonal, 2/3 one grade apart, 1/3 two apart, 0 three apart.
kappa = (observed - expected) / (1 - expected), where observed is the mean weight of the
pairs and expected = sum over i, j of p1(i) * p2(j) * w(i, j) from the two markers' margins.
"""

from __future__ import annotations

import random
from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditdesk.domain.agreement import (
    Agreement,
    agreement,
    agreement_from_table,
    kappa_band,
    weighted_kappa,
)


def test_hand_worked_example() -> None:
    # Pairs (first, second): (4,4) (3,3) (3,2) (2,2) (1,2); n = 5.
    # Observed: weights 1 + 1 + 2/3 + 1 + 2/3 = 13/3, mean 13/15.
    # Margins: first  1: 1/5, 2: 1/5, 3: 2/5, 4: 1/5
    #          second 2: 3/5, 3: 1/5, 4: 1/5
    # Expected, row by row (p1(i) * sum_j p2(j) w(i, j)):
    #   i=1: 1/5 * (3/5 * 2/3 + 1/5 * 1/3 + 1/5 * 0)   = 1/5 * 7/15  = 7/75
    #   i=2: 1/5 * (3/5 * 1   + 1/5 * 2/3 + 1/5 * 1/3) = 1/5 * 4/5   = 12/75
    #   i=3: 2/5 * (3/5 * 2/3 + 1/5 * 1   + 1/5 * 2/3) = 2/5 * 11/15 = 22/75
    #   i=4: 1/5 * (3/5 * 1/3 + 1/5 * 2/3 + 1/5 * 1)   = 1/5 * 8/15  = 8/75
    #   total 49/75.
    # kappa = (65/75 - 49/75) / (26/75) = 16/26 = 8/13.
    result = agreement([(4, 4), (3, 3), (3, 2), (2, 2), (1, 2)])
    assert result.pairs == 5
    assert result.exact == 3
    assert result.percent == pytest.approx(60.0)
    assert result.kappa == pytest.approx(8 / 13, abs=1e-9)
    assert result.kappa_band == "Substantial"  # 0.615
    assert result.describe() == (
        "60% exact agreement (3 of 5 pairs the same); weighted kappa 0.62 (substantial)"
    )


def test_complete_disagreement_at_the_extremes() -> None:
    # (1,4) and (4,1): observed 0. Margins 1/2 on 1 and 4 for both markers, so
    # expected = 1/4 * (w(1,1) + w(1,4) + w(4,1) + w(4,4)) = 1/4 * 2 = 1/2.
    # kappa = (0 - 1/2) / (1/2) = -1.
    result = agreement([(1, 4), (4, 1)])
    assert result.kappa == pytest.approx(-1.0, abs=1e-9)
    assert result.exact == 0
    assert result.percent == 0.0
    assert result.kappa_band == "Poor"


def test_one_grade_apart_example() -> None:
    # (3,2) (2,3) (3,3) (2,2): observed (2/3 + 2/3 + 1 + 1) / 4 = 5/6.
    # Both margins 1/2 on 2 and 3: expected = 1/4 * (1 + 2/3 + 2/3 + 1) = 5/6.
    # kappa = 0: no better than chance.
    result = agreement([(3, 2), (2, 3), (3, 3), (2, 2)])
    assert result.kappa == pytest.approx(0.0, abs=1e-9)
    assert result.percent == 50.0
    assert result.kappa_band == "Slight"


def test_perfect_agreement_with_variation_is_one() -> None:
    result = agreement([(1, 1), (2, 2), (3, 3), (4, 4), (3, 3)])
    assert result.kappa == pytest.approx(1.0, abs=1e-9)
    assert (result.pairs, result.exact, result.percent) == (5, 5, 100.0)
    assert result.kappa_band == "Almost perfect"


def test_all_in_one_category_has_no_kappa() -> None:
    result = agreement([(3, 3)] * 7)
    assert result.kappa is None
    assert (result.pairs, result.exact, result.percent) == (7, 7, 100.0)
    assert result.kappa_band == "Not defined"
    assert result.describe() == (
        "100% exact agreement (7 of 7 pairs the same); weighted kappa not defined (no variation)"
    )


def test_one_marker_constant_the_other_not_gives_zero() -> None:
    # Second marker always 3: expected equals observed whatever the first says.
    result = agreement([(1, 3), (2, 3), (3, 3), (4, 3)])
    assert result.kappa == pytest.approx(0.0, abs=1e-9)


def test_no_pairs() -> None:
    assert agreement([]) == Agreement(0, 0, None, None)
    assert agreement([]).describe() == "no pairs to compare yet"
    assert agreement_from_table({(1, 1): 0}) == Agreement(0, 0, None, None)
    assert weighted_kappa({}) is None


def test_table_equals_expanded_pairs() -> None:
    table = {(4, 4): 3, (3, 3): 5, (3, 2): 2, (2, 3): 1, (1, 2): 1, (2, 2): 0}
    pairs = [pair for pair, count in table.items() for _ in range(count)]
    random.Random(7).shuffle(pairs)
    from_table, from_pairs = agreement_from_table(table), agreement(pairs)
    assert (from_table.pairs, from_table.exact, from_table.percent) == (12, 8, 100 * 8 / 12)
    assert (from_pairs.pairs, from_pairs.exact, from_pairs.percent) == (12, 8, 100 * 8 / 12)
    assert from_table.kappa is not None
    # Only the order of floating-point sums differs.
    assert from_table.kappa == pytest.approx(from_pairs.kappa, abs=1e-12)


@pytest.mark.parametrize("bad", [(0, 3), (3, 5), (-1, 1), (2, 7)])
def test_points_outside_one_to_four_are_refused(bad: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match="ratings must be points 1-4"):
        agreement([(2, 2), bad])
    with pytest.raises(ValueError, match=r"points 1-4, got \(" + str(bad[0])):
        agreement_from_table({bad: 1})


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match=r"count cannot be negative \(got -1 for \(2, 2\)\)"):
        agreement_from_table({(1, 1): 3, (2, 2): -1})


@pytest.mark.parametrize(
    ("kappa", "band"),
    [
        (None, "Not defined"),
        (-0.01, "Poor"),
        (-1.0, "Poor"),
        (0.0, "Slight"),
        (0.2, "Slight"),
        (0.21, "Fair"),
        (0.4, "Fair"),
        (0.41, "Moderate"),
        (0.6, "Moderate"),
        (0.61, "Substantial"),
        (0.8, "Substantial"),
        (0.81, "Almost perfect"),
        (1.0, "Almost perfect"),
    ],
)
def test_kappa_band_words(kappa: float | None, band: str) -> None:
    assert kappa_band(kappa) == band


# -- properties --------------------------------------------------------------------------

points = st.integers(1, 4)
pair_lists = st.lists(st.tuples(points, points), min_size=1, max_size=60)


def exact_kappa(pairs: list[tuple[int, int]]) -> Fraction | None:
    """An independent, exact (rational) computation of linear-weighted kappa."""
    n = len(pairs)

    def w(i: int, j: int) -> Fraction:
        return 1 - Fraction(abs(i - j), 3)

    observed = sum((w(a, b) for a, b in pairs), Fraction(0)) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(
        (
            Fraction(first[i], n) * Fraction(second[j], n) * w(i, j)
            for i in range(1, 5)
            for j in range(1, 5)
        ),
        Fraction(0),
    )
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


@given(pair_lists)
def test_matches_an_exact_rational_computation(pairs: list[tuple[int, int]]) -> None:
    expected = exact_kappa(pairs)
    result = agreement(pairs)
    if expected is None:
        assert result.kappa is None
    else:
        assert result.kappa == pytest.approx(float(expected), abs=1e-9)


@given(pair_lists)
def test_kappa_at_most_one_and_percent_in_range(pairs: list[tuple[int, int]]) -> None:
    result = agreement(pairs)
    assert result.pairs == len(pairs)
    assert 0 <= result.exact <= result.pairs
    assert result.percent is not None
    assert 0.0 <= result.percent <= 100.0
    assert result.percent == pytest.approx(100.0 * result.exact / result.pairs)
    if result.kappa is not None:
        assert -1.0 - 1e-9 <= result.kappa <= 1.0 + 1e-9


@given(pair_lists)
def test_symmetric_under_swapping_markers(pairs: list[tuple[int, int]]) -> None:
    forward = agreement(pairs)
    swapped = agreement([(b, a) for a, b in pairs])
    assert (swapped.pairs, swapped.exact, swapped.percent) == (
        forward.pairs,
        forward.exact,
        forward.percent,
    )
    if forward.kappa is None:
        assert swapped.kappa is None
    else:
        assert swapped.kappa == pytest.approx(forward.kappa, abs=1e-12)


@given(pair_lists, st.randoms(use_true_random=False))
def test_invariant_to_order(pairs: list[tuple[int, int]], rng: random.Random) -> None:
    shuffled = list(pairs)
    rng.shuffle(shuffled)
    forward, other = agreement(pairs), agreement(shuffled)
    assert (other.pairs, other.exact, other.percent) == (
        forward.pairs,
        forward.exact,
        forward.percent,
    )
    if forward.kappa is None:
        assert other.kappa is None
    else:
        assert other.kappa == pytest.approx(forward.kappa, abs=1e-12)


@given(pair_lists)
def test_kappa_is_one_exactly_when_every_pair_agrees(pairs: list[tuple[int, int]]) -> None:
    result = agreement(pairs)
    all_agree = all(a == b for a, b in pairs)
    if result.kappa is None:
        # Undefined only when both markers used one and the same category throughout.
        assert len(set(pairs)) == 1
        assert all_agree
        return
    assert (result.kappa == pytest.approx(1.0, abs=1e-9)) == all_agree
    assert (result.exact == result.pairs) == all_agree


@given(st.dictionaries(st.tuples(points, points), st.integers(0, 20), max_size=16))
def test_table_matches_expanded_pairs(table: dict[tuple[int, int], int]) -> None:
    pairs = [pair for pair, count in table.items() for _ in range(count)]
    from_table = agreement_from_table(table)
    from_pairs = agreement(pairs)
    assert (from_table.pairs, from_table.exact) == (from_pairs.pairs, from_pairs.exact)
    assert from_table.percent == from_pairs.percent
    if from_pairs.kappa is None:
        assert from_table.kappa is None
    else:
        assert from_table.kappa == pytest.approx(from_pairs.kappa, abs=1e-12)


def test_large_pair_counts_read_with_a_thousands_separator() -> None:
    figures = agreement([(3, 3)] * 6783)
    assert "(6,783 of 6,783 pairs the same)" in figures.describe()
