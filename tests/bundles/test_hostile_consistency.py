"""Bundles that arrive intact and match the format field by field, but hold what AuditDesk
itself never writes: each used to be imported (exit 0). Each is now refused at the bundle
validation boundary, by the services the window uses and by ``auditdesk bundle import``
(exit 1, with or without ``--dry-run``), with a plain message saying sending it again will
not help, and the database exactly as it was.

- a grade override without a reason (the services require one);
- an audit whose status and bookkeeping contradict each other;
- a moderation sample whose period runs backwards, or whose strata are not what
  AuditDesk writes;
- a child reference the services would never accept (a control character, full-width
  letters and digits);
- a carried template taking a different template's title, or far bigger than any
  checklist.

The rules live in the one definition of each document (``bundle_documents``,
``bundle_types``, ``template_checks`` with ``limits``), so the writer refuses to write
what the reader refuses (the last test).
"""

from __future__ import annotations

import copy
import logging
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from auditdesk.domain import limits
from auditdesk.domain.canonical import content_hash
from auditdesk.errors import BundleNotWritten
from auditdesk.services import moderation
from auditdesk.services.kernel._templates import list_templates
from tests.bundles.demo_bundles import DemoBundles, make_demo_bundles
from tests.bundles.helpers import Laptop, completed_audit, files_in
from tests.bundles.refusals import command_refuses, refused
from tests.bundles.zips import Parts, audit_member, repack

pytestmark = pytest.mark.logs_errors  # a bundle that arrived intact is refused at ERROR

Change = Callable[[Parts], None]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoBundles:
    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITDESK_HOME", str(folder / "home"))
        return make_demo_bundles(folder)


def both_refuse(lead: Laptop, bundle: Path, *expected: str) -> str:
    """The services and the command refuse ``bundle`` alike: intact, so sending it again
    cannot help; the database unchanged (``refused`` and ``command_refuses`` compare it)."""
    message = refused(lead, bundle, *expected, intact=True, writer="0.1.0")
    assert command_refuses(lead, bundle, *expected).strip() == f"auditdesk: {message}"
    return message


def changed(source: Path, target: Path, change: Change) -> Path:
    """``source`` with ``change`` made, every hash brought back in line, so only the
    contradiction itself is left to find."""
    return repack(source, target, change, records=True)


def _header(parts: Parts) -> dict[str, Any]:
    return audit_member(parts)["document"]["audit"]  # type: ignore[no-any-return]


# -- 1. an override without a reason -----------------------------------------------------------
@pytest.mark.parametrize("reason", [None, "", "   ", "too short"])
def test_a_grade_override_without_a_reason(
    genuine: Path, lead: Laptop, tmp_path: Path, reason: str | None
) -> None:
    def change(parts: Parts) -> None:
        _header(parts)["override_grade"] = "inadequate"
        _header(parts)["override_reason"] = reason
        audit_member(parts)["bookkeeping"]["override_by"] = "Sam Practice"

    bundle = changed(genuine, tmp_path / "override.auditdesk", change)
    both_refuse(lead, bundle, "the audit's grade is overridden without a reason")


# -- 2. status and bookkeeping -----------------------------------------------------------------
def _bookkeeping(**values: object) -> Change:
    def change(parts: Parts) -> None:
        member = audit_member(parts)
        status = values.pop("document_status", None)
        if status is not None:
            member["document"]["audit"]["status"] = status
        member["bookkeeping"].update(values)

    return change


