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
