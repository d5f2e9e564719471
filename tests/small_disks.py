"""Real small disks for tests of what happens when one fills: a tmpfs of a given size,
mounted for the test and unmounted after.

Mounting needs the privilege to mount (root in the CI container, as on the team's build
machines); where it is missing the test is skipped with that reason, not faked: a disk
that reports "full" because a function was replaced would not show what the operating
system, SQLite, openpyxl and reportlab really do when the space runs out.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_disk(folder: Path, size_kib: int) -> Iterator[Path]:
    """``folder`` (made if needed) as a disk of ``size_kib`` KiB, empty to start with."""
    folder.mkdir(parents=True, exist_ok=True)
    mount = shutil.which("mount")
    if mount is None:
        pytest.skip("no mount command here to make a small disk with")
    made = subprocess.run(
        [mount, "-t", "tmpfs", "-o", f"size={size_kib}k,mode=1777", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small disk here ({made.stderr.strip() or 'not permitted'})")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=False, capture_output=True)


def fill(folder: Path, leave_kib: int) -> None:
    """Fill the disk holding ``folder`` until about ``leave_kib`` KiB are free."""
    usage = shutil.disk_usage(folder)
    spare = usage.free - leave_kib * 1024
    if spare > 0:
        (folder / "padding").write_bytes(b"\0" * spare)
