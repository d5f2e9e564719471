"""The moderation sampling rule: every stratum with audits is represented, each gives its
share rounded up, nothing is drawn twice or from outside the candidates, and a seed repeats
a draw whatever order the candidates come in."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditdesk.domain.sampling import draw_stratified, stratum_share

Stratum = tuple[str, str]

# Distinct audit ids, each in one stratum (template x grade), as the moderation service
# gives them.
strata_keys = st.tuples(
    st.sampled_from(["ehcp-quality", "annual-review", "new-plan"]),
    st.sampled_from(["outstanding", "good", "requires-improvement", "inadequate", "ungraded"]),
)
candidate_sets = st.dictionaries(st.integers(1, 10_000), strata_keys, max_size=120).map(
    lambda by_id: sorted(by_id.items())
)
percentages = st.one_of(
    st.integers(1, 100).map(float), st.floats(0.01, 100, allow_nan=False, exclude_min=False)
)
seeds = st.integers(0, 2**31 - 1)


def _strata(candidates: list[tuple[int, Stratum]]) -> dict[Stratum, set[int]]:
    found: dict[Stratum, set[int]] = {}
    for audit_id, stratum in candidates:
        found.setdefault(stratum, set()).add(audit_id)
    return found


@given(candidate_sets, percentages, seeds)
def test_every_stratum_gives_its_share_rounded_up_and_nothing_else(
    candidates: list[tuple[int, Stratum]], percentage: float, seed: int
) -> None:
    sample = draw_stratified(candidates, percentage=percentage, seed=seed)
    strata = _strata(candidates)
    assert [draw.stratum for draw in sample.strata] == sorted(strata)
    for draw in sample.strata:
        members = strata[draw.stratum]
        exact = len(members) * percentage / 100
        assert draw.eligible == len(members)
        assert set(draw.drawn) <= members  # drawn from its own stratum only
        assert len(set(draw.drawn)) == len(draw.drawn)
        assert 1 <= len(draw.drawn) <= len(members)  # represented, never over-drawn
        # Proportional: the share rounded up, so within one of the exact share.
        assert exact - 1e-9 <= len(draw.drawn) < exact + 1
    assert sample.eligible == len(candidates)
    assert len(sample.drawn) == sum(stratum_share(len(m), percentage) for m in strata.values())
    assert len(set(sample.drawn)) == len(sample.drawn)
    assert set(sample.drawn) <= {audit_id for audit_id, _ in candidates}


@given(candidate_sets, percentages, seeds, st.randoms(use_true_random=False))
def test_a_seed_repeats_the_draw_whatever_order_the_candidates_come_in(
    candidates: list[tuple[int, Stratum]], percentage: float, seed: int, shuffler: random.Random
) -> None:
    first = draw_stratified(candidates, percentage=percentage, seed=seed)
    shuffled = list(candidates)
    shuffler.shuffle(shuffled)
    again = draw_stratified(shuffled + shuffled[:3], percentage=percentage, seed=seed)
    assert again == first  # same strata, same audits; a repeated candidate counts once


@given(candidate_sets, seeds)
def test_a_full_sample_takes_everyone(candidates: list[tuple[int, Stratum]], seed: int) -> None:
    sample = draw_stratified(candidates, percentage=100, seed=seed)
    assert sample.drawn == tuple(sorted(audit_id for audit_id, _ in candidates))


def test_different_seeds_draw_differently() -> None:
    candidates = [(audit_id, ("ehcp-quality", "good")) for audit_id in range(200)]
    draws = {draw_stratified(candidates, percentage=10, seed=seed).drawn for seed in range(5)}
    assert len(draws) == 5


def test_a_small_stratum_is_never_left_out() -> None:
    candidates = [(1, ("annual-review", "inadequate"))] + [
        (audit_id, ("ehcp-quality", "good")) for audit_id in range(2, 102)
    ]
    sample = draw_stratified(candidates, percentage=1, seed=7)
    assert {draw.stratum: len(draw.drawn) for draw in sample.strata} == {
        ("annual-review", "inadequate"): 1,
        ("ehcp-quality", "good"): 1,
    }
    assert 1 in sample.drawn


def test_shares_round_up() -> None:
    assert [stratum_share(n, 10) for n in (0, 1, 9, 10, 11, 20, 21)] == [0, 1, 1, 1, 2, 2, 3]
    assert stratum_share(3, 100) == 3
    assert stratum_share(7, 33.3) == math.ceil(7 * 33.3 / 100)


def test_the_draw_is_the_one_samples_have_always_made() -> None:
    # A seed kept with an earlier sample must still repeat it: this is what the rule drew
    # before it moved out of the moderation service (strata in order, one generator).
    candidates = [
        (audit_id, ("t", "good" if audit_id % 3 else "ungraded")) for audit_id in range(1, 31)
    ]
    rng = random.Random(4)
    expected = sorted(
        rng.sample([i for i in range(1, 31) if i % 3], 4)
        + rng.sample([i for i in range(1, 31) if not i % 3], 2)
    )
    assert list(draw_stratified(candidates, percentage=20, seed=4).drawn) == expected


def test_nonsense_is_refused() -> None:
    for percentage in (0, -5, 100.5):
        with pytest.raises(ValueError, match="percentage"):
            draw_stratified([(1, ("t", "good"))], percentage=percentage, seed=1)
    with pytest.raises(ValueError, match="two strata"):
        draw_stratified([(1, ("t", "good")), (1, ("t", "inadequate"))], percentage=50, seed=1)
    assert draw_stratified([], percentage=50, seed=1).drawn == ()
