"""Protected tables as the Board sees them: every relation a reader could subtract with
(rows, columns, "good or better" and the rest) leaves no single hidden figure."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditdesk.domain.suppression import Count
from auditdesk.services.reports._tables import Group, RawRow, SafeRow, protect_groups, protect_table

GOOD = (0, 1)
counts = st.integers(min_value=0, max_value=40)
rows_strategy = st.lists(st.tuples(counts, counts, counts, counts), min_size=1, max_size=8)


def _hidden(count: Count) -> bool:
    return count.is_suppressed


def _check_row(row: SafeRow, values: tuple[int, ...], threshold: int) -> None:
    entries = [*row.counts, row.total]
    truth = [*values, sum(values)]
    for entry, value in zip(entries, truth, strict=True):
        if 0 < value < threshold:
            # "<5", or "*" where "<5" would itself give a figure away
            assert entry.text in (f"<{threshold}", "*")
        if entry.shown is not None:
            assert entry.shown == value
    for group in (
        [*row.counts, row.total],
        [row.counts[0], row.counts[1], row.good],
        [row.counts[2], row.counts[3], row.rest],
        [row.good, row.rest, row.total],
    ):
        assert sum(map(_hidden, group)) != 1
    if row.share.value is not None:
        assert not row.good.is_suppressed
        assert not row.total.is_suppressed
        assert row.share.value == (values[0] + values[1]) / sum(values)


@settings(max_examples=200)
@given(rows_strategy, st.integers(min_value=2, max_value=8))
def test_a_breakdown_with_a_total_row_hides_nothing_recoverable(
    raw: list[tuple[int, int, int, int]], threshold: int
) -> None:
    rows = [RawRow(f"r{n}", f"Group {n}", values) for n, values in enumerate(raw)]
    safe_rows, total = protect_table(rows, threshold, good_columns=GOOD, width=4)
    for row, values in zip(safe_rows, raw, strict=True):
        _check_row(row, values, threshold)
    totals = tuple(sum(values[c] for values in raw) for c in range(4))
    _check_row(total, totals, threshold)
    for column in range(4):
        column_entries = [row.counts[column] for row in safe_rows] + [total.counts[column]]
        assert sum(map(_hidden, column_entries)) != 1
    for name in ("total", "good", "rest"):
        entries = [getattr(row, name) for row in [*safe_rows, total]]
        assert sum(map(_hidden, entries)) != 1


@settings(max_examples=100)
@given(rows_strategy, st.integers(min_value=2, max_value=8))
def test_a_total_published_elsewhere_is_hidden_the_same_way(
    raw: list[tuple[int, int, int, int]], threshold: int
) -> None:
    totals = tuple(sum(values[c] for values in raw) for c in range(4))
    headline = protect_groups([RawRow("all", "All", totals)], threshold, good_columns=GOOD)["all"]
    rows = [RawRow(f"r{n}", f"Group {n}", values) for n, values in enumerate(raw)]
    _rows, total = protect_table(
        rows, threshold, good_columns=GOOD, width=4, fixed_total=headline.hidden()
    )
    for mine, theirs in zip(total.counts, headline.counts, strict=True):
        assert mine.is_suppressed == theirs.is_suppressed


def test_nested_groups_are_protected_at_every_level() -> None:
    # Two templates' questions in one quality area: the area total is published too.
    rows = [RawRow("a1", "A1", (30, 2)), RawRow("a2", "A2", (40, 20)), RawRow("b1", "B1", (25, 25))]
    groups = [
        Group("A", "Template A", ("a1", "a2")),
        Group("B", "Template B", ("b1",)),
        Group("area", "Area", ("A", "B")),
    ]
    safe = protect_groups(rows, 5, good_columns={0}, groups=groups, width=2)
    assert safe["a1"].counts[1].text == "<5"
    assert safe["area"].total.shown == 142
    for key in ("a1", "a2", "b1", "A", "B", "area"):
        row = safe[key]
        assert sum(map(_hidden, [*row.counts, row.total])) != 1
    # Each level's "not meeting" column: the a-questions with template A...
    assert sum(_hidden(safe[k].counts[1]) for k in ("a1", "a2", "A")) != 1
    # ...and every question with the area, flattened.
    assert sum(_hidden(safe[k].counts[1]) for k in ("a1", "a2", "b1", "area")) != 1
