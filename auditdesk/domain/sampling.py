"""The stratified sampling rule for moderation: which audits a sample draws.

Audits are grouped into strata (in AuditDesk: template x final grade, so every template and
every grade is seen by a second marker). Each stratum gives ``percentage`` of its audits,
rounded up, so a stratum with any audits in it is never left out, however small the rate.
The draw is repeatable: the same candidates, rate and seed always choose the same audits,
whatever order the candidates are given in.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparison

    Candidate = TypeVar("Candidate", bound=SupportsRichComparison)
    Stratum = TypeVar("Stratum", bound=SupportsRichComparison)
else:
    Candidate = TypeVar("Candidate")
    Stratum = TypeVar("Stratum")


@dataclass(frozen=True)
class StratumDraw(Generic[Stratum, Candidate]):
    """One stratum: how many candidates it had and which of them were drawn."""

    stratum: Stratum
    eligible: int
    drawn: tuple[Candidate, ...]


@dataclass(frozen=True)
class StratifiedSample(Generic[Stratum, Candidate]):
    strata: tuple[StratumDraw[Stratum, Candidate], ...]  # in stratum order

    @property
    def drawn(self) -> tuple[Candidate, ...]:
        """Everything drawn, in order."""
        return tuple(sorted(c for stratum in self.strata for c in stratum.drawn))

    @property
    def eligible(self) -> int:
        return sum(stratum.eligible for stratum in self.strata)


def stratum_share(eligible: int, percentage: float) -> int:
    """How many of a stratum's ``eligible`` candidates are drawn: ``percentage`` of them
    rounded up, so never none from a stratum that has any, and never more than it has."""
    if eligible <= 0:
        return 0
    return min(eligible, max(1, math.ceil(eligible * percentage / 100)))


def draw_stratified(
    candidates: Iterable[tuple[Candidate, Stratum]], *, percentage: float, seed: int
) -> StratifiedSample[Stratum, Candidate]:
    """Draw ``percentage`` (more than 0, at most 100) of each stratum's candidates.

    ``candidates`` are (candidate, its stratum) pairs; a candidate given twice counts once,
    and one given in two strata is refused (it would be drawn twice).
    Strata are drawn from in sorted order with one random generator seeded by ``seed``, and
    each stratum's candidates are sorted first, so the result depends only on what is given,
    never on the order it came in. (Samples drawn before this rule moved here drew the same
    way, so a seed kept from one still repeats it.)
    """
    if not 0 < percentage <= 100:
        raise ValueError(
            f"the sampling percentage must be more than 0 and at most 100, not {percentage}"
        )
    by_stratum: dict[Stratum, set[Candidate]] = defaultdict(set)
    stratum_of: dict[Candidate, Stratum] = {}
    for candidate, stratum in candidates:
        if stratum_of.setdefault(candidate, stratum) != stratum:
            raise ValueError(
                f"{candidate!r} is in two strata ({stratum_of[candidate]!r} and {stratum!r})"
            )
        by_stratum[stratum].add(candidate)
    rng = random.Random(seed)
    draws = []
    for stratum in sorted(by_stratum):
        members = sorted(by_stratum[stratum])
        drawn = rng.sample(members, stratum_share(len(members), percentage))
        draws.append(StratumDraw(stratum, len(members), tuple(sorted(drawn))))
    return StratifiedSample(tuple(draws))
