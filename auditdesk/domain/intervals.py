"""Honest uncertainty for "% good or better" when samples are small.

A Board sees percentages from a few dozen audits, where 60% of 10 and 60% of 1,000 mean
very different things. The Wilson score interval stays inside 0-100% and keeps its promised
coverage for small samples and for proportions near 0 or 1, where the textbook
"p ± 1.96 × standard error" (the Wald interval) is badly wrong. The change between two
periods uses Newcombe's hybrid score interval (his method 10), built from the two Wilson
intervals for the same reasons.

References: E. B. Wilson (1927), JASA 22:209-212; R. G. Newcombe (1998), Statistics in
Medicine 17:873-890.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: The two-sided 95% point of the standard normal distribution.
Z_95 = 1.959963984540054


@dataclass(frozen=True)
class Interval:
    """A range for a proportion (0-1) or a difference of proportions (-1 to 1)."""

    low: float
    high: float

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high


def wilson_interval(successes: int, trials: int, z: float = Z_95) -> Interval | None:
    """The Wilson score interval for ``successes`` out of ``trials``; ``None`` for none."""
    if trials < 0 or successes < 0 or successes > trials:
        raise ValueError(f"need 0 <= successes <= trials, got {successes} of {trials}")
    if trials == 0:
        return None
    p = successes / trials
    z2 = z * z
    centre = (p + z2 / (2 * trials)) / (1 + z2 / trials)
    half = (z / (1 + z2 / trials)) * math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials))
    # Exact ends at 0 and n: floating-point noise must not put 0% outside its own interval.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == trials else min(1.0, centre + half)
    return Interval(low, high)


def difference_interval(
    successes: int, trials: int, earlier_successes: int, earlier_trials: int, z: float = Z_95
) -> Interval | None:
    """Newcombe's interval for p - p_earlier (the change since an earlier period)."""
    now = wilson_interval(successes, trials, z)
    before = wilson_interval(earlier_successes, earlier_trials, z)
    if now is None or before is None:
        return None
    p1, p2 = successes / trials, earlier_successes / earlier_trials
    difference = p1 - p2
    below = math.sqrt((p1 - now.low) ** 2 + (before.high - p2) ** 2)
    above = math.sqrt((now.high - p1) ** 2 + (p2 - before.low) ** 2)
    return Interval(max(-1.0, difference - below), min(1.0, difference + above))
