"""The change trail reads in words: the section and question as the audit's own template
version puts them, field names in words, values as the labels chosen, blocks by their
label; the stored ids and codes travel beside the words for exports, never in them."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from auditdesk.domain.grades import NOT_APPLICABLE, Grade
from auditdesk.domain.reference import ActionStatus, Agency, PrimaryNeed, SettingPhase, SettingType
from auditdesk.services.audits import _actions as actions
from auditdesk.services.audits import _blocks as audit_blocks
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.audits._actions import ActionInput
from auditdesk.services.audits._blocks import SampledChild
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._records import TrailEntry
from tests.conftest import plan_subject
from tests.exports.conftest import install_second_version
from tests.visible_text import internal_ids_in

ADVICE = "Is the advice the plan relies on recent, given within about the last 12 months?"
REWORDED = "Is all the advice the plan uses from the last 12 months?"


def shown(entries: list[TrailEntry]) -> list[str]:
    """What the trail window shows of each entry (its What, From and To columns)."""
    return [text for e in entries for text in (e.what, e.before, e.after)]


def test_answers_read_as_section_question_field_and_label(ctx: ServiceContext) -> None:
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    audits.record_answer(ctx, detail.uuid, "ctx.advice_recent", rating="yes")
    audits.record_answer(ctx, detail.uuid, "ctx.advice_recent", rating=NOT_APPLICABLE)
    audits.record_answer(ctx, detail.uuid, "e.outcomes_smart", rating="requires_improvement")
    audits.record_answer(
        ctx, detail.uuid, "e.outcomes_smart", comment="Services, not outcomes.", evidence="p. 4"
    )
    audits.set_board_highlight(ctx, detail.uuid, "e.outcomes_smart", None, "needs_improvement")
    audit_lifecycle.override_grade(ctx, detail.uuid, Grade.GOOD, "Panel view.")
    trail = audit_lifecycle.audit_trail(ctx, detail.uuid)

    advice = [e for e in trail if e.question_id == "ctx.advice_recent"]
    assert [(e.what, e.before, e.after) for e in advice] == [
        (f"Context and timeliness > {ADVICE}: Rating", "", "Yes"),
        (f"Context and timeliness > {ADVICE}: Rating", "Yes", "Not applicable"),
    ]
    # The stable ids and stored codes are kept beside the words, for exports.
    assert [(e.field, e.old_value, e.new_value) for e in advice] == [
        ("ctx.advice_recent: rating", None, "yes"),
        ("ctx.advice_recent: rating", "yes", "na"),
    ]
    assert {e.section_id for e in advice} == {"context"}
    outcomes = {
        e.what.rsplit(": ", 1)[1]: e.after for e in trail if e.question_id == "e.outcomes_smart"
    }
    assert outcomes == {
        "Rating": "Requires improvement",
        "Comment": "Services, not outcomes.",
        "Evidence": "p. 4",
        "Marked for the Board": "Needs to improve",
    }
    override = next(e for e in trail if e.field == "overall grade override")
    assert (override.what, override.after) == ("Override grade", "Good")
    assert internal_ids_in(shown(trail), extra_ids=[detail.uuid]) == []


def test_blocks_show_as_their_labels_and_actions_in_words(ctx: ServiceContext) -> None:
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
    first = audit_blocks.add_block(
        ctx, visit.uuid, "child", sampled_child=SampledChild("CE-10431", 4, PrimaryNeed.ASD)
    ).block
    child = audit_blocks.add_block(
        ctx, visit.uuid, "child", sampled_child=SampledChild("CE-10432", 5, PrimaryNeed.SLCN)
    ).block
    line = audit_blocks.add_block(
        ctx, visit.uuid, "child.provision", parent_block_id=child.id
    ).block
    audits.record_answer(
        ctx, visit.uuid, "child.provision_delivered", line.id, rating="not_delivered"
    )
    audits.record_answer(ctx, visit.uuid, "child.plan_current", child.id, rating="partly")
    action = actions.add_action(
        ctx,
        visit.uuid,
        ActionInput(
            "Speech therapy not delivered.",
            "Restore weekly speech therapy sessions",
            Agency.EDUCATION,
            "SENCO",
            date(2026, 12, 1),
            block_id=line.id,
        ),
    )
    actions.update_action(
        ctx, action.uuid, status=ActionStatus.IN_PROGRESS, owner_agency=Agency.HEALTH
    )
    actions.update_action(ctx, action.uuid, due_date=date(2027, 1, 15))
    audit_blocks.remove_block(ctx, visit.uuid, first.id)
    trail = audit_lifecycle.audit_trail(ctx, visit.uuid)

    delivered = next(e for e in trail if e.question_id == "child.provision_delivered")
    assert delivered.what == (
        "Sampled child > Child 1: CE-10432 > Provision delivery > Provision line 1 > "
        "Is this provision being delivered as the plan specifies?: Rating"
    )
    assert delivered.after == "Not delivered"
    assert delivered.block_id == line.id
    partly = next(e for e in trail if e.question_id == "child.plan_current")
    assert partly.what.startswith("Sampled child > Child 1: CE-10432 > Does the setting")
    assert partly.after == "Partly"
    changes = {e.what: (e.before, e.after) for e in trail if e.record_type == "action"}
    named = "Action “Restore weekly speech therapy sessions”"
    assert changes[f"{named}: Status"] == ("Open", "In progress")
    assert changes[f"{named}: Owner's agency"] == ("Education", "Health")
    assert changes[f"{named}: Due date"] == ("1 December 2026", "15 January 2027")
    added = [
        e for e in trail if e.record_type == "block" and e.field.endswith("added sampled child")
    ]
    assert [e.block_id for e in added] == [first.id, child.id]
    assert added[1].after == "Child 1: CE-10432"  # the removed first child's place is taken
    ids = [visit.uuid, first.id, child.id, line.id, action.uuid]
    assert internal_ids_in(shown(trail), extra_ids=ids) == []


def test_each_audit_is_worded_by_its_own_template_version(ctx: ServiceContext) -> None:
    before = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    install_second_version(
        ctx, "ehcp-quality", {ADVICE: REWORDED, "title: Context and timeliness": "title: Dates"}
    )
    after = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject("CE-10002"))
    assert after.template.version == 2
    for detail in (before, after):
        audits.record_answer(ctx, detail.uuid, "ctx.advice_recent", rating="partly")
    old = audit_lifecycle.audit_trail(ctx, before.uuid)
    new = audit_lifecycle.audit_trail(ctx, after.uuid)
    assert [e.what for e in old if e.question_id] == [f"Context and timeliness > {ADVICE}: Rating"]
    assert [e.what for e in new if e.question_id] == [f"Dates > {REWORDED}: Rating"]


def test_the_trail_window_shows_the_words(ctx: ServiceContext, qtbot: QtBot) -> None:
    from auditdesk.ui.editor.editor_dialogs import TrailDialog

    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    audits.record_answer(ctx, detail.uuid, "ctx.advice_recent", rating=NOT_APPLICABLE)
    dialog = TrailDialog(audit_lifecycle.audit_trail(ctx, detail.uuid))
    qtbot.addWidget(dialog)
    table = dialog.table
    # The trail is a tree of rows that wrap their text (editor_dialogs.WrappedTable).
    cells = [
        [table.topLevelItem(row).text(column) for column in range(table.columnCount())]
        for row in range(table.topLevelItemCount())
    ]
    assert cells[-1][2:5] == [f"Context and timeliness > {ADVICE}: Rating", "", "Not applicable"]
    assert internal_ids_in(text for row in cells for text in row) == []
