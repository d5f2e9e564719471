"""Whether an incoming audit fits its template: blocks in repeating sections nested as the
template says, answers to questions it has, in the right place, on the right scale.

A bundle can be well-formed and still carry an audit the window could not show; such an
audit is not imported (it is listed as a problem instead).
"""

from __future__ import annotations

from auditdesk.domain.bundle_documents import AuditDocument
from auditdesk.domain.grades import NOT_APPLICABLE
from auditdesk.domain.template_index import TemplateIndex


def misfit(index: TemplateIndex, document: AuditDocument) -> str | None:
    """The first way ``document`` does not fit ``index``, in words, or ``None``.

    Applicability (PfA from Year 9 and so on) is left to grading: an answer to a question
    that does not apply is kept, as the services keep it, and simply not counted.
    """
    blocks = {block.uuid: block for block in document.blocks}
    for block in document.blocks:
        section = index.sections.get(block.section_id)
        if section is None or section.repeat is None:
            return f"it has a block in '{block.section_id}', not a repeating part of its template"
        parent_section = index.repeating_parent(section.id)
        parent = blocks.get(block.parent_uuid) if block.parent_uuid else None
        if (parent_section is None) != (parent is None) or (
            parent is not None and parent.section_id != parent_section
        ):
            return f"its block '{block.label}' is not nested as its template says"
    for answer in document.answers:
        question_id = answer.question_id
        question = index.questions.get(question_id)
        if question is None:
            return f"it answers a question ('{question_id}') that its template does not have"
        owner = index.repeating_owner(index.question_section[question_id].id)
        within = blocks.get(answer.block_uuid) if answer.block_uuid else None
        if (owner is None) != (within is None) or (
            within is not None and within.section_id != owner
        ):
            return f"its answer to '{question_id}' is in the wrong part of the audit"
        rating = answer.rating
        if rating is None:
            continue
        scale = index.scale_for(question)
        if (
            scale is None
            or (rating == NOT_APPLICABLE and not scale.allow_na)
            or (rating != NOT_APPLICABLE and scale.option(rating) is None)
        ):
            return f"its rating '{rating}' for '{question_id}' is not on that question's scale"
    return None
