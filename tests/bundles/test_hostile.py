"""Damaged and hostile bundles: each is refused with a specific, plain message, and the
database is exactly as it was (a full dump before and after), with no backup left behind.

Every bad file is built by hand: raw zips for the structural attacks, a genuine bundle
repacked with one change for the rest (hashes kept in line where the test needs to get
past them to the check it is about).

A file damaged on its way asks for it to be sent again; one that arrived intact (its
members match their SHA-256) but is not what AuditDesk writes says sending again cannot
help, names the AuditDesk that wrote it, and goes to the log as an error for support.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from auditdesk.domain.bundle_format import BundleLimits
from auditdesk.domain.canonical import canonical_json
from auditdesk.domain.template_loader import definition_hash
from auditdesk.errors import BundleProblem
from auditdesk.services.bundles import import_bundle
from tests.bundles.helpers import Laptop
from tests.bundles.refusals import SEND_AGAIN, refused
from tests.bundles.zips import Parts, audit_member, read_parts, repack, write_zip


def test_the_genuine_bundle_is_accepted(genuine: Path, lead: Laptop) -> None:
    assert lead.receive(genuine).imported


# -- damaged files ---------------------------------------------------------------------------
def test_a_truncated_file(genuine: Path, lead: Laptop, tmp_path: Path) -> None:
    cut = tmp_path / "cut.auditdesk"
    cut.write_bytes(genuine.read_bytes()[: genuine.stat().st_size // 2])
    refused(lead, cut, "cut short while being copied", SEND_AGAIN)


def test_an_empty_file_and_one_that_is_not_a_bundle(lead: Laptop, tmp_path: Path) -> None:
    empty = tmp_path / "empty.auditdesk"
    empty.write_bytes(b"")
    refused(lead, empty, "the file is empty")
    text = tmp_path / "notes.auditdesk"
    text.write_text("Meeting notes, not a bundle.")
    refused(lead, text, "not an AuditDesk bundle (not a zip file)")


def test_a_flipped_byte_inside_a_member(genuine: Path, lead: Laptop, tmp_path: Path) -> None:
    data = bytearray(genuine.read_bytes())
    with zipfile.ZipFile(genuine) as archive:
        info = next(i for i in archive.infolist() if i.filename.startswith("audits/"))
    offset = info.header_offset
    start = offset + 30 + int.from_bytes(data[offset + 26 : offset + 28], "little")
    start += int.from_bytes(data[offset + 28 : offset + 30], "little")
    data[start + info.compress_size // 2] ^= 0xFF
    flipped = tmp_path / "flipped.auditdesk"
    flipped.write_bytes(bytes(data))
    refused(lead, flipped, "damaged", SEND_AGAIN)


def test_a_member_whose_hash_does_not_match(genuine: Path, lead: Laptop, tmp_path: Path) -> None:
    def change(parts: Parts) -> None:
        audit_member(parts)["document"]["answers"][0]["comment"] = "Quietly changed."

    bundle = repack(genuine, tmp_path / "altered.auditdesk", change, members=False)
    refused(lead, bundle, "does not match the SHA-256 its manifest gives", SEND_AGAIN)


@pytest.mark.logs_errors
def test_a_record_whose_hash_does_not_match(genuine: Path, lead: Laptop, tmp_path: Path) -> None:
    def change(parts: Parts) -> None:
        audit_member(parts)["document"]["audit"]["override_reason"] = "Changed after hashing."

    bundle = repack(genuine, tmp_path / "rehashed.auditdesk", change, members=True)
    refused(
        lead,
        bundle,
        "does not match the hash its manifest gives",
        "changed after it was written",
        intact=True,
    )


def test_a_header_that_understates_a_members_size(
    genuine: Path, lead: Laptop, tmp_path: Path
) -> None:
    """Sizes in the zip's headers are never trusted: reading stops at the limit and the
    checksum and manifest catch the lie."""
    data = bytearray(genuine.read_bytes())
    with zipfile.ZipFile(genuine) as archive:
        info = next(i for i in archive.infolist() if i.filename.startswith("audits/"))
    name = info.filename.encode()
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 4)
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")
    data[info.header_offset + 22 : info.header_offset + 26] = (100).to_bytes(4, "little")
    lying = tmp_path / "lying.auditdesk"
    lying.write_bytes(bytes(data))
    refused(lead, lying, "damaged", SEND_AGAIN)


# -- hostile structure ----------------------------------------------------------------------
def test_a_missing_manifest(genuine: Path, lead: Laptop, tmp_path: Path) -> None:
    with zipfile.ZipFile(genuine) as archive:
        entries = [(n, archive.read(n)) for n in archive.namelist() if n != "manifest.json"]
    refused(lead, write_zip(tmp_path / "headless.auditdesk", entries), "has no manifest")


def test_a_member_the_manifest_does_not_list(genuine: Path, lead: Laptop, tmp_path: Path) -> None:
    with zipfile.ZipFile(genuine) as archive:
        entries = [(n, archive.read(n)) for n in archive.namelist()]
    entries.append(("audits/stowaway.json", b"{}"))
    bundle = write_zip(tmp_path / "stowaway.auditdesk", entries)
    refused(lead, bundle, "'audits/stowaway.json', which its manifest does not list")


@pytest.mark.logs_errors
def test_a_member_the_manifest_lists_is_missing(
    genuine: Path, lead: Laptop, tmp_path: Path
) -> None:
    with zipfile.ZipFile(genuine) as archive:
        entries = [(n, archive.read(n)) for n in archive.namelist() if n != "records.json"]
    refused(
        lead,
        write_zip(tmp_path / "gap.auditdesk", entries),
        "'records.json' is missing",
        intact=True,
    )


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../../outside.json", "climbs out of its folder with '..'"),
        ("audits/../../../etc/cron.d/x", "climbs out of its folder with '..'"),
        ("/etc/passwd", "is an absolute path"),
        ("C:/Windows/System32/evil.dll", "starts with a drive letter"),
        ("C:evil.json", "starts with a drive letter"),
        ("audits\\..\\evil.json", "contains a backslash"),
        ("audits/bad\x01name.json", "contains control characters"),
        ("audits/\x1b[31mred.json", "contains control characters"),
        ("audits/del\x7f.json", "contains control characters"),
        ("audits/\u202enosj.exe", "contains control characters"),
    ],
)
def test_dangerous_member_names(
    genuine: Path, lead: Laptop, tmp_path: Path, name: str, reason: str
) -> None:
    with zipfile.ZipFile(genuine) as archive:
        entries = [(n, archive.read(n)) for n in archive.namelist()]
    bundle = write_zip(tmp_path / "names.auditdesk", [*entries, (name, b"{}")])
    refused(lead, bundle, reason)


def test_duplicate_member_names(genuine: Path, lead: Laptop, tmp_path: Path) -> None:
    with zipfile.ZipFile(genuine) as archive:
        entries = [(n, archive.read(n)) for n in archive.namelist()]
    audit_name = next(n for n, _ in entries if n.startswith("audits/"))
    bundle = write_zip(tmp_path / "twice.auditdesk", [*entries, (audit_name, b"{}")])
    refused(lead, bundle, "two files named")


def test_a_zip_bomb_by_size(lead: Laptop, tmp_path: Path) -> None:
    bomb = write_zip(tmp_path / "bomb.auditdesk", [("audits/a.json", bytes(40_000_000))])
    assert bomb.stat().st_size < 100_000
    refused(lead, bomb, "would unpack to 40 MB, more than the 32 MB allowed", "zip bomb")


def test_a_zip_bomb_by_ratio(lead: Laptop, tmp_path: Path) -> None:
    bomb = write_zip(tmp_path / "ratio.auditdesk", [("audits/a.json", bytes(3_000_000))])
    refused(lead, bomb, "times its packed size", "zip bomb")


def test_too_much_in_total(genuine: Path, lead: Laptop) -> None:
    refused(lead, genuine, "would unpack to more than", limits=BundleLimits(max_total_bytes=2_000))


def test_too_many_members(lead: Laptop, tmp_path: Path) -> None:
    entries = [(f"audits/{number}.json", b"{}") for number in range(20_001)]
    refused(
        lead,
        write_zip(tmp_path / "crowd.auditdesk", entries, compression=zipfile.ZIP_STORED),
        "20,001 files, more than the 20,000",
    )


def test_an_encrypted_member(genuine: Path, lead: Laptop, tmp_path: Path) -> None:
    data = bytearray(genuine.read_bytes())
    position = data.index(b"PK\x01\x02")
    data[position + 8] |= 0x01  # the "encrypted" flag in the central directory
    locked = tmp_path / "locked.auditdesk"
    locked.write_bytes(bytes(data))
    refused(lead, locked, "is encrypted")


# -- versions, templates and schema ----------------------------------------------------------
def test_a_newer_format_version(genuine: Path, lead: Laptop, tmp_path: Path) -> None:
    def newer(parts: Parts) -> None:
        parts["manifest.json"]["format_version"] = 2
        parts["manifest.json"]["new_field_of_version_2"] = True

    bundle = repack(genuine, tmp_path / "v2.auditdesk", newer)
    refused(lead, bundle, "made by a newer AuditDesk (bundle format 2", "Install the latest")


def test_an_unknown_template_version_not_carried(
    genuine: Path, lead: Laptop, tmp_path: Path
) -> None:
    def drop_template(parts: Parts) -> None:
        for entry in parts["manifest.json"]["templates"]:
            del parts[entry["member"]]
            entry["member"] = None

    bundle = repack(genuine, tmp_path / "no-template.auditdesk", drop_template)
    refused(lead, bundle, "'Quick plan check' version 1", "does not carry")


@pytest.mark.logs_errors
def test_a_carried_template_that_is_not_valid(genuine: Path, lead: Laptop, tmp_path: Path) -> None:
    def break_template(parts: Parts) -> None:
        entry = parts["manifest.json"]["templates"][0]
        member = parts[entry["member"]]
        member["definition"]["sections"] = []
        member["sha256"] = entry["sha256"] = definition_hash(member["definition"])
        audit_member(parts)["document"]["audit"]["template_sha256"] = entry["sha256"]

    bundle = repack(genuine, tmp_path / "bad-template.auditdesk", break_template, records=True)
    refused(lead, bundle, "that it carries is not a valid template (sections: ", intact=True)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["answers"][0].update(rating=3), "answers.0.rating"),
        (lambda d: d["audit"].update(secret="x"), "audit.secret"),
        (lambda d: d["audit"].pop("status"), "audit.status"),
        (lambda d: d["audit"].update(year_group=99), "audit.year_group"),
        (lambda d: d["audit"].update(audit_date="2026-02-30"), "audit.audit_date"),
        (lambda d: d["team"][0].update(agency="police"), "team.0.agency"),
        (lambda d: d["answers"].reverse(), "not in canonical order"),
    ],
)
@pytest.mark.logs_errors
def test_json_that_does_not_match_the_schema(
    genuine: Path, lead: Laptop, tmp_path: Path, change: object, expected: str
) -> None:
    def alter(parts: Parts) -> None:
        change(audit_member(parts)["document"])  # type: ignore[operator]

    bundle = repack(genuine, tmp_path / "schema.auditdesk", alter, records=True)
    refused(lead, bundle, "does not match the bundle format", expected, intact=True)


@pytest.mark.logs_errors
def test_a_manifest_that_does_not_match_the_schema_names_its_writer(
    genuine: Path, lead: Laptop, tmp_path: Path
) -> None:
    def misname(parts: Parts) -> None:
        parts["manifest.json"]["author"]["name"] = "N" * 121

    bundle = repack(genuine, tmp_path / "manifest.auditdesk", misname)
    refused(lead, bundle, "its manifest does not match the bundle format (author.name", intact=True)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "is not valid JSON"),
        (b'{"format": NaN}', "holds a number AuditDesk cannot read (NaN"),
        (b'{"format": 1e999}', "holds a number AuditDesk cannot read (1e999, too large)"),
        (b'{"n": 99999999999999999999}', "holds a number AuditDesk cannot read"),
        (b'{"format": "\\ud800"}', "holds text with a broken character in it (\\ud800"),
        (b"[" * 41 + b"]" * 41, "nested too deeply (more than 40 levels)"),
        (b'{"format": 1, "format": 2}', "appears twice"),
        (b"[" * 200_000, "nested too deeply"),
        (b"\xff\xfe\x00{", "not UTF-8 text"),
    ],
)
@pytest.mark.logs_errors
def test_members_that_are_not_json(
    genuine: Path, lead: Laptop, tmp_path: Path, content: bytes, expected: str
) -> None:
    parts = read_parts(genuine)
    manifest = parts["manifest.json"]
    for entry in manifest["members"]:
        if entry["name"] == "records.json":
            entry.update(sha256=hashlib.sha256(content).hexdigest(), size=len(content))
    entries = [("manifest.json", canonical_json(manifest)), ("records.json", content)]
    with zipfile.ZipFile(genuine) as archive:
        entries += [(n, archive.read(n)) for n in archive.namelist() if n not in dict(entries)]
    refused(lead, write_zip(tmp_path / "garbled.auditdesk", entries), expected, intact=True)


@pytest.mark.logs_errors
def test_a_record_the_manifest_does_not_list(genuine: Path, lead: Laptop, tmp_path: Path) -> None:
    def smuggle(parts: Parts) -> None:
        member = audit_member(parts)
        action = {
            "document": {
                "kind": "action", "uuid": "0badf00d-0000-4000-8000-000000000000",
                "audit_uuid": member["document"]["audit"]["uuid"], "question_id": None,
                "block_uuid": None, "finding": "x", "action": "y", "owner_agency": "health",
                "owner": "z", "due_date": "2027-01-01", "status": "open",
                "re_audit_date": None, "completed_on": None,
            },
            "stamps": member["stamps"],
        }  # fmt: skip
        member["actions"].append(action)

    refused(
        lead,
        repack(genuine, tmp_path / "smuggled.auditdesk", smuggle),
        "not listed in its manifest",
        intact=True,
    )


@pytest.mark.logs_errors
def test_a_bundle_that_refers_to_something_it_does_not_carry(
    genuine: Path, lead: Laptop, tmp_path: Path
) -> None:
    def drop_auditors(parts: Parts) -> None:
        gone = {item["document"]["uuid"] for item in parts["records.json"]["auditors"]}
        parts["records.json"]["auditors"] = []
        manifest = parts["manifest.json"]
        manifest["records"] = [r for r in manifest["records"] if r["uuid"] not in gone]

    bundle = repack(genuine, tmp_path / "orphan.auditdesk", drop_auditors)
    refused(lead, bundle, "it is incomplete: an auditor on audit AD-", intact=True)


def test_a_missing_file(lead: Laptop, tmp_path: Path) -> None:
    before = lead.dump()
    with pytest.raises(BundleProblem, match="There is no file at"):
        import_bundle(lead.ctx, tmp_path / "nowhere.auditdesk")
    assert lead.dump() == before
