"""Whether an incoming audit fits its template: blocks in repeating sections nested as the
template says, answers to questions it has, in the right place, on the right scale.

A bundle can be well-formed and still carry an audit the window could not show; such an
audit is not imported (it is listed as a problem instead).
"""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from auditdesk.domain.bundle_documents import AuditDocument
from auditdesk.domain.grades import NOT_APPLICABLE
from auditdesk.domain.template_index import TemplateIndex


@dataclass(frozen=True)
class _Place:
    """Where a question's answers go and what they may say, worked out once a template."""

    owner: str | None  # the repeating section whose blocks hold its answers, if any
    ratings: frozenset[str] | None  # the codes of its scale (None: it takes no rating)
    allow_na: bool


# Per template index: a bundle's audits share a handful of templates, and working out
# each answer's place afresh (section chains, scale look-ups) was half of deciding them.
_places: WeakKeyDictionary[TemplateIndex, dict[str, _Place]] = WeakKeyDictionary()


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
    places = _places_of(index)
    for answer in document.answers:
        question_id = answer.question_id
        place = places.get(question_id)
        if place is None:
            return f"it answers a question ('{question_id}') that its template does not have"
        owner = place.owner
        within = blocks.get(answer.block_uuid) if answer.block_uuid else None
        if (owner is None) != (within is None) or (
            within is not None and within.section_id != owner
        ):
            return f"its answer to '{question_id}' is in the wrong part of the audit"
        rating = answer.rating
        if rating is None:
            continue
        if (
            place.ratings is None
            or (rating == NOT_APPLICABLE and not place.allow_na)
            or (rating != NOT_APPLICABLE and rating not in place.ratings)
        ):
            return f"its rating '{rating}' for '{question_id}' is not on that question's scale"
    return None


def _places_of(index: TemplateIndex) -> dict[str, _Place]:
    places = _places.get(index)
    if places is None:
        places = _places[index] = {
            question_id: _place(index, question_id) for question_id in index.questions
        }
    return places


def _place(index: TemplateIndex, question_id: str) -> _Place:
    owner = index.repeating_owner(index.question_section[question_id].id)
    scale = index.scale_for(index.questions[question_id])
    if scale is None:
        return _Place(owner, None, False)
    return _Place(owner, frozenset(option.code for option in scale.options), scale.allow_na)
