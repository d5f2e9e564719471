"""Databases for export tests: a demo database (built once per run) and a hand-made one
with hostile text planted where users type: comments, evidence, findings, block labels."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from auditdesk.domain.reference import Agency, PrimaryNeed, Role, SettingPhase, SettingType
from auditdesk.services.audits import _actions as actions
from auditdesk.services.audits import _blocks as audit_blocks
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.audits._actions import ActionInput
from auditdesk.services.audits._blocks import SampledChild
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.services.kernel._context import Actor, ServiceContext
from auditdesk.services.kernel._people import get_profile
from auditdesk.services.kernel._workspace import open_workspace
from tests import made_once
from tests.conftest import FIXED_NOW, plan_subject
from tests.services.helpers import answer_everything
from tests.test_cli import give_profile

DEMO_AS_OF = date(2026, 11, 20)
DEMO_AUDITS = 160
#: Strings spreadsheet programs would run as formulas if they were not kept as text.
FORMULAS = ("=1+1", '=HYPERLINK("http://x.invalid","y")', "+1+1", "-1+1", "@SUM(1,1)")
PLANTED_CHILDREN = ("CE-77001", "CE-77002", "CE-77003", "CE-77100")
PLANTED_NAME = "Jane Doe"  # typed into a provision line's label, as a person might


@pytest.fixture(scope="session")
def demo_path() -> Path:
    """The demo database (made once per run, shared by the test processes); read it here,
    change only a copy (``database``)."""
    return made_once.demo_database(DEMO_AUDITS, seed=4, as_of=DEMO_AS_OF)


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
def home(tmp_path: Path) -> Path:
    """The AuditDesk folder of a person who has said who they are (for the commands)."""
    folder = tmp_path / "home"
    folder.mkdir()
    give_profile(folder, "Sam Practice")
    return folder


@pytest.fixture
def database(demo_path: Path, tmp_path: Path) -> Path:
    """A copy of the demo database for a command to work on."""
    target = tmp_path / "team audits.sqlite"
    shutil.copyfile(demo_path, target)
    return target


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


@dataclass(frozen=True)
class EveryTemplate:
    """One completed audit of every shipped template (plus a draft), as exports see them."""

    ctx: ServiceContext
    path: Path
    completed: dict[str, str]  # template id -> audit reference
    draft_reference: str
    ids: tuple[str, ...]  # UUIDs of every audit and block made: never shown to people


@pytest.fixture
def every_template(ctx: ServiceContext, lead_ctx: ServiceContext, db_path: Path) -> EveryTemplate:
    """An audit of every shipped template with its repeating blocks, N/A answers, an
    action each, an overridden grade and an agreed moderation; and a half-done draft."""
    from auditdesk.domain.grades import NOT_APPLICABLE, Grade
    from auditdesk.domain.reference import PlanStage
    from auditdesk.services import moderation
    from auditdesk.services.kernel._people import add_auditor
    from auditdesk.services.kernel._templates import list_templates
    from tests.services.helpers import option_with_points

    ids: list[str] = []
    made: dict[str, str] = {}
    subjects_by_template: dict[str, Any] = {
        "ehcp-quality": plan_subject("CE-10101", year_group=10, need=PrimaryNeed.SLCN),
        "annual-review": plan_subject(
            "CE-10102", year_group=4, stage=PlanStage.ANNUAL_REVIEW, need=PrimaryNeed.SPLD
        ),
        "pfa-thematic": plan_subject(
            "CE-10103", year_group=12, stage=PlanStage.PHASE_TRANSFER, need=PrimaryNeed.PMLD
        ),
    }
    shipped = [summary.template_id for summary in list_templates(ctx)]
    for number, template_id in enumerate(sorted(shipped)):
        if template_id == "setting-visit":
            setting = subjects.add_setting(
                ctx,
                name="Brookside Academy",
                urn="912346",
                setting_type=SettingType.SPECIAL,
                phase=SettingPhase.ALL_THROUGH,
                locality="Macclesfield",
            )
            subject: Any = audits.SettingVisitSubject(setting.uuid)
        else:
            subject = subjects_by_template[template_id]
        detail = audits.create_audit(ctx, template_id=template_id, subject=subject)
        ids.append(detail.uuid)
        ids += _add_blocks(ctx, detail)
        detail = audits.get_audit(ctx, detail.uuid)
        answer_everything(ctx, detail, points=2 + number % 3, comment="Checked on file.")
        rated = [
            slot
            for slot in detail.index.slots(detail.blocks, detail.context)
            if slot.applies and slot.question.is_rated
        ]
        # One question not applicable, one comment marked for the Board.
        audits.record_answer(
            ctx,
            detail.uuid,
            rated[-1].question.id,
            rated[-1].block.id if rated[-1].block else None,
            rating=NOT_APPLICABLE,
        )
        first_block = rated[0].block.id if rated[0].block else None
        audits.record_answer(
            ctx, detail.uuid, rated[0].question.id, first_block, comment="Clear and specific."
        )
        audits.set_board_highlight(
            ctx,
            detail.uuid,
            rated[0].question.id,
            first_block,
            "working_well" if number % 2 else "needs_improvement",
        )
        actions.add_action(
            ctx,
            detail.uuid,
            ActionInput(
                finding="Provision is not quantified.",
                action="Amend Section F with hours and staffing.",
                owner_agency=(Agency.EDUCATION, Agency.HEALTH, Agency.SOCIAL_CARE)[number % 3],
                owner="SEN team",
                due_date=date(2026, 12, 1 + number),
                question_id=rated[1].question.id,
                block_id=rated[1].block.id if rated[1].block else None,
            ),
        )
        if template_id == "pfa-thematic":
            audit_lifecycle.override_grade(
                ctx, detail.uuid, Grade.OUTSTANDING, "Exceptional co-production seen."
            )
        made[template_id] = audit_lifecycle.complete_audit(ctx, detail.uuid).reference

    # The EHCP audit is moderated: drawn, second-marked one grade harsher, agreed.
    ehcp = audits.get_audit(ctx, _uuid_of(ctx, made["ehcp-quality"]))
    sample = moderation.draw_sample(
        lead_ctx, percentage=100, template_ids=("ehcp-quality",), seed=1
    )
    row = sample.drawn[0]
    ids.append(row.uuid)
    marker = add_auditor(ctx, "Morgan Health", Agency.HEALTH, Role.PRACTICE_CHAMPION)
    second = ServiceContext(
        ctx.db, Actor(marker.name, marker.agency, marker.role, marker.uuid), clock=lambda: FIXED_NOW
    )
    moderation.assign_second_marker(lead_ctx, row.uuid, marker.uuid)
    for slot in ehcp.index.slots(ehcp.blocks, ehcp.context):
        if slot.applies and slot.question.is_rated:
            moderation.record_second_rating(
                second, row.uuid, slot.question.id, None, rating=option_with_points(ehcp, slot, 2)
            )
    moderation.submit_second_marking(second, row.uuid)
    moderation.agree(lead_ctx, row.uuid, {"overall": Grade.REQUIRES_IMPROVEMENT}, "Panel view.")

    draft = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject("CE-10109"))
    ids.append(draft.uuid)
    for slot in list(draft.index.slots(draft.blocks, draft.context))[:6]:
        if slot.applies and slot.question.is_rated:
            audits.record_answer(
                ctx, draft.uuid, slot.question.id, None, rating=option_with_points(draft, slot, 3)
            )
    return EveryTemplate(ctx, db_path, made, draft.reference, tuple(ids))


def _add_blocks(ctx: ServiceContext, detail: Any) -> list[str]:
    """Two blocks of every top repeating section, and one of each nested one inside them."""
    made: list[str] = []
    index = detail.index
    tops = [
        s for s in index.template.all_sections() if s.repeat and not index.repeating_parent(s.id)
    ]
    for section in tops:
        for number in range(2):
            sampled = (
                SampledChild(f"CE-1043{number}", 9 + number, PrimaryNeed.ASD)
                if section.repeat.sampled_child
                else None
            )
            block = audit_blocks.add_block(ctx, detail.uuid, section.id, sampled_child=sampled)
            made.append(block.block.id)
            for inner in index.template.all_sections():
                if inner.repeat and index.repeating_parent(inner.id) == section.id:
                    line = audit_blocks.add_block(
                        ctx, detail.uuid, inner.id, parent_block_id=block.block.id
                    )
                    made.append(line.block.id)
    return made


def _uuid_of(ctx: ServiceContext, reference: str) -> str:
    from auditdesk.services.reports._audit import find_audit_uuid

    with ctx.db.read() as session:
        return find_audit_uuid(session, reference)


def install_second_version(ctx: ServiceContext, template_id: str, words: dict[str, str]) -> None:
    """Install version 2 of a shipped template with some of its words changed (``words``
    maps old text to new): a council rewording its checklist. Audits started afterwards
    use it; audits already started keep the version they were filled against."""
    from importlib import resources

    from auditdesk.domain.template_loader import load_template_text, shipped_templates
    from auditdesk.services.kernel._templates import install_template

    loaded = next(t for t in shipped_templates() if t.template.id == template_id)
    folder = resources.files("auditdesk.audit_templates")
    text = folder.joinpath(loaded.source).read_text(encoding="utf-8")
    assert "\nversion: 1\n" in text
    text = text.replace("\nversion: 1\n", "\nversion: 2\n", 1)
    for old, new in words.items():
        assert old in text, old
        text = text.replace(old, new)
    with ctx.db.write() as session:
        install_template(session, load_template_text(text, f"{template_id} version 2"))
