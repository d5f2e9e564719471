"""Agreement between a first and a second marker: how a council knows its grades are
consistent.

Ratings are compared on the common 1-4 points every scale maps to (4 best), so questions
on different scales pool into section and overall figures. Pairs where either marker said
N/A, or gave no graded rating, are left out and the pair count says how many were used.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

CATEGORIES = (1, 2, 3, 4)


@dataclass(frozen=True)
class Agreement:
    pairs: int
    exact: int
    percent: float | None  # exact agreement, 0-100
    kappa: float | None  # linear-weighted Cohen's kappa; None when undefined

    @property
    def kappa_band(self) -> str:
        """Landis and Koch's words for a kappa value, the ones Boards usually see."""
        return kappa_band(self.kappa)

    def describe(self) -> str:
        """The figures in words, with the counts behind the percentage, so they can be
        checked against other counts: "33% exact agreement (15 of 46 pairs the same);
        weighted kappa 0.31 (fair)"."""
        if not self.pairs:
            return "no pairs to compare yet"
        percent = (
            f"{self.percent:.0f}% exact agreement ({self.exact:,} of {self.pairs:,} "
            f"pair{'s' if self.pairs != 1 else ''} the same)"
        )
        if self.kappa is None:
            return f"{percent}; weighted kappa not defined (no variation)"
        return f"{percent}; weighted kappa {self.kappa:.2f} ({self.kappa_band.lower()})"


Table = Mapping[tuple[int, int], int]


def agreement(pairs: Sequence[tuple[int, int]]) -> Agreement:
    """Percent agreement and linear-weighted kappa for (first, second) points pairs."""
    return agreement_from_table(Counter(pairs))


def agreement_from_table(table: Table) -> Agreement:
    """The same from a contingency table {(first, second): count}, as SQL returns it."""
    for (first, second), count in table.items():
        for point in (first, second):
            if type(point) is not int or point not in CATEGORIES:
                raise ValueError(f"ratings must be points 1-4, got ({first}, {second})")
        if count < 0:
            raise ValueError(f"a count cannot be negative (got {count} for ({first}, {second}))")
    total = sum(table.values())
    if total == 0:
        return Agreement(0, 0, None, None)
    exact = sum(count for (first, second), count in table.items() if first == second)
    return Agreement(total, exact, 100.0 * exact / total, weighted_kappa(table))


def weighted_kappa(table: Table) -> float | None:
    """Cohen's kappa with linear weights over the fixed four categories.

    Weights are 1 - |i - j| / 3, so a one-grade difference earns partial credit. The
    categories are fixed (not only those observed) so kappa means the same thing across
    samples. Undefined (``None``) when chance agreement is already perfect, which happens
    when both markers used a single, identical category throughout.
    """
    total = sum(table.values())
    if total == 0:
        return None
    span = CATEGORIES[-1] - CATEGORIES[0]

    def weight(i: int, j: int) -> float:
        return 1 - abs(i - j) / span

    observed = sum(weight(a, b) * count for (a, b), count in table.items()) / total
    first: Counter[int] = Counter()
    second: Counter[int] = Counter()
    for (a, b), count in table.items():
        first[a] += count
        second[b] += count
    expected = sum(
        (first[i] / total) * (second[j] / total) * weight(i, j)
        for i in CATEGORIES
        for j in CATEGORIES
    )
    if abs(1 - expected) < 1e-12:
        return None
    return (observed - expected) / (1 - expected)


def kappa_band(kappa: float | None) -> str:
    if kappa is None:
        return "Not defined"
    if kappa < 0:
        return "Poor"
    for ceiling, words in ((0.2, "Slight"), (0.4, "Fair"), (0.6, "Moderate"), (0.8, "Substantial")):
        if kappa <= ceiling:
            return words
    return "Almost perfect"
