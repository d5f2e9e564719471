"""Building bad bundles by hand: raw zips with any names, and genuine bundles repacked with
a change (with or without the hashes brought back in line, so a test reaches exactly the
check it means to)."""

from __future__ import annotations

import hashlib
import json
import warnings
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from auditdesk.domain.canonical import canonical_json, content_hash

Parts = dict[str, Any]


def write_zip(
    path: Path,
    entries: Iterable[tuple[str, bytes]],
    *,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """A zip holding exactly ``entries`` (duplicate names too), nothing checked."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        with zipfile.ZipFile(path, "w", compression) as archive:
            for name, data in entries:
                info = zipfile.ZipInfo(name, (2026, 11, 20, 10, 0, 0))
                info.compress_type = compression
                archive.writestr(info, data)
    return path


def read_parts(bundle: Path) -> Parts:
    with zipfile.ZipFile(bundle) as archive:
        return {name: json.loads(archive.read(name)) for name in archive.namelist()}


def pack(path: Path, parts: Parts, *, members: bool = True, records: bool = False) -> Path:
    """Write ``parts`` as a bundle; ``members`` recomputes each member's SHA-256 in the
    manifest, ``records`` each record's content hash."""
    manifest = parts["manifest.json"]
    if records:
        for entry in manifest["records"]:
            entry["hash"] = content_hash(document_of(parts, entry))
    encoded = {
        name: canonical_json(value) for name, value in parts.items() if name != "manifest.json"
    }
    if members:
        manifest["members"] = [
            {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in sorted(encoded.items())
        ]
    return write_zip(path, [("manifest.json", canonical_json(manifest)), *encoded.items()])


def repack(
    bundle: Path,
    target: Path,
    change: Callable[[Parts], None],
    *,
    members: bool = True,
    records: bool = False,
) -> Path:
    parts = read_parts(bundle)
    change(parts)
    return pack(target, parts, members=members, records=records)


def document_of(parts: Parts, entry: dict[str, Any]) -> dict[str, Any]:
    member = parts[entry["member"]]
    if entry["member"].startswith("audits/"):
        if entry["kind"] == "audit":
            return member["document"]  # type: ignore[no-any-return]
        group = member["actions" if entry["kind"] == "action" else "moderations"]
    else:
        group = [item for key in member if key != "format" for item in member[key]]
    return next(item["document"] for item in group if item["document"]["uuid"] == entry["uuid"])


def audit_member(parts: Parts) -> dict[str, Any]:
    return next(value for name, value in parts.items() if name.startswith("audits/"))  # type: ignore[no-any-return]


def repack_text(
    bundle: Path, target: Path, member: str, edit: Callable[[str], str], *, members: bool = True
) -> Path:
    """``bundle`` with the JSON text of ``member`` (a name, or the start of one: "audits/")
    changed by ``edit``, for values no JSON writer produces (1e999, a lone ``\\ud800``);
    ``members`` recomputes the SHA-256 the manifest gives each member, so the change
    reaches the reader's JSON check."""
    parts = read_parts(bundle)
    manifest = parts.pop("manifest.json")
    encoded = {name: canonical_json(value) for name, value in parts.items()}
    if member != "manifest.json":
        name = next(name for name in encoded if name.startswith(member))
        changed = edit(encoded[name].decode("utf-8")).encode("utf-8")
        assert changed != encoded[name], f"the edit changed nothing in {name}"
        encoded[name] = changed
    if members:
        manifest["members"] = [
            {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in sorted(encoded.items())
        ]
    text = canonical_json(manifest)
    if member == "manifest.json":
        changed = edit(text.decode("utf-8")).encode("utf-8")
        assert changed != text, "the edit changed nothing in the manifest"
        text = changed
    return write_zip(target, [("manifest.json", text), *encoded.items()])


def rename_in_place(bundle: Path, target: Path, old: str, new: bytes) -> Path:
    """``bundle`` with the member ``old`` renamed to the raw bytes ``new`` (as long as
    ``old``) in both of the zip's headers, which Python's zipfile cannot write when ``new``
    holds a NUL. The zip's checksums cover contents, not names, so they still pass."""
    raw_old = old.encode("utf-8")
    assert len(new) == len(raw_old)
    data = bundle.read_bytes()
    assert data.count(raw_old) == 2, "the name should be in the local and central headers"
    target.write_bytes(data.replace(raw_old, new))
    return target


def twin_audit(parts: Parts, source: str, *, uuid: str, reference: str | None = None) -> str:
    """Add a second audit to ``parts``: a copy of the one in member ``source`` under
    ``uuid`` (and ``reference``, if given), without its actions and moderations, listed in
    the manifest; so it shares everything else (its repeated sections too). Pack with
    ``records=True`` to hash it. Returns the new member's name."""
    twin = json.loads(json.dumps(parts[source]))
    twin["document"]["audit"]["uuid"] = uuid
    if reference is not None:
        twin["document"]["audit"]["reference"] = reference
    twin["actions"], twin["moderations"] = [], []
    name = f"audits/{uuid}.json"
    parts[name] = twin
    records = parts["manifest.json"]["records"]
    listed = next(r for r in records if r["kind"] == "audit" and r["member"] == source)
    records.append({**listed, "uuid": uuid, "member": name})
    return name