SIGNED = "2026-11-20T10:30:00+00:00"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            _bookkeeping(status="signed_off", signed_off_at=None, signed_off_by=None),
            "it is signed off, yet does not record when and by whom",
        ),
        (
            _bookkeeping(status="signed_off", signed_off_at=SIGNED, signed_off_by=None),
            "it is signed off, yet does not record when and by whom",
        ),
        (
            _bookkeeping(
                document_status="draft",
                status="draft",
                signed_off_at=SIGNED,
                signed_off_by="Quinn Lead",
            ),
            "it is a draft, yet records a completion or sign-off",
        ),
        (
            _bookkeeping(status="completed", completed_at=None),
            "it is not a draft, yet records no completion time",
        ),
        (
            _bookkeeping(status="moderated", signed_off_at=SIGNED, signed_off_by="Quinn Lead"),
            "it records a sign-off, though it is not signed off",
        ),
        (
            _bookkeeping(document_status="draft", status="signed_off"),
            "its status does not match its content",
        ),
        (
            _bookkeeping(override_by="Sam Practice"),
            "it names who overrode its grade, yet has no override",
        ),
    ],
    ids=[
        "signed off, no time",
        "signed off, no signer",
        "draft, signed off",
        "completed, no completion",
        "moderated, signed",
        "draft content, signed off",
        "overridden by, no override",
    ],
)
def test_an_audit_whose_bookkeeping_contradicts_itself(
    genuine: Path, lead: Laptop, tmp_path: Path, change: Change, expected: str
) -> None:
    bundle = changed(genuine, tmp_path / "bookkeeping.auditdesk", change)
    message = both_refuse(lead, bundle, "does not hang together", expected)
    assert "audit AD-" in message


# -- 3. moderation samples ---------------------------------------------------------------------
def _sample(**values: object) -> Change:
    def change(parts: Parts) -> None:
        samples = parts["records.json"]["moderation_samples"]
        assert samples, "the demo bundle should carry a moderation sample"
        samples[0]["document"].update(values)

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            _sample(period_from="2026-12-01", period_to="2025-01-01"),
            "the sample's period ends before it begins",
        ),
        (_sample(strata="{not json"), "the sample's strata are not what AuditDesk writes"),
        (
            _sample(strata='{"by": [1, 2, {"a": null}]}'),
            "the sample's strata are not what AuditDesk writes",
        ),
        (_sample(strata="[" * 5_000 + "]" * 5_000), "the sample's strata are not what"),
        (_sample(strata='{"by": ["template"], "x": 1}'), "the sample's strata are not what"),
    ],
    ids=["period backwards", "strata not JSON", "strata of another shape", "deep", "extra key"],
)
def test_a_moderation_sample_that_does_not_hang_together(
    demo: DemoBundles, lead: Laptop, tmp_path: Path, change: Change, expected: str
) -> None:
    bundle = changed(demo.everything, tmp_path / "sample.auditdesk", change)
    both_refuse(lead, bundle, "does not match the bundle format", expected)


def test_a_sample_of_one_day_still_travels(demo: DemoBundles, lead: Laptop, tmp_path: Path) -> None:
    change = _sample(period_from="2026-01-05", period_to="2026-01-05")
    assert lead.receive(changed(demo.everything, tmp_path / "day.auditdesk", change)).imported


# -- 4. child references -----------------------------------------------------------------------
def _child_reference(new: str) -> Change:
    def change(parts: Parts) -> None:
        children = parts["records.json"]["children"]
        old = children[0]["document"]["reference"]
        for child in children:
            if child["document"]["reference"] == old:
                child["document"]["reference"] = new
        for name, member in parts.items():
            if name.startswith("audits/"):
                head = member["document"]["audit"]
                if head["child_reference"] == old:
                    head["child_reference"] = new
                for block in member["document"]["blocks"]:
                    if block["child_reference"] == old:
                        block["child_reference"] = new

    return change


@pytest.mark.parametrize(
    "reference",
    ["CE-1\x1b[2J", "ＣＥ-１２３４５", "ce-10001", "Jamie Smith", "CE-10001 ", "CE-" + "1" * 30],
    ids=["escape", "full width", "lower case", "a name", "trailing space", "too long"],
)
def test_a_child_reference_the_services_would_refuse(
    genuine: Path, lead: Laptop, tmp_path: Path, reference: str
) -> None:
    bundle = changed(genuine, tmp_path / "child.auditdesk", _child_reference(reference))
    message = both_refuse(lead, bundle, "is not a pseudonymous reference AuditDesk accepts")
    assert "\x1b" not in message


