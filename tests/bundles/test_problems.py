"""Records that cannot go in are listed as problems (the rest of the bundle still goes in),
and the same child recorded on two laptops is matched by its reference."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

from auditdesk.domain.reference import Agency
from auditdesk.domain.template_loader import load_template_text
from auditdesk.services.audits import _actions as actions
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits._actions import ActionInput
from auditdesk.services.bundles import (
    ItemStatus,
    Resolution,
    compare_conflict,
    list_conflicts,
    preview_bundle,
    resolve_conflict,
)
from auditdesk.services.kernel._templates import install_template
from tests.bundles.helpers import QUICK_CHECK, Laptop, completed_audit, install_quick_check
from tests.bundles.zips import Parts, audit_member, repack
from tests.conftest import plan_subject


def test_the_same_child_recorded_on_two_laptops_is_one_child(
    auditor: Laptop, health_auditor: Laptop, lead: Laptop
) -> None:
    first = completed_audit(auditor, "CE-10001")
    second = completed_audit(health_auditor, "CE-10001")
    lead.receive(auditor.send_audits(first.uuid, name="a"))
    result = lead.receive(health_auditor.send_audits(second.uuid, name="b"))
    (child,) = result.preview.of(ItemStatus.UNCHANGED, "child")
    assert "same details" in child.description
    assert result.preview.of(ItemStatus.NEW, "audit")
    with closing(sqlite3.connect(lead.path)) as connection:
        assert connection.execute("SELECT count(*) FROM children").fetchone()[0] == 1
        linked = connection.execute("SELECT count(DISTINCT child_id) FROM audits").fetchone()
    assert linked == (1,)
    assert audits.get_audit(lead.ctx, second.uuid).child_reference == "CE-10001"


def test_the_same_child_with_different_details_is_a_conflict_not_an_overwrite(
    auditor: Laptop, health_auditor: Laptop, lead: Laptop
) -> None:
    first = completed_audit(auditor, "CE-10001")
    second = audits.create_audit(
        health_auditor.ctx,
        template_id="ehcp-quality",
        subject=plan_subject("CE-10001", year_group=6),
    )
    lead.receive(auditor.send_audits(first.uuid, name="a"))
    result = lead.receive(health_auditor.send_audits(second.uuid, name="b"))
    assert [i.record_type for i in result.preview.conflicts] == ["child"]
    assert result.preview.of(ItemStatus.NEW, "audit")  # the audit itself goes in
    (conflict,) = list_conflicts(lead.ctx)
    assert conflict.label == "Child CE-10001"
    with closing(sqlite3.connect(lead.path)) as connection:
        assert connection.execute("SELECT year_group FROM children").fetchall() == [(5,)]
    comparison = compare_conflict(lead.ctx, conflict.uuid)
    assert [(line.field, line.mine, line.theirs) for line in comparison.differences] == [
        ("Year group", "Year 5", "Year 6")
    ]
    resolve_conflict(lead.ctx, conflict.uuid, Resolution.TAKE_THEIRS)
    with closing(sqlite3.connect(lead.path)) as connection:
        assert connection.execute("SELECT reference, year_group FROM children").fetchall() == [
            ("CE-10001", 6)
        ]
    assert not lead.receive(health_auditor.send_audits(second.uuid, name="c")).imported


def test_an_audit_whose_reference_is_taken_here_is_a_problem(
    auditor: Laptop, health_auditor: Laptop, lead: Laptop
) -> None:
    first = completed_audit(auditor, "CE-10001")
    clash = completed_audit(health_auditor, "CE-10002")
    actions.add_action(
        health_auditor.ctx,
        clash.uuid,
        ActionInput("Finding", "Do it", Agency.HEALTH, "DCO", date(2027, 1, 1)),
    )
    with closing(sqlite3.connect(health_auditor.path)) as connection, connection:
        connection.execute(
            "UPDATE audits SET reference = ? WHERE uuid = ?", (first.reference, clash.uuid)
        )
    lead.receive(auditor.send_audits(first.uuid, name="a"))
    result = lead.receive(health_auditor.send_audits(clash.uuid, name="b"))
    (audit,) = result.preview.problems[:1]
    assert audit.record_type == "audit"
    assert f"already has the reference {first.reference}" in audit.description
    assert "stays safe in the bundle file" in audit.description
    (action,) = result.preview.of(ItemStatus.PROBLEM, "action")
    assert "could not be imported, so neither could this" in action.description
    assert result.imported  # the rest of the bundle (the auditor, the child) went in
    with closing(sqlite3.connect(lead.path)) as connection:
        assert connection.execute("SELECT uuid FROM audits").fetchall() == [(first.uuid,)]
        assert connection.execute("SELECT count(*) FROM actions").fetchone() == (0,)


def test_an_audit_filled_in_with_a_clashing_template_is_a_problem(
    auditor: Laptop, lead: Laptop
) -> None:
    install_quick_check(auditor)
    different = QUICK_CHECK.read_text().replace("title: Quick plan check", "title: Our own check")
    with lead.db.write() as session:
        install_template(session, load_template_text(different, "ours"))
    detail = audits.create_audit(
        auditor.ctx, template_id="quick-check", subject=plan_subject("CE-10003")
    )
    preview = preview_bundle(lead.ctx, auditor.send_audits(detail.uuid, name="clash"))
    (item,) = preview.of(ItemStatus.PROBLEM, "audit")
    assert "the template with that name and version here is different" in item.description


def test_an_audit_that_does_not_fit_its_template_is_a_problem(
    auditor: Laptop, lead: Laptop, tmp_path: Path
) -> None:
    detail = completed_audit(auditor, "CE-10001")
    bundle = auditor.send_audits(detail.uuid, name="fits")

    def misfit(parts: Parts) -> None:
        answers = audit_member(parts)["document"]["answers"]
        answers.append({**answers[-1], "question_id": "zz.no_such_question"})

    altered = repack(bundle, tmp_path / "misfit.auditdesk", misfit, records=True)
    result = lead.receive(altered)
    (item,) = result.preview.of(ItemStatus.PROBLEM, "audit")
    assert "('zz.no_such_question') that its template does not have" in item.description
    with closing(sqlite3.connect(lead.path)) as connection:
        assert connection.execute("SELECT count(*) FROM audits").fetchone() == (0,)
