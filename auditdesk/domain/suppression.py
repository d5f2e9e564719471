"""Small-count suppression: no published table may point at an identifiable child.

The rule, as councils publish SEND statistics:
- **Primary**: a count from 1 to ``threshold - 1`` (1-4 by default) is shown as "<5".
  Zero is shown: it says nothing about any child.
- **Secondary**: a published total is a sum of its parts, so a single hidden part could be
  worked out by subtraction. Every sum relation (a row and its total, a column and its
  total, the audits judged good or better and the grades that make them up) must therefore
  hide either none or at least two of its entries; further entries are hidden (shown as
  "*") until that holds, choosing the smallest non-zero entry each time so as little as
  possible is lost.
- A percentage is shown only when its numerator and denominator both are.

This stops recovery by simple subtraction within any one relation, which is the standard
councils and the DfE apply. It is not a guarantee against every combination of several
relations (no practical method is), so the threshold should not be lowered for wider
audiences.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

DEFAULT_THRESHOLD = 5
SECONDARY_MARK = "*"

K = TypeVar("K", bound=Hashable)


class Suppressed(StrEnum):
    SMALL = "small"  # the count itself is 1 to threshold - 1
    SECONDARY = "secondary"  # hidden so a small count cannot be worked out


@dataclass(frozen=True)
class Count:
    """A count as published: ``shown`` is ``None`` when the count is suppressed."""

    shown: int | None
    text: str
    suppressed: Suppressed | None = None

    @property
    def is_suppressed(self) -> bool:
        return self.suppressed is not None


def small_mark(threshold: int) -> str:
    return f"<{threshold}"


def is_small(value: int, threshold: int) -> bool:
    return 0 < value < threshold


def count(value: int, threshold: int, suppressed: Suppressed | None = None) -> Count:
    """One count as published; pass ``suppressed`` to hide it for a secondary reason."""
    if value < 0:
        raise ValueError(f"a count cannot be negative (got {value})")
    if is_small(value, threshold):
        return Count(None, small_mark(threshold), Suppressed.SMALL)
    if suppressed is not None:
        return Count(None, SECONDARY_MARK, Suppressed.SECONDARY)
    return Count(value, f"{value:,}")


def protect(
    values: Mapping[K, int],
    relations: Iterable[Collection[K]],
    threshold: int,
    *,
    fixed: Mapping[K, bool] | None = None,
) -> dict[K, Suppressed | None]:
    """Decide which entries to hide.

    ``values`` are the true counts; each relation is a group of entries one of which is
    the sum of the others (which one does not matter here). ``fixed`` entries were decided
    by another table that publishes the same figure (``True``: hidden there): they keep
    that decision and are never chosen to hide, so the two tables cannot contradict each
    other. Entries are tried in the order ``values`` gives them, so the result is
    deterministic.
    """
    fixed = fixed or {}
    for key in fixed:
        if key not in values:
            raise KeyError(f"fixed entry {key!r} has no value")
    groups = [tuple(group) for group in relations]
    for group in groups:
        for key in group:
            if key not in values:
                raise KeyError(f"relation names {key!r}, which has no value")
    rank = {key: position for position, key in enumerate(values)}
    decision: dict[K, Suppressed | None] = {}
    for key, value in values.items():
        if value < 0:
            raise ValueError(f"a count cannot be negative (got {value} for {key!r})")
        if is_small(value, threshold):
            decision[key] = Suppressed.SMALL  # whatever another table decided
        elif fixed.get(key, False):
            decision[key] = Suppressed.SECONDARY
        else:
            decision[key] = None

    membership: dict[K, list[int]] = {key: [] for key in values}
    for number, group in enumerate(groups):
        for key in group:
            membership[key].append(number)

    def hidden_in(number: int) -> int:
        return sum(decision[key] is not None for key in groups[number])

    while True:
        exposed = [
            number
            for number, group in enumerate(groups)
            if hidden_in(number) == 1
            and any(decision[key] is None and key not in fixed for key in group)
        ]
        if not exposed:
            break
        # Hide the entry that closes the most exposed relations while opening the fewest
        # new ones (a relation with nothing hidden gains a lone hidden entry); then the
        # smallest non-zero one, so as little as possible is lost.
        exposed_set = set(exposed)
        candidates = {
            key
            for number in exposed
            for key in groups[number]
            if decision[key] is None and key not in fixed
        }

        costs = {}
        for key in candidates:
            closes = sum(number in exposed_set for number in membership[key])
            opens = sum(hidden_in(number) == 0 for number in membership[key])
            costs[key] = (opens - closes, values[key] == 0, values[key], rank[key])
        decision[min(candidates, key=costs.__getitem__)] = Suppressed.SECONDARY
    return decision


def published(
    values: Mapping[K, int], decision: Mapping[K, Suppressed | None], threshold: int
) -> dict[K, Count]:
    """The counts as shown, from :func:`protect`'s decision."""
    return {key: count(value, threshold, decision[key]) for key, value in values.items()}


def describe_rule(threshold: int) -> str:
    """The rule in words, for the About sheet and the Board pack."""
    if threshold <= 1:
        return (
            "Small-count suppression is switched off for this export: every count is shown. "
            "Do not share it beyond the people allowed to see individual audits."
        )
    return (
        f"Counts from 1 to {threshold - 1} in any table of figures are shown as "
        f"“{small_mark(threshold)}” so that no child can be identified. Where a hidden count "
        "could be worked out from a total and the other figures, another figure is hidden "
        f"too and shown as “{SECONDARY_MARK}”. A percentage is hidden when the counts it is "
        "made from are. Zero is always shown."
    )
