"""The shape of an audit template, as pydantic models of the YAML files.

Templates are data, not code: councils change their checklists without a new release. The
models here say what a template may contain; :mod:`template_loader` reads YAML into them and
reports problems by file, line and field; :mod:`template_checks` holds the cross-field rules
pydantic cannot express on one field.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from auditdesk.domain import limits
from auditdesk.domain.answer_context import AnswerContext as AnswerContext  # noqa: PLC0414 - re-exported
from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import PlanStage, QuestionAgency, TemplateKind, year_group_label

Code = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
Identifier = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", max_length=80)
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
OptionalText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]
# A template's title and version travel in bundles, which allow no more than these.
TemplateTitle = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=limits.TEMPLATE_TITLE)
]
TemplateVersionNumber = Annotated[int, Field(ge=1, le=limits.LATEST_TEMPLATE_VERSION)]
YearGroup = Annotated[int, Field(ge=-2, le=14)]


class _Frozen(BaseModel):
    # extra="forbid" turns a misspelt key ("requried: true") into an error instead of a
    # silently ignored line, which matters when templates are written by hand.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Theme(StrEnum):
    """Quality areas the Board sees across templates: the ideas every audit checks."""

    GOLDEN_THREAD = "golden_thread"
    SMART_OUTCOMES = "smart_outcomes"
    QUANTIFIED_PROVISION = "quantified_provision"
    PFA = "pfa"
    HEALTH = "health"
    SOCIAL_CARE = "social_care"
    VOICE = "voice"
    TIMELINESS = "timeliness"
    PROVISION_DELIVERY = "provision_delivery"
    LIVED_EXPERIENCE = "lived_experience"

    @property
    def label(self) -> str:
        return THEME_LABELS[self]


THEME_LABELS = {
    Theme.GOLDEN_THREAD: "Golden thread",
    Theme.SMART_OUTCOMES: "SMART, person-centred outcomes",
    Theme.QUANTIFIED_PROVISION: "Specific, quantified provision",
    Theme.PFA: "Preparing for adulthood",
    Theme.HEALTH: "Health input",
    Theme.SOCIAL_CARE: "Social care input",
    Theme.VOICE: "Voice and co-production",
    Theme.TIMELINESS: "Timeliness",
    Theme.PROVISION_DELIVERY: "Provision delivered",
    Theme.LIVED_EXPERIENCE: "Lived experience",
}


class ScaleOption(_Frozen):
    """One choice on a rating scale. ``points`` (1-4, 4 best) feed the grade; ``None``
    records the answer without grading it."""

    code: Code
    label: Text
    points: int | None = Field(default=None, ge=1, le=4)
    description: OptionalText = ""


class RatingScale(_Frozen):
    id: Code
    title: Text
    # At most nine options so each has a number key (1-9) in the editor.
    options: list[ScaleOption] = Field(min_length=2, max_length=9)
    allow_na: bool = True

    def option(self, code: str) -> ScaleOption | None:
        return next((option for option in self.options if option.code == code), None)


class Applies(_Frozen):
    """When a question or section applies. All given conditions must hold."""

    from_year: YearGroup | None = None
    to_year: YearGroup | None = None
    plan_stages: list[PlanStage] | None = Field(default=None, min_length=1)

    def holds(self, context: AnswerContext) -> bool:
        # An unknown year group or stage does not hide a question: asking one question too
        # many is better than silently skipping a required check.
        year = context.year_group
        if year is not None:
            if self.from_year is not None and year < self.from_year:
                return False
            if self.to_year is not None and year > self.to_year:
                return False
        stage = context.plan_stage
        return not (self.plan_stages and stage is not None and stage not in self.plan_stages)

    def explain(self) -> str:
        parts: list[str] = []
        if self.from_year is not None and self.to_year is not None:
            parts.append(
                f"{year_group_label(self.from_year)} to {year_group_label(self.to_year)} only"
            )
        elif self.from_year is not None:
            parts.append(f"from {year_group_label(self.from_year)}")
        elif self.to_year is not None:
            parts.append(f"up to {year_group_label(self.to_year)}")
        if self.plan_stages:
            parts.append(" or ".join(stage.label.lower() for stage in self.plan_stages) + " only")
        return "; ".join(parts)


class Limit(_Frozen):
    """A limiting rule: if the question is rated one of ``when``, the grade of its
    ``scope`` (its own section, or the overall judgement) cannot be better than ``cap``."""

    when: list[Code] = Field(min_length=1)
    cap: Grade
    scope: Literal["section", "overall"] = "overall"


class Question(_Frozen):
    id: Identifier
    prompt: Text
    guidance: OptionalText = ""
    # No scale means a written answer (the comment is the answer), e.g. "what is working well".
    scale: Code | None = None
    required: bool = True
    agency: QuestionAgency = QuestionAgency.ANY
    applies: Applies | None = None
    weight: float = Field(default=1.0, gt=0, le=10)
    limits: list[Limit] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)

    @property
    def is_rated(self) -> bool:
        return self.scale is not None


class Repeat(_Frozen):
    """A section that repeats: one block per sampled child, outcome or provision line."""

    unit: Text  # what one block is, in the users' words: "sampled child", "outcome"
    label: Text  # the default name of a new block: "Child", "Outcome", "Provision line"
    min: int = Field(default=1, ge=0, le=50)
    max: int = Field(default=30, ge=1, le=200)
    # Each block is a sampled child: it carries a pseudonymous reference and year group,
    # which the questions inside use for applicability (PfA from Year 9).
    sampled_child: bool = False


class Section(_Frozen):
    id: Identifier
    title: Text
    guidance: OptionalText = ""
    weight: float = Field(default=1.0, gt=0, le=10)
    graded: bool = True
    applies: Applies | None = None
    repeat: Repeat | None = None
    questions: list[Question] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        """This section, then every nested section, depth first."""
        yield self
        for child in self.sections:
            yield from child.walk()


class SectionLimit(_Frozen):
    """Overall limiting rule on section grades: if any top-level graded section (those the
    overall grade is built from) is graded one of ``when_any_section``, the overall grade
    cannot be better than ``cap``."""

    when_any_section: list[Grade] = Field(min_length=1)
    cap: Grade


class GradingRules(_Frozen):
    """How averages of points become grades, and template-wide limits."""

    outstanding_from: float = Field(default=3.5, gt=1, le=4)
    good_from: float = Field(default=2.5, gt=1, le=4)
    requires_improvement_from: float = Field(default=1.5, gt=1, le=4)
    section_limits: list[SectionLimit] = Field(default_factory=list)
    # A rating below Good must say why: the Board's "what needs to improve" comes from these.
    comment_required_below_good: bool = True

    def grade_for_average(self, average: float) -> Grade:
        if average >= self.outstanding_from:
            return Grade.OUTSTANDING
        if average >= self.good_from:
            return Grade.GOOD
        if average >= self.requires_improvement_from:
            return Grade.REQUIRES_IMPROVEMENT
        return Grade.INADEQUATE


class AuditTemplate(_Frozen):
    id: Identifier
    version: TemplateVersionNumber
    title: TemplateTitle
    kind: TemplateKind
    description: OptionalText = ""
    scales: list[RatingScale] = Field(min_length=1)
    grading: GradingRules = GradingRules()
    sections: list[Section] = Field(min_length=1)

    @property
    def key(self) -> str:
        """``id@version``: how an audit names the exact template it was filled against."""
        return f"{self.id}@{self.version}"

    def all_sections(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def scale(self, scale_id: str) -> RatingScale:
        for scale in self.scales:
            if scale.id == scale_id:
                return scale
        raise KeyError(scale_id)

    def questions(self) -> Iterator[tuple[Section, Question]]:
        for section in self.all_sections():
            for question in section.questions:
                yield section, question
