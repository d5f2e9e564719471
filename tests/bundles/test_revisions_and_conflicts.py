"""Revisions: what was sent never changes; an incoming revision that follows the one here
updates it (the old one kept); anything else is a conflict with both versions kept, and
the quality lead's decision loses neither."""

from __future__ import annotations

from datetime import date

import pytest

from auditdesk.domain.bundle_documents import AuditDocument, document_as, hash_of
from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import ActionStatus, Agency, AuditStatus, Role
from auditdesk.errors import NotAllowed
from auditdesk.services import moderation
from auditdesk.services.audits import _actions as actions
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.audits._actions import ActionInput
from auditdesk.services.bundles import (
    ConflictStatus,
    ItemStatus,
    Resolution,
    compare_conflict,
    list_conflicts,
    preview_bundle,
    record_history,
    resolve_conflict,
    revision_document,
)
from auditdesk.services.bundles._reader import read_bundle
from auditdesk.services.kernel._context import Actor, ServiceContext
from auditdesk.services.kernel._people import add_auditor
from tests.bundles.helpers import Laptop, completed_audit, dump
from tests.conftest import plan_subject
from tests.services.helpers import option_with_points

REASON = "The family shared new information about health needs."


def revise(laptop: Laptop, audit_uuid: str, comment: str) -> str:
    """Reopen, change one answer, complete again; the new content hash."""
    audit_lifecycle.reopen_audit(laptop.ctx, audit_uuid, REASON)
    audits.record_answer(laptop.ctx, audit_uuid, "a.child_voice", comment=comment)
    return audit_lifecycle.complete_audit(laptop.ctx, audit_uuid).content_hash


def incoming(bundle_path: object, uuid: str) -> tuple[int, str | None, tuple[str, ...]]:
    contents = read_bundle(bundle_path)  # type: ignore[arg-type]
    record = next(r for r in contents.records if r.uuid == uuid)
    return record.revision, record.parent_hash, record.ancestry


def test_an_edit_after_sending_starts_a_new_revision(auditor: Laptop) -> None:
    draft = audits.create_audit(
        auditor.ctx, template_id="ehcp-quality", subject=plan_subject("CE-10009")
    )
    audits.record_answer(auditor.ctx, draft.uuid, "a.child_voice", rating="good")
    first = auditor.send_audits(draft.uuid, name="first")
    sent = audits.get_audit(auditor.ctx, draft.uuid)
    assert incoming(first, draft.uuid) == (1, None, ())
    assert [(e.revision, e.origin) for e in record_history(auditor.ctx, draft.uuid)] == [
        (1, "sent")
    ]
    audits.record_answer(auditor.ctx, draft.uuid, "a.child_voice", rating="outstanding")
    assert audits.get_audit(auditor.ctx, draft.uuid).revision == 2
    audits.record_answer(auditor.ctx, draft.uuid, "a.child_voice", comment="Seen at home.")
    assert audits.get_audit(auditor.ctx, draft.uuid).revision == 2  # still the same draft
    audits.record_answer(auditor.ctx, draft.uuid, "a.child_voice", rating="good", comment="")
    back = audits.get_audit(auditor.ctx, draft.uuid)
    assert (back.revision, back.content_hash) == (1, sent.content_hash)  # undone: as sent
    audits.record_answer(auditor.ctx, draft.uuid, "a.child_voice", rating="outstanding")
    second = auditor.send_audits(draft.uuid, name="second")
    assert incoming(second, draft.uuid) == (2, sent.content_hash, (sent.content_hash,))


def test_a_later_revision_updates_the_one_here_and_the_old_one_is_kept(
    auditor: Laptop, lead: Laptop
) -> None:
    detail = completed_audit(auditor, "CE-10001")
    first = auditor.send_audits(detail.uuid, name="first")
    lead.receive(first)
    new_hash = revise(auditor, detail.uuid, "Now heard directly.")
    second = auditor.send_audits(detail.uuid, name="second")
    preview = preview_bundle(lead.ctx, second)
    (item,) = preview.of(ItemStatus.UPDATED, "audit")
    assert "follows revision 1 here" in item.description
    assert "kept in the history" in item.description
    lead.receive(second)
    received = audits.get_audit(lead.ctx, detail.uuid)
    assert (received.revision, received.content_hash) == (2, new_hash)
    assert received.answers[("a.child_voice", None)].comment == "Now heard directly."
    kept = revision_document(lead.ctx, detail.uuid, detail.content_hash)
    assert kept is not None
    assert hash_of(kept) == detail.content_hash
    history = [
        (e.revision, e.origin, e.content_kept) for e in record_history(lead.ctx, detail.uuid)
    ]
    assert history == [(1, "received", True), (2, "received", True)]
    trail = audit_lifecycle.audit_trail(lead, detail.uuid)
    assert any(e.reason == REASON for e in trail)  # the auditor's reopening came too
    assert any(e.field == "revision imported" for e in trail)
    before = lead.dump()
    again = lead.receive(first)  # the older revision, again
    assert not again.imported
    assert "later revision" in again.preview.of(ItemStatus.UNCHANGED, "audit")[0].description
    assert lead.dump() == before


