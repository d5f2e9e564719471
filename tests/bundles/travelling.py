"""Filling in two laptops to the limits the services accept, for the
``test_anything_accepted_travels`` files: a sender that records what a person may enter, at
its extremes, sends every audit, and a fresh receiver imports the bundle and must end up
with exactly the same documents (rebuilt from its own rows, hashing as stored). The two
blank laptops are made once per file (``travelling_blank`` in tests/bundles/conftest.py)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from itertools import cycle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, settings
from hypothesis import strategies as st
from sqlalchemy import select

from auditdesk.domain import limits
from auditdesk.domain.bundle_format import RecordKind
from auditdesk.domain.grades import NOT_APPLICABLE, Grade
from auditdesk.domain.reference import (
    ActionStatus,
    Agency,
    PlanStage,
    PrimaryNeed,
    Role,
    SettingPhase,
    SettingType,
    TemplateKind,
)
from auditdesk.domain.template_index import TemplateIndex
from auditdesk.domain.template_loader import load_template_file
from auditdesk.domain.template_model import RatingScale
from auditdesk.services import moderation
from auditdesk.services.audits import _actions as actions
from auditdesk.services.audits import _blocks as audit_blocks
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.audits._actions import ActionInput
from auditdesk.services.bundles import ChosenAudits, ItemStatus, import_bundle, send_audits
from auditdesk.services.bundles._reader import read_bundle
from auditdesk.services.bundles._reference_documents import stored_record
from auditdesk.services.kernel._context import Actor, ServiceContext
from auditdesk.services.kernel._people import add_auditor, save_profile
from auditdesk.services.kernel._records import AuditDetail, SettingRecord
from auditdesk.services.kernel._subjects import add_setting
from auditdesk.services.kernel._templates import install_template
from auditdesk.services.kernel._workspace import Database, open_workspace
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
from tests.bundles import extremes
from tests.bundles.helpers import QUICK_CHECK, Ticker

TABLES: dict[RecordKind, Any] = {
    "auditor": Auditor,
    "setting": Setting,
    "child": Child,
    "plan": Plan,
    "moderation_sample": ModerationSample,
    "audit": Audit,
    "action": Action,
    "moderation": Moderation,
}


def shipped_templates() -> list[tuple[str, TemplateKind]]:
    """Every template AuditDesk ships (``auditdesk/audit_templates/*.yaml``)."""
    found = []
    for entry in sorted(resources.files("auditdesk.audit_templates").iterdir(), key=str):
        if entry.name.endswith(".yaml"):
            with resources.as_file(entry) as path:
                template = load_template_file(path).template
            found.append((template.id, template.kind))
    return found


SHIPPED = shipped_templates()
A_PLAN = audits.ChildPlanSubject("CE-10001", 10, PrimaryNeed.ASD, PlanStage.NEW_PLAN, "Crewe")


def examples(count: int) -> Any:
    # Each example fills in audits through the services on two real databases: seconds.
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


# -- two laptops, fresh for every example --------------------------------------------------
@dataclass(frozen=True)
class BlankLaptops:
    """Two empty databases (each with its own device id), copied for every example: making
    a database from nothing takes longer than the example's own work."""

    sender: Path
    receiver: Path

    def open(
        self, folder: Path, name: str, agency: Agency
    ) -> tuple[ServiceContext, ServiceContext]:
        folder.mkdir(parents=True)
        contexts = []
        for blank, who, their_agency in (
            (self.sender, name, agency),
            (self.receiver, "Quinn Lead", Agency.HEALTH),
        ):
            path = folder / blank.name
            shutil.copyfile(blank, path)
            db = open_workspace(path)
            actor = save_profile(db, who, their_agency, Role.QUALITY_LEAD)
            clock = Ticker(datetime(2026, 11, 2, 9, tzinfo=UTC))
            contexts.append(ServiceContext(db, actor, clock=clock))
        return contexts[0], contexts[1]


def make_blank_laptops(folder: Path) -> BlankLaptops:
    """The sender's and the receiver's empty databases (the sender has the quick check)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITDESK_HOME", str(folder / "home"))
        for name in ("sender.sqlite", "receiver.sqlite"):
            db = open_workspace(folder / name)
            if name == "sender.sqlite":
                with db.write() as session:
                    install_template(session, load_template_file(QUICK_CHECK))
            db.close()
    return BlankLaptops(folder / "sender.sqlite", folder / "receiver.sqlite")


# -- filling in, as a person would ----------------------------------------------------------
def team_of(data: st.DataObject) -> list[audits.TeamMemberInput]:
    """Nobody (the person using AuditDesk leads), a few people, or the largest team; names
    of any length, the longest made from one drawn name so the example stays small."""
    size = data.draw(st.sampled_from([0, 1, 2, limits.TEAM_SIZE]), label="team size")
    if size == limits.TEAM_SIZE:
        base = data.draw(extremes.person_names, label="team name")
        agency = data.draw(st.sampled_from(Agency), label="team agency")
        return [
            audits.TeamMemberInput(_numbered(base, number), agency, Role.PRACTICE_CHAMPION)
            for number in range(size)
        ]
    member = st.builds(
        audits.TeamMemberInput,
        extremes.person_names,
        st.sampled_from(Agency),
        st.sampled_from(Role),
    )
    return data.draw(
        st.lists(
            member,
            min_size=size,
            max_size=size,
            unique_by=lambda m: (m.name.strip().casefold(), m.agency),
        ),
        label="team",
    )


def _numbered(name: str, number: int) -> str:
    suffix = f" {number}"
    return name.strip()[: limits.PERSON_NAME - len(suffix)] + suffix


def plan_subject(data: st.DataObject, kind: TemplateKind, setting_uuid: str) -> Any:
    if kind is TemplateKind.SETTING_VISIT:
        return audits.SettingVisitSubject(setting_uuid)
    stages = [
        stage
        for stage in PlanStage
        if not (kind is TemplateKind.ANNUAL_REVIEW_AUDIT and stage is PlanStage.NEW_PLAN)
    ]
    return audits.ChildPlanSubject(
        child_reference=data.draw(extremes.child_references, label="child"),
        year_group=data.draw(extremes.year_groups, label="year group"),
        primary_need=data.draw(st.sampled_from(PrimaryNeed), label="need"),
        plan_stage=data.draw(st.sampled_from(stages), label="stage"),
        locality=data.draw(extremes.localities, label="locality"),
        setting_uuid=data.draw(st.sampled_from([None, setting_uuid]), label="plan's setting"),
        plan_issue_date=data.draw(st.none() | extremes.any_day, label="issue date"),
    )


def a_setting(data: st.DataObject, ctx: ServiceContext) -> SettingRecord:
    return add_setting(
        ctx,
        name=data.draw(extremes.setting_names, label="setting"),
        urn=data.draw(extremes.urns, label="URN"),
        setting_type=data.draw(st.sampled_from(SettingType), label="setting type"),
        phase=data.draw(st.sampled_from(SettingPhase), label="setting phase"),
        locality=data.draw(extremes.localities, label="setting's locality"),
    )


def start_audit(
    data: st.DataObject, ctx: ServiceContext, template_id: str, kind: TemplateKind, setting: str
) -> AuditDetail:
    return audits.create_audit(
        ctx,
        template_id=template_id,
        subject=plan_subject(data, kind, setting),
        team=team_of(data),
        audit_date=data.draw(extremes.audit_days, label="audit date"),
    )


def add_blocks(data: st.DataObject, ctx: ServiceContext, detail: AuditDetail) -> None:
    """Blocks in every repeating section and inside each, some renamed to the longest name
    allowed; sampled children at any year group."""
    index = detail.index

    def fill(section_ids: list[str], parent: str | None) -> None:
        for section_id in section_ids:
            repeat = index.sections[section_id].repeat
            assert repeat is not None
            count = data.draw(st.integers(max(repeat.min, 1), min(repeat.max, 2)), label="blocks")
            references = data.draw(
                st.lists(extremes.child_references, min_size=count, max_size=count, unique=True),
                label="sampled children",
            )
            for reference in references:
                sampled = None
                if repeat.sampled_child:
                    sampled = audit_blocks.SampledChild(
                        reference,
                        data.draw(extremes.year_groups, label="child's year group"),
                        data.draw(st.sampled_from(PrimaryNeed), label="child's need"),
                    )
                block = audit_blocks.add_block(
                    ctx, detail.uuid, section_id, parent_block_id=parent, sampled_child=sampled
                ).block
                if sampled is None and data.draw(st.booleans(), label="rename"):
                    label = data.draw(extremes.block_labels, label="block name")
                    audit_blocks.rename_block(ctx, detail.uuid, block.id, label)
                fill(repeating_inside(index, section_id), block.id)

    fill(repeating_inside(index, None), None)


def repeating_inside(index: TemplateIndex, section_id: str | None) -> list[str]:
    """The repeating sections directly inside ``section_id`` (or at the template's top)."""
    found: list[str] = []

    def walk(sections: Any) -> None:
        for section in sections:
            if section.repeat is not None:
                found.append(section.id)
            else:
                walk(section.sections)

    walk(index.template.sections if section_id is None else index.sections[section_id].sections)
    return found


def answer_all(data: st.DataObject, ctx: ServiceContext, uuid: str) -> AuditDetail:
    """Every question that applies, then completed: any rating (or N/A where allowed) with
    a comment and evidence, each up to the last character allowed (drawn per audit and
    handed round, so an example stays small however many questions there are)."""
    comments = cycle(
        data.draw(st.lists(extremes.written(limits.ANSWER_TEXT), min_size=1, max_size=3))
    )
    evidence = cycle(
        data.draw(st.lists(extremes.text_up_to(limits.ANSWER_TEXT), min_size=1, max_size=3))
    )
    detail = audits.get_audit(ctx, uuid)
    for slot in detail.index.slots(detail.blocks, detail.context):
        if not slot.applies:
            continue
        scale = detail.index.scale_for(slot.question)
        rating = None
        if scale is not None:
            rating = data.draw(st.sampled_from(ratings_of(scale)), label="rating")
        audits.record_answer(
            ctx,
            uuid,
            slot.question.id,
            slot.block.id if slot.block else None,
            rating=rating,
            comment=next(comments),
            evidence=next(evidence),
        )
    return audit_lifecycle.complete_audit(ctx, uuid)


def ratings_of(scale: RatingScale) -> list[str]:
    """Every option of the scale, and N/A where the scale allows it."""
    codes = [option.code for option in scale.options]
    return [*codes, NOT_APPLICABLE] if scale.allow_na else codes


def act_on(data: st.DataObject, ctx: ServiceContext, detail: AuditDetail) -> None:
    """An action at the extremes, then changed in every way the services allow."""
    due = data.draw(extremes.any_day, label="due")
    blocks = [block.id for block in detail.blocks]
    record = actions.add_action(
        ctx,
        detail.uuid,
        ActionInput(
            finding=data.draw(extremes.text_up_to(limits.ACTION_TEXT, required=True)),
            action=data.draw(extremes.text_up_to(limits.ACTION_TEXT, required=True)),
            owner_agency=data.draw(st.sampled_from(Agency)),
            owner=data.draw(extremes.person_names, label="owner"),
            due_date=due,
            re_audit_date=data.draw(
                st.none() | st.dates(min_value=due, max_value=limits.LATEST_DAY), label="re-audit"
            ),
            question_id=data.draw(st.none() | st.sampled_from(sorted(detail.index.questions))),
            block_id=data.draw(st.none() | st.sampled_from(blocks)) if blocks else None,
        ),
    )
    due_again = data.draw(extremes.any_day, label="new due date")
    actions.update_action(
        ctx,
        record.uuid,
        status=data.draw(st.sampled_from(ActionStatus), label="status"),
        due_date=due_again,
        owner=data.draw(extremes.person_names, label="new owner"),
        owner_agency=data.draw(st.sampled_from(Agency)),
        action=data.draw(extremes.text_up_to(limits.ACTION_TEXT, required=True)),
        re_audit_date=data.draw(
            st.none() | st.dates(min_value=due_again, max_value=limits.LATEST_DAY), label="re-audit"
        ),
    )


def moderate(data: st.DataObject, ctx: ServiceContext, on_teams: set[tuple[str, Agency]]) -> None:
    """Draw a sample (any percentage, a seed at either end or none, any name), mark one
    audit blind, agree its grades and sign it off."""
    marker_name = data.draw(extremes.person_names, label="second marker")
    marker_agency = data.draw(st.sampled_from(Agency), label="marker's agency")
    assume((marker_name.strip().casefold(), marker_agency) not in on_teams)
    sample = moderation.draw_sample(
        ctx,
        percentage=data.draw(extremes.percentages, label="percentage"),
        seed=data.draw(extremes.seeds, label="seed"),
        name=data.draw(extremes.sample_names, label="sample name"),
    )
    marker = add_auditor(ctx, marker_name, marker_agency, Role.PRACTICE_CHAMPION)
    marker_ctx = ServiceContext(
        ctx.db, Actor(marker.name, marker.agency, marker.role, marker.uuid), clock=ctx.clock
    )
    row = sample.drawn[0]
    moderation.assign_second_marker(ctx, row.uuid, marker.uuid)
    blind = moderation.blind_view(marker_ctx, row.uuid)
    comments = cycle(
        data.draw(st.lists(extremes.text_up_to(limits.MODERATION_NOTES), min_size=1, max_size=2))
    )
    context = audits.get_audit(ctx, row.audit_uuid).context
    for slot in blind.index.slots(blind.blocks, context):
        scale = blind.index.scale_for(slot.question)
        if not slot.applies or scale is None:
            continue
        moderation.record_second_rating(
            marker_ctx,
            row.uuid,
            slot.question.id,
            slot.block.id if slot.block else None,
            rating=data.draw(st.sampled_from(ratings_of(scale)), label="second rating"),
            comment=next(comments),
        )
    result = moderation.submit_second_marking(marker_ctx, row.uuid)
    agreed = {
        line.scope: data.draw(st.sampled_from(Grade), label="agreed grade")
        for line in result.grades
        if line.scope == moderation.OVERALL or data.draw(st.booleans(), label="agree section")
    }
    notes = data.draw(extremes.text_up_to(limits.MODERATION_NOTES), label="agreement notes")
    moderation.agree(ctx, row.uuid, agreed, notes)
    audit_lifecycle.sign_off(ctx, row.audit_uuid)


def on_team(ctx: ServiceContext, team: list[audits.TeamMemberInput]) -> set[tuple[str, Agency]]:
    people = [(member.name, member.agency) for member in team] or [
        (ctx.actor.name, ctx.actor.agency)
    ]
    return {(name.strip().casefold(), agency) for name, agency in people}


# -- sending, receiving and comparing -------------------------------------------------------
def send_and_receive(
    sender: ServiceContext, receiver: ServiceContext, made: list[AuditDetail], folder: Path
) -> None:
    """Send every audit made; the receiver takes every record as new, and then rebuilds
    exactly the documents the sender has, each hashing as stored."""
    bundle = folder / "everything.auditdesk"
    send_audits(sender, bundle, ChosenAudits(tuple(detail.uuid for detail in made)))
    result = import_bundle(receiver, bundle)
    assert {item.status for item in result.preview.items} == {ItemStatus.NEW}, [
        item.description for item in result.preview.items if item.status is not ItemStatus.NEW
    ]
    assert result.imported
    sent = {record.uuid: record.kind for record in read_bundle(bundle).records}
    received = documents(receiver.db, sent)
    assert received == documents(sender.db, sent)
    assert all(rebuilt == stored for _, rebuilt, stored in received.values())


def documents(db: Database, records: dict[str, RecordKind]) -> dict[str, tuple[Any, str, str]]:
    """Each record's canonical document as this database rebuilds it from its own rows,
    with its hash and the hash stored beside it."""
    found: dict[str, tuple[Any, str, str]] = {}
    with db.read() as session:
        for uuid, kind in records.items():
            model = TABLES[kind]
            row_id = session.scalars(select(model.id).where(model.uuid == uuid)).one()
            record = stored_record(session, kind, row_id)
            found[uuid] = (record.document, record.hash, record.stored_hash)
    return found
