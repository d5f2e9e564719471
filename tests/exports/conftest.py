"""Databases for export tests: a demo database (built once per run) and a hand-made one
with hostile text planted where users type: comments, evidence, findings, block labels."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from auditdesk.domain.reference import Agency, PrimaryNeed, SettingPhase, SettingType
from auditdesk.services import actions, audit_blocks, audit_lifecycle, audits, subjects
from auditdesk.services.actions import ActionInput
from auditdesk.services.audit_blocks import SampledChild
from auditdesk.services.context import ServiceContext
from auditdesk.services.people import get_profile
from auditdesk.services.workspace import open_workspace
from tests.conftest import FIXED_NOW, plan_subject
from tests.services.helpers import answer_everything

DEMO_AS_OF = date(2026, 11, 20)
DEMO_AUDITS = 160
#: Strings spreadsheet programs would run as formulas if they were not kept as text.
FORMULAS = ("=1+1", '=HYPERLINK("http://x.invalid","y")', "+1+1", "-1+1", "@SUM(1,1)")
PLANTED_CHILDREN = ("CE-77001", "CE-77002", "CE-77003", "CE-77100")
PLANTED_NAME = "Jane Doe"  # typed into a provision line's label, as a person might


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from auditdesk.services.demo.generator import DemoOptions, generate_demo

    folder = tmp_path_factory.mktemp("export-demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITDESK_HOME", str(folder / "home"))
        database = open_workspace(folder / "demo.sqlite")
        try:
            generate_demo(database, DemoOptions(DEMO_AUDITS, seed=4, as_of=DEMO_AS_OF))
        finally:
            database.close()
    return folder / "demo.sqlite"


@contextmanager
def demo_context(path: Path) -> Iterator[ServiceContext]:
    """The demo database's quality lead, on the tests' fixed clock."""
    database = open_workspace(path)
    try:
        actor = get_profile(database)
        assert actor is not None
        yield ServiceContext(database, actor, clock=lambda: FIXED_NOW)
    finally:
        database.close()


@pytest.fixture
def demo_ctx(demo_path: Path) -> Iterator[ServiceContext]:
    with demo_context(demo_path) as ctx:
        yield ctx


def sql(path: Path, query: str, *parameters: Any) -> list[tuple[Any, ...]]:
    """An independent answer from the database file itself."""
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(query, parameters).fetchall()


def xlsx_xml(path: Path) -> dict[str, str]:
    """Every XML part of a workbook, by name."""
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xml")
        }


@dataclass(frozen=True)
class Planted:
    ctx: ServiceContext
    path: Path
    audit_references: tuple[str, ...]
    visit_reference: str


@pytest.fixture
def planted(ctx: ServiceContext, db_path: Path) -> Planted:
    """Three plan audits and a setting visit, completed, with hostile text everywhere a
    person can type, all dated 20 November 2026 (Autumn 2026)."""
    references = []
    for number, child in enumerate(PLANTED_CHILDREN[:3]):
        detail = audits.create_audit(
            ctx,
            template_id="ehcp-quality",
            subject=plan_subject(child, locality="Crewe", need=PrimaryNeed.SEMH),
        )
        answer_everything(ctx, detail, points=2, comment=FORMULAS[number])
        audits.record_answer(
            ctx,
            detail.uuid,
            "f.provision_quantified",
            evidence=FORMULAS[number + 1],
            comment=f"{FORMULAS[4]} see {child}'s timetable",
        )
        audits.set_board_highlight(
            ctx, detail.uuid, "overall.needs_to_improve", None, "needs_improvement"
        )
        actions.add_action(
            ctx,
            detail.uuid,
            ActionInput(
                finding=FORMULAS[0],
                action=FORMULAS[1],
                owner_agency=Agency.HEALTH,
                owner=FORMULAS[4],
                due_date=date(2026, 10, 1),
            ),
        )
        references.append(audit_lifecycle.complete_audit(ctx, detail.uuid).reference)
    visit = _visit(ctx)
    return Planted(ctx, db_path, tuple(references), visit)


def _visit(ctx: ServiceContext) -> str:
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
    sampled = next(
        s for s in visit.index.template.all_sections() if s.repeat and s.repeat.sampled_child
    )
    lines = next(
        s
        for s in visit.index.template.all_sections()
        if s.repeat and visit.index.repeating_parent(s.id) == sampled.id
    )
    child = audit_blocks.add_block(
        ctx,
        visit.uuid,
        sampled.id,
        sampled_child=SampledChild(PLANTED_CHILDREN[3], 10, PrimaryNeed.ASD),
    ).block
    line = audit_blocks.add_block(ctx, visit.uuid, lines.id, parent_block_id=child.id).block
    audit_blocks.rename_block(ctx, visit.uuid, line.id, f"Speech therapy with {PLANTED_NAME}")
    answer_everything(ctx, audits.get_audit(ctx, visit.uuid), points=3, comment=FORMULAS[3])
    return audit_lifecycle.complete_audit(ctx, visit.uuid).reference
