"""Suggested grades from answers, with the reasons a person can check.

Rules (all stated in the reasons so nobody has to trust a black box):
- Each rated answer that applies scores its option's points (4 best); N/A, unanswered and
  recorded-only options do not count. Every repeat (each provision line, each outcome)
  counts as an answer of its own.
- A section's average is weighted by question weight and covers its nested sections; the
  template's thresholds turn the average into a grade.
- The overall average is of the top-level graded sections' grades, weighted by section.
- Limiting rules then cap grades: a question rated one of its ``when`` options caps its
  section (and the sections around it) or the overall grade; a template rule caps the
  overall grade when any section has a given grade.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from auditdesk.domain.answer_context import AnswerContext
from auditdesk.domain.grades import NOT_APPLICABLE, Grade
from auditdesk.domain.template_index import Block, Slot, TemplateIndex, block_path

if TYPE_CHECKING:
    from auditdesk.domain.template_model import Section

AnswerKey = tuple[str, str | None]


@dataclass(frozen=True)
class SectionResult:
    section_id: str
    title: str
    grade: Grade | None
    average: float | None
    rated: int
    not_applicable: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class GradingResult:
    sections: tuple[SectionResult, ...]
    overall: Grade | None
    overall_average: float | None
    overall_reasons: tuple[str, ...]

    @property
    def reasons(self) -> tuple[str, ...]:
        """Every reason, overall last: the full explanation of the suggestion."""
        return tuple(r for s in self.sections for r in s.reasons) + self.overall_reasons

    def section(self, section_id: str) -> SectionResult:
        for result in self.sections:
            if result.section_id == section_id:
                return result
        raise KeyError(section_id)


@dataclass(frozen=True)
class _Cap:
    grade: Grade
    because: str


@dataclass
class _Tally:
    weighted_points: list[float] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    not_applicable: int = 0
    caps: list[_Cap] = field(default_factory=list)

    @property
    def rated(self) -> int:
        return len(self.weights)

    def average(self) -> float | None:
        if not self.weights:
            return None
        # Rounded so that an exact boundary (2.5) is not lost to floating-point noise.
        return round(math.fsum(self.weighted_points) / math.fsum(self.weights), 9)


def grade_audit(
    index: TemplateIndex,
    blocks: Sequence[Block],
    context: AnswerContext,
    ratings: Mapping[AnswerKey, str],
) -> GradingResult:
    """Suggested section and overall grades for one audit's ratings."""
    blocks_by_id = {block.id: block for block in blocks}
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    overall_caps: list[_Cap] = []
    for slot in index.slots(blocks, context):
        if not slot.applies or not slot.question.is_rated:
            continue
        code = ratings.get(slot.key)
        if code is None:
            continue
        chain = index.ancestors(slot.section.id)
        if not all(index.sections[section_id].graded for section_id in chain):
            continue  # an ungraded section's answers count nowhere, nested or not
        if code == NOT_APPLICABLE:
            for section_id in chain:
                tallies[section_id].not_applicable += 1
            continue
        scale = index.scale_for(slot.question)
        option = scale.option(code) if scale else None
        if option is None or option.points is None:
            continue  # recorded only (e.g. the child's own view), or a code no longer offered
        for section_id in chain:
            tallies[section_id].weighted_points.append(option.points * slot.question.weight)
            tallies[section_id].weights.append(slot.question.weight)
        for limit in slot.question.limits:
            if code in limit.when:
                cap = _Cap(limit.cap, _limit_reason(slot, option.label, blocks_by_id))
                if limit.scope == "section":
                    for section_id in chain:
                        tallies[section_id].caps.append(cap)
                else:
                    overall_caps.append(cap)

    section_results = [
        _grade_section(index, section, tallies[section.id])
        for section in index.template.all_sections()
        if section.graded
    ]
    overall, average, reasons = _grade_overall(index, section_results, overall_caps)
    return GradingResult(tuple(section_results), overall, average, tuple(reasons))


def _grade_section(index: TemplateIndex, section: Section, tally: _Tally) -> SectionResult:
    rules = index.template.grading
    average = tally.average()
    name = section.title
    if average is None:
        why = (
            f"{name}: not graded — every answer is N/A."
            if tally.not_applicable
            else f"{name}: not graded yet — no rated answers."
        )
        return SectionResult(section.id, name, None, None, 0, tally.not_applicable, (why,))
    grade = rules.grade_for_average(average)
    sentence = _average_sentence(tally.weights, average, grade, tally.not_applicable, index)
    reasons = [f"{name}: {sentence}"]
    grade, cap_reasons = _apply_caps(grade, tally.caps, name)
    reasons += cap_reasons
    return SectionResult(
        section.id, name, grade, average, tally.rated, tally.not_applicable, tuple(reasons)
    )


