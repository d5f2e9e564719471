"""What a reader could work out about hidden counts from the published ones.

A reader knows every shown count, that each sum relation holds (a row and its total, a
column and its total row, a group and its members), and what the published rule says about
each hidden count: one shown as "<5" is 1 to 4; one shown as "*" could be any count. From
that alone a hidden count can be pinned:

- by the sums on their own (two tables of sums that share hidden cells can solve for one),
  found by row reduction over the hidden counts; or
- by the sums and the bounds together: two "<5" in a row whose hidden part adds to 2 are
  both 1, and four "<5" adding up to a "<5" total are all 1; found first by narrowing each
  hidden count's range through every relation until nothing changes, then, since that
  looks at one relation at a time, by finding the least and the most each hidden count
  can be over all the relations and bounds together (a small linear programme per set of
  linked hidden counts, :func:`_by_programme`): a row whose hidden part is 6 and another
  whose hidden part is 8, linked through two columns, can leave two "<5" adding to 2.

Used by :func:`auditdesk.domain.suppression.protect` to keep hiding until neither works.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from fractions import Fraction
from typing import Generic, TypeVar

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
    and most the reader knows it could be.

    The rule, as plainly as it can be written: choosing what to hide asks it so often that
    :class:`~auditdesk.domain.hidden_sums.HiddenSums` keeps its sums up to date instead,
    and is tested against this."""
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
) -> list[K]:
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
    found = _by_reduction(equations) | _by_bounds(equations, small, threshold)
    if not found:  # cheap checks first: the caller hides more and asks again
        found = _by_programme(equations, values, small, threshold)
    # In the table's order: the caller hides one entry for each in turn, and a set of text
    # keys iterates differently in every process (string hashes are salted).
    return [key for key in values if key in found]


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


EPSILON = 1e-9
MOST_PIVOTS = 20_000  # per linked set; far beyond what tables of sums need (a safety stop)
DANTZIG_PIVOTS = 50  # per count; then Bland's rule, which cannot cycle


def _by_programme(
    equations: list[tuple[dict[K, int], int]],
    values: Mapping[K, int],
    small: Mapping[K, bool],
    threshold: int,
) -> set[K]:
    """Hidden counts whose least and most, over every relation and every bound together,
    leave a single whole number: the linear programme "most (least) this count can be"
    solved for each, on each set of hidden counts linked by relations. A count is safe as
    soon as some solution of the relations within the bounds puts it at least 1 away from
    its true value (the true counts are one solution, so its range then holds two whole
    numbers); every solution met on the way is used as such a witness for all counts."""
    pinned: set[K] = set()
    for component in _components(equations):
        pinned |= _Programme(component, values, small, threshold).pinned()
    return pinned


def _components(
    equations: list[tuple[dict[K, int], int]],
) -> list[list[tuple[dict[K, int], int]]]:
    parent: dict[K, K] = {}

    def root(key: K) -> K:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for terms, _rhs in equations:
        first, *rest = terms
        for other in rest:
            parent[root(other)] = root(first)
        root(first)
    groups: dict[K, list[tuple[dict[K, int], int]]] = defaultdict(list)
    for equation in equations:
        groups[root(next(iter(equation[0])))].append(equation)
    return list(groups.values())


