"""Demo audits read true: each comment answers its own question and agrees with its rating,
evidence agrees with the rating, N/A appears only where the guidance and the audit's facts
allow, the Board's "working well / needs to improve" marks sit only on strengths and
findings, and actions arise from the audit's own findings. Real SQLite files, no mocks."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from auditdesk.domain.grades import NOT_APPLICABLE, Grade
from auditdesk.domain.record_documents import document_hash
from auditdesk.domain.template_index import TemplateIndex
from auditdesk.domain.template_loader import shipped_templates
from auditdesk.services.audits._actions import action_document_of
from auditdesk.services.demo._generator import INSERT_ORDER, DemoOptions, generate_demo
from auditdesk.services.demo._phrasebook import PHRASEBOOK, provision_lines
from auditdesk.services.demo._phrasebook import written as phrases_written
from auditdesk.services.demo._phrasebook.kit import Finding, Phrases, Said
from auditdesk.services.demo._wording import allows_na
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.store.models import Action, Audit, AuditBlock

GOOD = Grade.GOOD.points
AS_OF = date(2026, 11, 20)


@dataclass(frozen=True)
class Row:
    audit: int
    template: str
    question: str
    block: int | None
    rating: str | None
    comment: str
    evidence: str
    highlight: str | None


def _make(path: Path, audits: int, seed: int) -> Path:
    db = open_workspace(path)
    try:
        generate_demo(db, DemoOptions(audits, seed=seed, as_of=AS_OF))
    finally:
        db.close()
    return path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make(tmp_path_factory.mktemp("demo-true") / "demo.sqlite", 500, 11)


def _query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def _answers(path: Path) -> list[Row]:
    return [
        Row(*row)
        for row in _query(
            path,
            "SELECT a.audit_id, au.template_id, a.question_id, a.block_id, a.rating, a.comment,"
            " a.evidence, a.board_highlight FROM answers a JOIN audits au ON au.id = a.audit_id"
            " ORDER BY a.id",
        )
    ]


INDEXES = {loaded.template.id: TemplateIndex(loaded.template) for loaded in shipped_templates()}


def _points(row: Row) -> int | None:
    question = INDEXES[row.template].questions[row.question]
    option = INDEXES[row.template].template.scale(question.scale or "").option(row.rating or "")
    return option.points if option else None


def _variants(words: Phrases) -> Iterator[Phrases]:
    yield words
    yield from words.when.values()


def _said(question_id: str, code: str) -> list[Said]:
    """Everything the phrasebook (and the provision lines) may write for this rating."""
    said: list[Said] = [
        s for words in _variants(PHRASEBOOK[question_id]) for s in words.comments.get(code, ())
    ]
    return said


def _text(said: Said) -> str:
    return said.comment if isinstance(said, Finding) else said


FINDING_TEXTS = {
    _text(s)
    for words in PHRASEBOOK.values()
    for variant in _variants(words)
    for said in variant.comments.values()
    for s in said
    if isinstance(s, Finding)
}
STRENGTH_TEXTS = {
    s
    for words in PHRASEBOOK.values()
    for variant in _variants(words)
    for said in variant.comments.values()
    for s in said
    if isinstance(s, str)
}


def test_every_comment_answers_its_own_question_for_the_rating_given(demo: Path) -> None:
    """Below Good the comment is always written, and is one of that question's findings for
    that rating; at Good or better any comment is one of its strengths for that rating."""
    rated = [row for row in _answers(demo) if row.rating and row.rating != NOT_APPLICABLE]
    assert len(rated) > 5000
    weak = 0
    for row in rated:
        points = _points(row)
        allowed = _said(row.question, row.rating or "")
        if points is not None and points < GOOD:
            weak += 1
            findings = [s.comment for s in allowed if isinstance(s, Finding)]
            assert row.comment in findings, (row.question, row.rating, row.comment)
        elif row.comment:
            strengths = [s for s in allowed if isinstance(s, str)]
            assert row.comment in strengths, (row.question, row.rating, row.comment)
    assert weak > 500


def test_evidence_agrees_with_the_rating(demo: Path) -> None:
    """Every rated answer names what was looked at; below Good it is what was sought where
    the phrases say so, never a record the finding says is missing."""
    for row in _answers(demo):
        if (
            not row.rating
            or row.rating == NOT_APPLICABLE
            or row.question.startswith("child.provision")
        ):
            continue
        assert row.evidence, (row.question, row.rating)
        points = _points(row)
        weak = points is not None and points < GOOD
        assert any(
            row.evidence in (words.sought if weak and words.sought else words.evidence)
            for words in _variants(PHRASEBOOK[row.question])
        ), (row.question, row.rating, row.evidence)


def test_na_only_where_the_guidance_allows_it_with_its_reason(demo: Path) -> None:
    answers = _answers(demo)
    na = [row for row in answers if row.rating == NOT_APPLICABLE]
    assert len(na) > 100
    for row in na:
        assert allows_na(INDEXES[row.template], row.question), row.question
        if row.question == "child.provision_deliverer":
            assert row.comment == provision_lines.NO_DELIVERER
        else:
            assert row.comment in PHRASEBOOK[row.question].na, (row.question, row.comment)


def test_board_marks_sit_only_on_findings_and_strengths(demo: Path) -> None:
    """ "What needs to improve" only on ratings below Good carrying their finding, "what is
    working well" only on Good or better carrying a strength."""
    marked = [row for row in _answers(demo) if row.highlight]
    kinds = {row.highlight for row in marked}
    assert kinds == {"working_well", "needs_improvement"}
    for row in marked:
        points = _points(row) if row.rating else None
        assert points is not None, (row.question, row.comment)
        if row.highlight == "needs_improvement":
            assert points < GOOD, (row.question, row.rating)
            assert row.comment in FINDING_TEXTS, row.comment
        else:
            assert points >= GOOD, (row.question, row.rating)
            assert row.comment in STRENGTH_TEXTS, row.comment


