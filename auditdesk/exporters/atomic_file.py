"""Writing export files so nothing half written is ever left at the target path.

Each file is written to a temporary file in the same folder (so the final rename never
crosses a disk) and moved into place with :func:`os.replace` only when complete. Failing or
cancelled writes delete their temporary file. The finished file has the permissions any
new file of the person's gets (their umask), so colleagues who can read their other files on
a shared drive can read it too. Problems a person can act on (a file open in Excel, a
read-only folder, a full disk) become :class:`~auditdesk.errors.FileProblem`.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from auditdesk.errors import FileProblem

NEW_FILE_MODE = 0o666  # what any program asks for a new document; the umask narrows it
TEMPORARY_NAME_TRIES = 100


def check_target(path: Path) -> Path:
    """Refuse, before any work, a target that cannot be written; returns it absolute."""
    target = path.expanduser().absolute()
    if target.is_dir():
        raise FileProblem(f"{target} is a folder. Choose a file name to save to.")
    if not target.parent.is_dir():
        raise FileProblem(f"The folder {target.parent} does not exist. Choose a folder that does.")
    if not os.access(target.parent, os.W_OK):
        raise FileProblem(
            f"You cannot save into {target.parent} (you do not have permission to write "
            "there). Choose another folder, such as your Documents folder."
        )
    if target.exists() and not os.access(target, os.W_OK):
        raise FileProblem(
            f"{target.name} is read-only, so it cannot be replaced. Save under another name."
        )
    return target


@contextmanager
def atomic_files(targets: Sequence[Path]) -> Iterator[list[Path]]:
    """Temporary paths for ``targets``; all are moved into place when the block succeeds,
    none if it raises."""
    checked = [check_target(path) for path in targets]
    temporaries: list[Path] = []
    try:
        for target in checked:
            temporaries.append(_temporary_beside(target))
        yield temporaries
        for temporary in temporaries:
            _flush_to_disk(temporary)
        for position, (temporary, target) in enumerate(zip(temporaries, checked, strict=True)):
            _move_into_place(temporary, target, checked[:position])
    finally:
        for temporary in temporaries:
            with suppress(FileNotFoundError):
                temporary.unlink()


def _temporary_beside(target: Path) -> Path:
    """A new, empty file beside ``target``, with the permissions any new file of the
    person's gets (0666 less their umask).

    Not ``tempfile.mkstemp``: its file is readable by its owner alone (0600), and the
    rename keeps that, so colleagues on a shared drive could not open the Board pack.
    Reading the umask to correct it afterwards would mean setting it, which is not safe
    while other threads create files; asking for 0666 lets the system apply it."""
    for _attempt in range(TEMPORARY_NAME_TRIES):
        path = target.with_name(f".{target.stem}.{secrets.token_hex(4)}{target.suffix}.partial")
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)
        except FileExistsError:
            continue  # another export chose the same name: draw again
        except OSError as error:
            raise _problem(error, target) from error
        os.close(handle)
        return path
    raise FileProblem(f"{target.name} could not be saved (no free temporary name beside it).")


def _flush_to_disk(path: Path) -> None:
    # Renaming a file whose data is still in the write-back cache can leave an empty file
    # after a power cut on some file systems; fsync first.
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _move_into_place(temporary: Path, target: Path, done: Sequence[Path]) -> None:
    try:
        os.replace(temporary, target)
    except OSError as error:
        problem = _problem(error, target)
        if done:
            written = ", ".join(path.name for path in done)
            problem = FileProblem(f"{problem} ({written} was saved.)")
        raise problem from error


def _problem(error: OSError, target: Path) -> FileProblem:
    if error.errno == errno.ENOSPC:
        return FileProblem(
            f"The disk holding {target.parent} is full. Free some space and export again."
        )
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        return FileProblem(
            f"{target.name} could not be saved: it is open in another program (such as Excel "
            "or a PDF viewer), or you do not have permission to change it. Close it and "
            "export again, or save under another name."
        )
    if isinstance(error, IsADirectoryError):
        return FileProblem(f"{target} is a folder. Choose a file name to save to.")
    return FileProblem(f"{target.name} could not be saved ({error.strerror or error}).")
