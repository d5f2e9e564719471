"""Hypothesis strategies that mutate real bundles: at the byte level (the zip as it
arrives), at the member level (re-zipped with valid checksums, so the change gets past the
zip), and at the JSON level (values rewritten with extreme values and types, keys added,
dropped or doubled, lists doubled or cut, values moved between records, deep nesting,
numbers and text no JSON writer produces), with the manifest's SHA-256s, the records'
content hashes and the templates' hashes recomputed or not, so a mutation reaches every
layer of the reader, the classification and the import."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from auditdesk.domain.canonical import content_hash
from auditdesk.domain.template_loader import definition_hash
from tests.bundles.zips import Parts, document_of

Entries = list[tuple[str, bytes]]
Draw = Callable[[st.SearchStrategy[Any]], Any]


@dataclass(frozen=True, repr=False)
class Original:
    """A real bundle to mutate: its bytes and its members as JSON (shown by name only, so
    a failing example stays readable)."""

    name: str
    data: bytes
    parts: Parts

    def __repr__(self) -> str:
        return self.name


# Raw JSON text no writer produces from a Python value, put in through a placeholder.
RAW_TOKENS = [
    "1e999",
    "-1e999",
    "NaN",
    "Infinity",
    "-Infinity",
    "1E400",
    "99999999999999999999",
    "-9223372036854775809",
    "9" * 5000,
    "[" * 60 + "]" * 60,
    "[" * 3000 + "]" * 3000,
    '{"a":1,"a":2}',
    '"\\ud800"',
    '"x\\udfffy"',
    '"\\u0000"',
]
_PLACEHOLDER = "@@raw{}@@"

EXTREMES: list[Any] = [
    None, True, False, 0, -1, 1, 2**31 - 1, 2**31, 2**53 + 1, 2**63 - 1, 10**18, -(2**63),
    0.5, -0.0, 1e308, 5e-324, 100.0, 100, "", " ", "x" * 300, "y" * 25_000, "\x00", "\x1b[31m",
    "\u202eevil", "a\r\nb", "\x07\x08", "../../etc/passwd", "CON", "é", "👩🏽‍⚕️",
    "0001-01-01T00:00:00+23:59", "9999-12-31T23:59:59+00:00", "9999-12-31T23:59:59-23:59",
    "2026-11-20T10:30:00", "2026-11-20T10:30:00+00:00", "2026-11-20T10:30:00Z",
    "9999-12-31", "0001-01-01", "2026-02-30", "2026-11-20", "AD-0000", "CE-10001",
    "draft", "completed", "moderated", "signed_off", "audit", "action", "plan", "good",
    "0" * 64, "f" * 64, "00000000-0000-4000-8000-000000000000", [], {}, [None], {"": None},
    [[[[[]]]]], {"kind": "audit"},
]  # fmt: skip


def read_entries(data: bytes) -> Entries:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def write_entries(entries: Entries, *, stored: bool = False) -> bytes:
    compression = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", compression) as archive:
        warnings.simplefilter("ignore")  # zipfile warns of duplicate names, which are wanted
        for name, data in entries:
            info = zipfile.ZipInfo(name, (2026, 11, 20, 10, 0, 0))
            info.compress_type = compression
            archive.writestr(info, data)
    return buffer.getvalue()


# -- bytes ------------------------------------------------------------------------------------
@st.composite
def byte_mutations(draw: Draw, original: Original) -> bytes:
    data = bytearray(original.data)
    kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "tail"]))
    size = len(data)
    if kind == "flip":
        for at in draw(st.lists(st.integers(0, size - 1), min_size=1, max_size=8)):
            data[at] ^= draw(st.integers(1, 255))
    elif kind == "truncate":
        del data[draw(st.integers(0, size - 1)) :]
    elif kind == "insert":
        at = draw(st.integers(0, size))
        data[at:at] = draw(st.binary(min_size=1, max_size=64))
    elif kind == "delete":
        at = draw(st.integers(0, size - 1))
        del data[at : at + draw(st.integers(1, 64))]
    else:  # the central directory and its end record, where the zip's own lengths live
        at = draw(st.integers(max(0, size - 400), size - 1))
        data[at] ^= draw(st.integers(1, 255))
    return bytes(data)


# -- members ----------------------------------------------------------------------------------
HOSTILE_NAMES = [
    "../outside.json", "/etc/passwd", "C:evil.json", "audits\\evil.json", "audits/\x1b[31m.json",
    "audits/\u202enosj.exe", "audits/x\x7f.json", "audits/stowaway.json", "records.json",
    "templates/9999.json", "a" * 300, "manifest.json",
]  # fmt: skip


@st.composite
def member_mutations(draw: Draw, original: Original) -> bytes:
    entries = read_entries(original.data)
    names = [name for name, _ in entries]
    kind = draw(st.sampled_from(["drop", "duplicate", "splice", "rename", "cut", "nul", "swap"]))
    which = draw(st.integers(0, len(entries) - 1))
    name, data = entries[which]
    if kind == "drop":
        del entries[which]
    elif kind == "duplicate":
        entries.append((draw(st.sampled_from([name, *HOSTILE_NAMES])), data))
    elif kind == "splice":
        entries[which] = (name, entries[draw(st.integers(0, len(entries) - 1))][1])
    elif kind == "rename":
        entries[which] = (draw(st.sampled_from(HOSTILE_NAMES)), data)
    elif kind == "cut":
        entries[which] = (name, data[: draw(st.integers(0, max(0, len(data) - 1)))])
    elif kind == "swap":
        other = draw(st.integers(0, len(entries) - 1))
        entries[which], entries[other] = (name, entries[other][1]), (names[other], data)
    if draw(st.booleans()):
        entries = rehash_members(entries)
    written = write_entries(entries, stored=draw(st.booleans()))
    if kind == "nul":  # zipfile cannot write a NUL in a name: put one in afterwards
        placeholder = name + "Zevil"
        entries[which] = (placeholder, data)
        written = write_entries(entries)
        raw = placeholder.encode()
        written = written.replace(raw, name.encode() + b"\x00evil")
    return written


def rehash_members(entries: Entries) -> Entries:
    """The manifest's list of members brought in line with ``entries``, if it can be read."""
    try:
        manifest = json.loads(dict(entries)["manifest.json"])
        manifest["members"] = [
            {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in sorted(entries)
            if name != "manifest.json"
        ]
    except (KeyError, ValueError, TypeError, RecursionError):
        return entries
    text = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    return [(name, text if name == "manifest.json" else data) for name, data in entries]


# -- JSON values ------------------------------------------------------------------------------
@st.composite
def json_mutations(draw: Draw, original: Original) -> bytes:
    parts = copy.deepcopy(original.parts)
    raw: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        _mutate_one(draw, parts, raw)
    # Mostly with the hashes brought in line, so the change reaches the checks beyond them.
    level = draw(st.sampled_from(["none", "members", "records", "records", "templates"]))
    if level in ("records", "templates"):
        if level == "templates":
            _rehash_templates(parts)
        _rehash_records(parts)
    encoded = {}
    for name, value in parts.items():
        text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
        for number, token in enumerate(raw):
            text = text.replace(json.dumps(_PLACEHOLDER.format(number)), token)
        encoded[name] = text.encode("utf-8")
    entries = list(encoded.items())
    if level != "none":
        entries = rehash_members(entries)
    return write_entries(entries)


def _mutate_one(draw: Draw, parts: Parts, raw: list[str]) -> None:
    # The records are where most checks are, so they are changed most.
    records = [*sorted(name for name in parts if name.startswith("audits/")), "records.json"]
    name = draw(st.sampled_from(records) | st.sampled_from(sorted(parts)))
    parent, key = _pick(draw, parts, name)
    target = parent[key]
    kind = draw(
        st.sampled_from(
            ["extreme", "raw", "copy", "drop", "add", "double", "cut", "reverse", "deep", "type"]
            + ["same"] * 4
            + ["leaf"] * 6
        )
    )
    if kind == "extreme":
        parent[key] = copy.deepcopy(draw(st.sampled_from(EXTREMES)))
    elif kind == "raw":
        raw.append(draw(st.sampled_from(RAW_TOKENS)))
        parent[key] = _PLACEHOLDER.format(len(raw) - 1)
    elif kind == "copy":  # a value from anywhere in the bundle: references, ids, records
        source = draw(st.sampled_from(sorted(parts)))
        other_parent, other_key = _pick(draw, parts, source)
        parent[key] = copy.deepcopy(other_parent[other_key])
    elif kind == "leaf":
        _mutate_leaf(draw, parts[name], raw)
    elif kind == "same" and isinstance(key, str):
        # The same field of another record (a reference, a block, a uuid, a date): still
        # the right type, so the change gets past the schema to the cross-checks.
        alike = [found for found in _values_of(parts, key) if found != target]
        if alike:
            parent[key] = copy.deepcopy(draw(st.sampled_from(alike)))
    elif kind == "drop" and isinstance(target, dict) and target:
        del target[draw(st.sampled_from(sorted(target)))]
    elif kind == "add" and isinstance(target, dict):
        target[draw(st.sampled_from(["extra", "uuid", "kind", ""]))] = draw(
            st.sampled_from(EXTREMES)
        )
    elif kind == "double" and isinstance(target, list) and target:
        target.append(copy.deepcopy(target[draw(st.integers(0, len(target) - 1))]))
    elif kind == "cut" and isinstance(target, list) and target:
        del target[draw(st.integers(0, len(target) - 1))]
    elif kind == "reverse" and isinstance(target, list):
        target.reverse()
    elif kind == "deep":
        nested: Any = target
        for _ in range(draw(st.sampled_from([5, 39, 41, 200]))):
            nested = [nested]
        parent[key] = nested
    else:
        parent[key] = draw(st.sampled_from([str(target), [target], {"value": target}, None]))


# Values of the same type as the one replaced, so the change gets past the types to the
# checks on what they mean: times and dates AuditDesk cannot work with, controls in text.
TEXT_EXTREMES = [
    "", "x" * 300, "\x00", "\x1b[31m", "\u202eevil", "a\r\nb", "0001-01-01T00:00:00+23:59",
    "9999-12-31T23:59:59-23:59", "9999-12-31T23:59:59+00:00", "2099-12-31T23:59:59-05:00",
    "2026-11-20T10:30:00", "9999-12-31", "0001-01-01", "2026-02-30",
]  # fmt: skip
TEXT_TOKENS = ['"\\ud800"', '"x\\udfffy"']
NUMBER_EXTREMES: list[Any] = [0, -1, 2**31, 2**63 - 1, 10**18, 1e308, 5e-324]
NUMBER_TOKENS = ["1e999", "-1e999", "1E400", "99999999999999999999", "NaN", "-Infinity"]


def _mutate_leaf(draw: Draw, member: Any, raw: list[str]) -> None:
    """One value that is neither object nor list, replaced by an extreme of its own type."""
    leaves = _leaves(member)
    if not leaves:
        return
    parent, key = draw(st.sampled_from(leaves))
    if isinstance(parent[key], str):
        pool, tokens = TEXT_EXTREMES, TEXT_TOKENS
    else:
        pool, tokens = NUMBER_EXTREMES, NUMBER_TOKENS
    if draw(st.booleans()):
        parent[key] = draw(st.sampled_from(pool))
    else:
        raw.append(draw(st.sampled_from(tokens)))
        parent[key] = _PLACEHOLDER.format(len(raw) - 1)


def _leaves(value: Any) -> list[tuple[Any, Any]]:
    found: list[tuple[Any, Any]] = []
    pending = [value]
    while pending:
        item = pending.pop()
        if not isinstance(item, dict | list):
            continue  # a member that a change before this one made a plain value
        pairs = item.items() if isinstance(item, dict) else enumerate(item)
        for key, child in pairs:
            if isinstance(child, dict | list):
                pending.append(child)
            elif child is not None and not isinstance(child, bool):
                found.append((item, key))
    return found


def _values_of(value: Any, key: str) -> list[Any]:
    """Every value stored under ``key`` anywhere in ``value``."""
    found: list[Any] = []
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            if key in item:
                found.append(item[key])
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return found


def _pick(draw: Draw, parts: Parts, name: str) -> tuple[Any, Any]:
    """A place in member ``name``: its container and the key or index there."""
    parent: Any = parts
    key: Any = name
    for _ in range(draw(st.integers(0, 7))):
        value = parent[key]
        if isinstance(value, dict) and value:
            parent, key = value, draw(st.sampled_from(sorted(value)))
        elif isinstance(value, list) and value:
            parent, key = value, draw(st.integers(0, len(value) - 1))
        else:
            break
    return parent, key


def _rehash_records(parts: Parts) -> None:
    """Each record's content hash in the manifest recomputed where the record can still be
    found (so a changed record gets past the hash check to the schema and beyond)."""
    try:
        entries = parts["manifest.json"]["records"]
        for entry in entries:
            try:
                entry["hash"] = content_hash(document_of(parts, entry))
            except (KeyError, TypeError, ValueError, StopIteration, AttributeError, IndexError):
                continue
    except (KeyError, TypeError):
        return


def _rehash_templates(parts: Parts) -> None:
    """Each carried template's hash recomputed, and the audits filled in with it told."""
    try:
        for entry in parts["manifest.json"]["templates"]:
            member = parts[entry["member"]]
            entry["sha256"] = member["sha256"] = definition_hash(member["definition"])
            for name, value in parts.items():
                if name.startswith("audits/"):
                    head = value["document"]["audit"]
                    if (head["template_id"], head["template_version"]) == (
                        member["template_id"],
                        member["version"],
                    ):
                        head["template_sha256"] = entry["sha256"]
    except (KeyError, TypeError, ValueError, AttributeError):
        return
