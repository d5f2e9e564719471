"""Where a revision of a travelling record sits in the record's lineage.

Revisions are named by content hash, but content can return to an earlier state (an action
open, then in progress, then open again), so one hash can stand for several revisions of a
record, and "the hash here is among the incoming revision's ancestors" may be about an
earlier revision with the same content. A revision's ancestry (every earlier hash, newest
first, a hash repeated each time its content recurred) tells them apart: one revision comes
before another only if its content *and its whole ancestry* are in the other's ancestry, as
many times over as they occur. On one line of edits that is exact, whatever recurs; the
bare hash test is not, and it made the outcome of importing bundles depend on their order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from auditdesk.domain.bundle_format import MAX_ANCESTRY


@dataclass(frozen=True)
class Revision:
    """One revision: its content hash and every earlier hash, newest first."""

    content_hash: str
    ancestry: tuple[str, ...]


def comes_before(earlier: Revision, later: Revision) -> bool:
    """Whether ``earlier`` is in ``later``'s lineage (not merely the same content as one
    of its ancestors)."""
    places = [i for i, found in enumerate(later.ancestry) if found == earlier.content_hash]
    if not places:
        return False
    wanted = earlier.ancestry
    if len(later.ancestry) >= MAX_ANCESTRY:
        # The oldest hashes were cut off: only what fits after the earlier revision's place
        # can still be there.
        wanted = wanted[: MAX_ANCESTRY - 1 - places[-1]]
    return not Counter((earlier.content_hash, *wanted)) - Counter(later.ancestry)


def adds_to(incoming: tuple[str, ...], here: tuple[str, ...]) -> bool:
    """Whether the ``incoming`` ancestry knows earlier revisions ``here`` does not (the same
    content, reached by a longer or another way)."""
    return bool(Counter(incoming) - Counter(here))


def joined(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    """One ancestry holding both: ``first`` in its order, then what ``second`` has beyond
    it, each hash as many times as the ancestry that has it most (so a revision made from
    both still comes after each of them)."""
    extra = Counter(second) - Counter(first)
    merged = list(first)
    for found in second:
        if extra[found] > 0:
            merged.append(found)
            extra[found] -= 1
    return tuple(merged)
