"""Reading and importing a bundle hold Python's cyclic garbage collector off, in the
command line (where it is on) and in the window (where it is off, and run from a timer on
the GUI thread whenever its thresholds are passed): the thresholds are out of reach while
the bundle is worked on, and put back as they were afterwards, however it ends."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from auditdesk.services.bundles import import_bundle
from auditdesk.services.bundles._importer import _bulk_work
from tests.bundles.helpers import Laptop, completed_audit


@pytest.fixture
def collector() -> Iterator[tuple[int, int, int]]:
    """The collector's settings, restored after the test whatever it did."""
    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    yield thresholds
    gc.set_threshold(*thresholds)
    if enabled:
        gc.enable()
    else:
        gc.disable()


def _held_off() -> bool:
    return min(gc.get_threshold()) > 1_000_000 and not gc.isenabled()


def test_an_import_holds_the_collector_off_then_puts_it_back(
    auditor: Laptop, lead: Laptop, collector: tuple[int, int, int]
) -> None:
    bundle = auditor.send_audits(completed_audit(auditor, "CE-10001").uuid, name="one")
    gc.enable()  # as on the command line
    held: list[bool] = []

    def progress(_stage: str) -> bool:
        held.append(_held_off())
        return True

    import_bundle(lead.ctx, bundle, progress=progress)
    assert held
    assert all(held)
    assert gc.get_threshold() == collector
    assert gc.isenabled()


def test_in_the_window_the_collector_stays_off_and_its_thresholds_come_back(
    collector: tuple[int, int, int],
) -> None:
    gc.disable()  # as the window has it
    with _bulk_work():
        assert _held_off()
    assert gc.get_threshold() == collector
    assert not gc.isenabled()


def test_overlapping_work_puts_it_back_only_when_the_last_ends(
    collector: tuple[int, int, int],
) -> None:
    gc.enable()
    first_in, release = threading.Event(), threading.Event()

    def first() -> None:
        with _bulk_work():
            first_in.set()
            release.wait(10)

    worker = threading.Thread(target=first)
    worker.start()
    assert first_in.wait(10)
    with pytest.raises(RuntimeError):  # the second ends first, and badly
        _refused_while_held()
    assert _held_off()  # the first is still reading
    release.set()
    worker.join(10)
    assert gc.get_threshold() == collector
    assert gc.isenabled()


def _refused_while_held() -> None:
    with _bulk_work():
        raise RuntimeError("a damaged bundle")
