"""The one way AuditDesk writes a file a person asked for (an export, a bundle, a backup):
whole, or not at all, so nothing half written is ever left at the target path.

Each file is written to a temporary file in the same folder (so the final rename never
crosses a disk), flushed to disk and moved into place with :func:`os.replace` only when
complete. Failing or cancelled writes delete their temporary file. The finished file has
the permissions any new file of the person's gets (their umask), so colleagues who can read
their other files on a shared drive can read it too. Problems a person can act on (a file
open in Excel, a read-only folder, a full disk) become :class:`~auditdesk.errors.FileProblem`,
whether they happen while the file is made, written or moved into place.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from auditdesk.errors import FileProblem

NEW_FILE_MODE = 0o666  # what any program asks for a new document; the umask narrows it
TEMPORARY_NAME_TRIES = 100
#: Bytes in a file's name most file systems allow (ext4, NTFS in UTF-16 units, APFS); the
#: temporary beside it adds a few more, which the check leaves room for.
NAME_LIMIT = 255 - 24
#: Failures writing a file that are the disk's, not AuditDesk's: said in words, whichever
#: library was writing when the disk gave out.
DISK_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})


#: Files beside a database that belong to it: replacing one loses or damages the database.
DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal", ".lock")


def check_target(path: Path, *, database: Path | None = None) -> Path:
    """Refuse, before any work, a target that cannot be written, or that is the open
    ``database`` or one of its companion files; returns it absolute."""
    target = path.expanduser().absolute()
    if database is not None and _belongs_to(target, database):
        raise FileProblem(
            f"{target.name} is the database AuditDesk is working in (or one of its own "
            "files), and saving there would destroy it. Choose another file name."
        )
    if len(target.name.encode()) > NAME_LIMIT:
        raise FileProblem(
            f"The file name is too long ({len(target.name):,} characters). Choose a shorter one."
        )
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


def _belongs_to(target: Path, database: Path) -> bool:
    database = database.expanduser().absolute()
    for suffix in DATABASE_COMPANIONS:
        own = database.with_name(database.name + suffix)
        if target == own:
            return True
        with suppress(OSError):  # another name for the same file (a link, another case)
            if target.exists() and own.exists() and target.samefile(own):
                return True
    return False


@contextmanager
def written_whole(
    targets: Sequence[Path], *, again: str = "export again", database: Path | None = None
) -> Iterator[list[Path]]:
    """Temporary paths for ``targets``; all are moved into place when the block succeeds,
    none if it raises. ``again`` ends a problem's message: what the person does once it
    is put right ("export again", "send them again"). None may be ``database`` (the one
    being read from) or its companion files."""
    checked = [check_target(path, database=database) for path in targets]
    temporaries: list[Path] = []
    try:
        for target in checked:
            temporaries.append(_temporary_beside(target, again))
        try:
            yield temporaries
        except OSError as error:
            if error.errno not in DISK_ERRORS:
                raise
            raise _problem(error, _written_when(error, temporaries, checked), again) from None
        for temporary in temporaries:
            _flush_to_disk(temporary)
        for position, (temporary, target) in enumerate(zip(temporaries, checked, strict=True)):
            _move_into_place(temporary, target, checked[:position], again)
    finally:
        for temporary in temporaries:
            # With its companions: SQLite, writing a backup into it, keeps a journal
            # beside it, left behind when the disk fills mid-write.
            for suffix in DATABASE_COMPANIONS[:4]:
                with suppress(OSError):
                    temporary.with_name(temporary.name + suffix).unlink()


class WriteStream:
    """A file for a library to write a temporary into, which stops at the disk's first
    failure: the failure is raised once, and whatever the library writes afterwards (a zip
    file's index, written again when it is collected) is dropped, because the temporary is
    deleted anyway. Without it, openpyxl's second failure on a full disk is printed as a
    raw traceback after the person's message."""

    def __init__(self, path: Path) -> None:
        self._file: IO[bytes] = open(path, "wb")  # noqa: SIM115 (closed by close/exit)
        self._failed = False
        self._position = 0  # kept after a failure, so a library's sums still add up

    def write(self, data: bytes) -> int:
        if not self._failed:
            try:
                return self._file.write(data)
            except OSError:
                self._fail()
                raise
        self._position += len(data)
        return len(data)

    def flush(self) -> None:
        if not self._failed:
            try:
                self._file.flush()
            except OSError:
                self._fail()
                raise

    def tell(self) -> int:
        return self._position if self._failed else self._file.tell()

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if not self._failed:
            return self._file.seek(offset, whence)
        self._position = offset if whence == os.SEEK_SET else self._position + offset
        return self._position

    def _fail(self) -> None:
        with suppress(OSError, ValueError):
            self._position = self._file.tell()
        self._failed = True

    def truncate(self, size: int | None = None) -> int:
        return 0 if self._failed else self._file.truncate(size)

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def close(self) -> None:
        with suppress(OSError):  # unwritten data fails here again; the first failure is raised
            self._file.close()

    def __enter__(self) -> WriteStream:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self.flush()
            self._file.close()
        else:
            self._fail()
            self.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def _written_when(error: OSError, temporaries: Sequence[Path], targets: Sequence[Path]) -> Path:
    """The target whose temporary ``error`` names, else the first: all usually share a disk."""
    for temporary, target in zip(temporaries, targets, strict=True):
        if error.filename and Path(str(error.filename)) == temporary:
            return target
    return targets[0]


def _temporary_beside(target: Path, again: str) -> Path:
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
            raise _problem(error, target, again) from error
        os.close(handle)
        return path
    raise FileProblem(f"{target.name} could not be saved (no free temporary name beside it).")


def _flush_to_disk(path: Path) -> None:
    # Renaming a file whose data is still in the write-back cache can leave an empty file
    # after a power cut on some file systems; fsync first.
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _move_into_place(temporary: Path, target: Path, done: Sequence[Path], again: str) -> None:
    try:
        os.replace(temporary, target)
    except OSError as error:
        problem = _problem(error, target, again)
        if done:
            written = ", ".join(path.name for path in done)
            problem = FileProblem(f"{problem} ({written} was saved.)")
        raise problem from error


def _problem(error: OSError, target: Path, again: str) -> FileProblem:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return FileProblem(
            f"The disk holding {target.parent} is full (or your space on it is used up), so "
            f"{target.name} was not saved. Free some space, or choose another folder, and "
            f"{again}."
        )
    if error.errno == errno.EFBIG:
        return FileProblem(
            f"{target.name} is too large for the disk holding {target.parent}, so it was not "
            f"saved. Choose a folder on another disk, and {again}."
        )
    if error.errno == errno.EROFS:
        return FileProblem(
            f"The disk holding {target.parent} can only be read, so {target.name} was not "
            "saved. Choose a folder you can write to, such as your Documents folder."
        )
    if error.errno == errno.EIO:
        return FileProblem(
            f"The disk holding {target.parent} could not be written to (it may have been "
            f"removed, or be failing), so {target.name} was not saved. Check the disk, or "
            f"choose another folder, and {again}."
        )
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        return FileProblem(
            f"{target.name} could not be saved: it is open in another program (such as Excel "
            "or a PDF viewer), or you do not have permission to change it. Close it, or "
            f"save under another name, and {again}."
        )
    if isinstance(error, IsADirectoryError):
        return FileProblem(f"{target} is a folder. Choose a file name to save to.")
    return FileProblem(f"{target.name} could not be saved ({error.strerror or error}).")
