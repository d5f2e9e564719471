"""A demo audit's moderation: about one finished audit in ten, once it is old enough to
have been sampled, is marked again by a second auditor and agreed at the panel.

The second marker mostly agrees, sometimes by one grade, rarely by two; both markings are
graded by the real grading engine, and the moderation row carries the same content hash
the services would give it.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from auditdesk.domain.grading import grade_audit
from auditdesk.domain.record_documents import document_hash, moderation_document
from auditdesk.domain.reference import AuditStatus
from auditdesk.services.demo._cast import Cast
from auditdesk.services.demo._demo_audit import DemoAudit
from auditdesk.services.demo._rows import Batch, Ids, Row
from auditdesk.store.models import Moderation, ModerationGrade, ModerationRating

MODERATION_RATE = 0.1

Ratings = dict[tuple[str, str | None], str]  # (question id, block uuid) -> rating code
# (scope, first marker's grade, second marker's grade, agreed grade)
GradeRow = tuple[str, str | None, str | None, str | None]


def moderate_this(rng: random.Random, as_of: date, audit: DemoAudit, status: AuditStatus) -> bool:
    old_enough = (as_of - audit.day).days > 40
    done = status in (AuditStatus.COMPLETED, AuditStatus.SIGNED_OFF)
    return done and old_enough and rng.random() < MODERATION_RATE


def moderate(
    rng: random.Random,
    ids: Ids,
    cast: Cast,
    batch: Batch,
    audit: DemoAudit,
    *,
    sample: tuple[int, str],
) -> None:
    """Add the audit's moderation (its ratings, grades and the moderation itself) to the
    batch, and give the audit the grade agreed. ``sample`` is the moderation sample's id
    and uuid."""
    moderation_id = ids.next(Moderation)
    second = _second_ratings(rng, audit)
    batch[ModerationRating] += _rating_rows(ids, audit, moderation_id, second)
    grades = _grades(rng, audit, second)
    batch[ModerationGrade] += [
        {"moderation_id": moderation_id, "scope": s, "first_grade": f,
         "second_grade": t, "agreed_grade": a}
        for s, f, t, a in grades
    ]  # fmt: skip
    row = _moderation_row(
        rng,
        ids,
        cast,
        audit,
        sample=sample,
        moderation_id=moderation_id,
        second=second,
        grades=grades,
    )
    batch[Moderation].append(row)
    audit.header["final_grade"] = row["agreed_grade"]


def _second_ratings(rng: random.Random, audit: DemoAudit) -> Ratings:
    """The second marker's rating for every answer the first marker rated."""
    index = audit.index
    second: Ratings = {}
    for key, code in audit.ratings.items():
        scale = index.template.scale(index.questions[key[0]].scale or "")
        option = scale.option(code)
        graded = [o for o in scale.options if o.points is not None]
        if option is None or option.points is None or not graded:
            second[key] = code  # N/A and recorded-only answers: the markers concur
        else:
            roll = rng.random()
            step = 0 if roll < 0.78 else rng.choice((-1, 1)) if roll < 0.97 else rng.choice((-2, 2))
            wanted = min(4, max(1, option.points + step))
            second[key] = min(graded, key=lambda o: abs((o.points or 0) - wanted)).code
    return second


def _rating_rows(ids: Ids, audit: DemoAudit, moderation_id: int, second: Ratings) -> list[Row]:
    block_ids = {row["uuid"]: row["id"] for row in audit.block_rows}
    return [
        {
            "id": ids.next(ModerationRating),
            "moderation_id": moderation_id,
            "question_id": question_id,
            "block_id": block_ids[block_uuid] if block_uuid else None,
            "rating": code,
            "comment": "",
        }
        for (question_id, block_uuid), code in second.items()
    ]


def _grades(rng: random.Random, audit: DemoAudit, second: Ratings) -> list[GradeRow]:
    """Both markers' grades, overall first and then by section, with the grade agreed: the
    panel keeps the first marker's overall grade more often than not."""
    index = audit.index
    first_result = grade_audit(index, audit.blocks, audit.context, audit.ratings)
    second_result = grade_audit(index, audit.blocks, audit.context, second)
    first = audit.header["final_grade"]
    second_overall = second_result.overall.value if second_result.overall else None
    agreed = first if rng.random() < 0.6 or not second_overall else second_overall
    grades: list[GradeRow] = [("overall", first, second_overall, agreed)]
    for mine, theirs in zip(first_result.sections, second_result.sections, strict=True):
        either = mine.grade or theirs.grade
        grades.append(
            (
                mine.section_id,
                mine.grade.value if mine.grade else None,
                theirs.grade.value if theirs.grade else None,
                either.value if either else None,
            )
        )
    return grades


def _moderation_row(
    rng: random.Random,
    ids: Ids,
    cast: Cast,
    audit: DemoAudit,
    *,
    sample: tuple[int, str],
    moderation_id: int,
    second: Ratings,
    grades: list[GradeRow],
) -> Row:
    """The moderation itself, agreed at the panel a little after the second marking."""
    _scope, _first, second_overall, agreed = grades[0]
    marker = rng.choice([a for a in cast.auditors if a["id"] != audit.lead["id"]])
    submitted = audit.header["completed_at"] + timedelta(days=rng.randint(5, 30))
    row = {
        "id": moderation_id,
        "audit_id": audit.header["id"],
        "sample_id": sample[0],
        "audit_revision": 1,
        "audit_hash": "",
        "second_marker_id": marker["id"],
        "assigned_by": cast.quality_leads[0]["name"],
        "status": "agreed",
        "second_overall_grade": second_overall,
        "agreed_grade": agreed,
        "notes": "Agreed at the moderation panel.",
        "submitted_at": submitted,
        "agreed_at": submitted + timedelta(days=2),
    } | ids.travelling(submitted)
    row["content_hash"] = document_hash(
        moderation_document(
            row["uuid"],
            audit.header["uuid"],
            sample_uuid=sample[1],
            audit_revision=1,
            audit_hash="",
            second_marker_uuid=marker["uuid"],
            assigned_by=row["assigned_by"],
            status="agreed",
            second_overall_grade=second_overall,
            agreed_grade=agreed,
            notes=row["notes"],
            ratings=[(q, b, code, "") for (q, b), code in second.items()],
            grades=grades,
        )
    )
    return row
