"""A real read-only folder for tests: a small tmpfs, filled, then remounted read-only.

Tests run as root here, and permissions never stop root writing (chmod 0555 would prove
nothing); a read-only file system stops everyone, as a locked-down share or a CD does.
Where mounting is not permitted the test is skipped, saying so.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["mount", *arguments], capture_output=True, text=True, timeout=30, check=False
    )


@contextmanager
def read_only_folder(folder: Path, fill: Callable[[Path], None]) -> Iterator[Path]:
    """``folder`` as a read-only file system holding what ``fill`` put in it."""
    if shutil.which("mount") is None:
        pytest.skip("needs the mount command to make a read-only file system")
    folder.mkdir(parents=True, exist_ok=True)
    made = _mount("-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder))
    if made.returncode != 0:
        pytest.skip(f"cannot mount a file system here ({made.stderr.strip()})")
    try:
        fill(folder)
        locked = _mount("-o", "remount,ro", str(folder))
        if locked.returncode != 0:
            pytest.skip(f"cannot make a file system read-only here ({locked.stderr.strip()})")
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)
