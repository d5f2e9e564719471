"""A bundle's words never act on the screen: escape sequences (colour, a hidden OSC 8 link,
clearing the screen), BEL, carriage returns, backspaces, C1 controls and the
bidirectional overrides in the sender's name and device, what they chose, a template's
title, an auditor's name, a child's reference and the file's own name reach neither the
terminal (``auditdesk bundle import``) nor the window's import preview: each is shown as
U+FFFD, a line break as a space. The words around them are still there to read, and the
database keeps the text exactly as sent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from auditdesk.domain.template_loader import definition_hash
from auditdesk.services.bundles import BundlePreview, ItemStatus, preview_bundle
from auditdesk.ui.exchange.import_dialog import ImportPreviewDialog
from tests.bundles.helpers import Laptop, table_rows
from tests.bundles.refusals import EXIT_REFUSED, logged, run_import_command
from tests.bundles.zips import Parts, audit_member, repack
from tests.ui.visible import visible_texts

RED = "\x1b[31mRed\x1b[0m"
LINK = "\x1b]8;;https://evil.example/\x07click here\x1b]8;;\x07"
OVERWRITE = "Sam\rEvil\x08\x08\x08"
SENDER = f"Sam {RED} {LINK} \u202eevil\u202c \x07{OVERWRITE}"
DEVICE = "\x1b[2J\x1b[Hwiped"
SELECTION = "\x9b31m2 chosen audits\u2066"
TITLE = "Quick\x1b[5m plan check\u2028line two"
TEMPLATE = "Quick \u202eplan\u202c check\r\n\x1b[1A"
AUDITOR = "Alex\x1b[8m hidden"
# Not the child's reference: a reference with a control character in it is refused
# outright (tests/bundles/test_hostile_consistency.py), as AuditDesk could never store one.
#: What must never reach a screen: C0 and C1 controls (line feeds only between lines),
#: DEL, the bidirectional embeddings, overrides and isolates, line and paragraph breaks.
ACTING = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def hostile(parts: Parts) -> None:
    manifest = parts["manifest.json"]
    manifest["author"]["name"] = SENDER
    manifest["device"] = DEVICE
    manifest["selection"] = SELECTION
    entry = manifest["templates"][0]
    entry["title"] = TITLE
    template = parts[entry["member"]]
    template["definition"]["title"] = TEMPLATE
    template["sha256"] = entry["sha256"] = definition_hash(template["definition"])
    audit_member(parts)["document"]["audit"]["template_sha256"] = entry["sha256"]
    records = parts["records.json"]
    records["auditors"][0]["document"]["name"] = AUDITOR


@pytest.fixture
def bundle(genuine: Path, tmp_path: Path) -> Path:
    # The file's own name comes with the sender's e-mail attachment.
    return repack(genuine, tmp_path / "sam\x1b[31m\x07.auditdesk", hostile, records=True)


def acting(texts: list[str]) -> list[str]:
    return [text for text in texts if ACTING.search(text)]


def said(preview: BundlePreview) -> list[str]:
    return [
        *preview.lines(),
        preview.summary(),
        preview.sent_by,
        preview.sender_device,
        preview.selection,
        preview.file_name,
        *preview.templates_to_install,
        *(text for item in preview.items for text in (item.label, item.description)),
    ]


def test_the_command_shows_the_bundles_words_without_their_control_characters(
    lead: Laptop, bundle: Path
) -> None:
    before = lead.dump()
    code, out, err = run_import_command(lead, bundle, dry_run=True)
    assert code == 0, err
    assert lead.dump() == before
    assert acting(out.split("\n") + err.split("\n")) == []
    assert "Sent by Sam \ufffd[31mRed\ufffd[0m \ufffd]8;;https://evil.example/\ufffdclick" in out
    assert "Auditor Alex\ufffd[8m hidden" in out

    code, out, err = run_import_command(lead, bundle, dry_run=False)
    assert code == 0, err
    assert acting(out.split("\n") + err.split("\n")) == []
    assert "Imported " in out
    # Shown safely, kept exactly: the record is the sender's, byte for byte.
    assert table_rows(lead.path, "SELECT name FROM auditors WHERE name LIKE 'Alex%'") == [
        (AUDITOR,)
    ]


def test_the_preview_and_the_window_show_no_control_characters(
    lead: Laptop, bundle: Path, qtbot: QtBot
) -> None:
    preview = preview_bundle(lead.ctx, bundle)
    assert acting(said(preview)) == []
    assert preview.templates_to_install == ("Quick \ufffdplan\ufffd check  \ufffd[1A (version 1)",)
    (audit,) = preview.of(ItemStatus.NEW, "audit")
    assert "(Quick\ufffd[5m plan check line two, " in audit.label
    dialog = ImportPreviewDialog(preview)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = visible_texts(dialog)
    assert acting(shown) == []
    assert any("Alex\ufffd[8m hidden" in text for text in shown)
    assert "\x1b" not in dialog.windowTitle()
    result = lead.receive(bundle)
    assert acting([result.describe()]) == []


@pytest.mark.logs_errors
def test_a_refusal_quoting_the_bundles_words_shows_no_control_characters(
    genuine: Path, lead: Laptop, tmp_path: Path
) -> None:
    """The reasons for a refusal quote what was wrong, as the bundle has it."""

    def too_long(parts: Parts) -> None:
        parts["manifest.json"]["author"]["name"] = (SENDER * 10)[:121]

    refused = repack(genuine, tmp_path / "long\x1b[2J.auditdesk", too_long)
    before = lead.dump()
    with logged() as records:
        code, out, err = run_import_command(lead, refused, dry_run=True)
    assert code == EXIT_REFUSED
    assert "its manifest does not match the bundle format (author.name" in err
    assert "long\ufffd[2J.auditdesk cannot be imported" in err
    assert acting(out.split("\n") + err.split("\n")) == []
    assert acting([line for r in records for line in r.getMessage().split("\n")]) == []
    assert lead.dump() == before
