"""Hostile values inside bundles that arrive intact: each was a crash ("a bug", exit 70)
and is now refused with a plain message by the services the window uses and by
``auditdesk bundle import`` (exit 1, with or without ``--dry-run``), the database exactly
as it was.

- numbers no JSON writer produces (1e999, Infinity, NaN, 20-digit whole numbers) and text
  holding half a character (a lone ``\\ud800``), wherever they are: a carried template's
  definition, the manifest, an audit, a moderation, the other records;
- time stamps that cannot be moved to UTC (year 1 at +23:59) or lie outside the years
  AuditDesk works with (2000 to 2099), in the manifest and in records;
- two new audits sharing a reference, or a repeated section;
- member names holding a NUL (which Python's zipfile cuts off before any check sees it)
  or another control character.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from tests.bundles.demo_bundles import DemoBundles, make_demo_bundles
from tests.bundles.helpers import Laptop
from tests.bundles.refusals import command_refuses, refused
from tests.bundles.zips import (
    Parts,
    audit_member,
    pack,
    read_parts,
    rename_in_place,
    repack,
    repack_text,
    twin_audit,
    write_zip,
)

pytestmark = pytest.mark.logs_errors  # a bundle that arrived intact is refused at ERROR


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoBundles:
    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITDESK_HOME", str(folder / "home"))
        return make_demo_bundles(folder)


def both_refuse(lead: Laptop, bundle: Path, *expected: str, writer: str | None = "0.1.0") -> str:
    """The services and the command refuse ``bundle`` alike: intact, so sending it again
    cannot help; the database unchanged."""
    message = refused(lead, bundle, *expected, intact=True, writer=writer)
    assert command_refuses(lead, bundle, *expected).strip() == f"auditdesk: {message}"
    return message


# -- 1. numbers and text nothing can hold ------------------------------------------------------
NUMBERS = ["1e999", "-1e999", "1E400", "Infinity", "-Infinity", "NaN", "99999999999999999999"]
NOT_A_NUMBER = "holds a number AuditDesk cannot read"
BROKEN = "holds text with a broken character in it"


@pytest.mark.parametrize("number", NUMBERS)
def test_a_number_too_large_in_a_carried_templates_definition(
    genuine: Path, lead: Laptop, tmp_path: Path, number: str
) -> None:
    """The definition is hashed before it is checked as a template: infinity used to
    stop the hashing itself (canonical JSON refuses it)."""
    bundle = repack_text(
        genuine,
        tmp_path / "template-number.auditdesk",
        "templates/",
        lambda text: text.replace('"points":4', f'"points":{number}', 1),
    )
    message = both_refuse(lead, bundle, "'templates/0001.json' inside it", NOT_A_NUMBER)
    assert f"({number}" in message


@pytest.mark.parametrize(
    ("member", "find", "replace"),
    [
        ("templates/", '"title":"Quick plan check"', '"title":"Quick \\ud800 check"'),
        ("manifest.json", '"name":"Sam Practice"', '"name":"Sam \\udfff"'),
        ("audits/", '"comment":""', '"comment":"\\udc00"'),
        ("records.json", '"name":"Sam Practice"', '"\\ud83d":"Sam Practice"'),
    ],
)
def test_text_holding_half_a_character(
    genuine: Path, lead: Laptop, tmp_path: Path, member: str, find: str, replace: str
) -> None:
    bundle = repack_text(
        genuine, tmp_path / "half.auditdesk", member, lambda text: text.replace(find, replace, 1)
    )
    both_refuse(lead, bundle, BROKEN, writer=_writer(member))


@pytest.mark.parametrize(
    ("member", "pattern", "value", "expected"),
    [
        ("manifest.json", r'"size":\d+', '"size":1e999', NOT_A_NUMBER),
        ("manifest.json", r'"version":\d+', '"version":NaN', NOT_A_NUMBER),
        ("audits/", r'"position":\d+', '"position":-Infinity', NOT_A_NUMBER),
        ("records.json", r'"year_group":\d+', '"year_group":123456789012345678901', NOT_A_NUMBER),
    ],
)
def test_numbers_anywhere_else(
    genuine: Path,
    lead: Laptop,
    tmp_path: Path,
    member: str,
    pattern: str,
    value: str,
    expected: str,
) -> None:
    bundle = repack_text(
        genuine,
        tmp_path / "number.auditdesk",
        member,
        lambda text: re.sub(pattern, lambda _found: value, text, count=1),
    )
    both_refuse(lead, bundle, expected, writer=_writer(member))


def _writer(member: str) -> str | None:
    """The AuditDesk a refusal names: none when the manifest itself could not be read."""
    return None if member == "manifest.json" else "0.1.0"


@pytest.mark.parametrize(
    ("pattern", "value", "expected"),
    [
        (r'"audit_revision":\d+', '"audit_revision":Infinity', NOT_A_NUMBER),
        (r'"notes":"[^"]*"', '"notes":"\\ud800"', BROKEN),
    ],
)
def test_a_moderation_holding_what_nothing_can_hold(
    demo: DemoBundles, lead: Laptop, tmp_path: Path, pattern: str, value: str, expected: str
) -> None:
    bundle = repack_text(
        demo.everything,
        tmp_path / "moderation.auditdesk",
        demo.with_moderation,
        lambda text: re.sub(pattern, lambda _found: value, text, count=1),
    )
    both_refuse(lead, bundle, expected)


def test_nesting_deeper_than_anything_auditdesk_writes(
    genuine: Path, lead: Laptop, tmp_path: Path
) -> None:
    """Deep enough to pass Python's JSON reader but to exhaust the stack of what comes
    after (hashing, checking): refused at the reader's limit of 40 levels."""
    deep = "[" * 900 + "]" * 900
    bundle = repack_text(
        genuine,
        tmp_path / "deep.auditdesk",
        "templates/",
        lambda text: text.replace('"points":4', f'"points":{deep}', 1),
    )
    both_refuse(lead, bundle, "nested too deeply (more than 40 levels)")


