"""Ofsted's four-point scale, the judgement every audit ends in.

Points run the "natural" way (4 = Outstanding) so averages and comparisons read simply;
Ofsted's own numbering (1 = Outstanding) is :attr:`Grade.ofsted_number`, which is also the
key a person presses to choose it.
"""

from __future__ import annotations

from enum import StrEnum


class Grade(StrEnum):
    OUTSTANDING = "outstanding"
    GOOD = "good"
    REQUIRES_IMPROVEMENT = "requires_improvement"
    INADEQUATE = "inadequate"

    @property
    def points(self) -> int:
        return _POINTS[self]

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def ofsted_number(self) -> int:
        return 5 - self.points

    @classmethod
    def from_points(cls, points: int) -> Grade:
        return _BY_POINTS[points]

    @classmethod
    def parse(cls, text: str) -> Grade:
        wanted = text.strip().casefold()
        for grade in cls:
            if wanted in (grade.value, grade.label.casefold(), str(grade.ofsted_number)):
                return grade
        if wanted == "ri":
            return cls.REQUIRES_IMPROVEMENT
        raise ValueError(
            f"'{text}' is not a grade; use Outstanding, Good, Requires improvement or Inadequate"
        )

    def better_than(self, other: Grade) -> bool:
        return self.points > other.points


#: Highest first, the order people read a distribution in.
GRADES_BEST_FIRST: tuple[Grade, ...] = (
    Grade.OUTSTANDING,
    Grade.GOOD,
    Grade.REQUIRES_IMPROVEMENT,
    Grade.INADEQUATE,
)

_POINTS = {
    Grade.OUTSTANDING: 4,
    Grade.GOOD: 3,
    Grade.REQUIRES_IMPROVEMENT: 2,
    Grade.INADEQUATE: 1,
}
_BY_POINTS = {points: grade for grade, points in _POINTS.items()}
_LABELS = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "Requires improvement",
    Grade.INADEQUATE: "Inadequate",
}

#: The stored code for "not applicable", shared by every rating scale.
NOT_APPLICABLE = "na"