def test_a_revision_that_skips_one_still_follows(auditor: Laptop, lead: Laptop) -> None:
    detail = completed_audit(auditor, "CE-10001")
    lead.receive(auditor.send_audits(detail.uuid, name="first"))
    revise(auditor, detail.uuid, "Second thoughts.")
    auditor.send_audits(detail.uuid, name="lost-on-a-usb-stick")
    latest = revise(auditor, detail.uuid, "Third thoughts.")
    lead.receive(auditor.send_audits(detail.uuid, name="third"))
    assert audits.get_audit(lead.ctx, detail.uuid).content_hash == latest
    assert list_conflicts(lead.ctx) == ()


def test_changes_on_both_sides_are_a_conflict_with_both_kept(auditor: Laptop, lead: Laptop) -> None:
    detail = completed_audit(auditor, "CE-10001")
    lead.receive(auditor.send_audits(detail.uuid, name="first"))
    lead_hash = revise(lead, detail.uuid, "The lead's correction.")
    auditor_hash = revise(auditor, detail.uuid, "The auditor's second look.")
    second = auditor.send_audits(detail.uuid, name="second")
    preview = preview_bundle(lead.ctx, second)
    (item,) = preview.of(ItemStatus.CONFLICT, "audit")
    assert "Both versions will be kept" in item.description
    result = lead.receive(second)
    assert result.imported
    assert audits.get_audit(lead.ctx, detail.uuid).content_hash == lead_hash  # not overwritten
    (conflict,) = list_conflicts(lead.ctx)
    assert conflict.status is ConflictStatus.OPEN
    assert conflict.sender == "Sam Practice"
    comparison = compare_conflict(lead.ctx, conflict.uuid)
    changed = [(line.mine, line.theirs) for line in comparison.differences]
    assert ("The lead's correction.", "The auditor's second look.") in [
        (mine.split(" — ")[-1], theirs.split(" — ")[-1]) for mine, theirs in changed
    ]
    assert revision_document(lead.ctx, detail.uuid, auditor_hash) is not None
    before = lead.dump()
    again = lead.receive(second)
    assert not again.imported
    assert any("waiting for your decision" in i.description for i in again.preview.unchanged)
    assert lead.dump() == before
    kept = resolve_conflict(lead.ctx, conflict.uuid, Resolution.KEEP_MINE, "Mine is checked.")
    assert kept.status is ConflictStatus.KEPT_MINE
    assert audits.get_audit(lead.ctx, detail.uuid).content_hash == lead_hash
    with pytest.raises(NotAllowed, match="already decided"):
        resolve_conflict(lead.ctx, conflict.uuid, Resolution.TAKE_THEIRS)
    assert list_conflicts(lead.ctx) == ()
    assert list_conflicts(lead.ctx, include_decided=True)[0].note == "Mine is checked."
    assert not lead.receive(second).imported


def test_taking_theirs_applies_it_as_a_new_revision_and_keeps_mine(
    auditor: Laptop, lead: Laptop
) -> None:
    detail = completed_audit(auditor, "CE-10001")
    lead.receive(auditor.send_audits(detail.uuid, name="first"))
    lead_hash = revise(lead, detail.uuid, "The lead's correction.")
    auditor_hash = revise(auditor, detail.uuid, "The auditor's second look.")
    lead.receive(auditor.send_audits(detail.uuid, name="second"))
    (conflict,) = list_conflicts(lead.ctx)
    taken = resolve_conflict(lead.ctx, conflict.uuid, Resolution.TAKE_THEIRS)
    assert taken.status is ConflictStatus.TOOK_THEIRS
    now = audits.get_audit(lead.ctx, detail.uuid)
    assert now.content_hash == auditor_hash
    assert now.revision == 3
    mine = revision_document(lead.ctx, detail.uuid, lead_hash)
    assert mine is not None
    assert any(
        a.comment == "The lead's correction." for a in document_as(mine, AuditDocument).answers
    )
    origins = [(e.origin, e.content_kept) for e in record_history(lead.ctx, detail.uuid)]
    assert ("replaced", True) in origins
    assert origins[-1] == ("resolved", True)
    trail = audit_lifecycle.audit_trail(lead, detail.uuid)
    assert any(e.field == "conflict decided" for e in trail)
    # The auditor carries on from their version: it follows, no new conflict.
    latest = revise(auditor, detail.uuid, "A third look.")
    result = lead.receive(auditor.send_audits(detail.uuid, name="third"))
    assert result.preview.of(ItemStatus.UPDATED, "audit")
    assert audits.get_audit(lead.ctx, detail.uuid).content_hash == latest
    assert list_conflicts(lead.ctx) == ()


