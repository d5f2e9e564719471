"""Small-count suppression: no published table may point at an identifiable child.

The rule, as councils publish SEND statistics:
- **Primary**: a count from 1 to ``threshold - 1`` (1-4 by default) is shown as "<5".
  Zero is shown: it says nothing about any child.
- **Secondary**: a published total is a sum of its parts, so a single hidden part could be
  worked out by subtraction. Every sum relation (a row and its total, a column and its
  total, the audits judged good or better and the grades that make them up, a group and
  its members) must hide none or at least two of its entries, and more are hidden (shown
  as "*") until no hidden count can be worked out: not by subtraction, not from what "<5"
  says about a count (two "<5" adding to 2 are both 1), and not by combining the relations
  of a table. A "*" may stand for any count: a zero or a "<5" is marked "*" when that is
  the only way to stop a figure being worked out. Each time the entry that does most for
  least is chosen, the smallest non-zero one among equals, so as little as possible is lost.
- A percentage is shown only when its numerator and denominator both are.

Figures that appear in several tables (a breakdown's total row is the headline) are
protected together, so what one hides the others cannot give away.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from auditdesk.domain.disclosure import worked_out
from auditdesk.domain.hidden_sums import HiddenSums

DEFAULT_THRESHOLD = 5
SECONDARY_MARK = "*"
CANDIDATES = 8  # of each exposed relation, the cheapest weighed when choosing what to hide

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
    """One count as published; pass ``suppressed`` to hide it for a secondary reason
    (which marks even a small count "*", when "<5" itself would say too much)."""
    if value < 0:
        raise ValueError(f"a count cannot be negative (got {value})")
    if suppressed is Suppressed.SECONDARY:
        return Count(None, SECONDARY_MARK, Suppressed.SECONDARY)
    if is_small(value, threshold):
        return Count(None, small_mark(threshold), Suppressed.SMALL)
    if suppressed is not None:
        return Count(None, SECONDARY_MARK, Suppressed.SECONDARY)
    return Count(value, f"{value:,}")


def protect(
    values: Mapping[K, int],
    relations: Iterable[Sequence[K]],
    threshold: int,
    *,
    fixed: Mapping[K, bool] | None = None,
) -> dict[K, Suppressed | None]:
    """Decide which entries to hide.

    ``values`` are the true counts; each relation lists entries whose last is the sum of
    the others (a row's cells then its total; a column's cells then its total row).
    ``fixed`` entries were decided by another table that publishes the same figure
    (``True``: hidden there): they keep that decision and are never chosen to hide, so the
    two tables cannot contradict each other. Entries are tried in the order ``values``
    gives them, so the result is deterministic.

    Hiding goes on until no hidden count can be worked out: first relation by relation
    (a lone hidden entry, or hidden entries whose sum leaves them no room), then from all
    the relations together (:mod:`auditdesk.domain.disclosure`). A "*" says nothing about
    the count behind it, so a zero, or a small count whose "<5" would itself give a figure
    away (four "<5" adding up to a "<5" are all 1), may be hidden as "*" when nothing else
    will do.
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
    if any(decision.values()):
        _Hider(values, groups, threshold, fixed, decision).run()
    return decision


class _Hider(Generic[K]):
    """Hides more entries, one at a time, until no hidden count can be worked out."""

    def __init__(
        self,
        values: Mapping[K, int],
        groups: list[tuple[K, ...]],
        threshold: int,
        fixed: Mapping[K, bool],
        decision: dict[K, Suppressed | None],
    ) -> None:
        self.values, self.groups, self.threshold = values, groups, threshold
        self.fixed, self.decision = fixed, decision
        self.rank = {key: position for position, key in enumerate(values)}
        self.membership: dict[K, list[int]] = {key: [] for key in values}
        for number, group in enumerate(groups):
            for key in set(group):
                self.membership[key].append(number)
        self.marks = {key: reason is Suppressed.SMALL for key, reason in decision.items()}
        self.sums = HiddenSums(values, groups, threshold)
        for key, reason in decision.items():
            if reason is not None:
                self.sums.hide(key, small=reason is Suppressed.SMALL)
        self.unsafe = {number for number in range(len(groups)) if not self.sums.safe(number)}

    def choosable(self, key: K) -> bool:
        """Not hidden yet, or hidden as "<5" where "*" would say less; never a figure
        another table decided."""
        return key not in self.fixed and self.decision[key] is not Suppressed.SECONDARY

    def cheap(self, key: K) -> tuple[bool, bool, int, int]:
        # A non-zero count before a zero, a count not yet hidden before a "<5" turned to
        # "*", and the smallest, so as little as possible is lost.
        value = self.values[key]
        return value == 0, self.decision[key] is not None, value, self.rank[key]

    def hide(self, key: K) -> None:
        self.decision[key], self.marks[key] = Suppressed.SECONDARY, False
        self.sums.hide(key, small=False)
        for number in self.membership[key]:
            if self.sums.safe(number):
                self.unsafe.discard(number)
            else:
                self.unsafe.add(number)

    def open_to_choice(self, numbers: Iterable[int]) -> set[int]:
        return {n for n in numbers if any(self.choosable(key) for key in self.groups[n])}

    def best(self, exposed: set[int]) -> K | None:
        """The entry that makes the most exposed relations safe while making the fewest
        safe ones unsafe; among equals, the cheapest. Only the few cheapest entries of each
        relation are weighed: a quality area can hold hundreds."""
        candidates = {
            key
            for number in exposed
            for key in sorted(filter(self.choosable, self.groups[number]), key=self.cheap)[
                :CANDIDATES
            ]
        }
        costs = {}
        for key in candidates:
            after = self.sums.safe_if_hidden(key)
            closes = sum(number in exposed and after[number] for number in after)
            opens = sum(number not in self.unsafe and not after[number] for number in after)
            costs[key] = (opens - closes, *self.cheap(key))
        return min(candidates, key=costs.__getitem__) if candidates else None

    def run(self) -> None:
        while True:
            chosen = self.best(self.open_to_choice(self.unsafe))
            if chosen is not None:
                self.hide(chosen)
                continue
            # Safe relation by relation: now all of them together. One entry is hidden for
            # each count that could be worked out, then the relations are looked at again.
            pinned = worked_out(self.values, self.groups, self.decision, self.marks, self.threshold)
            hidden_any = False
            for key in pinned:
                chosen = self.best(self.open_to_choice(self.membership[key]))
                if chosen is not None:
                    self.hide(chosen)
                    hidden_any = True
            if not hidden_any:
                return


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
        "could be worked out from totals and the other figures, in any table, more figures are "
        f"hidden and shown as “{SECONDARY_MARK}”, which may stand for any count, zero or small "
        "included. A percentage or interval is hidden when the counts it is made from are."
    )


def describe_limits(threshold: int) -> str:
    """What suppression cannot do, for the About sheet, the Board pack and the README: it
    holds within one copy, not between copies whose audits overlap."""
    if threshold <= 1:
        return "Nothing is hidden in this export, so nothing here protects small numbers."
    return (
        "Suppression holds within this one copy: no hidden count can be worked out from the "
        "figures it shows. It cannot hold between copies. Two copies whose audits overlap "
        "(a period and the same period a day shorter; all localities and all but one; with "
        "and without a template) can be subtracted one from the other to recover small "
        "counts, down to a single audit. Publish or share only one copy of any set of "
        "audits, and do not publish copies of overlapping scopes together."
    )
