"""A generated audit template of 200 questions, larger than any shipped one (58 at most),
for timing answer saves in a big audit: nine parts of 20 questions (each with a nested
sub-part) and one repeating "outcome" section of 20 questions, answered once per outcome.

It mixes what real templates have: four-point and yes/partly/no ratings, a recorded-only
option, written answers, weights, limiting rules and questions that apply from Year 9.
It is read and checked by the real template loader, like a council's own template.
"""

from __future__ import annotations

from typing import Any

import yaml

from auditdesk.domain.template_loader import LoadedTemplate, load_template_text

TEMPLATE_ID = "bench-200-questions"
PARTS = 9
PER_PART = 20
PER_OUTCOME = 20
OUTCOME_SECTION = "outcome"

_SCALES = [
    {
        "id": "ofsted",
        "title": "Ofsted four-point judgement",
        "options": [
            {"code": "outstanding", "label": "Outstanding", "points": 4},
            {"code": "good", "label": "Good", "points": 3},
            {"code": "requires_improvement", "label": "Requires improvement", "points": 2},
            {"code": "inadequate", "label": "Inadequate", "points": 1},
        ],
    },
    {
        "id": "yes_partly_no",
        "title": "Yes / partly / no",
        "options": [
            {"code": "yes", "label": "Yes", "points": 3},
            {"code": "partly", "label": "Partly", "points": 2},
            {"code": "no", "label": "No", "points": 1},
            {"code": "not_asked", "label": "Not asked (recorded only)"},
        ],
    },
]


def _question(question_id: str, number: int) -> dict[str, Any]:
    """Question ``number`` of a part: mostly four-point, some yes/partly/no, a few written."""
    question: dict[str, Any] = {
        "id": question_id,
        "prompt": f"Benchmark check {question_id}: is this part of the plan right?",
        "guidance": "What good looks like, in a sentence or two, as a real template has.",
    }
    kind = number % 7
    if kind == 6:
        question["required"] = False  # written answer: no scale
        return question
    question["scale"] = "yes_partly_no" if kind in (4, 5) else "ofsted"
    if number % 5 == 0:
        question["weight"] = 2
    if number % 9 == 0 and question["scale"] == "ofsted":
        question["limits"] = [{"when": ["inadequate"], "cap": "requires_improvement"}]
    if number % 11 == 0:
        question["applies"] = {"from_year": 9}
    return question


def _part(part: int) -> dict[str, Any]:
    ids = [f"p{part}.q{n}" for n in range(1, PER_PART + 1)]
    own, nested = ids[:14], ids[14:]
    return {
        "id": f"part{part}",
        "title": f"Part {part} of the plan",
        "questions": [_question(qid, n) for n, qid in enumerate(own, start=1)],
        "sections": [
            {
                "id": f"part{part}.detail",
                "title": f"Part {part}: the detail",
                "questions": [_question(qid, n) for n, qid in enumerate(nested, start=15)],
            }
        ],
    }


def definition() -> dict[str, Any]:
    outcome = {
        "id": OUTCOME_SECTION,
        "title": "Outcomes",
        "repeat": {"unit": "outcome", "label": "Outcome", "min": 1, "max": 30},
        "questions": [_question(f"o.q{n}", n) for n in range(1, PER_OUTCOME + 1)],
    }
    return {
        "id": TEMPLATE_ID,
        "version": 1,
        "title": "Benchmark audit of 200 questions",
        "kind": "ehcp_audit",
        "description": "Generated for benchmarks/bench_editing.py; not shipped.",
        "scales": _SCALES,
        "grading": {
            "section_limits": [{"when_any_section": ["inadequate"], "cap": "requires_improvement"}]
        },
        "sections": [_part(part) for part in range(1, PARTS + 1)] + [outcome],
    }


def big_template() -> LoadedTemplate:
    """The template, loaded and checked as a council's YAML file would be."""
    text = yaml.safe_dump(definition(), sort_keys=False)
    return load_template_text(text, "bench-200-questions.yaml")
