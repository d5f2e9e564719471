"""Demo data is what the services would have written: every travelling record carries the
content hash the services compute, and the spreads look like a council's year of audits."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from auditdesk.errors import InvalidInput
from auditdesk.services import audit_state, record_hashes
from auditdesk.services.demo.generator import DemoOptions, generate_demo
from auditdesk.services.moderation import _rehash as rehash_moderation
from auditdesk.services.workspace import open_workspace
from auditdesk.store.models import (
    Action,
    Audit,
    Auditor,
    Child,
    Moderation,
    ModerationSample,
    Plan,
    Setting,
)


def test_demo_hashes_match_what_the_services_compute(tmp_path: Path) -> None:
    db = open_workspace(tmp_path / "demo.sqlite")
    try:
        generate_demo(db, DemoOptions(300, seed=9, as_of=date(2026, 11, 20)))
        with db.read() as session:
            for model in (
                Auditor,
                Setting,
                Child,
                Plan,
                Audit,
                Action,
                Moderation,
                ModerationSample,
            ):
                blank = session.scalars(select(model.uuid).where(model.content_hash == "")).all()
                assert blank == [], f"{model.__tablename__} rows without a content hash"
            checks = [
                (Auditor, record_hashes.rehash_auditor),
                (Setting, record_hashes.rehash_setting),
                (Child, lambda row: record_hashes.rehash_child(session, row)),
                (Plan, lambda row: record_hashes.rehash_plan(session, row)),
                (Moderation, lambda row: rehash_moderation(session, row)),
            ]
            for model, rehash in checks:
                for row in session.scalars(select(model).limit(40)).all():
                    stored = row.content_hash
                    rehash(row)
                    assert row.content_hash == stored, f"{model.__tablename__} {row.uuid}"
            for audit in session.scalars(select(Audit).limit(60)).all():
                loaded = audit_state.load_audit(session, audit.uuid)
                document = audit_state.document_for(session, loaded)
                assert audit_state.audit_content_hash(document) == audit.content_hash
            session.rollback()
    finally:
        db.close()


def test_demo_spreads_cover_templates_statuses_grades_and_overdue_actions(tmp_path: Path) -> None:
    db = open_workspace(tmp_path / "demo.sqlite")
    try:
        report = generate_demo(db, DemoOptions(600, seed=2, as_of=date(2026, 11, 20)))
        assert report.audits == 600
        with db.read() as session:
            audits = session.execute(
                select(Audit.template_id, Audit.status, Audit.final_grade, Audit.term_key)
            ).all()
            actions = session.execute(select(Action.status, Action.due_date)).all()
        templates = Counter(row.template_id for row in audits)
        statuses = Counter(row.status for row in audits)
        grades = Counter(row.final_grade for row in audits)
        assert set(templates) == {"ehcp-quality", "annual-review", "setting-visit", "pfa-thematic"}
        assert set(statuses) == {"draft", "completed", "moderated", "signed_off"}
        assert {"outstanding", "good", "requires_improvement", "inadequate"} <= set(grades)
        assert len({row.term_key for row in audits}) == 6
        overdue = [
            a
            for a in actions
            if a.status in ("open", "in_progress") and a.due_date < date(2026, 11, 20)
        ]
        assert overdue
        assert any(a.status == "done" for a in actions)
        assert report.moderations > 0
        good_share = (grades["good"] + grades["outstanding"]) / sum(grades.values())
        assert 0.35 < good_share < 0.85
    finally:
        db.close()


def test_demo_data_never_goes_into_a_database_with_audits(tmp_path: Path) -> None:
    db = open_workspace(tmp_path / "real.sqlite")
    try:
        generate_demo(db, DemoOptions(5, seed=1, as_of=date(2026, 11, 20)))
        with pytest.raises(InvalidInput, match="already holds 5 audits"):
            generate_demo(db, DemoOptions(5, seed=1, as_of=date(2026, 11, 20)))
        with pytest.raises(InvalidInput, match="between 1 and"):
            generate_demo(db, DemoOptions(0))
    finally:
        db.close()
