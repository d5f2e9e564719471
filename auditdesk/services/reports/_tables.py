"""Tables of counts made safe to publish: each row's parts, its total, the share that meets
the standard, and any group totals, protected together by
:func:`auditdesk.domain.suppression.protect`.

Every relation a reader could subtract with is declared: each row with its total; the
parts that make the headline share ("good or better", "delivered") with their sum, and the
rest with theirs; each group (a total row, a quality area) with its members, at every level
and flattened to the rows. A figure several tables publish (the headline is every
breakdown's total row) is one group key named by each, so all of them are protected in one
go and hide the same things.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from auditdesk.domain.board_figures import GradeRow, Share, share
from auditdesk.domain.suppression import Count, protect, published

TOTAL = "\x00total"
ALL, GOOD, REST = "all", "good", "rest"

Entry = tuple[str, str]  # (row or group key, entry name)


@dataclass(frozen=True)
class RawRow:
    key: str
    label: str
    counts: tuple[int, ...]


@dataclass(frozen=True)
class Group:
    """A total published alongside its members (rows or other groups)."""

    key: str
    label: str
    members: tuple[str, ...]
    fixed: Mapping[str, bool] = field(default_factory=dict)  # entry name -> hidden elsewhere


@dataclass(frozen=True)
class SafeRow:
    key: str
    label: str
    counts: tuple[Count, ...]
    total: Count
    good: Count
    rest: Count
    share: Share

    def as_grade_row(self) -> GradeRow:
        return GradeRow(self.key, self.label, self.counts, self.total, self.good, self.share)

    def hidden(self) -> dict[str, bool]:
        """What this row hid, as fixed decisions for a table that repeats it."""
        parts = {f"c{index}": count.is_suppressed for index, count in enumerate(self.counts)}
        return parts | {
            ALL: self.total.is_suppressed,
            GOOD: self.good.is_suppressed,
            REST: self.rest.is_suppressed,
        }


def protect_groups(
    rows: Sequence[RawRow],
    threshold: int,
    *,
    good_columns: Collection[int],
    groups: Sequence[Group] = (),
    width: int | None = None,
) -> dict[str, SafeRow]:
    """Protect rows and groups together; the result is keyed by row and group key."""
    width = width if width is not None else (len(rows[0].counts) if rows else 0)
    if any(len(row.counts) != width for row in rows):
        raise ValueError("every row needs the same number of counts")
    parts = [f"c{column}" for column in range(width)]
    good_parts = [parts[c] for c in range(width) if c in good_columns]
    rest_parts = [parts[c] for c in range(width) if c not in good_columns]
    names = [*parts, ALL, GOOD, REST]

    counts: dict[str, tuple[int, ...]] = {row.key: row.counts for row in rows}
    labels: dict[str, str] = {row.key: row.label for row in rows}
    leaves: dict[str, tuple[str, ...]] = {row.key: (row.key,) for row in rows}
    group_leaves: list[tuple[str, ...]] = []
    for group in groups:  # members must come before the groups that use them
        missing = [member for member in group.members if member not in counts]
        if missing:
            raise KeyError(f"group {group.key!r} names unknown members {missing}")
        summed = tuple(sum(counts[member][c] for member in group.members) for c in range(width))
        # A key may name several groups when they are one figure broken down in different
        # ways (every breakdown's total row is the headline): their sums must agree.
        if counts.setdefault(group.key, summed) != summed:
            raise ValueError(f"groups named {group.key!r} do not add up to the same counts")
        labels.setdefault(group.key, group.label)
        members_leaves = tuple(leaf for member in group.members for leaf in leaves[member])
        leaves.setdefault(group.key, members_leaves)
        group_leaves.append(members_leaves)

    values: dict[Entry, int] = {}
    relations: list[list[Entry]] = []
    for key, row_counts in counts.items():
        good = sum(row_counts[c] for c in range(width) if c in good_columns)
        entries = dict(zip(parts, row_counts, strict=True)) | {
            ALL: sum(row_counts),
            GOOD: good,
            REST: sum(row_counts) - good,
        }
        values |= {(key, name): value for name, value in entries.items()}
        relations.append([(key, name) for name in [*parts, ALL]])
        relations.append([(key, name) for name in [*good_parts, GOOD]])
        relations.append([(key, name) for name in [*rest_parts, REST]])
        relations.append([(key, GOOD), (key, REST), (key, ALL)])
    fixed: dict[Entry, bool] = {}
    for group, flat in zip(groups, group_leaves, strict=True):
        fixed |= {(group.key, name): hidden for name, hidden in group.fixed.items()}
        for name in names:
            relations.append([(member, name) for member in group.members] + [(group.key, name)])
            if flat != group.members:
                relations.append([(leaf, name) for leaf in flat] + [(group.key, name)])

    decision = protect(values, relations, threshold, fixed=fixed)
    shown = published(values, decision, threshold)

    def safe(key: str) -> SafeRow:
        total, good = shown[(key, ALL)], shown[(key, GOOD)]
        return SafeRow(
            key,
            labels[key],
            tuple(shown[(key, name)] for name in parts),
            total,
            good,
            shown[(key, REST)],
            share(good, total, values[(key, GOOD)], values[(key, ALL)]),
        )

    return {key: safe(key) for key in counts}


def protect_table(
    rows: Sequence[RawRow],
    threshold: int,
    *,
    good_columns: Collection[int],
    width: int,
    total_label: str = "All",
    fixed_total: Mapping[str, bool] | None = None,
) -> tuple[tuple[SafeRow, ...], SafeRow]:
    """Rows with a total row (their column sums), the usual shape of a breakdown."""
    total = Group(TOTAL, total_label, tuple(row.key for row in rows), dict(fixed_total or {}))
    safe = protect_groups(rows, threshold, good_columns=good_columns, groups=[total], width=width)
    return tuple(safe[row.key] for row in rows), safe[TOTAL]
