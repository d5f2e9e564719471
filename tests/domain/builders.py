"""Small hand-written templates for the domain tests, built from plain dicts the way the
YAML loader would hand them to pydantic."""

from __future__ import annotations

from typing import Any

from auditdesk.domain.template_index import Block, TemplateIndex
from auditdesk.domain.template_model import AuditTemplate

OFSTED_SCALE: dict[str, Any] = {
    "id": "ofsted",
    "title": "Ofsted four-point judgement",
    "options": [
        {"code": "outstanding", "label": "Outstanding", "points": 4},
        {"code": "good", "label": "Good", "points": 3},
        {"code": "requires_improvement", "label": "Requires improvement", "points": 2},
        {"code": "inadequate", "label": "Inadequate", "points": 1},
    ],
}
YES_NO_SCALE: dict[str, Any] = {
    "id": "yes_partly_no",
    "title": "Yes / partly / no",
    "options": [
        {"code": "yes", "label": "Yes", "points": 3},
        {"code": "partly", "label": "Partly", "points": 2},
        {"code": "no", "label": "No", "points": 1},
    ],
}
# Recorded, never graded: no option carries points.
VIEW_SCALE: dict[str, Any] = {
    "id": "child_view",
    "title": "How the child feels",
    "options": [
        {"code": "happy", "label": "Happy"},
        {"code": "unhappy", "label": "Unhappy"},
    ],
}

#: Ofsted option code for each number of points.
CODE_FOR_POINTS = {4: "outstanding", 3: "good", 2: "requires_improvement", 1: "inadequate"}


def question(qid: str, scale: str | None = "ofsted", **extra: Any) -> dict[str, Any]:
    return {"id": qid, "prompt": f"Prompt for {qid}?", "scale": scale, **extra}


def section(sid: str, *questions: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": sid, "title": f"Section {sid}", "questions": list(questions), **extra}


def template(
    *sections: dict[str, Any],
    grading: dict[str, Any] | None = None,
    kind: str = "ehcp_audit",
) -> AuditTemplate:
    data: dict[str, Any] = {
        "id": "test-template",
        "version": 1,
        "title": "Test template",
        "kind": kind,
        "scales": [OFSTED_SCALE, YES_NO_SCALE, VIEW_SCALE],
        "sections": list(sections),
    }
    if grading is not None:
        data["grading"] = grading
    return AuditTemplate.model_validate(data)


def index_of(*sections: dict[str, Any], **extra: Any) -> TemplateIndex:
    return TemplateIndex(template(*sections, **extra))


def block(
    block_id: str,
    section_id: str,
    *,
    parent: str | None = None,
    label: str | None = None,
    position: int = 0,
    year_group: int | None = None,
) -> Block:
    return Block(block_id, section_id, parent, label or block_id, position, year_group)
