"""Reading a bundle without trusting it.

Nothing is ever extracted to disk. The zip's directory is checked first (count, names,
sizes, compression), then the manifest, then each listed member is read with a bounded
read and checked against the SHA-256 the manifest gives; JSON is parsed strictly and
validated against the schemas (see :mod:`._carried`); finally every record's hash, lineage
and references are checked. Any failure refuses the whole bundle with a
:class:`BundleProblem` naming what is wrong, before anything is written (see
:mod:`._problems` for which failures sending again can mend).
"""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

from auditdesk.domain.bundle_format import (
    DEFAULT_LIMITS,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST_NAME,
    BundleLimits,
    BundleManifest,
    is_expected_member_name,
    unsafe_name_reason,
)
from auditdesk.errors import BundleProblem
from auditdesk.services.bundles import _carried as carried
from auditdesk.services.bundles import _checks as checks
from auditdesk.services.bundles._contents import BundleContents
from auditdesk.services.bundles._problems import NOT_AUDITDESK, SMALLER, Refusal, validated
from auditdesk.services.bundles._strict_json import parse_member
from auditdesk.services.bundles._visible import quoted
from auditdesk.services.bundles._zip_names import DirectoryMismatch, raw_names

_CHUNK = 1024 * 1024


def read_bundle(path: Path, limits: BundleLimits = DEFAULT_LIMITS) -> BundleContents:
    """Read and verify the whole bundle at ``path``, or refuse it."""
    path = path.expanduser()
    refusal = Refusal(path)
    file_sha256 = _check_file(refusal, limits)
    try:
        with path.open("rb") as handle, zipfile.ZipFile(path) as archive:
            _check_directory(refusal, archive, handle, limits)
            manifest = _read_manifest(refusal, archive, limits)
            refusal = Refusal(path, manifest.app_version)
            members = _read_members(refusal, archive, manifest, limits)
    except BundleProblem:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, DirectoryMismatch) as error:
        refusal.refuse(f"the file is damaged ({_plain_zip_error(error)})")
    except UnicodeDecodeError:
        # zipfile decodes names flagged as UTF-8 strictly; AuditDesk writes only ASCII names.
        refusal.refuse("it contains a file whose name is not readable text", NOT_AUDITDESK)
    except NotImplementedError:
        refusal.refuse("it uses a kind of compression AuditDesk does not write", NOT_AUDITDESK)
    except OSError as error:
        refusal.refuse(
            f"it could not be read ({error.strerror or error})", "Check the file and try again."
        )
    templates = carried.templates(refusal, manifest, members)
    records = carried.records(refusal, manifest, members)
    checks.check_references(refusal, templates, records)
    return BundleContents(path, file_sha256, manifest, tuple(templates), tuple(records))


# -- the file and the zip directory ----------------------------------------------------------
def _check_file(refusal: Refusal, limits: BundleLimits) -> str:
    path = refusal.path
    if not path.exists():
        raise BundleProblem(f"There is no file at {path}. Check the name and folder.")
    if not path.is_file():
        raise BundleProblem(f"{path} is a folder, not a bundle file. Choose the .auditdesk file.")
    size = path.stat().st_size
    if size == 0:
        refusal.refuse("the file is empty (it may not have finished copying)")
    if size > limits.max_file_bytes:
        refusal.refuse(
            f"the file is {size / 1e6:,.0f} MB, more than the {limits.max_file_bytes / 1e6:,.0f} "
            "MB a bundle may be",
            SMALLER,
        )
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        head = handle.read(4)
        if not zipfile.is_zipfile(path):
            if head == b"PK\x03\x04":
                refusal.refuse("the file is incomplete: it was cut short while being copied")
            refusal.refuse(
                "it is not an AuditDesk bundle (not a zip file)", "Choose a .auditdesk file."
            )
        handle.seek(0)
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _check_directory(
    refusal: Refusal, archive: zipfile.ZipFile, handle: BinaryIO, limits: BundleLimits
) -> None:
    """The zip's own directory: how many files, their names, sizes and compression."""
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        refusal.refuse(
            f"it holds {len(infos):,} files, more than the {limits.max_members:,} a bundle "
            "may hold",
            SMALLER,
        )
    seen: set[str] = set()
    header_total = 0
    file_size = refusal.path.stat().st_size
    # The names as written, not as zipfile lists them (it cuts a name at a NUL byte).
    for info, whole_name in zip(infos, raw_names(archive, handle), strict=True):
        name = info.filename
        shown = _shown(whole_name)
        reason = unsafe_name_reason(whole_name) or (
            "has an over-long name" if len(whole_name) > limits.max_name_length else None
        )
        if reason:
            refusal.refuse(f"it contains a file named {shown}, which {reason}", NOT_AUDITDESK)
        if name in seen:
            refusal.refuse(f"it contains two files named {shown}", NOT_AUDITDESK)
        seen.add(name)
        if info.flag_bits & 0x1:
            refusal.refuse(f"{shown} inside it is encrypted", NOT_AUDITDESK)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            refusal.refuse(
                f"{shown} inside it uses compression AuditDesk does not write", NOT_AUDITDESK
            )
        if not 0 <= info.header_offset < file_size:
            # Damage to the zip's list of files: reading would seek outside the file.
            refusal.refuse(f"the file is damaged ({shown} is not where its list says)")
        _check_size(refusal, shown, info.file_size, info.compress_size, limits)
        header_total += info.file_size
        if header_total > limits.max_total_bytes:
            _too_big_in_total(refusal, limits)
    if MANIFEST_NAME not in seen:
        refusal.refuse("it has no manifest, so what it holds cannot be checked", NOT_AUDITDESK)