def test_actions_arise_from_the_audits_own_findings(demo: Path) -> None:
    findings: dict[tuple[int, str, int | None], str] = {}
    for row in _answers(demo):
        points = _points(row) if row.rating else None
        if points is not None and points < GOOD:
            findings[(row.audit, row.question, row.block)] = row.comment
    actions = _query(
        demo,
        "SELECT audit_id, question_id, block_id, finding, action, owner_agency, owner FROM actions",
    )
    assert len(actions) > 100
    for audit_id, question_id, block_id, finding, action, agency, owner in actions:
        assert findings.get((audit_id, question_id, block_id)) == finding, (question_id, finding)
        source = [
            s
            for words in _variants(PHRASEBOOK[question_id])
            for said in words.comments.values()
            for s in said
            if isinstance(s, Finding) and s.comment == finding
        ]
        assert source, (question_id, finding)
        assert (action, agency) == (source[0].action, source[0].agency.value)
        assert owner.endswith(f"({source[0].owner})") or owner.startswith(f"{source[0].owner}, ")


def test_actions_on_a_provision_line_carry_its_block_in_their_hash(demo: Path) -> None:
    """An action from a finding in a repeating block (a sampled child's provision line)
    points at that block, and its content hash is the one the services compute."""
    db = open_workspace(demo, create=False)
    try:
        with db.read() as session:
            rows = session.execute(
                select(Action, Audit.uuid, AuditBlock.uuid)
                .join(Audit, Audit.id == Action.audit_id)
                .join(AuditBlock, AuditBlock.id == Action.block_id)
            ).all()
            assert len(rows) > 10
            for action, audit_uuid, block_uuid in rows:
                document = action_document_of(action, audit_uuid, block_uuid)
                assert document_hash(document) == action.content_hash, action.uuid
    finally:
        db.close()


