"""Reading a bundle without trusting it.

Nothing is ever extracted to disk. The zip's directory is checked first (count, names,
sizes, compression), then the manifest, then each listed member is read with a bounded
read and checked against the SHA-256 the manifest gives; JSON is parsed strictly and
validated against the schemas; finally every record's hash, lineage and references are
checked. Any failure refuses the whole bundle with a :class:`BundleProblem` naming what
is wrong, before anything is written.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from pydantic import BaseModel, ValidationError

from auditdesk.domain.bundle_format import (
    DEFAULT_LIMITS,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST_NAME,
    AuditMember,
    BundleLimits,
    BundleManifest,
    RecordsMember,
    TemplateMember,
    is_expected_member_name,
    unsafe_name_reason,
)
from auditdesk.domain.template_loader import definition_hash
from auditdesk.errors import BundleProblem
from auditdesk.services.bundles import checks
from auditdesk.services.bundles.contents import BundleContents, IncomingRecord, IncomingTemplate
from auditdesk.services.bundles.problems import NOT_AUDITDESK, SMALLER, refuse

Model = TypeVar("Model", bound=BaseModel)
_CHUNK = 1024 * 1024


def read_bundle(path: Path, limits: BundleLimits = DEFAULT_LIMITS) -> BundleContents:
    """Read and verify the whole bundle at ``path``, or refuse it."""
    path = path.expanduser()
    file_sha256 = _check_file(path, limits)
    try:
        with zipfile.ZipFile(path) as archive:
            manifest, members = _read_members(path, archive, limits)
    except BundleProblem:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        refuse(path, f"the file is damaged ({_plain_zip_error(error)})")
    except NotImplementedError:
        refuse(path, "it uses a kind of compression AuditDesk does not write", NOT_AUDITDESK)
    except OSError as error:
        refuse(
            path,
            f"it could not be read ({error.strerror or error})",
            "Check the file and try again.",
        )
    templates = _templates(path, manifest, members)
    records = _records(path, manifest, members)
    checks.check_references(path, manifest, templates, records)
    return BundleContents(path, file_sha256, manifest, tuple(templates), tuple(records))


# -- the file and the zip directory ----------------------------------------------------------
def _check_file(path: Path, limits: BundleLimits) -> str:
    if not path.exists():
        raise BundleProblem(f"There is no file at {path}. Check the name and folder.")
    if not path.is_file():
        raise BundleProblem(f"{path} is a folder, not a bundle file. Choose the .auditdesk file.")
    size = path.stat().st_size
    if size == 0:
        refuse(path, "the file is empty (it may not have finished copying)")
    if size > limits.max_file_bytes:
        refuse(
            path,
            f"the file is {size / 1e6:,.0f} MB, more than the {limits.max_file_bytes / 1e6:,.0f} "
            "MB a bundle may be",
            SMALLER,
        )
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        head = handle.read(4)
        if not zipfile.is_zipfile(path):
            if head == b"PK\x03\x04":
                refuse(path, "the file is incomplete: it was cut short while being copied")
            refuse(
                path, "it is not an AuditDesk bundle (not a zip file)", "Choose a .auditdesk file."
            )
        handle.seek(0)
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _read_members(
    path: Path, archive: zipfile.ZipFile, limits: BundleLimits
) -> tuple[BundleManifest, dict[str, Any]]:
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        refuse(
            path,
            f"it holds {len(infos):,} files, more than the {limits.max_members:,} a bundle "
            "may hold",
            SMALLER,
        )
    seen: set[str] = set()
    header_total = 0
    for info in infos:
        name = info.filename
        shown = _shown(name)
        reason = unsafe_name_reason(name) or (
            "has an over-long name" if len(name) > limits.max_name_length else None
        )
        if reason:
            refuse(path, f"it contains a file named {shown}, which {reason}", NOT_AUDITDESK)
        if name in seen:
            refuse(path, f"it contains two files named {shown}", NOT_AUDITDESK)
        seen.add(name)
        if info.flag_bits & 0x1:
            refuse(path, f"{shown} inside it is encrypted", NOT_AUDITDESK)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            refuse(
                path, f"{shown} inside it uses compression AuditDesk does not write", NOT_AUDITDESK
            )
        _check_size(path, shown, info.file_size, info.compress_size, limits)
        header_total += info.file_size
        if header_total > limits.max_total_bytes:
            _too_big_in_total(path, limits)
    if MANIFEST_NAME not in seen:
        refuse(path, "it has no manifest, so what it holds cannot be checked", NOT_AUDITDESK)
    manifest_info = archive.getinfo(MANIFEST_NAME)
    manifest_bytes = _bounded_read(path, archive, manifest_info, limits)
    manifest = _manifest(path, _json(path, MANIFEST_NAME, manifest_bytes))
    listed = {member.name: member for member in manifest.members}
    if len(listed) != len(manifest.members):
        refuse(path, "its manifest lists the same file twice", NOT_AUDITDESK)
    for name in sorted(seen - {MANIFEST_NAME}):
        if name not in listed:
            refuse(
                path,
                f"it contains {_shown(name)}, which its manifest does not list",
                NOT_AUDITDESK,
            )
    for name in sorted(listed):
        if not is_expected_member_name(name):
            refuse(
                path,
                f"its manifest lists {_shown(name)}, not a file AuditDesk writes",
                NOT_AUDITDESK,
            )
        if name not in seen:
            refuse(path, f"{_shown(name)} is missing from it, though its manifest lists it")
    members: dict[str, Any] = {}
    total = len(manifest_bytes)
    for name, entry in sorted(listed.items()):
        data = _bounded_read(path, archive, archive.getinfo(name), limits)
        total += len(data)
        if total > limits.max_total_bytes:
            _too_big_in_total(path, limits)
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            refuse(
                path,
                f"{_shown(name)} inside it does not match the SHA-256 its manifest gives, "
                "so it has been damaged or altered",
            )
        members[name] = _json(path, name, data)
    return manifest, members


def _check_size(path: Path, shown: str, size: int, packed: int, limits: BundleLimits) -> None:
    if size > limits.max_member_bytes:
        refuse(
            path,
            f"{shown} inside it would unpack to {size / 1e6:,.0f} MB, more than the "
            f"{limits.max_member_bytes / 1e6:,.0f} MB allowed (it looks like a zip bomb)",
            NOT_AUDITDESK,
        )
    if size >= limits.ratio_from_bytes and size > limits.max_ratio * max(packed, 1):
        refuse(
            path,
            f"{shown} inside it would unpack to {size / max(packed, 1):,.0f} times its packed "
            f"size, more than the {limits.max_ratio:,.0f} times allowed (it looks like a zip bomb)",
            NOT_AUDITDESK,
        )


def _too_big_in_total(path: Path, limits: BundleLimits) -> NoReturn:
    refuse(
        path,
        f"it would unpack to more than the {limits.max_total_bytes / 1e6:,.0f} MB a bundle may "
        "hold (it looks like a zip bomb)",
        NOT_AUDITDESK,
    )


def _bounded_read(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: BundleLimits
) -> bytes:
    """Read one member, never more than the limit, whatever its header claims."""
    limit = limits.max_member_bytes
    parts: list[bytes] = []
    size = 0
    with archive.open(info) as handle:
        while size <= limit:
            chunk = handle.read(min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            parts.append(chunk)
            size += len(chunk)
    _check_size(path, _shown(info.filename), size, info.compress_size, limits)
    if size != info.file_size:
        refuse(path, f"{_shown(info.filename)} inside it is damaged (its size is wrong)")
    return b"".join(parts)


# -- JSON and schemas -----------------------------------------------------------------------
def _json(path: Path, name: str, data: bytes) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        refuse(path, f"{_shown(name)} inside it is not UTF-8 text")
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except RecursionError:
        refuse(path, f"{_shown(name)} inside it is nested too deeply", NOT_AUDITDESK)
    except ValueError as error:
        refuse(path, f"{_shown(name)} inside it is not valid JSON ({error})")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("a key appears twice in the same object")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _manifest(path: Path, data: Any) -> BundleManifest:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        refuse(path, "its manifest does not describe an AuditDesk bundle", NOT_AUDITDESK)
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        refuse(
            path,
            f"it was made by a newer AuditDesk (bundle format {version}; this AuditDesk reads "
            f"format {FORMAT_VERSION})",
            "Install the latest AuditDesk, then import it again.",
        )
    manifest = validated(path, BundleManifest, data, "its manifest")
    if manifest.format_version != FORMAT_VERSION:
        refuse(path, f"its bundle format {manifest.format_version} is not one AuditDesk knows")
    return manifest


def validated(path: Path, model: type[Model], data: Any, what: str) -> Model:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        details = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc']) or 'top level'}: {problem['msg']}"
            for problem in error.errors()[:3]
        )
        refuse(path, f"{what} does not match the bundle format ({details})")


# -- members -> records ---------------------------------------------------------------------
def _templates(
    path: Path, manifest: BundleManifest, members: dict[str, Any]
) -> list[IncomingTemplate]:
    found: list[IncomingTemplate] = []
    keys: set[tuple[str, int]] = set()
    for entry in manifest.templates:
        key = (entry.template_id, entry.version)
        label = f"the template '{entry.title}' version {entry.version}"
        if key in keys:
            refuse(path, f"its manifest lists {label} twice", NOT_AUDITDESK)
        keys.add(key)
        definition: dict[str, Any] | None = None
        if entry.member is not None:
            if entry.member not in members or not entry.member.startswith("templates/"):
                refuse(path, f"{label} is not where its manifest says", NOT_AUDITDESK)
            member = validated(path, TemplateMember, members[entry.member], entry.member)
            if (member.template_id, member.version, member.sha256) != (*key, entry.sha256):
                refuse(path, f"{label} does not match its manifest entry", NOT_AUDITDESK)
            if definition_hash(member.definition) != entry.sha256:
                refuse(path, f"{label} does not match its SHA-256, so it has been altered")
            # Validated as a template only if this database lacks it (see classify), as
            # parsing every template in every bundle would be wasted work.
            definition = member.definition
        found.append(IncomingTemplate(*key, entry.sha256, entry.title, definition))
    return found


def _records(path: Path, manifest: BundleManifest, members: dict[str, Any]) -> list[IncomingRecord]:
    carried: list[tuple[str, str, dict[str, Any], dict[str, Any], dict[str, Any], str | None]] = []
    for name, data in members.items():
        if name.startswith("templates/"):
            continue
        if name.startswith("audits/"):
            member = validated(path, AuditMember, data, name)
            audit_uuid = member.document.audit.uuid
            if name != f"audits/{audit_uuid}.json":
                refuse(path, f"{_shown(name)} holds a different audit from its name", NOT_AUDITDESK)
            extra = {key: data[key] for key in ("bookkeeping", "answer_stamps", "trail")}
            carried.append(("audit", name, data["document"], data["stamps"], extra, audit_uuid))
            for action in data["actions"]:
                carried.append(
                    ("action", name, action["document"], action["stamps"], {}, audit_uuid)
                )
            for item in data["moderations"]:
                times = {"submitted_at": item["submitted_at"], "agreed_at": item["agreed_at"]}
                carried.append(
                    ("moderation", name, item["document"], item["stamps"], times, audit_uuid)
                )
        else:
            validated(path, RecordsMember, data, name)
            for group in ("auditors", "settings", "children", "plans", "moderation_samples"):
                for item in data[group]:
                    kind = item["document"]["kind"]
                    carried.append((kind, name, item["document"], item["stamps"], {}, None))
    return checks.match_manifest(path, manifest, carried)


def _shown(name: str) -> str:
    printable = "".join(c if c.isprintable() else "?" for c in name)
    return f"'{printable[:80]}{'…' if len(printable) > 80 else ''}'"


def _plain_zip_error(error: Exception) -> str:
    text = str(error)
    if "CRC" in text:
        return "a file inside fails its checksum"
    if isinstance(error, zlib.error):
        return "a file inside cannot be unpacked"
    if isinstance(error, EOFError):
        return "a file inside ends early"
    return text[:120] or "the zip structure is broken"