def _read_manifest(
    refusal: Refusal, archive: zipfile.ZipFile, limits: BundleLimits
) -> BundleManifest:
    data = _bounded_read(refusal, archive, archive.getinfo(MANIFEST_NAME), limits)
    # The zip's own checksum has passed, so the manifest arrived as it was written.
    return _manifest(refusal, parse_member(refusal, _shown(MANIFEST_NAME), data, limits))


def _read_members(
    refusal: Refusal, archive: zipfile.ZipFile, manifest: BundleManifest, limits: BundleLimits
) -> dict[str, Any]:
    """Every member the manifest lists, each matching the SHA-256 it gives, as JSON."""
    seen = set(archive.namelist())
    listed = {member.name: member for member in manifest.members}
    if len(listed) != len(manifest.members):
        refusal.invalid("its manifest lists the same file twice")
    for name in sorted(seen - {MANIFEST_NAME}):
        if name not in listed:
            refusal.refuse(
                f"it contains {_shown(name)}, which its manifest does not list", NOT_AUDITDESK
            )
    for name in sorted(listed):
        if not is_expected_member_name(name):
            refusal.refuse(
                f"its manifest lists {_shown(name)}, not a file AuditDesk writes", NOT_AUDITDESK
            )
        if name not in seen:
            refusal.invalid(f"{_shown(name)} is missing from it, though its manifest lists it")
    members: dict[str, Any] = {}
    total = archive.getinfo(MANIFEST_NAME).file_size
    for name, entry in sorted(listed.items()):
        data = _bounded_read(refusal, archive, archive.getinfo(name), limits)
        total += len(data)
        if total > limits.max_total_bytes:
            _too_big_in_total(refusal, limits)
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            refusal.refuse(
                f"{_shown(name)} inside it does not match the SHA-256 its manifest gives, "
                "so it has been damaged or altered",
            )
        members[name] = parse_member(refusal, _shown(name), data, limits)
    return members


def _check_size(refusal: Refusal, shown: str, size: int, packed: int, limits: BundleLimits) -> None:
    if size > limits.max_member_bytes:
        refusal.refuse(
            f"{shown} inside it would unpack to {size / 1e6:,.0f} MB, more than the "
            f"{limits.max_member_bytes / 1e6:,.0f} MB allowed (it looks like a zip bomb)",
            NOT_AUDITDESK,
        )
    if size >= limits.ratio_from_bytes and size > limits.max_ratio * max(packed, 1):
        refusal.refuse(
            f"{shown} inside it would unpack to {size / max(packed, 1):,.0f} times its packed "
            f"size, more than the {limits.max_ratio:,.0f} times allowed (it looks like a zip bomb)",
            NOT_AUDITDESK,
        )


def _too_big_in_total(refusal: Refusal, limits: BundleLimits) -> NoReturn:
    refusal.refuse(
        f"it would unpack to more than the {limits.max_total_bytes / 1e6:,.0f} MB a bundle may "
        "hold (it looks like a zip bomb)",
        NOT_AUDITDESK,
    )


def _bounded_read(
    refusal: Refusal, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: BundleLimits
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
    _check_size(refusal, _shown(info.filename), size, info.compress_size, limits)
    if size != info.file_size:
        refusal.refuse(f"{_shown(info.filename)} inside it is damaged (its size is wrong)")
    return b"".join(parts)


# -- schemas ---------------------------------------------------------------------------------
def _manifest(refusal: Refusal, data: Any) -> BundleManifest:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        refusal.refuse("its manifest does not describe an AuditDesk bundle", NOT_AUDITDESK)
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        refusal.refuse(
            f"it was made by a newer AuditDesk (bundle format {version}; this AuditDesk reads "
            f"format {FORMAT_VERSION})",
            "Install the latest AuditDesk, then import it again.",
        )
    # Name the sender's version even when the rest of the manifest is wrong.
    stated = data.get("app_version")
    if isinstance(stated, str) and 0 < len(stated) <= 32 and stated.isprintable():
        refusal = Refusal(refusal.path, stated)
    manifest = validated(refusal, BundleManifest, data, "its manifest")
    if manifest.format_version != FORMAT_VERSION:
        refusal.invalid(f"its bundle format {manifest.format_version} is not one AuditDesk knows")
    return manifest


def _shown(name: str) -> str:
    return quoted(name, 80)


def _plain_zip_error(error: Exception) -> str:
    if isinstance(error, DirectoryMismatch):
        return "its list of the files inside is broken"
    text = str(error)
    if "CRC" in text:
        return "a file inside fails its checksum"
    if isinstance(error, zlib.error):
        return "a file inside cannot be unpacked"
    if isinstance(error, EOFError):
        return "a file inside ends early"
    # zipfile's own words ("Bad magic number for file header") mean nothing to people.
    return "its list of the files inside is broken"
