"""The tests' quick way of answering a whole audit leaves the database exactly as saving
each answer through the service does: the same answers, trail, grades, section grades,
content hash and search text, row for row. If the services change what saving an answer
writes, this fails and tests/services/bulk_answers.py must follow."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from auditdesk.domain.reference import Agency, PrimaryNeed, Role, SettingPhase, SettingType
from auditdesk.services.audits import _blocks as audit_blocks
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits._blocks import SampledChild
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._people import get_profile, save_profile
from auditdesk.services.kernel._workspace import open_workspace
from tests.conftest import FIXED_NOW, plan_subject
from tests.made_once import new_database
from tests.services.helpers import answer_everything, answer_everything_one_by_one

Answering = Callable[..., None]


def started_audits(path: Path) -> list[str]:
    """A plan audit and a setting visit with a sampled child and a provision line, not yet
    answered, in a database that is then closed."""
    db = open_workspace(new_database(path))
    try:
        actor = save_profile(db, "Sam Practice", Agency.EDUCATION, Role.PRACTICE_CHAMPION)
        ctx = ServiceContext(db, actor, clock=lambda: FIXED_NOW)
        plan = audits.create_audit(
            ctx, template_id="ehcp-quality", subject=plan_subject(need=PrimaryNeed.SEMH)
        )
        setting = subjects.add_setting(
            ctx,
            name="Oakfield Primary School",
            urn="912345",
            setting_type=SettingType.MAINSTREAM,
            phase=SettingPhase.PRIMARY,
            locality="Crewe",
        )
        visit = audits.create_audit(
            ctx, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
        )
        sections = visit.index.template.all_sections()
        sampled = next(s for s in sections if s.repeat and s.repeat.sampled_child)
        lines = next(
            s for s in sections if s.repeat and visit.index.repeating_parent(s.id) == sampled.id
        )
        child = audit_blocks.add_block(
            ctx, visit.uuid, sampled.id, sampled_child=SampledChild("CE-77100", 10, PrimaryNeed.ASD)
        ).block
        audit_blocks.add_block(ctx, visit.uuid, lines.id, parent_block_id=child.id)
        return [plan.uuid, visit.uuid]
    finally:
        db.close()


def answered(path: Path, uuids: list[str], answer: Answering, points: int) -> list[str]:
    db = open_workspace(path)
    try:
        actor = get_profile(db)
        assert actor is not None
        ctx = ServiceContext(db, actor, clock=lambda: FIXED_NOW)
        for uuid in uuids:
            answer(ctx, audits.get_audit(ctx, uuid), points=points, comment="Checked on file.")
    finally:
        db.close()
    with closing(sqlite3.connect(path)) as connection:
        # The dashboard's change counter counts statements, not what they stored: bulk
        # inserts move it less, and all it promises is to move (tests/services/
        # test_kept_dashboard_figures.py).
        return [
            line
            for line in connection.iterdump()
            if not line.startswith('INSERT INTO "figures_data_stamp"')
        ]


@pytest.mark.parametrize("points", [1, 2, 3, 4])
def test_answering_in_one_go_stores_what_answering_one_by_one_stores(
    tmp_path: Path, points: int
) -> None:
    one_by_one = tmp_path / "one by one.sqlite"
    uuids = started_audits(one_by_one)
    in_one_go = shutil.copyfile(one_by_one, tmp_path / "in one go.sqlite")  # the same laptop

    expected = answered(one_by_one, uuids, answer_everything_one_by_one, points)
    got = answered(in_one_go, uuids, answer_everything, points)

    assert any(line.startswith('INSERT INTO "answers"') for line in expected)
    assert any(line.startswith('INSERT INTO "audit_section_grades"') for line in expected)
    assert got == expected
