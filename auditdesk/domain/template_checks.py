"""Rules across fields that one pydantic field cannot check.

Each problem comes back with the path to the offending value (the same shape as pydantic's
error locations) so the loader can name the line in the YAML file.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditdesk.domain import limits
from auditdesk.domain.grades import NOT_APPLICABLE
from auditdesk.domain.reference import TemplateKind
from auditdesk.domain.template_model import AuditTemplate, Question, Section

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class TemplateIssue:
    location: Location
    message: str


def check_template(template: AuditTemplate) -> list[TemplateIssue]:
    """Every cross-field problem in a template that passed field validation."""
    too_big = _check_size(template)
    if too_big:
        return too_big  # nothing else is worth checking in a template of that size
    issues: list[TemplateIssue] = []
    issues += _check_scales(template)
    issues += _check_grading(template)
    seen_sections: dict[str, Location] = {}
    seen_questions: dict[str, Location] = {}
    for index, section in enumerate(template.sections):
        issues += _check_section(
            template,
            section,
            ("sections", index),
            seen_sections=seen_sections,
            seen_questions=seen_questions,
            repeat_depth=0,
        )
    if not any(q.is_rated for _, q in template.questions()):
        issues.append(TemplateIssue(("sections",), "the template has no rated question to grade"))
    sampled = [s for s in template.all_sections() if s.repeat and s.repeat.sampled_child]
    if template.kind is TemplateKind.SETTING_VISIT and not sampled:
        issues.append(
            TemplateIssue(
                ("kind",),
                "a setting quality visit needs a repeating section with "
                "'sampled_child: true' (one block per sampled child)",
            )
        )
    return issues


def _check_size(template: AuditTemplate) -> list[TemplateIssue]:
    """At most ``limits.TEMPLATE_SECTIONS`` sections, ``TEMPLATE_QUESTIONS`` questions and
    ``TEMPLATE_SCALES`` scales (each scale's options are bounded by the model)."""
    counts = [
        ("sections", sum(1 for _ in template.all_sections()), limits.TEMPLATE_SECTIONS, "sections"),
        ("sections", sum(1 for _ in template.questions()), limits.TEMPLATE_QUESTIONS, "questions"),
        ("scales", len(template.scales), limits.TEMPLATE_SCALES, "rating scales"),
    ]
    return [
        TemplateIssue(
            (where,), f"the template has {count:,} {what}; a template may have at most {most:,}"
        )
        for where, count, most, what in counts
        if count > most
    ]


def _check_scales(template: AuditTemplate) -> list[TemplateIssue]:
    issues: list[TemplateIssue] = []
    seen: set[str] = set()
    for index, scale in enumerate(template.scales):
        if scale.id in seen:
            issues.append(
                TemplateIssue(("scales", index, "id"), f"scale id '{scale.id}' is used twice")
            )
        seen.add(scale.id)
        codes: set[str] = set()
        for option_index, option in enumerate(scale.options):
            where: Location = ("scales", index, "options", option_index, "code")
            if option.code == NOT_APPLICABLE:
                issues.append(
                    TemplateIssue(
                        where,
                        f"'{NOT_APPLICABLE}' is reserved for Not applicable; "
                        "use 'allow_na: true' instead",
                    )
                )
            if option.code in codes:
                issues.append(TemplateIssue(where, f"option '{option.code}' is listed twice"))
            codes.add(option.code)
    return issues


def _check_grading(template: AuditTemplate) -> list[TemplateIssue]:
    rules = template.grading
    if not rules.outstanding_from > rules.good_from > rules.requires_improvement_from:
        return [
            TemplateIssue(
                ("grading",),
                "thresholds must fall in order: outstanding_from > good_from > "
                "requires_improvement_from",
            )
        ]
    return []


def _check_section(
    template: AuditTemplate,
    section: Section,
    location: Location,
    *,
    seen_sections: dict[str, Location],
    seen_questions: dict[str, Location],
    repeat_depth: int,
) -> list[TemplateIssue]:
    """The section, its questions, then its own sections, depth first."""
    if section.repeat is not None:
        repeat_depth += 1
    issues = _check_section_shape(section, location, seen_sections, repeat_depth)
    scale_ids = {scale.id for scale in template.scales}
    for index, question in enumerate(section.questions):
        issues += _check_question(
            template, question, (*location, "questions", index), seen_questions, scale_ids
        )
    for index, child in enumerate(section.sections):
        issues += _check_section(
            template,
            child,
            (*location, "sections", index),
            seen_sections=seen_sections,
            seen_questions=seen_questions,
            repeat_depth=repeat_depth,
        )
    return issues


def _check_section_shape(
    section: Section, location: Location, seen_sections: dict[str, Location], repeat_depth: int
) -> list[TemplateIssue]:
    """A section id used once, repeating sections nested two deep at most with a sensible
    number of blocks, and something to answer. ``repeat_depth`` counts this section."""
    issues: list[TemplateIssue] = []
    if section.id in seen_sections:
        issues.append(TemplateIssue((*location, "id"), f"section id '{section.id}' is used twice"))
    seen_sections[section.id] = location
    if section.repeat is not None:
        if repeat_depth > 2:
            issues.append(
                TemplateIssue(
                    (*location, "repeat"),
                    "repeating sections can nest two deep at most "
                    "(for example child › provision line)",
                )
            )
        if section.repeat.min > section.repeat.max:
            issues.append(TemplateIssue((*location, "repeat", "min"), "min is larger than max"))
    if not section.questions and not section.sections:
        issues.append(TemplateIssue(location, f"section '{section.id}' has no questions"))
    return issues


def _check_question(
    template: AuditTemplate,
    question: Question,
    where: Location,
    seen_questions: dict[str, Location],
    scale_ids: set[str],
) -> list[TemplateIssue]:
    """A question id used once, a scale the template defines, and limits it can apply."""
    issues: list[TemplateIssue] = []
    if question.id in seen_questions:
        issues.append(
            TemplateIssue(
                (*where, "id"),
                f"question id '{question.id}' is used twice; ids must be unique "
                "because exports line answers up by them",
            )
        )
    seen_questions[question.id] = where
    if question.scale is not None and question.scale not in scale_ids:
        known = ", ".join(sorted(scale_ids))
        issues.append(
            TemplateIssue(
                (*where, "scale"),
                f"unknown rating scale '{question.scale}'; this template defines: {known}",
            )
        )
        return issues  # its limits cannot be checked against a scale that is not there
    return issues + _check_limits(template, question, where)


def _check_limits(
    template: AuditTemplate, question: Question, where: Location
) -> list[TemplateIssue]:
    """A grade limit belongs to a rated question and names graded options of its scale."""
    issues: list[TemplateIssue] = []
    for limit_index, limit in enumerate(question.limits):
        limit_where: Location = (*where, "limits", limit_index, "when")
        if question.scale is None:
            issues.append(
                TemplateIssue(limit_where, "a written (unrated) question cannot limit a grade")
            )
            continue
        scale = template.scale(question.scale)
        codes = {option.code for option in scale.options}
        for code_index, code in enumerate(limit.when):
            option = scale.option(code)
            if option is None:
                issues.append(
                    TemplateIssue(
                        (*limit_where, code_index),
                        f"'{code}' is not an option of scale '{question.scale}' "
                        f"(options: {', '.join(sorted(codes))})",
                    )
                )
            elif option.points is None:
                issues.append(
                    TemplateIssue(
                        (*limit_where, code_index),
                        f"'{code}' is recorded but not graded (it has no points), so it "
                        "cannot limit a grade",
                    )
                )
    return issues
