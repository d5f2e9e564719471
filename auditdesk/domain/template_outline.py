"""A template as a person previews it before auditing with it: its sections in order, each
question numbered with how it is answered, and which sections repeat."""

from __future__ import annotations

from auditdesk.domain.template_model import AuditTemplate, Section


def template_outline(template: AuditTemplate) -> list[str]:
    """Lines of plain text, one idea each (a screen reader reads them one at a time)."""
    questions = sum(1 for _ in template.questions())
    lines = [
        template.title,
        f"Version {template.version}: {template.kind.label.lower()}, "
        f"{len(template.sections)} sections, {questions} questions.",
    ]
    if template.description:
        lines += ["", " ".join(template.description.split())]
    number = 0
    for section in template.sections:
        number = _section(template, section, lines, number, depth=0)
    return lines


def _section(
    template: AuditTemplate, section: Section, lines: list[str], number: int, depth: int
) -> int:
    indent = "  " * depth
    repeats = f" (repeats for each {section.repeat.unit})" if section.repeat else ""
    lines += ["", f"{indent}{section.title}{repeats}"]
    for question in section.questions:
        number += 1
        answered = template.scale(question.scale).title if question.scale else "written answer"
        optional = "" if question.required else ", optional"
        lines.append(f"{indent}  {number}. {question.prompt} [{answered}{optional}]")
    for inner in section.sections:
        number = _section(template, inner, lines, number, depth + 1)
    return number
