"""An attacker for tests: everything a reader could work out exactly from published figures.

Written independently of :mod:`auditdesk.domain.suppression` (a check that reused the code
it checks would agree with it whatever it did). Cells are either known numbers or hidden,
with what the published rule says about a hidden one: "<5" is 1 to 4; "*" is whatever the
rule says it is (``star_low``: the least a "*" can be; 5 where the rule promised zero is
always shown and "<5" marks every small count, 0 where it says "*" may be any count). Sums
a reader knows hold between cells are linear equations. A hidden cell is worked out when

- the equations alone pin it (exact linear algebra over the hidden cells), or
- the equations and the bounds together pin it (interval propagation, repeated), or
- the least and the most it can be over all the equations and bounds at once leave one
  whole number (a textbook two-phase simplex, in floats, per linked set of hidden cells:
  this is what finds a pin that needs several equations combined with "<5" bounds);

whatever is worked out is fed back in until nothing more comes out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from math import ceil, floor

Key = Hashable
INFINITY = None  # an open upper bound


@dataclass
class Attack:
    threshold: int
    star_low: int = 0
    known: dict[Key, Fraction] = field(default_factory=dict)
    bounds: dict[Key, tuple[int, int | None]] = field(default_factory=dict)
    equations: list[tuple[dict[Key, Fraction], Fraction]] = field(default_factory=list)
    exposed: dict[Key, str] = field(default_factory=dict)  # given away outright, and how

    # -- what is published ------------------------------------------------------------------
    def cell(self, key: Key, value: object) -> None:
        """One published cell: a number, "<N", "*" (hidden), or anything else (ignored)."""
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, int | float):
            self.known[key] = Fraction(value)
        elif value == f"<{self.threshold}":
            self.bounds[key] = (1, self.threshold - 1)
        elif value == "*":
            self.bounds[key] = (self.star_low, INFINITY)

    def has(self, key: Key) -> bool:
        return key in self.known or key in self.bounds

    def total(self, parts: Iterable[Key], whole: Key) -> None:
        """``whole`` is the sum of ``parts`` (cells that were not published are skipped only
        when the relation would then be wrong, so every key must be a published cell)."""
        parts = list(parts)
        if not all(self.has(key) for key in [*parts, whole]):
            return
        terms: dict[Key, Fraction] = defaultdict(Fraction)
        for key in parts:
            terms[key] += 1
        terms[whole] -= 1
        self.equations.append((dict(terms), Fraction(0)))

    def same(self, first: Key, second: Key) -> None:
        self.total([first], second)

    def ratio(self, part: Key, whole: Key, share: object) -> None:
        """A published share (0-1, exact in a workbook) of two cells: part = share x whole."""
        if not isinstance(share, int | float) or isinstance(share, bool):
            return
        if not (self.has(part) and self.has(whole)):
            return
        self.equations.append(({part: Fraction(1), whole: -Fraction(share)}, Fraction(0)))

    # -- what can be worked out --------------------------------------------------------------
    def solve(self) -> dict[Key, Fraction]:
        """Every hidden cell a reader can work out exactly, with its value."""
        known = dict(self.known)
        bounds = {
            key: (Fraction(lo), None if hi is None else Fraction(hi))
            for key, (lo, hi) in self.bounds.items()
        }
        found: dict[Key, Fraction] = {}
        while True:
            reduced = _reduce(self.equations, known)
            new = _linear(reduced)
            if not new:
                new = _propagate(reduced, bounds)
            if not new:
                new = _programme(reduced, bounds)
            new = {key: value for key, value in new.items() if key not in known}
            if not new:
                return found
            known |= new
            found |= new


Equation = tuple[dict[Key, Fraction], Fraction]


def _reduce(equations: list[Equation], known: Mapping[Key, Fraction]) -> list[Equation]:
    """The equations over hidden cells alone, the known cells moved to the right."""
    result = []
    for terms, rhs in equations:
        left: dict[Key, Fraction] = {}
        right = rhs
        for key, coefficient in terms.items():
            if coefficient == 0:
                continue
            if key in known:
                right -= coefficient * known[key]
            else:
                left[key] = coefficient
        if left:
            result.append((left, right))
    return result


def _components(equations: list[Equation]) -> list[list[Equation]]:
    parent: dict[Key, Key] = {}

    def root(key: Key) -> Key:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for terms, _rhs in equations:
        keys = list(terms)
        for other in keys[1:]:
            parent[root(other)] = root(keys[0])
    groups: dict[Key, list[Equation]] = defaultdict(list)
    for equation in equations:
        groups[root(next(iter(equation[0])))].append(equation)
    return list(groups.values())


def _linear(equations: list[Equation]) -> dict[Key, Fraction]:
    """Cells pinned by the equations alone: reduced row echelon form, component by
    component; a row with a single unknown left gives it."""
    found: dict[Key, Fraction] = {}
    for component in _components(equations):
        columns = sorted({key for terms, _ in component for key in terms}, key=repr)
        index = {key: number for number, key in enumerate(columns)}
        rows = []
        for terms, rhs in component:
            row = [Fraction(0)] * (len(columns) + 1)
            for key, coefficient in terms.items():
                row[index[key]] = coefficient
            row[-1] = rhs
            rows.append(row)
        pivot_row = 0
        for column in range(len(columns)):
            chosen = next((r for r in range(pivot_row, len(rows)) if rows[r][column] != 0), None)
            if chosen is None:
                continue
            rows[pivot_row], rows[chosen] = rows[chosen], rows[pivot_row]
            lead = rows[pivot_row][column]
            rows[pivot_row] = [value / lead for value in rows[pivot_row]]
            for r in range(len(rows)):
                if r != pivot_row and rows[r][column] != 0:
                    factor = rows[r][column]
                    rows[r] = [
                        a - factor * b for a, b in zip(rows[r], rows[pivot_row], strict=True)
                    ]
            pivot_row += 1
        for row in rows:
            nonzero = [c for c in range(len(columns)) if row[c] != 0]
            if len(nonzero) == 1:
                found[columns[nonzero[0]]] = row[-1] / row[nonzero[0]]
    return found


def _propagate(
    equations: list[Equation], bounds: dict[Key, tuple[Fraction, Fraction | None]]
) -> dict[Key, Fraction]:
    """Cells pinned by the equations and the bounds together."""
    low: dict[Key, Fraction] = {}
    high: dict[Key, Fraction | None] = {}
    for terms, _ in equations:
        for key in terms:
            low[key], high[key] = bounds.get(key, (Fraction(0), None))
    for _pass in range(200):
        changed = False
        for terms, rhs in equations:
            for key, coefficient in terms.items():
                # coefficient * key = rhs - sum(others): bound the others' sum.
                least, most = rhs, rhs  # of rhs - others
                for other, c in terms.items():
                    if other == key:
                        continue
                    lo, hi = low[other], high[other]
                    if c > 0:
                        most = None if most is None else most - c * lo
                        least = None if (least is None or hi is None) else least - c * hi
                    else:
                        least = None if least is None else least - c * lo
                        most = None if (most is None or hi is None) else most - c * hi
                if coefficient < 0:
                    least, most = (
                        None if most is None else most / coefficient,
                        None if least is None else least / coefficient,
                    )
                else:
                    least = None if least is None else least / coefficient
                    most = None if most is None else most / coefficient
                if least is not None and Fraction(ceil(least)) > low[key]:
                    low[key], changed = Fraction(ceil(least)), True
                if most is not None and (high[key] is None or Fraction(floor(most)) < high[key]):  # type: ignore[operator]
                    high[key], changed = Fraction(floor(most)), True
        if not changed:
            break
    return {key: low[key] for key in low if high[key] is not None and high[key] == low[key]}


def _programme(
    equations: list[Equation], bounds: dict[Key, tuple[Fraction, Fraction | None]]
) -> dict[Key, Fraction]:
    """Cells whose least and most over every equation and bound leave one whole number."""
    found: dict[Key, Fraction] = {}
    for component in _components(equations):
        found |= _Simplex(component, bounds).pinned()
    return found


class _Simplex:
    """Standard form: y = x - low >= 0; the equations, and y + slack = high - low for a
    bounded cell, as rows of a dense tableau; phase one with an artificial per equation."""

    TOLERANCE = 1e-7

    def __init__(
        self, equations: list[Equation], bounds: dict[Key, tuple[Fraction, Fraction | None]]
    ) -> None:
        self.keys = sorted({key for terms, _ in equations for key in terms}, key=repr)
        n = len(self.keys)
        index = {key: number for number, key in enumerate(self.keys)}
        low = [bounds.get(key, (Fraction(0), None))[0] for key in self.keys]
        high = [bounds.get(key, (Fraction(0), None))[1] for key in self.keys]
        rows: list[tuple[dict[int, float], float, bool]] = []  # (terms, rhs, needs artificial)
        for terms, rhs in equations:
            row = {index[key]: c for key, c in terms.items()}
            b = rhs - sum(c * low[v] for v, c in row.items())
            sign = -1 if b < 0 else 1
            rows.append(({v: float(sign * c) for v, c in row.items()}, float(sign * b), True))
        bounded = [v for v in range(n) if high[v] is not None]
        for v in bounded:
            rows.append(({v: 1.0}, float(high[v] - low[v]), False))  # type: ignore[operator]
        self.low = [float(value) for value in low]
        slack = {v: n + number for number, v in enumerate(bounded)}
        artificial_base = n + len(bounded)
        self.width = artificial_base + sum(needs for _, _, needs in rows)
        self.artificials = set(range(artificial_base, self.width))
        self.table: list[list[float]] = []
        self.basis: list[int] = []
        next_artificial = artificial_base
        for terms, b, needs in rows:
            line = [0.0] * (self.width + 1)
            for v, c in terms.items():
                line[v] = c
            line[-1] = b
            if needs:
                line[next_artificial] = 1.0
                self.basis.append(next_artificial)
                next_artificial += 1
            else:
                (v,) = terms
                line[slack[v]] = 1.0
                self.basis.append(slack[v])
            self.table.append(line)
        self.n = n
        self.banned: set[int] = set()

    def optimise(self, cost: list[float]) -> float | None:
        """Maximise cost . columns from the current basis; None when unbounded."""
        for _ in range(100_000):
            reduced = list(cost)
            for line, b in zip(self.table, self.basis, strict=True):
                if cost[b]:
                    factor = cost[b]
                    for column in range(self.width):
                        if line[column]:
                            reduced[column] -= factor * line[column]
            entering = next(
                (
                    column
                    for column in range(self.width)
                    if column not in self.banned and reduced[column] > self.TOLERANCE
                ),
                None,
            )  # Bland's rule: no cycling
            if entering is None:
                return sum(
                    cost[b] * line[-1] for line, b in zip(self.table, self.basis, strict=True)
                )
            best = None
            for number, line in enumerate(self.table):
                if line[entering] > self.TOLERANCE:
                    ratio = line[-1] / line[entering]
                    if (
                        best is None
                        or ratio < best[0] - self.TOLERANCE
                        or (
                            ratio <= best[0] + self.TOLERANCE
                            and self.basis[number] < self.basis[best[1]]
                        )
                    ):
                        best = (ratio, number)
            if best is None:
                return None
            self.pivot(best[1], entering)
        raise AssertionError("simplex did not finish")

    def pivot(self, number: int, column: int) -> None:
        line = self.table[number]
        lead = line[column]
        line[:] = [value / lead for value in line]
        for other in self.table:
            if other is not line and other[column]:
                factor = other[column]
                other[:] = [a - factor * b for a, b in zip(other, line, strict=True)]
        self.basis[number] = column

    def pinned(self) -> dict[Key, Fraction]:
        phase_one = [0.0] * self.width
        for column in self.artificials:
            phase_one[column] = -1.0
        best = self.optimise(phase_one)
        assert best is not None
        assert best > -1e-6, "the published figures contradict each other"
        self.banned = set(self.artificials)
        for number in reversed(range(len(self.table))):  # drive artificials out of the basis
            if self.basis[number] in self.artificials:
                line = self.table[number]
                column = next(
                    (c for c in range(self.width) if c not in self.banned and abs(line[c]) > 1e-9),
                    None,
                )
                if column is None:
                    del self.table[number], self.basis[number]  # a redundant equation
                else:
                    self.pivot(number, column)
        found: dict[Key, Fraction] = {}
        for v, key in enumerate(self.keys):
            cost = [0.0] * self.width
            cost[v] = 1.0
            most = self.optimise(cost)
            if most is None:
                continue
            cost[v] = -1.0
            least = -(self.optimise(cost) or 0.0)
            if ceil(least + self.low[v] - 1e-6) == floor(most + self.low[v] + 1e-6):
                found[key] = Fraction(ceil(least + self.low[v] - 1e-6))
        return found