def _grade_overall(
    index: TemplateIndex, sections: Sequence[SectionResult], caps: list[_Cap]
) -> tuple[Grade | None, float | None, list[str]]:
    rules = index.template.grading
    caps = list(caps)
    weights = {section.id: section.weight for section in index.top_level_graded}
    counted = [s for s in sections if s.section_id in weights and s.grade is not None]
    if not counted:
        return None, None, ["Overall: not graded yet — no section has a grade."]
    total_weight = math.fsum(weights[s.section_id] for s in counted)
    average = round(
        math.fsum(weights[s.section_id] * s.grade.points for s in counted if s.grade)
        / total_weight,
        9,
    )
    grade = rules.grade_for_average(average)
    weighting = _weighting(
        [weights[s.section_id] for s in counted], "section grade", "section grades"
    )
    averaged = (
        f"the 1 section grade scores {average:g} points"
        if len(counted) == 1
        else f"the {len(counted)} section grades average {average:.2f} points"
    )
    reasons = [
        f"Overall: {grade.label} — {averaged} (Outstanding 4, Good 3, Requires improvement 2, "
        f"Inadequate 1){weighting}, and {_threshold_phrase(index, grade)} is {grade.label}."
    ]
    for rule in rules.section_limits:
        for section in counted:
            if section.grade in rule.when_any_section:
                caps.append(
                    _Cap(
                        rule.cap,
                        f"{section.title} is graded {section.grade.label} "
                        "(template rule for any section graded "
                        f"{' or '.join(g.label for g in rule.when_any_section)})",
                    )
                )
    grade, cap_reasons = _apply_caps(grade, caps, "Overall")
    return grade, average, reasons + cap_reasons


def _apply_caps(grade: Grade, caps: list[_Cap], name: str) -> tuple[Grade, list[str]]:
    reasons: list[str] = []
    for cap in sorted(caps, key=lambda c: c.grade.points):
        if grade.better_than(cap.grade):
            reasons.append(f"{name}: limited to {cap.grade.label} because {cap.because}.")
            grade = cap.grade
    return grade, reasons


def _limit_reason(slot: Slot, option_label: str, blocks_by_id: Mapping[str, Block]) -> str:
    where = f" ({block_path(slot.block, blocks_by_id)})" if slot.block else ""
    return f"“{slot.question.prompt}” was rated {option_label}{where}"


def _average_sentence(
    weights: Sequence[float],
    average: float,
    grade: Grade,
    not_applicable: int,
    index: TemplateIndex,
) -> str:
    """What was averaged, and how: "Good — 4 ratings averaging 2.75 points per rating, and
    2.50 or more is Good; 1 rated N/A is not counted." (points per rating are each
    option's, Outstanding 4 to Inadequate 1, Yes 3 to No 1), saying how weights count."""
    if len(weights) == 1:
        sentence = f"{grade.label} — 1 rating of {average:g} points"
    else:
        sentence = (
            f"{grade.label} — {len(weights)} ratings averaging {average:.2f} points per rating"
        )
    sentence += _weighting(weights, "rating", "ratings")
    sentence += f", and {_threshold_phrase(index, grade)} is {grade.label}"
    if not_applicable:
        verb = "is" if not_applicable == 1 else "are"
        sentence += f"; {not_applicable} rated N/A {verb} not counted"
    return sentence + "."


def _weighting(weights: Sequence[float], one: str, many: str) -> str:
    """How a weighted average counts, in words: ", with 1 rating counting double"."""
    if len(set(weights)) <= 1:
        return ""  # all alike: weighted or not, the average is the same
    counts = Counter(weight for weight in weights if weight != 1)
    parts = [
        f"{count} {one if count == 1 else many} counting {_times(weight)}"
        for weight, count in sorted(counts.items(), reverse=True)
    ]
    return ", with " + " and ".join(parts) + " (weighted by importance in the template)"


def _times(weight: float) -> str:
    return {0.5: "half", 2: "double", 3: "three times"}.get(weight, f"{weight:g} times")


def _threshold_phrase(index: TemplateIndex, grade: Grade) -> str:
    rules = index.template.grading
    floor = {
        Grade.OUTSTANDING: rules.outstanding_from,
        Grade.GOOD: rules.good_from,
        Grade.REQUIRES_IMPROVEMENT: rules.requires_improvement_from,
    }.get(grade)
    if floor is None:
        return f"below {rules.requires_improvement_from:.2f}"
    return f"{floor:.2f} or more"
