"""File > Import bundle: a preview first, then the import in one transaction after a
backup.

The bundle is read and verified whole before anything is written; a damaged or hostile
file is refused with the database untouched. The decisions shown in the preview are
taken again inside the write transaction (the database may have changed in between), and
applied in that one transaction, so an import is either all there or not there at all.
"""

from __future__ import annotations

import errno
import gc
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from auditdesk.domain.bundle_format import DEFAULT_LIMITS, BundleLimits, parse_time
from auditdesk.domain.reference import Agency
from auditdesk.errors import BundleProblem, FileProblem
from auditdesk.services.bundles._apply import Progress, apply_plan
from auditdesk.services.bundles._classify import classify
from auditdesk.services.bundles._decisions import ImportPlan
from auditdesk.services.bundles._reader import read_bundle
from auditdesk.services.bundles._results import (
    BundlePreview,
    ImportCancelled,
    ImportResult,
    PreviewItem,
    PreviousImport,
)
from auditdesk.services.bundles._wording import Wording
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.store.database import Database
from auditdesk.store.migrate import backup_database
from auditdesk.whole_files import DATABASE_COMPANIONS

log = logging.getLogger(__name__)

#: Import backups kept beside the database; older ones are removed after a good import.
KEEP_BACKUPS = 5


def preview_bundle(
    ctx: ServiceContext, path: Path, *, limits: BundleLimits = DEFAULT_LIMITS
) -> BundlePreview:
    """What importing ``path`` would do, record by record. Writes nothing (and names
    nobody: ``ctx.actor`` is not used)."""
    with _bulk_work():
        # What was read goes with ``_preview``'s frame, before the collector runs again:
        # kept alive until then, its records made that one pass take a tenth of a second.
        return _preview(ctx, path, limits)


def _preview(ctx: ServiceContext, path: Path, limits: BundleLimits) -> BundlePreview:
    contents = read_bundle(path, limits)
    with ctx.db.read() as session:
        plan = classify(session, contents, ctx.device)
        return build_preview(plan, Wording(contents))