def test_written_summaries_list_the_audits_own_findings_and_strengths(demo: Path) -> None:
    by_audit: dict[int, list[Row]] = defaultdict(list)
    for row in _answers(demo):
        by_audit[row.audit].append(row)
    summaries = 0
    for rows in by_audit.values():
        own_findings = {row.comment for row in rows if row.rating and (_points(row) or GOOD) < GOOD}
        for row in rows:
            if row.question == "overall.needs_to_improve":
                summaries += 1
                if row.comment in phrases_written.NOTHING_TO_IMPROVE:
                    assert not own_findings, row.comment
                else:
                    assert any(text in row.comment for text in own_findings), row.comment
                    assert not any(text in row.comment for text in STRENGTH_TEXTS), row.comment
            elif row.question == "overall.working_well":
                if row.comment not in phrases_written.LITTLE_WORKING_WELL:
                    assert any(text in row.comment for text in STRENGTH_TEXTS), row.comment
                assert not any(text in row.comment for text in FINDING_TEXTS), row.comment
    assert summaries > 200


def test_setting_visit_provision_lines_agree_with_themselves(demo: Path) -> None:
    """What the plan specifies, whether it is delivered, the evidence seen and who delivers
    it: all from one provision line, for the delivery rating given."""
    lines = {line.specified: line for line in provision_lines.PROVISION_LINES}
    blocks: dict[int, dict[str, Row]] = defaultdict(dict)
    for row in _answers(demo):
        if row.question.startswith("child.provision_") and row.block is not None:
            blocks[row.block][row.question] = row
    checked = 0
    for answers in blocks.values():
        specified, delivered = (
            answers.get("child.provision_specified"),
            answers.get("child.provision_delivered"),
        )
        if specified is None or delivered is None or delivered.rating is None:
            continue
        checked += 1
        line = lines[specified.comment]
        said, seen = line.delivered[delivered.rating]
        assert delivered.comment in ("", _text(said))
        evidence = answers.get("child.provision_evidence")
        if evidence is not None:
            assert evidence.comment == seen
        deliverer = answers.get("child.provision_deliverer")
        if deliverer is not None:
            if not line.names_deliverer:
                assert deliverer.rating == NOT_APPLICABLE
            elif delivered.rating in ("not_delivered", "no_evidence"):
                assert deliverer.rating == "no"
            elif delivered.rating == "delivered":
                assert deliverer.rating == "yes"
    assert checked > 100


def test_child_observation_and_parent_words_agree_with_their_answers(demo: Path) -> None:
    blocks: dict[int, dict[str, Row]] = defaultdict(dict)
    for row in _answers(demo):
        if row.block is not None:
            blocks[row.block][row.question] = row
    for answers in blocks.values():
        observed, view = answers.get("child.observation"), answers.get("child.view")
        if observed is not None and view is not None and view.rating != NOT_APPLICABLE:
            assert observed.comment in phrases_written.OBSERVATIONS[view.rating or ""]
        words, parent = answers.get("child.parent_comments"), answers.get("child.parent_view")
        if words is not None:
            assert parent is not None
            assert parent.rating != NOT_APPLICABLE
            assert words.comment in phrases_written.PARENT_COMMENTS[parent.rating or ""]


def test_override_reasons_fit_the_direction_of_the_override(demo: Path) -> None:
    overrides = _query(
        demo,
        "SELECT suggested_grade, override_grade, override_reason FROM audits"
        " WHERE override_grade IS NOT NULL",
    )
    assert overrides
    for suggested, override, reason in overrides:
        raised = Grade(override).points > Grade(suggested).points
        pool = phrases_written.OVERRIDE_UP if raised else phrases_written.OVERRIDE_DOWN
        assert reason in pool, (suggested, override, reason)


def test_the_same_seed_gives_the_same_database(tmp_path: Path) -> None:
    first = _make(tmp_path / "first.sqlite", 80, 5)
    second = _make(tmp_path / "second.sqlite", 80, 5)
    for model in INSERT_ORDER:
        table = model.__table__.name  # type: ignore[attr-defined]
        sql = f"SELECT * FROM {table} ORDER BY 1, 2"  # table names from the models, not input
        assert _query(first, sql) == _query(second, sql), table
