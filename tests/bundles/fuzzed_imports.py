"""Importing a mutated real bundle, as ``auditdesk bundle import`` and the window do (for
the ``test_fuzzed_bundles`` files): the preview, then the import, into an empty database
or into the sender's own. The only exceptions allowed are ``UserError`` subclasses with a
message; a refused import leaves the database exactly as it was; and nothing shown
(preview or message) holds a control character."""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from auditdesk.domain.reference import Agency, Role
from auditdesk.errors import UserError
from auditdesk.services.bundles import BundlePreview, import_bundle, preview_bundle
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._people import save_profile
from auditdesk.services.kernel._workspace import open_workspace
from tests.bundles.demo_bundles import make_demo_bundles
from tests.bundles.fuzzing import Original
from tests.bundles.helpers import Ticker, dump, open_laptop
from tests.bundles.zips import read_parts

ACTING = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
Mutations = tuple[Callable[[Original], st.SearchStrategy[bytes]], ...]
# Each kind of mutation in a file of its own (a third of the examples each, as when one
# test drew among the three), so a parallel run spreads them.
EXAMPLES_OF_EACH_KIND = 67


def fuzzed(examples: int) -> Any:
    """Derandomized, so the suite runs the same examples every time."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


@dataclass(frozen=True)
class World:
    folder: Path
    bundles: tuple[Original, ...]
    receivers: tuple[Path, ...]  # closed databases, copied for each example
    counter: Iterator[int]


def make_world(folder: Path) -> World:
    """Two real bundles (one audit; every kind of record) from a small demo database, and
    two receivers: an empty database and the sender's own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITDESK_HOME", str(folder / "home"))
        demo = make_demo_bundles(folder / "sender")
        lead = open_laptop(folder / "lead", "Quinn Lead", role=Role.QUALITY_LEAD)
        lead.close()
    bundles = tuple(
        Original(path.name, path.read_bytes(), read_parts(path))
        for path in (demo.one, demo.everything)
    )
    return World(folder, bundles, (lead.path, demo.database), itertools.count())


def shown_in(preview: BundlePreview) -> list[str]:
    return [
        *preview.lines(),
        preview.sender_device,
        preview.file_name,
        *(text for item in preview.items for text in (item.label, item.description)),
    ]


def import_or_refuse(world: World, data: st.DataObject, mutations: Mutations) -> None:
    """Draw a bundle and a mutation of it (from ``mutations``) and a receiver; the import
    either works or is refused plainly, and a refusal changes nothing."""
    original = data.draw(st.sampled_from(world.bundles), label="bundle")
    mutated = data.draw(st.one_of(*(mutate(original) for mutate in mutations)), label="mutated")
    receiver = data.draw(st.sampled_from(world.receivers), label="receiver")
    folder = world.folder / f"example-{next(world.counter)}"
    folder.mkdir()
    bundle = folder / "fuzzed.auditdesk"
    bundle.write_bytes(mutated)
    database = folder / receiver.name
    shutil.copy(receiver, database)
    db = open_workspace(database)
    try:
        actor = save_profile(db, "Quinn Lead", Agency.EDUCATION, Role.QUALITY_LEAD)
        ctx = ServiceContext(db, actor, clock=Ticker(datetime(2026, 12, 1, 9, tzinfo=UTC)))
        before = dump(database)
        previewed = _outcome(lambda: preview_bundle(ctx, bundle))
        if isinstance(previewed, BundlePreview):
            assert [text for text in shown_in(previewed) if ACTING.search(text)] == []
        imported = _outcome(lambda: import_bundle(ctx, bundle))
        if isinstance(imported, UserError):
            assert dump(database) == before, f"refused ({imported}) but the database changed"
        else:
            # What the preview refused, the import refuses: they read the file alike.
            assert isinstance(previewed, BundlePreview), previewed
            assert not ACTING.search(imported.describe())  # type: ignore[attr-defined]
    finally:
        db.close()
        shutil.rmtree(folder, ignore_errors=True)


def _outcome(work: object) -> object:
    """What ``work`` gives, or the plain refusal it raises; any other exception fails."""
    try:
        return work()  # type: ignore[operator]
    except UserError as error:
        refusal = error
    message = str(refusal)
    assert message.strip(), f"{type(refusal).__name__} with no message"
    assert "Traceback" not in message
    assert not ACTING.search(message), message
    return refusal
