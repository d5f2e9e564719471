"""Small-count suppression: primary ("<5") and secondary ("*") hiding, so no child can be
identified from a table and no hidden count can be worked out by subtraction."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditdesk.domain.suppression import (
    Suppressed,
    count,
    describe_rule,
    protect,
    published,
)


def test_counts_of_one_to_four_are_shown_as_less_than_five() -> None:
    assert count(0, 5).text == "0"
    assert count(0, 5).shown == 0
    for small in range(1, 5):
        shown = count(small, 5)
        assert shown.text == "<5"
        assert shown.shown is None
        assert shown.suppressed is Suppressed.SMALL
    assert count(5, 5).text == "5"
    assert count(12_345, 5).text == "12,345"
    assert count(40, 5, Suppressed.SECONDARY).text == "*"
    assert count(3, 10).text == "<10"


def test_a_threshold_of_zero_or_one_shows_everything() -> None:
    for threshold in (0, 1):
        assert count(1, threshold).text == "1"
        values = {"a": 1, "b": 2, "total": 3}
        decision = protect(values, [("a", "b", "total")], threshold)
        assert not any(decision.values())
        assert "switched off" in describe_rule(threshold)


def test_a_lone_small_count_takes_the_smallest_other_part_with_it() -> None:
    # 3 + 40 + 12 = 55: with only the 3 hidden, 55 - 40 - 12 gives it away.
    values = {"outstanding": 3, "good": 40, "inadequate": 12, "total": 55}
    decision = protect(values, [tuple(values)], 5)
    assert decision["outstanding"] is Suppressed.SMALL
    assert decision["inadequate"] is Suppressed.SECONDARY
    assert decision["good"] is None
    assert decision["total"] is None
    shown = published(values, decision, 5)
    assert [shown[key].text for key in values] == ["<5", "40", "*", "55"]


def test_zeros_are_only_hidden_when_nothing_else_can_be() -> None:
    values = {"a": 2, "b": 0, "c": 30, "total": 32}
    decision = protect(values, [tuple(values)], 5)
    assert decision["c"] is Suppressed.SECONDARY  # the non-zero part, not the zero
    assert decision["b"] is None
    only_zero = {"a": 2, "b": 0, "total": 2}
    decision = protect(only_zero, [tuple(only_zero)], 5)
    assert decision["total"] is Suppressed.SMALL


def test_figures_published_elsewhere_keep_their_decision() -> None:
    # The total row was decided by another table: "c" hidden there, "d" shown there.
    values = {"c": 40, "d": 50, "x": 20, "y": 20}
    relations = [("x", "c"), ("y", "d")]  # c is the total of x; d the total of y
    decision = protect(values, relations, 5, fixed={"c": True, "d": False})
    assert decision["c"] is Suppressed.SECONDARY
    assert decision["x"] is Suppressed.SECONDARY  # else x = c would give c away
    assert decision["d"] is None
    assert decision["y"] is None


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        protect({"a": -1}, [], 5)
    with pytest.raises(KeyError):
        protect({"a": 1}, [("a", "b")], 5)
    with pytest.raises(ValueError, match="negative"):
        count(-2, 5)


def test_the_rule_is_written_out_for_readers() -> None:
    words = describe_rule(5)
    assert "1 to 4" in words
    assert "“<5”" in words
    assert "“*”" in words


# -- properties ---------------------------------------------------------------------------
@st.composite
def tables(draw: st.DrawFn) -> tuple[dict[int, int], list[tuple[int, ...]], dict[int, bool]]:
    size = draw(st.integers(min_value=1, max_value=14))
    values = {key: draw(st.integers(min_value=0, max_value=60)) for key in range(size)}
    relations = draw(
        st.lists(
            st.lists(
                st.integers(min_value=0, max_value=size - 1), min_size=1, max_size=size, unique=True
            ).map(tuple),
            max_size=10,
        )
    )
    fixed_keys = draw(st.lists(st.sampled_from(list(values)), max_size=3, unique=True))
    fixed = {key: draw(st.booleans()) for key in fixed_keys}
    return values, relations, fixed


@settings(max_examples=300)
@given(tables(), st.integers(min_value=0, max_value=10))
def test_no_hidden_count_can_be_recovered_from_any_one_relation(
    table: tuple[dict[int, int], list[tuple[int, ...]], dict[int, bool]], threshold: int
) -> None:
    values, relations, fixed = table
    decision = protect(values, relations, threshold, fixed=fixed)
    hidden = {key for key, reason in decision.items() if reason is not None}
    for key, value in values.items():
        if 0 < value < threshold:
            assert decision[key] is Suppressed.SMALL  # every small count is hidden
        elif key in fixed:
            assert (key in hidden) == fixed[key]  # others' decisions are kept
    for relation in relations:
        hidden_here = [key for key in relation if key in hidden]
        others = [key for key in relation if key not in hidden]
        # Exactly one hidden entry could be worked out by subtraction, unless everything
        # else in the relation is fixed by another table (public there already).
        assert len(hidden_here) != 1 or all(key in fixed for key in others)


@given(tables(), st.integers(min_value=2, max_value=10))
def test_shown_counts_are_exact_and_the_decision_is_deterministic(
    table: tuple[dict[int, int], list[tuple[int, ...]], dict[int, bool]], threshold: int
) -> None:
    values, relations, fixed = table
    decision = protect(values, relations, threshold, fixed=fixed)
    assert decision == protect(values, relations, threshold, fixed=fixed)
    shown = published(values, decision, threshold)
    for key, value in values.items():
        if decision[key] is None:
            assert shown[key].shown == value
            assert shown[key].text == f"{value:,}"
        else:
            assert shown[key].shown is None
            assert shown[key].text in (f"<{threshold}", "*")
