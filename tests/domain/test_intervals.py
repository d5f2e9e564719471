"""Wilson score intervals and Newcombe's interval for a change, against published values
and the properties that make them honest for small samples."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditdesk.domain.intervals import difference_interval, wilson_interval


@pytest.mark.parametrize(
    ("successes", "trials", "low", "high"),
    [
        # Newcombe (1998) "Two-sided confidence intervals for the single proportion", table I.
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
        # Textbook small samples.
        (5, 10, 0.2366, 0.7634),
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
    ],
)
def test_wilson_matches_published_values(
    successes: int, trials: int, low: float, high: float
) -> None:
    interval = wilson_interval(successes, trials)
    assert interval is not None
    assert interval.low == pytest.approx(low, abs=1e-4)
    assert interval.high == pytest.approx(high, abs=1e-4)


@pytest.mark.parametrize(
    ("a", "n", "b", "m", "low", "high"),
    [
        # Newcombe (1998) "Interval estimation for the difference between independent
        # proportions", table II, method 10.
        (56, 70, 48, 80, 0.0524, 0.3339),
        (9, 10, 3, 10, 0.1705, 0.8090),
        (6, 7, 2, 7, 0.0582, 0.8062),
        (5, 56, 0, 29, -0.0381, 0.1926),
    ],
)
def test_newcombe_difference_matches_published_values(
    a: int, n: int, b: int, m: int, low: float, high: float
) -> None:
    interval = difference_interval(a, n, b, m)
    assert interval is not None
    assert interval.low == pytest.approx(low, abs=1e-4)
    assert interval.high == pytest.approx(high, abs=1e-4)


def test_no_trials_means_no_interval_and_bad_counts_are_refused() -> None:
    assert wilson_interval(0, 0) is None
    assert difference_interval(3, 5, 0, 0) is None
    for successes, trials in ((6, 5), (-1, 5), (1, -1)):
        with pytest.raises(ValueError, match="successes"):
            wilson_interval(successes, trials)


proportions = st.integers(min_value=1, max_value=5_000).flatmap(
    lambda n: st.tuples(st.integers(min_value=0, max_value=n), st.just(n))
)


@given(proportions)
def test_the_interval_holds_the_observed_share_and_stays_within_0_and_1(
    counts: tuple[int, int],
) -> None:
    successes, trials = counts
    interval = wilson_interval(successes, trials)
    assert interval is not None
    assert 0.0 <= interval.low <= successes / trials <= interval.high <= 1.0
    assert interval.low < interval.high


@given(proportions)
def test_the_interval_is_symmetric_between_success_and_failure(counts: tuple[int, int]) -> None:
    successes, trials = counts
    one = wilson_interval(successes, trials)
    other = wilson_interval(trials - successes, trials)
    assert one is not None
    assert other is not None
    assert one.low == pytest.approx(1 - other.high, abs=1e-12)
    assert one.high == pytest.approx(1 - other.low, abs=1e-12)


@given(st.integers(min_value=1, max_value=200), st.integers(min_value=2, max_value=20))
def test_more_audits_give_a_narrower_interval_for_the_same_share(trials: int, factor: int) -> None:
    successes = trials // 2
    small = wilson_interval(successes, trials)
    large = wilson_interval(successes * factor, trials * factor)
    assert small is not None
    assert large is not None
    assert large.high - large.low < small.high - small.low


@given(proportions, proportions)
def test_the_change_interval_holds_the_observed_change(
    now: tuple[int, int], before: tuple[int, int]
) -> None:
    interval = difference_interval(*now, *before)
    assert interval is not None
    change = now[0] / now[1] - before[0] / before[1]
    assert -1.0 <= interval.low <= change + 1e-12
    assert change - 1e-12 <= interval.high <= 1.0
