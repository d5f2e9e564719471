"""Every place AuditDesk reads or writes on disk, in one module.

``AUDITDESK_HOME`` (or ``--db`` for the database alone) overrides everything, so tests,
demos and a second council profile never touch the real data folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

HOME_VARIABLE = "AUDITDESK_HOME"
DATABASE_FILE_NAME = "auditdesk.sqlite"
SETTINGS_FILE_NAME = "preferences.ini"
PROFILE_FILE_NAME = "profile.json"

# Folder names that mean a file is synced by a cloud client: SQLite's locking and WAL
# assume one machine, and a sync client copying a live database can corrupt it.
_SYNCED_MARKERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "box sync")
_NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p"}


def data_dir() -> Path:
    """The user's AuditDesk folder: local (not roaming) app data, or ``AUDITDESK_HOME``."""
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("AuditDesk", appauthor=False, roaming=False))


def default_database_path() -> Path:
    return data_dir() / DATABASE_FILE_NAME


def log_dir() -> Path:
    return data_dir() / "logs"


def log_file() -> Path:
    return log_dir() / "auditdesk.log"


def native_crash_file() -> Path:
    """Where Python writes its traceback if the process dies in native code (a segfault)."""
    return log_dir() / "native-crash.log"


def settings_file() -> Path:
    """Window and accessibility preferences (kept apart from the audit data)."""
    return data_dir() / SETTINGS_FILE_NAME


def profile_file(settings: Path | None = None) -> Path:
    """Who the person at this computer is (name, agency, role), kept with their own
    preferences and never in a database, so the window and the commands agree.

    ``settings`` is a preferences file other than the usual one (a test's, say): each
    keeps its own person beside it, so two in one folder are never mixed up.
    """
    settings = settings or settings_file()
    if settings.name == SETTINGS_FILE_NAME:
        return settings.with_name(PROFILE_FILE_NAME)
    return settings.with_name(f"{settings.stem}.{PROFILE_FILE_NAME}")


def shared_location_warning(path: Path) -> str | None:
    """A warning when the database sits on a network share or in a synced folder."""
    resolved = path.expanduser().resolve()
    text = str(resolved).casefold()
    if sys.platform == "win32" and text.startswith("\\\\"):
        return (
            f"{resolved} is on a network share. Keep the database on this computer and "
            "move audits between laptops with bundles."
        )
    for marker in _SYNCED_MARKERS:
        if marker in text:
            return (
                f"{resolved} is in a folder synced by a cloud client ({marker.title()}). "
                "Syncing a live database can damage it: keep it in a local folder and use "
                "bundles to share audits."
            )
    filesystem = _linux_filesystem(resolved)
    if filesystem in _NETWORK_FILESYSTEMS:
        return (
            f"{resolved} is on a network file system ({filesystem}). Keep the database on "
            "this computer and move audits with bundles."
        )
    return None


def _linux_filesystem(path: Path) -> str | None:
    mounts = Path("/proc/mounts")
    if not mounts.exists():
        return None
    best: tuple[int, str] | None = None
    try:
        for line in mounts.read_text().splitlines():
            parts = line.split()
            if len(parts) < 3:
                continue
            mount_point, filesystem = parts[1], parts[2]
            if str(path).startswith(mount_point) and (best is None or len(mount_point) > best[0]):
                best = (len(mount_point), filesystem)
    except OSError:
        return None
    return best[1] if best else None