def test_a_newer_conflicting_revision_supersedes_the_open_conflict(
    auditor: Laptop, lead: Laptop
) -> None:
    detail = completed_audit(auditor, "CE-10001")
    lead.receive(auditor.send_audits(detail.uuid, name="first"))
    revise(lead, detail.uuid, "The lead's correction.")
    revise(auditor, detail.uuid, "Second look.")
    lead.receive(auditor.send_audits(detail.uuid, name="second"))
    revise(auditor, detail.uuid, "Third look.")
    lead.receive(auditor.send_audits(detail.uuid, name="third"))
    open_now = list_conflicts(lead.ctx)
    assert len(open_now) == 1
    statuses = sorted(c.status for c in list_conflicts(lead.ctx, include_decided=True))
    assert statuses == [ConflictStatus.OPEN, ConflictStatus.SUPERSEDED]


def test_an_action_changed_after_sending_is_its_own_update(auditor: Laptop, lead: Laptop) -> None:
    detail = completed_audit(auditor, "CE-10001")
    action = actions.add_action(
        auditor.ctx,
        detail.uuid,
        ActionInput("Finding", "Ask for health advice", Agency.HEALTH, "DCO", date(2027, 1, 8)),
    )
    lead.receive(auditor.send_audits(detail.uuid, name="first"))
    actions.update_action(auditor.ctx, action.uuid, status=ActionStatus.DONE)
    result = lead.receive(auditor.send_audits(detail.uuid, name="second"))
    assert [i.record_type for i in result.preview.updated] == ["action"]
    assert result.preview.of(ItemStatus.UNCHANGED, "audit")
    (received,) = audits.get_audit(lead.ctx, detail.uuid).actions
    assert received.status is ActionStatus.DONE


def test_moderation_by_the_lead_never_conflicts_with_the_auditors_edits(
    auditor: Laptop, lead: Laptop
) -> None:
    detail = completed_audit(auditor, "CE-10001")
    lead.receive(auditor.send_audits(detail.uuid, name="first"))
    marker = add_auditor(lead.ctx, "Morgan Health", Agency.HEALTH, Role.PRACTICE_CHAMPION)
    marker_ctx = ServiceContext(
        lead.db, Actor(marker.name, marker.agency, marker.role, marker.uuid), clock=lead.ctx.clock
    )
    row = moderation.draw_sample(lead.ctx, percentage=100, seed=1).drawn[0]
    moderation.assign_second_marker(lead.ctx, row.uuid, marker.uuid)
    for slot in detail.index.slots(detail.blocks, detail.context):
        if slot.applies and slot.question.is_rated:
            rating = option_with_points(detail, slot, 2)
            moderation.record_second_rating(
                marker_ctx, row.uuid, slot.question.id, None, rating=rating
            )
    moderation.submit_second_marking(marker_ctx, row.uuid)
    moderation.agree(lead.ctx, row.uuid, {"overall": Grade.REQUIRES_IMPROVEMENT}, "Panel.")
    moderated = audits.get_audit(lead.ctx, detail.uuid)
    assert moderated.status is AuditStatus.MODERATED
    assert moderated.content_hash == detail.content_hash  # moderation is not the audit's
    # The same audit again: nothing to do; a new revision from the auditor: an update.
    assert not lead.receive(auditor.send_audits(detail.uuid, name="again")).imported
    new_hash = revise(auditor, detail.uuid, "Looked again after the panel.")
    result = lead.receive(auditor.send_audits(detail.uuid, name="second"))
    assert [i.record_type for i in result.preview.updated] == ["audit"]
    assert not result.preview.conflicts
    after = audits.get_audit(lead.ctx, detail.uuid)
    assert after.content_hash == new_hash
    assert after.status is AuditStatus.COMPLETED  # the new revision waits to be moderated
    assert [m.status for m in moderation.list_moderations(lead.ctx)] == ["agreed"]
    # Sent back, the lead's moderation reaches the auditor as a record of its own.
    back = lead.send_audits(detail.uuid, name="back")
    returned = auditor.receive(back)
    assert {i.record_type for i in returned.preview.new} == {
        "moderation",
        "moderation_sample",
        "auditor",  # the lead and the second marker
    }
    # It moderated revision 1; the auditor's audit is at revision 2, so stays completed.
    assert audits.get_audit(auditor.ctx, detail.uuid).status is AuditStatus.COMPLETED
    assert before_and_after_unchanged(auditor, back)


