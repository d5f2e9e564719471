"""What each sum relation still lets a reader work out, kept up to date as entries are
hidden, for :class:`auditdesk.domain.suppression` choosing what to hide.

:func:`auditdesk.domain.disclosure.relation_is_safe` answers the question for one relation
by walking all of its terms. Choosing what to hide asks it for every relation of every
candidate entry, over and over, and a quality area's relation can hold hundreds of
entries: at one term of 10,000 audits that walk was most of the figures' time. Here each
relation keeps the sums the answer needs (how many of its terms are hidden, the least and
most their signed sum could be, and what it actually is), so asking is a few additions,
and so is asking "what if this entry were hidden too?".

The least and most may be unbounded (a "*" could be any count): the unbounded terms are
counted apart from the finite sums, so that taking a term's contribution back out stays
exact (infinity minus infinity is not a number).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from auditdesk.domain.disclosure import signed_terms

K = TypeVar("K", bound=Hashable)


@dataclass
class _Sums:
    """One relation's hidden terms, summed: ``least``/``most`` are the finite parts, and
    ``open_below``/``open_above`` count the terms that make them unbounded."""

    hidden: int = 0
    least: int = 0
    most: int = 0
    open_below: int = 0
    open_above: int = 0
    actual: int = 0

    def safe(self) -> bool:
        if self.hidden == 0:
            return True
        if self.hidden == 1:
            return False
        above_least = self.open_below > 0 or self.least < self.actual
        below_most = self.open_above > 0 or self.actual < self.most
        return above_least and below_most


#: How a term moves a relation's sums: (hidden, least, most, open_below, open_above, actual).
_Change = tuple[int, int, int, int, int, int]


class HiddenSums(Generic[K]):
    """Every relation's :class:`_Sums`, given the true counts, the relations (parts then
    their total, as :func:`signed_terms` reads them) and the threshold; entries are made
    hidden through :meth:`hide`, which says whether it is a "<5" or a "*"."""

    def __init__(
        self, values: Mapping[K, int], relations: Sequence[Sequence[K]], threshold: int
    ) -> None:
        self.values, self.threshold = values, threshold
        self.sums = [_Sums() for _ in relations]
        #: entry -> [(relation number, the entry's signs in it), ...]
        self.places: dict[K, list[tuple[int, list[int]]]] = defaultdict(list)
        for number, relation in enumerate(relations):
            signs: dict[K, list[int]] = defaultdict(list)
            for key, sign in signed_terms(relation):
                signs[key].append(sign)
            for key, its_signs in signs.items():
                self.places[key].append((number, its_signs))
        self.small: dict[K, bool] = {}  # hidden entries: True for "<5", False for "*"

    def safe(self, number: int) -> bool:
        """As :func:`~auditdesk.domain.disclosure.relation_is_safe` says of relation
        ``number`` with the entries hidden so far."""
        return self.sums[number].safe()

    def hide(self, key: K, *, small: bool) -> None:
        """Hide ``key`` (or change how it is hidden) in every relation it is in."""
        for number, signs in self.places[key]:
            sums = self.sums[number]
            for sign in signs:
                self._apply(sums, self._taken_back(key, sign))
                self._apply(sums, self._term(key, sign, small))
        self.small[key] = small

    def safe_if_hidden(self, key: K) -> dict[int, bool]:
        """Each of ``key``'s relations: would it be safe with ``key`` hidden as "*"? Asked
        without changing anything."""
        after: dict[int, bool] = {}
        for number, signs in self.places[key]:
            trial = _Sums(**vars(self.sums[number]))
            for sign in signs:
                self._apply(trial, self._taken_back(key, sign))
                self._apply(trial, self._term(key, sign, False))
            after[number] = trial.safe()
        return after

    # -- one term's share of a relation's sums --------------------------------------------------
    def _term(self, key: K, sign: int, small: bool) -> _Change:
        value = sign * self.values[key]
        if small:
            low, high = 1, self.threshold - 1
            if sign > 0:
                return (1, low, high, 0, 0, value)
            return (1, -high, -low, 0, 0, value)
        if sign > 0:  # 0 to unbounded
            return (1, 0, 0, 0, 1, value)
        return (1, 0, 0, 1, 0, value)  # unbounded below to 0

    def _taken_back(self, key: K, sign: int) -> _Change:
        """The negation of ``key``'s present share (nothing when it is not hidden yet)."""
        if key not in self.small:
            return (0, 0, 0, 0, 0, 0)
        share = self._term(key, sign, self.small[key])
        return (-share[0], -share[1], -share[2], -share[3], -share[4], -share[5])

    @staticmethod
    def _apply(sums: _Sums, change: _Change) -> None:
        sums.hidden += change[0]
        sums.least += change[1]
        sums.most += change[2]
        sums.open_below += change[3]
        sums.open_above += change[4]
        sums.actual += change[5]