def import_bundle(
    ctx: ServiceContext,
    path: Path,
    *,
    expected: BundlePreview | None = None,
    limits: BundleLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> ImportResult:
    """Import ``path``: back up, then apply every decision in one write transaction.

    ``expected`` is the preview the person agreed to; if the file changed since, the
    import is refused so nobody imports something they have not seen. A bundle with
    nothing new in it changes nothing at all (the backup taken meanwhile is removed).
    """
    with _bulk_work():
        return _import(ctx, path, expected=expected, limits=limits, progress=progress)


def _import(
    ctx: ServiceContext,
    path: Path,
    *,
    expected: BundlePreview | None,
    limits: BundleLimits,
    progress: Progress | None,
) -> ImportResult:
    if progress is not None and not progress("Backing up the database"):
        raise ImportCancelled("The import was stopped; nothing was changed.")
    made: list[Path] = []  # the backup, once made: removed again if nothing is imported
    try:
        result = _import_with_backup(
            ctx, path, expected=expected, limits=limits, progress=progress, made=made.append
        )
    except FileProblem as problem:
        _remove(made)
        # The disk filled as the backup was made, the import written or committed: say
        # that the import is what did not happen (not "your last change"), and that
        # nothing else did either.
        if _disk_full(problem):
            raise FileProblem(
                f"{path.name} was not imported: the disk holding {ctx.db.path.name} is full. "
                "Free some space and import it again; your database is as it was."
            ) from problem
        raise
    except BaseException:
        # Nothing was written (the transaction rolled back, even when it failed as it
        # committed), so the copy is not needed; a database-sized file left behind
        # would make a full disk fuller.
        _remove(made)
        raise
    if result.imported:
        prune_backups(ctx.db.path)
    return result


def _import_with_backup(
    ctx: ServiceContext,
    path: Path,
    *,
    expected: BundlePreview | None,
    limits: BundleLimits,
    progress: Progress | None,
    made: Callable[[Path], None],
) -> ImportResult:
    with ctx.db.write() as session, ThreadPoolExecutor(max_workers=1) as worker:
        session.connection()  # BEGIN IMMEDIATE: from here no other writer can commit
        # The backup copies the committed database through another connection while this
        # one, holding the write lock, reads the bundle and decides what to do: so it is
        # exactly the state before the import, and the two run side by side (SQLite's
        # backup releases the GIL). A bundle that is refused discards it.
        backing_up = worker.submit(backup_before_import, ctx.db)
        try:
            contents = read_bundle(path, limits)
            if expected is not None and expected.file_sha256 != contents.file_sha256:
                log.warning("refused the bundle %s: it changed after its preview", path.name)
                raise BundleProblem(
                    f"{path.name} has changed since it was previewed. Preview it again "
                    "before importing; nothing in your database was changed."
                )
            plan = classify(session, contents, ctx.device)
        except BaseException:
            _discard(backing_up)
            raise
        backup = backing_up.result()
        made(backup)
        wording = Wording(contents)
        preview = build_preview(plan, wording)
        if not preview.has_changes:
            backup.unlink(missing_ok=True)
            return ImportResult(preview, imported=False, backup=None)
        apply_plan(session, ctx, plan, wording.label, backup=backup, progress=progress)
    return ImportResult(preview, imported=True, backup=backup)


def _disk_full(problem: FileProblem) -> bool:
    cause = problem.__cause__
    if isinstance(cause, OSError):
        return cause.errno in (errno.ENOSPC, errno.EDQUOT)
    return isinstance(cause, (DBAPIError, sqlite3.Error)) and "full" in str(cause).lower()


def _remove(backups: list[Path]) -> None:
    for backup in backups:
        try:
            backup.unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove the unneeded import backup %s", backup, exc_info=True)


def _discard(backing_up: Future[Path]) -> None:
    """Wait for a backup that is no longer wanted and remove it (its own failure, if any,
    is not the problem being reported)."""
    try:
        backing_up.result().unlink(missing_ok=True)
    except Exception:
        log.warning("an unneeded import backup could not be made or removed", exc_info=True)


class _CollectorPause:
    """Python's cyclic garbage collector held off while bundles are read or imported.

    An import makes hundreds of thousands of small dicts and lists, nearly all freed by
    reference counting; the collector's repeated passes over them (and over the bundle
    read so far) cost about a fifth of the time and find nothing. Switching it off is not
    enough in the window: there the collector is already off and collections are run from
    a timer on the GUI thread whenever Python's thresholds are passed
    (:mod:`auditdesk.ui.gui_thread_gc`), which took 14 passes, a third of a second, during
    the preview of a 1,000-audit bundle. So the thresholds are raised out of reach too,
    and put back when the last bulk work running ends, however it ends."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._thresholds = gc.get_threshold()
        self._was_enabled = False

    @contextmanager
    def held(self) -> Iterator[None]:
        with self._lock:
            if self._running == 0:
                self._thresholds = gc.get_threshold()
                self._was_enabled = gc.isenabled()
                gc.disable()
                gc.set_threshold(_OUT_OF_REACH, _OUT_OF_REACH, _OUT_OF_REACH)
            self._running += 1
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1
                if self._running == 0:
                    gc.set_threshold(*self._thresholds)
                    if self._was_enabled:
                        gc.enable()
                        gc.collect(0)


_OUT_OF_REACH = 2**30
_bulk_work = _CollectorPause().held


def build_preview(plan: ImportPlan, wording: Wording) -> BundlePreview:
    contents = plan.contents
    manifest = contents.manifest
    items = tuple(
        PreviewItem(
            record_type=decision.record.kind,
            record_uuid=decision.local_uuid,
            label=wording.label(decision.record),
            status=decision.status,
            description=wording.description(decision),
            incoming_revision=decision.record.revision,
            local_revision=decision.local.revision if decision.local else None,
            audit_uuid=decision.record.audit_uuid,
            audit_reference=wording.audits.get(decision.record.audit_uuid or ""),
        )
        for decision in plan.decisions
    )
    return BundlePreview(
        file=contents.path,
        file_sha256=contents.file_sha256,
        bundle_uuid=manifest.bundle_uuid,
        created_at=parse_time(manifest.created_at),
        sender=manifest.author.name,
        sender_agency=Agency(manifest.author.agency).label,
        sender_device=manifest.device,
        app_version=manifest.app_version,
        selection=manifest.selection,
        items=items,
        templates_to_install=tuple(
            f"{loaded.template.title} (version {loaded.template.version})"
            for loaded in plan.install
        ),
        imported_before=tuple(
            PreviousImport(imported_at, imported_by, file_name)
            for imported_at, imported_by, file_name in plan.previous
        ),
        revisions_to_record=sum(1 for decision in plan.decisions if decision.seal_here),
    )


def backup_before_import(db: Database) -> Path:
    """A consistent copy of the database (SQLite's backup API) beside it, named by the
    wall-clock time (a file on disk, whatever clock the services run on)."""
    path = db.path
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.stem}.before-import-{stamp}{path.suffix}.bak")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.stem}.before-import-{stamp}-{number}{path.suffix}.bak")
    try:
        backup_database(path, target)
    except (OSError, sqlite3.Error) as error:
        # With its companions: SQLite keeps a journal beside a copy it is writing, left
        # behind when the disk fills part-way.
        for companion in DATABASE_COMPANIONS[:4]:
            target.with_name(target.name + companion).unlink(missing_ok=True)
        raise FileProblem(
            f"Cannot back up {path.name} before importing ({error}). Free some disk space "
            "and try again; nothing was imported."
        ) from error
    log.info("backed up %s to %s before importing a bundle", path, target)
    return target


def prune_backups(path: Path) -> None:
    """Keep the newest import backups; the import they protected has succeeded."""
    backups = sorted(path.parent.glob(f"{path.stem}.before-import-*{path.suffix}.bak"))
    for old in backups[:-KEEP_BACKUPS]:
        try:
            old.unlink()
        except OSError:
            log.warning("could not remove the old import backup %s", old)