class _Programme(Generic[K]):
    """Bounded-variable primal simplex over one set of linked hidden counts.

    The relations are row-reduced (exactly, in fractions) so that some counts ("basic")
    are written in terms of the others ("non-basic"); the true counts are a solution, so
    the search starts there and needs no first phase. Non-basic counts may sit between
    their bounds, and move either way."""

    def __init__(
        self,
        equations: list[tuple[dict[K, int], int]],
        values: Mapping[K, int],
        small: Mapping[K, bool],
        threshold: int,
    ) -> None:
        keys: list[K] = []
        seen: set[K] = set()
        for terms, _rhs in equations:
            for key in terms:
                if key not in seen:
                    seen.add(key)
                    keys.append(key)
        self.keys = keys
        index = {key: number for number, key in enumerate(keys)}
        self.truth = [float(values[key]) for key in keys]
        self.low = [float(bounds(small[key], threshold)[0]) for key in keys]
        self.high = [float(bounds(small[key], threshold)[1]) for key in keys]
        self.value = list(self.truth)
        # Exact reduced row echelon form: pivot variable -> {other variable: coefficient}
        # meaning pivot + sum(coefficient * other) = constant.
        pivots: dict[int, dict[int, Fraction]] = {}
        for terms, _rhs in equations:
            row = {index[key]: Fraction(c) for key, c in terms.items() if c}
            for column, pivot_row in pivots.items():
                factor = row.get(column)
                if factor:
                    for other, c in pivot_row.items():
                        row[other] = row.get(other, Fraction(0)) - factor * c
                    row = {k: c for k, c in row.items() if c}
            if not row:
                continue
            column = min(row)
            lead = row[column]
            row = {k: c / lead for k, c in row.items()}
            for other_column, other_row in pivots.items():
                factor = other_row.get(column)
                if factor:
                    merged = dict(other_row)
                    for k, c in row.items():
                        merged[k] = merged.get(k, Fraction(0)) - factor * c
                    pivots[other_column] = {k: c for k, c in merged.items() if c}
            pivots[column] = row
        self.basic = list(pivots)  # row number -> variable
        self.nonbasic = [v for v in range(len(keys)) if v not in pivots]  # column -> variable
        column_of = {v: number for number, v in enumerate(self.nonbasic)}
        # basic = sum(tableau[row][column] * nonbasic[column]) + constant
        self.tableau = [[0.0] * len(self.nonbasic) for _ in self.basic]
        for row_number, v in enumerate(self.basic):
            for other, c in pivots[v].items():
                if other != v:
                    self.tableau[row_number][column_of[other]] = -float(c)
        self.row_of = {v: number for number, v in enumerate(self.basic)}
        self.column_of = column_of
        self.moved = [False] * len(keys)
        self.pivots_left = MOST_PIVOTS

    def witness(self) -> None:
        for v, value in enumerate(self.value):
            if not self.moved[v] and abs(value - self.truth[v]) >= 1 - EPSILON:
                self.moved[v] = True

    def pinned(self) -> set[K]:
        found: set[K] = set()
        for v in range(len(self.keys)):
            if v in self.row_of and not any(self.tableau[self.row_of[v]]):
                found.add(self.keys[v])  # the sums alone fix it
                self.moved[v] = True
        for v in range(len(self.keys)):
            if self.moved[v]:
                continue
            if not self.push(v, 1) and not self.push(v, -1):
                found.add(self.keys[v])
        return found

    def objective(self, target: int) -> list[float]:
        """Reduced costs of the non-basic variables for "maximise target"."""
        if target in self.row_of:
            return self.tableau[self.row_of[target]]
        costs = [0.0] * len(self.nonbasic)
        costs[self.column_of[target]] = 1.0
        return costs

    def push(self, target: int, sign: int) -> bool:
        """Move ``target`` (up for sign 1, down for -1) until it is 1 from its true value:
        True if it gets there, False if it cannot."""
        goal = self.truth[target] + sign * (1 - EPSILON)
        pivots = 0
        while True:
            if sign * (self.value[target] - goal) >= 0:
                self.witness()
                return True
            if self.pivots_left <= 0:
                return False  # treat as pinned: hiding more is the safe side
            costs = self.objective(target)
            entering, direction = self.choose(costs, sign, bland=pivots >= DANTZIG_PIVOTS)
            if entering is None:
                return False  # optimal short of the goal
            pivots += 1
            self.pivots_left -= 1
            if not self.step(entering, direction):
                return True  # unbounded that way
            self.witness()

    def choose(self, costs: list[float], sign: int, *, bland: bool) -> tuple[int | None, int]:
        best, best_gain, best_direction = None, 0.0, 0
        for column, cost in enumerate(costs):
            gain = cost * sign
            if abs(gain) <= EPSILON:
                continue
            v = self.nonbasic[column]
            direction = 1 if gain > 0 else -1
            room = self.high[v] - self.value[v] if direction > 0 else self.value[v] - self.low[v]
            if room <= EPSILON:
                continue
            if bland:
                if best is None or v < self.nonbasic[best]:
                    best, best_direction = column, direction
            elif abs(gain) > best_gain:
                best, best_gain, best_direction = column, abs(gain), direction
        return best, best_direction

    def step(self, column: int, direction: int) -> bool:
        """Move non-basic ``column`` in ``direction`` as far as the bounds allow, pivoting
        on the basic variable that stops it; False if nothing stops it."""
        v = self.nonbasic[column]
        limit = self.high[v] - self.value[v] if direction > 0 else self.value[v] - self.low[v]
        leaving = None
        for row_number, row in enumerate(self.tableau):
            rate = row[column] * direction
            if abs(rate) <= EPSILON:
                continue
            b = self.basic[row_number]
            room = (
                (self.high[b] - self.value[b]) / rate
                if rate > 0
                else (self.value[b] - self.low[b]) / -rate
            )
            room = max(room, 0.0)
            if room < limit - EPSILON:
                limit, leaving = room, row_number
            elif room <= limit + EPSILON and leaving is not None and b < self.basic[leaving]:
                limit, leaving = min(room, limit), row_number  # Bland's rule among ties
        if math.isinf(limit):
            return False
        delta = limit * direction
        self.value[v] += delta
        for row_number, row in enumerate(self.tableau):
            if row[column]:
                self.value[self.basic[row_number]] += row[column] * delta
        if leaving is not None:
            self.pivot(leaving, column)
        return True

    def pivot(self, row_number: int, column: int) -> None:
        """Swap basic ``row_number`` with non-basic ``column``."""
        row = self.tableau[row_number]
        lead = row[column]
        # entering = (leaving - sum(row[k] * x_k for k != column)) / lead
        new_row = [-c / lead for c in row]
        new_row[column] = 1.0 / lead
        for other_number, other in enumerate(self.tableau):
            if other_number == row_number:
                continue
            factor = other[column]
            if factor:
                for k, c in enumerate(new_row):
                    if c:
                        other[k] += factor * c
                other[column] = factor * new_row[column]
        self.tableau[row_number] = new_row
        entering, leaving = self.nonbasic[column], self.basic[row_number]
        self.basic[row_number], self.nonbasic[column] = entering, leaving
        del self.row_of[leaving]
        del self.column_of[entering]
        self.row_of[entering] = row_number
        self.column_of[leaving] = column
        low, high = self.low[leaving], self.high[leaving]
        # snap the leaving variable onto the bound it reached
        if abs(self.value[leaving] - low) <= abs(self.value[leaving] - high):
            self.value[leaving] = low
        else:
            self.value[leaving] = high
