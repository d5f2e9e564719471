"""What a reader could work out about hidden counts from the published ones.

A reader knows every shown count, that each sum relation holds (a row and its total, a
column and its total row, a group and its members), and what the published rule says about
each hidden count: one shown as "<5" is 1 to 4; one shown as "*" could be any count. From
that alone a hidden count can be pinned:

- by the sums on their own (two tables of sums that share hidden cells can solve for one),
  found by row reduction over the hidden counts; or
- by the sums and the bounds together: two "<5" in a row whose hidden part adds to 2 are
  both 1, and four "<5" adding up to a "<5" total are all 1; found by narrowing each
  hidden count's range through every relation until nothing changes.

Used by :func:`auditdesk.domain.suppression.protect` to keep hiding until neither works.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
#: Row reduction is done modulo this prime (2**61 - 1): exact for which counts are pinned
#: with overwhelming probability, and far cheaper than fractions on large tables.
PRIME = (1 << 61) - 1
PASSES = 100  # bound narrowing rounds; each round only tightens, so this is a safety stop


def bounds(small: bool, threshold: int) -> tuple[float, float]:
    """What a reader knows of a hidden count: 1 to threshold - 1 if shown as "<5";
    nothing but that it is a count if shown as "*" (the published rule says a "*" may be
    any count, zero or small included)."""
    return (1, threshold - 1) if small else (0, math.inf)


def signed_terms(relation: Sequence[K]) -> list[tuple[K, int]]:
    """A relation lists its parts, then their total last: parts +1, the total -1."""
    *parts, total = relation
    return [(key, 1) for key in parts] + [(total, -1)]


def relation_is_safe(
    terms: Sequence[tuple[K, int]],
    values: Mapping[K, int],
    hidden: Mapping[K, object],  # truthy when hidden
    small: Mapping[K, bool],
    threshold: int,
) -> bool:
    """True when no hidden count of one relation (its :func:`signed_terms`) can be worked
    out from it alone: none hidden, or at least two whose sum is strictly between the least
    and most the reader knows it could be."""
    terms = [(key, sign) for key, sign in terms if hidden[key]]
    if not terms:
        return True
    if len(terms) == 1:
        return False
    least, most, actual = 0.0, 0.0, 0
    for key, sign in terms:
        low, high = bounds(small[key], threshold)
        if sign > 0:
            least, most = least + low, most + high
        else:
            least, most = least - high, most - low
        actual += sign * values[key]
    return least < actual < most


def worked_out(
    values: Mapping[K, int],
    relations: Sequence[Sequence[K]],
    hidden: Mapping[K, object],  # truthy when hidden
    small: Mapping[K, bool],
    threshold: int,
) -> set[K]:
    """Every hidden count a reader could pin down from all the relations together."""
    equations: list[tuple[dict[K, int], int]] = []
    for relation in relations:
        terms: dict[K, int] = defaultdict(int)
        rhs = 0
        for key, sign in signed_terms(relation):
            if hidden[key]:
                terms[key] += sign
            else:
                rhs -= sign * values[key]
        terms = {key: c for key, c in terms.items() if c}
        if terms:
            equations.append((terms, rhs))
    return _by_reduction(equations) | _by_bounds(equations, small, threshold)


def _by_reduction(equations: list[tuple[dict[K, int], int]]) -> set[K]:
    """Hidden counts the sums alone determine: a unit vector in the row space, which shows
    as a row with a single entry once the rows are fully reduced."""
    pivots: dict[K, dict[K, int]] = {}
    order: list[K] = []
    for terms, _rhs in equations:
        row = {key: c % PRIME for key, c in terms.items()}
        for column in order:
            factor = row.get(column)
            if factor:
                for key, c in pivots[column].items():
                    row[key] = (row.get(key, 0) - factor * c) % PRIME
                row = {key: c for key, c in row.items() if c}
        if not row:
            continue
        column = next(iter(row))
        inverse = pow(row[column], PRIME - 2, PRIME)
        row = {key: c * inverse % PRIME for key, c in row.items()}
        for other in order:  # keep the basis fully reduced
            factor = pivots[other].get(column)
            if factor:
                merged = dict(pivots[other])
                for key, c in row.items():
                    merged[key] = (merged.get(key, 0) - factor * c) % PRIME
                pivots[other] = {key: c for key, c in merged.items() if c}
        pivots[column] = row
        order.append(column)
    return {column for column, row in pivots.items() if len(row) == 1}


def _by_bounds(
    equations: list[tuple[dict[K, int], int]], small: Mapping[K, bool], threshold: int
) -> set[K]:
    """Hidden counts the sums and the bounds determine together."""
    low: dict[K, float] = {}
    high: dict[K, float] = {}
    for terms, _rhs in equations:
        for key in terms:
            low[key], high[key] = bounds(small[key], threshold)
    for _round in range(PASSES):
        changed = False
        for terms, rhs in equations:
            for key, coefficient in terms.items():
                least = most = float(rhs)  # of rhs less the other terms
                for other, c in terms.items():
                    if other != key:
                        least -= c * (high[other] if c > 0 else low[other])
                        most -= c * (low[other] if c > 0 else high[other])
                if coefficient < 0:
                    least, most = most / coefficient, least / coefficient
                else:
                    least, most = least / coefficient, most / coefficient
                if math.isfinite(least) and math.ceil(least - 1e-9) > low[key]:
                    low[key], changed = math.ceil(least - 1e-9), True
                if math.isfinite(most) and math.floor(most + 1e-9) < high[key]:
                    high[key], changed = math.floor(most + 1e-9), True
        if not changed:
            break
    return {key for key in low if low[key] >= high[key]}
