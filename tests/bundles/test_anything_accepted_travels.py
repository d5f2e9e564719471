"""Anything the services accept travels: a bundle AuditDesk writes always imports.

A laptop records what the services let a person enter, at its extremes; it sends every
audit, and a second, fresh laptop imports the bundle without a word of complaint and ends
up with exactly the same documents (rebuilt from its own rows, hashing as stored).

- every shipped template, every question that applies answered (any rating or N/A, a
  comment and evidence up to the last character allowed), with blocks in every repeating
  section, sampled children at any year group, block names at their longest;
- people, places and records: names, agencies and roles, teams up to the largest, settings,
  URNs, child references, every year group, need and plan stage, any issue and audit date,
  reasons for reopening and overriding, actions with the extreme dates and longest texts,
  a moderation sample (any percentage, a seed at either end or none, any name) marked blind,
  agreed and signed off.

This is the guard against each travelling document being defined twice (what the services
accept, what the bundle format allows): a moderation seed drawn up to 2**31 once made every
later bundle from that laptop impossible to import.

People, places, reasons, actions and moderation: test_people_and_records_at_the_limits_travel.py
(in a file of its own, so a parallel run spreads the two; the shared filling in:
tests/bundles/travelling.py).
"""

from __future__ import annotations

import zipfile
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditdesk.domain import limits
from auditdesk.domain.reference import Agency, TemplateKind
from auditdesk.domain.template_loader import load_template_text
from auditdesk.services.audits import _blocks as audit_blocks
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.bundles import ChosenAudits, import_bundle, send_audits
from auditdesk.services.kernel._templates import install_template
from tests.bundles import extremes
from tests.bundles.travelling import (
    A_PLAN,
    SHIPPED,
    a_setting,
    add_blocks,
    answer_all,
    examples,
    send_and_receive,
    start_audit,
)


# -- the properties ---------------------------------------------------------------------------
@pytest.mark.slow
@examples(4)
@given(data=st.data())
def test_every_shipped_template_answered_to_the_limits_travels(
    laptops: Any, data: st.DataObject
) -> None:
    name = data.draw(extremes.person_names, label="sender")
    sender, receiver = laptops(name, data.draw(st.sampled_from(Agency), label="agency"))
    setting = a_setting(data, sender)
    made = []
    for template_id, kind in SHIPPED:
        detail = start_audit(data, sender, template_id, kind, setting.uuid)
        add_blocks(data, sender, detail)
        made.append(answer_all(data, sender, detail.uuid))
    send_and_receive(sender, receiver, made, sender.db.path.parent)


def test_every_kind_of_template_is_shipped_and_covered() -> None:
    assert {kind for _, kind in SHIPPED} == set(TemplateKind)


def test_long_runs_of_the_same_text_are_not_taken_for_a_zip_bomb(laptops: Any) -> None:
    """Text that shrinks more than a zip bomb would (20,000 of one letter, answer after
    answer) is stored unpacked, so a reader's zip bomb check lets it in."""
    sender, receiver = laptops("Sam Practice", Agency.EDUCATION)
    detail = audits.create_audit(
        sender,
        template_id="ehcp-quality",
        subject=A_PLAN,
    )
    for slot in detail.index.slots(detail.blocks, detail.context):
        if slot.applies:
            audits.record_answer(
                sender, detail.uuid, slot.question.id, comment="a" * limits.ANSWER_TEXT
            )
    bundle = sender.db.path.parent / "runs.auditdesk"
    send_audits(sender, bundle, ChosenAudits((detail.uuid,)))
    with zipfile.ZipFile(bundle) as archive:
        member = archive.getinfo(f"audits/{detail.uuid}.json")
    assert member.file_size > 1_000_000
    assert member.compress_type == zipfile.ZIP_STORED
    assert import_bundle(receiver, bundle).imported


LONG_TITLES = """
id: long-titles
version: 1
title: Long titles
kind: ehcp_audit
scales:
  - id: yes_no
    title: Yes or no
    options:
      - {code: "yes", label: "Yes", points: 4}
      - {code: "no", label: "No", points: 1}
sections:
  - id: lines
    title: TITLE
    repeat:
      unit: UNIT
      label: LABEL
      min: 1
      max: 3
    questions:
      - id: q.line
        prompt: Is the line delivered
        scale: yes_no
"""


def test_a_templates_longest_titles_do_not_stop_its_audits_travelling(laptops: Any) -> None:
    """A template may give a section a title, and a block a default name, of thousands of
    characters; what the trail and the block keep of them still fits a bundle."""
    sender, receiver = laptops("Sam Practice", Agency.EDUCATION)
    longest = "T" * 4_000
    text = LONG_TITLES.replace("TITLE", longest).replace("UNIT", "U" * 4_000)
    with sender.db.write() as session:
        install_template(session, load_template_text(text.replace("LABEL", "L" * 4_000), "t"))
    detail = audits.create_audit(
        sender,
        template_id="long-titles",
        subject=A_PLAN,
    )
    block = audit_blocks.add_block(sender, detail.uuid, "lines").block
    assert len(block.label) == limits.BLOCK_LABEL
    audit_blocks.rename_block(sender, detail.uuid, block.id, "First line")
    audits.record_answer(sender, detail.uuid, "q.line", block.id, rating="yes")
    made = [audit_lifecycle.complete_audit(sender, detail.uuid)]
    send_and_receive(sender, receiver, made, sender.db.path.parent)