# -- 5. templates ------------------------------------------------------------------------------
def _template(change: Callable[[dict[str, Any]], None]) -> Change:
    """The carried template's definition changed, and every hash that names it made again."""

    def edit(parts: Parts) -> None:
        name = next(name for name in parts if name.startswith("templates/"))
        member = parts[name]
        change(member["definition"])
        sha256 = content_hash(member["definition"])
        member["sha256"] = sha256
        for listed in parts["manifest.json"]["templates"]:
            if listed["member"] == name:
                listed["sha256"] = sha256
        for other, value in parts.items():
            if other.startswith("audits/"):
                value["document"]["audit"]["template_sha256"] = sha256

    return edit


def test_a_new_template_taking_an_installed_templates_title(
    genuine: Path, lead: Laptop, tmp_path: Path
) -> None:
    """A template under a new id that people would take for a shipped one: they choose
    and read templates by title."""
    shipped = next(t for t in list_templates(lead) if t.template_id != "quick-check")

    def change(definition: dict[str, Any]) -> None:
        definition["title"] = f" {shipped.title.upper()} "

    bundle = changed(genuine, tmp_path / "title.auditdesk", _template(change))
    both_refuse(lead, bundle, f"with the same title as the template '{shipped.template_id}'")


@pytest.mark.parametrize(
    ("what", "most"),
    [("questions", limits.TEMPLATE_QUESTIONS), ("sections", limits.TEMPLATE_SECTIONS)],
)
def test_a_template_bigger_than_any_checklist(
    genuine: Path, lead: Laptop, tmp_path: Path, what: str, most: int
) -> None:
    def change(definition: dict[str, Any]) -> None:
        section = definition["sections"][0]
        if what == "questions":
            question = section["questions"][0]
            section["questions"] += [
                {**copy.deepcopy(question), "id": f"evil.q{i}", "required": False}
                for i in range(10_000)
            ]
        else:
            definition["sections"] += [
                {
                    **copy.deepcopy(section),
                    "id": f"evil{i}",
                    "questions": [{**q, "id": f"evil{i}.{q['id']}"} for q in section["questions"]],
                }
                for i in range(most)
            ]

    bundle = changed(genuine, tmp_path / "big.auditdesk", _template(change))
    both_refuse(lead, bundle, "is not a valid template", f"at most {most:,}")


def test_the_shipped_templates_are_far_inside_the_limits(lead: Laptop) -> None:
    # (They installed, so they passed; the limits leave room for far bigger checklists.)
    assert list_templates(lead)
    assert limits.TEMPLATE_QUESTIONS >= 20 * 58
    assert limits.TEMPLATE_SECTIONS < limits.MODERATION_GRADES


# -- 6. the writer refuses what the reader refuses ----------------------------------------------
@pytest.mark.parametrize(
    ("statement", "detail"),
    [
        (
            "UPDATE audits SET override_grade = 'good', override_reason = NULL, "
            "override_by = 'Sam Practice'",
            "the audit's grade is overridden without a reason",
        ),
        (
            "UPDATE moderation_samples SET period_from = '2026-12-01', period_to = '2025-01-01'",
            "the sample's period ends before it begins",
        ),
        (
            "UPDATE moderation_samples SET strata = '{not json'",
            "the sample's strata are not what AuditDesk writes",
        ),
        ("UPDATE children SET reference = 'ce-10001'", "is not a pseudonymous reference"),
    ],
    ids=["override without reason", "period backwards", "strata", "child reference"],
)
def test_the_writer_refuses_to_send_it(
    auditor: Laptop, caplog: pytest.LogCaptureFixture, statement: str, detail: str
) -> None:
    audit = completed_audit(auditor, "CE-10001")
    moderation.draw_sample(auditor.ctx, percentage=100, seed=1, name="Spring moderation")
    with closing(sqlite3.connect(auditor.path)) as connection, connection:
        connection.execute(statement)
    before = auditor.dump()

    with pytest.raises(BundleNotWritten) as refused_to_write:
        auditor.send_audits(audit.uuid, name="faulty")

    assert "because of a fault in AuditDesk" in str(refused_to_write.value)
    assert list(files_in(auditor.outbox)) == []
    assert auditor.dump() == before
    logged = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert any(detail in message for message in logged), logged