# -- 2. time stamps ------------------------------------------------------------------------------
OVERFLOWS = "0001-01-01T00:00:00+23:59"  # in UTC: the year 0, which is no year at all
RANGE = "AuditDesk works with dates from 1 January 2000 to 31 December 2099"


def _stamp(where: str, value: str) -> object:
    def change(parts: Parts) -> None:
        member = audit_member(parts)
        if where == "manifest":
            parts["manifest.json"]["created_at"] = value
        elif where == "record":
            member["stamps"]["updated_at"] = value
        elif where == "answer":
            member["answer_stamps"][0]["updated_at"] = value
        elif where == "trail":
            member["trail"][0]["at"] = value
        elif where == "audit day":  # a day, not a time: the schema checks both alike
            member["document"]["audit"]["audit_date"] = value
        elif where == "completed":
            member["bookkeeping"]["completed_at"] = value
        else:
            parts["records.json"]["auditors"][0]["stamps"]["created_at"] = value

    return change


@pytest.mark.parametrize(
    ("where", "value", "year", "field"),
    [
        ("manifest", OVERFLOWS, "1", "created_at"),
        ("record", OVERFLOWS, "1", "stamps.updated_at"),
        ("answer", OVERFLOWS, "1", "answer_stamps.0.updated_at"),
        ("trail", OVERFLOWS, "1", "trail.0.at"),
        ("completed", OVERFLOWS, "1", "bookkeeping.completed_at"),
        ("auditor", OVERFLOWS, "1", "auditors.0.stamps.created_at"),
        ("manifest", "9999-12-31T23:59:59-23:59", "9999", "created_at"),
        ("manifest", "9999-12-31T23:59:59+00:00", "9999", "created_at"),
        ("record", "9999-12-31T23:59:59+00:00", "9999", "stamps.updated_at"),
        ("record", "2100-01-01T00:00:00+00:00", "2100", "stamps.updated_at"),
        ("completed", "1999-12-31T23:59:59+00:00", "1999", "bookkeeping.completed_at"),
        ("manifest", "2099-12-31T23:30:00-05:00", "2100", "created_at"),  # 2100 in UTC
        ("audit day", "9999-12-31", "9999", "document.audit.audit_date"),
        ("audit day", "0001-01-01", "1", "document.audit.audit_date"),
    ],
)
def test_time_stamps_outside_the_years_auditdesk_works_with(
    genuine: Path, lead: Laptop, tmp_path: Path, where: str, value: str, year: str, field: str
) -> None:
    # Hashes made again, so the day itself is what is refused.
    bundle = repack(genuine, tmp_path / "stamp.auditdesk", _stamp(where, value), records=True)  # type: ignore[arg-type]
    message = both_refuse(
        lead, bundle, f"holds a date AuditDesk cannot work with (the year {year}, in {field})"
    )
    assert RANGE in message


