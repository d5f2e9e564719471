"""Demo data is what the services would have written: every travelling record carries the
content hash the services compute, and the spreads look like a council's year of audits."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from auditdesk.domain import limits
from auditdesk.domain.audit_document import audit_content_hash
from auditdesk.errors import InvalidInput
from auditdesk.services.audits import _state as audit_state
from auditdesk.services.demo._generator import DemoOptions, generate_demo
from auditdesk.services.kernel import _record_hashes as record_hashes
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.services.moderation._records import rehash as rehash_moderation
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
                assert audit_content_hash(document) == audit.content_hash
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


@pytest.mark.parametrize("seed", [limits.FIRST_SEED - 1, limits.LAST_SEED + 1, 2**63])
def test_a_seed_no_moderation_sample_can_keep_is_refused_before_anything_is_made(
    tmp_path: Path, seed: int
) -> None:
    """It used to fail half-way, as a fault, when the demo sample's document was checked."""
    db = open_workspace(tmp_path / "demo.sqlite")
    try:
        with pytest.raises(InvalidInput, match="from 0 to 2,147,483,647"):
            generate_demo(db, DemoOptions(5, seed=seed, as_of=date(2026, 11, 20)))
        with db.read() as session:
            assert session.scalar(select(func.count(Audit.id))) == 0
        report = generate_demo(db, DemoOptions(60, seed=limits.LAST_SEED, as_of=date(2026, 11, 20)))
        assert report.audits == 60
    finally:
        db.close()


RANGE = "choose a whole number from 0 to 2,147,483,647"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2147483648", f"2,147,483,648 is out of range: {RANGE}"),
        ("-1", f"-1 is out of range: {RANGE}"),
        ("lots", "'lots' is not a whole number"),
    ],
)
def test_demo_names_the_seed_range_at_the_command_line(
    tmp_path: Path, value: str, words: str
) -> None:
    target = tmp_path / "never.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "auditdesk", "demo", "--db", str(target), "--audits", "5",
         "--seed", value],
        env={**os.environ, "AUDITDESK_HOME": str(tmp_path / "home")},
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert f"argument --seed: {words}" in result.stderr
    assert not target.exists()
