"""The exchange model as a hypothesis state machine (the ``test_exchange_model`` files):
three auditors and a quality lead in any order of create, edit, complete, add and change
actions, send, import, re-import, moderate, the lead's own edits and conflict decisions,
against the simple reference model in :mod:`tests.bundles.exchange_model`.

Checked throughout: every import's decisions match the model's; importing the same bundle
again changes nothing (a full dump is compared); no accepted revision is ever lost (each
can still be read back whole); every imported record has provenance; foreign keys hold;
and imports with no conflicts give the same result in any order (replayed in reverse into
a fresh database).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from auditdesk.domain.bundle_documents import hash_of
from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import ActionStatus, Agency, AuditStatus, Role
from auditdesk.domain.template_loader import load_template_file
from auditdesk.services import moderation
from auditdesk.services.audits import _actions as actions
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.audits._actions import ActionInput
from auditdesk.services.bundles import (
    ChosenAudits,
    ItemStatus,
    Resolution,
    import_bundle,
    list_conflicts,
    resolve_conflict,
    revision_document,
    send_audits,
)
from auditdesk.services.kernel._context import Actor, ServiceContext
from auditdesk.services.kernel._people import add_auditor
from auditdesk.services.kernel._templates import install_template
from auditdesk.services.kernel._workspace import open_workspace
from tests.bundles.exchange_model import Held, Sealed, Seals, SentBundle, laptop_from
from tests.bundles.helpers import QUICK_CHECK, Laptop
from tests.conftest import plan_subject

AUDITORS = ("Asha Auditor", "Ben Auditor", "Cara Auditor")
CHILDREN = ("CE-20001", "CE-20002", "CE-20003")
QUESTIONS = ("q.outcomes", "q.provision")
REASON = "Looked at the plan again with the family."
TRAVELLING = ("auditors", "children", "plans", "audits", "actions", "moderations")


def make_blank_databases(folder: Path) -> dict[str, Path]:
    """Migrated databases with the templates in, copied for each laptop (opening a new
    database from scratch four times per example would dominate the run)."""
    made: dict[str, Path] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITDESK_HOME", str(folder / "home"))
        for role in ("auditor", "lead"):
            path = folder / f"{role}.sqlite"
            db = open_workspace(path)
            if role == "auditor":
                with db.write() as session:
                    install_template(session, load_template_file(QUICK_CHECK))
            db.close()
            made[role] = path
    return made


def run_examples(blank: dict[str, Path], examples: int) -> None:
    """``examples`` random sequences of up to 50 steps each, every invariant checked after
    every step."""
    Exchange.blank = blank
    run = Exchange.TestCase
    run.settings = settings(
        max_examples=examples,
        stateful_step_count=50,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    run().runTest()


class Exchange(RuleBasedStateMachine):
    blank: dict[str, Path]

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="exchange-"))
        self.auditors: list[Laptop] = []
        self.audits: list[list[str]] = [[], [], []]
        self.actions: list[list[str]] = [[], [], []]
        self.seals: dict[str, Seals] = {}
        self.bundles: list[SentBundle] = []
        self.imported: list[int] = []  # bundle numbers, in the order first imported
        self.held: dict[str, Held] = {}
        self.accepted: set[tuple[str, str]] = set()
        self.conflicts: dict[tuple[str, str], tuple[Sealed, str]] = {}
        self.ever_conflicted = False
        self.lead_edited = False
        self.lead_changed = False
        self.notes = 0
        self.replays = 0

    @initialize()
    def laptops(self) -> None:
        for name in AUDITORS:
            self.auditors.append(
                laptop_from(self.blank["auditor"], self.folder, name, Role.PRACTICE_CHAMPION)
            )
        self.lead = laptop_from(self.blank["lead"], self.folder, "Quinn Lead", Role.QUALITY_LEAD)
        marker = add_auditor(self.lead.ctx, "Morgan Marker", Agency.HEALTH, Role.PRACTICE_CHAMPION)
        self.marker = ServiceContext(
            self.lead.db,
            Actor(marker.name, marker.agency, marker.role, marker.uuid),
            clock=self.lead.ctx.clock,
        )

    def teardown(self) -> None:
        for laptop in [*self.auditors, *([self.lead] if hasattr(self, "lead") else [])]:
            laptop.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- the auditors -------------------------------------------------------------------------
    @rule(who=st.integers(0, 2), child=st.sampled_from(CHILDREN))
    def create(self, who: int, child: str) -> None:
        laptop = self.auditors[who]
        detail = audits.create_audit(
            laptop.ctx, template_id="quick-check", subject=plan_subject(child)
        )
        self.audits[who].append(detail.uuid)

    @precondition(lambda self: any(self.audits))
    @rule(
        data=st.data(),
        question=st.sampled_from(QUESTIONS),
        rating=st.sampled_from(("good", "outstanding")),
        comment=st.sampled_from(("", "Seen in the plan.", "Checked with the family.")),
    )
    def edit(self, data: st.DataObject, question: str, rating: str, comment: str) -> None:
        who, audit_uuid = self._pick_audit(data)
        ctx = self.auditors[who].ctx
        if audits.get_audit(ctx, audit_uuid).status is not AuditStatus.DRAFT:
            audit_lifecycle.reopen_audit(ctx, audit_uuid, REASON)
        audits.record_answer(ctx, audit_uuid, question, rating=rating, comment=comment)

    @precondition(lambda self: any(self.audits))
    @rule(data=st.data())
    def complete(self, data: st.DataObject) -> None:
        who, audit_uuid = self._pick_audit(data)
        ctx = self.auditors[who].ctx
        detail = audits.get_audit(ctx, audit_uuid)
        if detail.status is not AuditStatus.DRAFT:
            return
        for question in QUESTIONS:
            if (question, None) not in detail.answers or not detail.answers[
                (question, None)
            ].rating:
                audits.record_answer(ctx, audit_uuid, question, rating="good")
        audit_lifecycle.complete_audit(ctx, audit_uuid)

    @precondition(lambda self: any(self.audits))
    @rule(data=st.data())
    def add_action(self, data: st.DataObject) -> None:
        who, audit_uuid = self._pick_audit(data)
        record = actions.add_action(
            self.auditors[who].ctx,
            audit_uuid,
            ActionInput(
                "Outcomes too vague.",
                "Rewrite them",
                Agency.EDUCATION,
                "Plan writer",
                date(2027, 1, 8),
            ),
        )
        self.actions[who].append(record.uuid)

    @precondition(lambda self: any(self.actions))
    @rule(
        data=st.data(),
        status=st.sampled_from((ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.OPEN)),
    )
    def change_action(self, data: st.DataObject, status: ActionStatus) -> None:
        who = data.draw(st.sampled_from([i for i in range(3) if self.actions[i]]))
        action_uuid = data.draw(st.sampled_from(self.actions[who]))
        actions.update_action(self.auditors[who].ctx, action_uuid, status=status)

    @precondition(lambda self: any(self.audits))
    @rule(data=st.data())
    def send(self, data: st.DataObject) -> None:
        who = data.draw(st.sampled_from([i for i in range(3) if self.audits[i]]))
        laptop = self.auditors[who]
        path = laptop.outbox / f"bundle-{len(self.bundles)}.auditdesk"
        send_audits(laptop.ctx, path, ChosenAudits(tuple(self.audits[who])))
        records: dict[str, Sealed] = {}
        with closing(sqlite3.connect(laptop.path)) as connection:
            for kind, table in (("audit", "audits"), ("action", "actions")):
                for record_uuid, stored in connection.execute(
                    f"SELECT uuid, content_hash FROM {table} ORDER BY id"
                ):
                    seals = self.seals.setdefault(record_uuid, Seals())
                    records[record_uuid] = seals.send(kind, stored)
        self.bundles.append(SentBundle(path, records))

    @precondition(lambda self: any(self.audits))
    @rule(data=st.data())
    def send_and_import(self, data: st.DataObject) -> None:
        """The everyday round: an auditor sends, the lead imports straight away."""
        self.send(data)
        self._import(len(self.bundles) - 1)

    # -- the quality lead ---------------------------------------------------------------------
    @precondition(lambda self: self.bundles)
    @rule(data=st.data())
    def receive(self, data: st.DataObject) -> None:
        """Any bundle, in any order, again or for the first time."""
        self._import(data.draw(st.integers(0, len(self.bundles) - 1)))

    def _import(self, number: int) -> None:
        bundle = self.bundles[number]
        self.lead_changed = True
        expected = {uuid_: self._expect(uuid_, sealed) for uuid_, sealed in bundle.records.items()}
        result = import_bundle(self.lead.ctx, bundle.path)
        got = {
            item.record_uuid: item.status
            for item in result.preview.items
            if item.record_type in ("audit", "action")
        }
        assert got == expected
        for uuid_, sealed in bundle.records.items():
            self._apply(uuid_, sealed, expected[uuid_])
            event(f"import: {expected[uuid_].value}")
        if number not in self.imported:
            self.imported.append(number)
        before = self.lead.dump()
        again = import_bundle(self.lead.ctx, bundle.path)
        assert not again.imported
        assert {i.status for i in again.preview.items} == {ItemStatus.UNCHANGED}
        assert self.lead.dump() == before

    @precondition(lambda self: self.held)
    @rule(data=st.data())
    def lead_edits(self, data: st.DataObject) -> None:
        audit_uuid = data.draw(st.sampled_from([u for u in self.held if self._kind(u) == "audit"]))
        ctx = self.lead.ctx
        if audits.get_audit(ctx, audit_uuid).status is not AuditStatus.DRAFT:
            audit_lifecycle.reopen_audit(ctx, audit_uuid, REASON)
        self.notes += 1
        audits.record_answer(ctx, audit_uuid, "q.outcomes", comment=f"Lead's note {self.notes}.")
        self.held[audit_uuid].head = audits.get_audit(ctx, audit_uuid).content_hash
        self.held[audit_uuid].own = True
        self.lead_edited = self.lead_changed = True

    @precondition(lambda self: self.held)
    @rule()
    def moderate(self) -> None:
        with closing(sqlite3.connect(self.lead.path)) as connection:
            waiting = connection.execute(
                "SELECT count(*) FROM audits WHERE status = 'completed' AND id NOT IN "
                "(SELECT audit_id FROM moderations)"
            ).fetchone()[0]
        if not waiting:
            return
        self.lead_changed = True
        for row in moderation.draw_sample(self.lead.ctx, percentage=100, seed=1).drawn:
            moderation.assign_second_marker(self.lead.ctx, row.uuid, self.marker.actor.auditor_uuid)
            for question in QUESTIONS:
                moderation.record_second_rating(
                    self.marker, row.uuid, question, None, rating="good"
                )
            moderation.submit_second_marking(self.marker, row.uuid)
            moderation.agree(self.lead.ctx, row.uuid, {"overall": Grade.GOOD}, "Agreed.")

    @precondition(lambda self: any(status == "open" for _, status in self.conflicts.values()))
    @rule(data=st.data(), take=st.booleans())
    def decide(self, data: st.DataObject, take: bool) -> None:
        conflict = data.draw(st.sampled_from(list_conflicts(self.lead.ctx)))
        held = self.held[conflict.record_uuid]
        incoming = next(
            (key, value)
            for key, value in self.conflicts.items()
            if key[0] == conflict.record_uuid
            and value[1] == "open"
            and key[1] == self._incoming_hash(conflict.uuid)
        )
        (record_uuid, hash_), (sealed, _) = incoming
        resolve_conflict(
            self.lead.ctx, conflict.uuid, Resolution.TAKE_THEIRS if take else Resolution.KEEP_MINE
        )
        self.conflicts[(record_uuid, hash_)] = (sealed, "took" if take else "kept")
        event("decided a conflict: " + ("took theirs" if take else "kept mine"))
        if take:
            held.known |= {hash_, held.head} | sealed.ancestry
            held.head, held.seal, held.own = hash_, sealed.seal, False
            self.accepted.add((record_uuid, hash_))

    @precondition(
        lambda self: len(self.imported) >= 2 and not self.ever_conflicted and not self.lead_edited
    )
    @rule()
    def same_result_in_another_order(self) -> None:
        self.replays += 1
        folder = self.folder / f"replay-{self.replays}"
        folder.mkdir()
        other = laptop_from(self.blank["lead"], folder, "Rhea Replay", Role.QUALITY_LEAD)
        try:
            for number in reversed(self.imported):
                import_bundle(other.ctx, self.bundles[number].path)
            assert self._heads(other.path) == self._heads(self.lead.path)
            event("replayed the imports in reverse order")
        finally:
            other.close()

    # -- invariants ---------------------------------------------------------------------------
    @invariant()
    def the_lead_holds_what_the_model_says(self) -> None:
        if not hasattr(self, "lead"):
            return
        assert self._heads(self.lead.path) == {u: h.head for u, h in self.held.items()}
        open_here = {
            (c.record_uuid, self._incoming_hash(c.uuid)) for c in list_conflicts(self.lead.ctx)
        }
        assert open_here == {key for key, (_, status) in self.conflicts.items() if status == "open"}

    @invariant()
    def nothing_accepted_is_lost_and_everything_has_provenance(self) -> None:
        if not hasattr(self, "lead") or not self.lead_changed:
            return  # only the lead's own steps can change what it holds
        self.lead_changed = False
        for record_uuid, hash_ in self.accepted:
            document = revision_document(self.lead.ctx, record_uuid, hash_)
            assert document is not None
            assert hash_of(document) == hash_
        lead_device = self.lead.db.device_id
        with closing(sqlite3.connect(self.lead.path)) as connection:
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
            traced = {
                row[0] for row in connection.execute("SELECT record_uuid FROM record_provenance")
            }
            for table in TRAVELLING:
                for (record_uuid,) in connection.execute(
                    f"SELECT uuid FROM {table} WHERE device != ?", (lead_device,)
                ):
                    assert record_uuid in traced, (table, record_uuid)

    # -- the model ----------------------------------------------------------------------------
    def _expect(self, record_uuid: str, sealed: Sealed) -> ItemStatus:
        """Revisions are told apart by seal, not by content: content recurs (an action open,
        in progress, open again), and the same hash then names two revisions."""
        held = self.held.get(record_uuid)
        if held is None:
            return ItemStatus.NEW
        if held.head == sealed.hash or sealed.seal <= held.seal:
            return ItemStatus.UNCHANGED  # the same, or older than what the lead holds
        if not held.own:
            return ItemStatus.UPDATED
        # The lead has its own version: a later seal is a conflict, unless the lead has
        # seen that content (its history, or kept as a conflict).
        if sealed.hash in held.known or (record_uuid, sealed.hash) in self.conflicts:
            return ItemStatus.UNCHANGED
        return ItemStatus.CONFLICT

    def _apply(self, record_uuid: str, sealed: Sealed, status: ItemStatus) -> None:
        hash_, ancestry = sealed.hash, sealed.ancestry
        if status in (ItemStatus.NEW, ItemStatus.UPDATED):
            held = self.held.setdefault(record_uuid, Held(hash_, set(), sealed.seal))
            held.known |= {hash_} | ancestry
            held.head, held.seal, held.own = hash_, sealed.seal, False
            self.accepted.add((record_uuid, hash_))
        elif status is ItemStatus.UNCHANGED:
            held = self.held[record_uuid]
            if held.head == hash_ and sealed.seal > held.seal:
                # The same content, reached later by the auditor: the lead now holds that
                # later revision, so an older one arriving afterwards is not an update.
                held.known |= ancestry
                held.seal = sealed.seal
        elif status is ItemStatus.CONFLICT:
            self.ever_conflicted = True
            for key, (other, state) in list(self.conflicts.items()):
                if key[0] == record_uuid and state == "open" and key[1] in ancestry:
                    self.conflicts[key] = (other, "superseded")
            self.conflicts[(record_uuid, hash_)] = (sealed, "open")

    def _pick_audit(self, data: st.DataObject) -> tuple[int, str]:
        who = data.draw(st.sampled_from([i for i in range(3) if self.audits[i]]))
        return who, data.draw(st.sampled_from(self.audits[who]))

    def _kind(self, record_uuid: str) -> str:
        return next(b.records[record_uuid].kind for b in self.bundles if record_uuid in b.records)

    def _incoming_hash(self, conflict_uuid: str) -> str:
        with closing(sqlite3.connect(self.lead.path)) as connection:
            return str(
                connection.execute(
                    "SELECT incoming_hash FROM bundle_conflicts WHERE uuid = ?", (conflict_uuid,)
                ).fetchone()[0]
            )

    @staticmethod
    def _heads(path: Path) -> dict[str, str]:
        with closing(sqlite3.connect(path)) as connection:
            return dict(
                connection.execute(
                    "SELECT uuid, content_hash FROM audits "
                    "UNION ALL SELECT uuid, content_hash FROM actions"
                ).fetchall()
            )