def test_the_last_moment_auditdesk_works_with_is_accepted(
    genuine: Path, lead: Laptop, tmp_path: Path
) -> None:
    bundle = repack(genuine, tmp_path / "edge.auditdesk", _stamp("record", "2099-12-31T23:59:59Z"))  # type: ignore[arg-type]
    assert lead.receive(bundle).imported


# -- 3. two new audits sharing what must be unique ----------------------------------------------
TWIN = "7e57ab1e-0000-4000-8000-000000000001"


def test_two_new_audits_sharing_a_reference(genuine: Path, lead: Laptop, tmp_path: Path) -> None:
    parts = read_parts(genuine)
    original = next(name for name in parts if name.startswith("audits/"))
    twin_audit(parts, original, uuid=TWIN)
    reference = parts[original]["document"]["audit"]["reference"]
    bundle = pack(tmp_path / "twins.auditdesk", parts, records=True)
    both_refuse(lead, bundle, f"it carries two different audits with the reference {reference}")


def test_two_new_audits_sharing_a_repeated_section(
    demo: DemoBundles, lead: Laptop, tmp_path: Path
) -> None:
    parts = read_parts(demo.everything)
    assert parts[demo.with_blocks]["document"]["blocks"]
    reference = parts[demo.with_blocks]["document"]["audit"]["reference"]
    twin_audit(parts, demo.with_blocks, uuid=TWIN, reference="AD-TWIN01")
    bundle = pack(tmp_path / "shared-blocks.auditdesk", parts, records=True)
    both_refuse(
        lead,
        bundle,
        f"audits {reference} and AD-TWIN01 inside it share a repeated section",
    )


# -- 4. member names ---------------------------------------------------------------------------
def test_a_member_name_hiding_a_nul(genuine: Path, lead: Laptop, tmp_path: Path) -> None:
    """``audits/<uuid>.json\\0evil.exe`` is listed by zipfile as ``audits/<uuid>.json``,
    exactly the name the manifest gives, so only the name as written shows the NUL."""
    parts = read_parts(genuine)
    audit = next(name for name in parts if name.startswith("audits/"))
    with_placeholder = tmp_path / "placeholder.auditdesk"
    placeholder = f"{audit}Xevil.exe"
    entries = [(placeholder if name == audit else name, data) for name, data in _raw(genuine)]
    write_zip(with_placeholder, entries)
    bundle = rename_in_place(
        with_placeholder,
        tmp_path / "nul.auditdesk",
        placeholder,
        f"{audit}\x00evil.exe".encode(),
    )
    message = both_refuse_structure(lead, bundle, "which contains control characters")
    assert "\x00" not in message


@pytest.mark.parametrize(
    "name",
    ["audits/\x1b[31mred.json", "audits/bell\x07.json", "audits/del\x7f.json",
     "audits/\u202enosj.exe", "audits/csi\x9b31m.json", "audits/line\u2028break.json"],
)  # fmt: skip
def test_member_names_with_control_characters(
    genuine: Path, lead: Laptop, tmp_path: Path, name: str
) -> None:
    bundle = write_zip(tmp_path / "names.auditdesk", [*_raw(genuine), (name, b"{}")])
    message = both_refuse_structure(lead, bundle, "which contains control characters")
    assert not set(name) - set(message) - {"\x1b", "\x07", "\x7f", "\u202e", "\x9b", "\u2028"}
    assert not {"\x1b", "\x07", "\x7f", "\u202e", "\x9b", "\u2028"} & set(message)


def both_refuse_structure(lead: Laptop, bundle: Path, *expected: str) -> str:
    """Refused as not what AuditDesk writes, before any manifest is read."""
    message = refused(lead, bundle, *expected)
    assert "AuditDesk never writes a bundle like this" in message
    assert command_refuses(lead, bundle, *expected).strip() == f"auditdesk: {message}"
    return message


def _raw(bundle: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(bundle) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]