def before_and_after_unchanged(laptop: Laptop, bundle: object) -> bool:
    before = dump(laptop.path)
    laptop.receive(bundle)  # type: ignore[arg-type]
    return dump(laptop.path) == before


def test_content_returned_to_an_earlier_state_still_reaches_the_lead(
    auditor: Laptop, lead: Laptop
) -> None:
    """Sent h1, sent h2, then the auditor undoes back to h1's exact content: that is a
    new revision (parent h2), not an old one, so the lead ends where the auditor is."""
    draft = audits.create_audit(
        auditor.ctx, template_id="ehcp-quality", subject=plan_subject("CE-10010")
    )
    audits.record_answer(auditor.ctx, draft.uuid, "a.child_voice", rating="good")
    first = audits.get_audit(auditor.ctx, draft.uuid).content_hash
    lead.receive(auditor.send_audits(draft.uuid, name="h1"))
    audits.record_answer(auditor.ctx, draft.uuid, "a.child_voice", rating="outstanding")
    lead.receive(auditor.send_audits(draft.uuid, name="h2"))
    audits.record_answer(auditor.ctx, draft.uuid, "a.child_voice", rating="good")
    back = audits.get_audit(auditor.ctx, draft.uuid)
    assert (back.content_hash, back.revision) == (first, 3)
    result = lead.receive(auditor.send_audits(draft.uuid, name="h1-again"))
    assert result.preview.of(ItemStatus.UPDATED, "audit")
    assert audits.get_audit(lead.ctx, draft.uuid).content_hash == first


def test_marking_comments_for_the_board_never_conflicts_with_the_auditor(
    auditor: Laptop, lead: Laptop
) -> None:
    """The lead marks comments for the Board on received audits; that is not a change to the
    auditor's content, so the auditor's next revision still follows (no conflict), and the
    lead's marks stay on comments that did not change."""
    detail = audits.create_audit(
        auditor.ctx, template_id="ehcp-quality", subject=plan_subject("CE-10002")
    )
    audits.record_answer(auditor.ctx, detail.uuid, "a.child_voice", comment="Views not dated.")
    audits.record_answer(auditor.ctx, detail.uuid, "a.parent_views", comment="Parents quoted.")
    audits.record_answer(auditor.ctx, detail.uuid, "a.aspirations", comment="Aims are hers.")
    audits.set_board_highlight(auditor.ctx, detail.uuid, "a.aspirations", None, "working_well")
    audits.set_board_highlight(
        auditor.ctx, detail.uuid, "a.parent_views", None, "working_well"
    )  # the auditor's own suggestion travels with the audit
    lead.receive(auditor.send_audits(detail.uuid, name="first"))
    received = audits.get_audit(lead.ctx, detail.uuid)
    assert received.answers[("a.parent_views", None)].board_highlight == "working_well"
    audits.set_board_highlight(lead.ctx, detail.uuid, "a.child_voice", None, "needs_improvement")
    audits.set_board_highlight(lead.ctx, detail.uuid, "a.parent_views", None, None)
    audits.set_board_highlight(lead.ctx, detail.uuid, "a.aspirations", None, None)
    marked = audits.get_audit(lead.ctx, detail.uuid)
    assert (marked.revision, marked.content_hash) == (received.revision, received.content_hash)
    audits.record_answer(
        auditor.ctx, detail.uuid, "a.parent_views", comment="Parents quoted, dated."
    )
    second = auditor.send_audits(detail.uuid, name="second")
    assert preview_bundle(lead.ctx, second).of(ItemStatus.UPDATED, "audit")
    lead.receive(second)
    assert list_conflicts(lead.ctx) == ()
    updated = audits.get_audit(lead.ctx, detail.uuid)
    assert updated.revision == 2
    # The lead's marks (and unmarks) on unchanged comments stay; a changed comment takes the
    # sender's mark.
    assert updated.answers[("a.child_voice", None)].board_highlight == "needs_improvement"
    assert updated.answers[("a.parent_views", None)].board_highlight == "working_well"
    assert updated.answers[("a.aspirations", None)].board_highlight is None  # lead unmarked it
