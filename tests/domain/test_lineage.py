"""A revision's place in its lineage: on one line of edits, however often content recurs,
one revision comes before another exactly when it was made earlier."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from auditdesk.domain.bundle_format import MAX_ANCESTRY
from auditdesk.domain.lineage import Revision, adds_to, comes_before, joined


def line(contents: list[str]) -> list[Revision]:
    """The revisions of one line of edits, as the sender builds them: each one's ancestry is
    its parent and the parent's ancestry, newest first, cut at the format's length."""
    made: list[Revision] = []
    for content in contents:
        ancestry = (made[-1].content_hash, *made[-1].ancestry) if made else ()
        made.append(Revision(content, ancestry[:MAX_ANCESTRY]))
    return made


# Few distinct contents, so they recur (an action's status going round and round).
edits = st.lists(st.sampled_from("ABC"), min_size=1, max_size=12).filter(
    lambda found: all(a != b for a, b in itertools.pairwise(found))
)


@given(edits)
def test_on_one_line_earlier_comes_before_later_and_nothing_else(contents: list[str]) -> None:
    revisions = line(contents)
    for i, earlier in enumerate(revisions):
        for j, later in enumerate(revisions):
            assert comes_before(earlier, later) is (i < j), (contents, i, j)


def test_the_same_content_later_is_not_taken_for_the_earlier() -> None:
    """The exchange model's case: open, in progress, open again."""
    open_first, in_progress, open_again = line(["open", "in progress", "open"])
    assert comes_before(in_progress, open_again)
    assert not comes_before(open_again, in_progress)  # the bare hash test said it did
    assert comes_before(open_first, in_progress)


def test_a_long_line_cut_at_the_format_length_still_follows() -> None:
    contents = [f"edit {n}" if n % 3 else "back to the start" for n in range(MAX_ANCESTRY + 40)]
    revisions = line(contents)
    assert len(revisions[-1].ancestry) == MAX_ANCESTRY
    assert comes_before(revisions[-5], revisions[-1])
    assert comes_before(revisions[-MAX_ANCESTRY], revisions[-1])
    assert not comes_before(revisions[-1], revisions[-5])


def test_a_version_made_from_two_comes_after_both() -> None:
    mine = line(["start", "mine"])[-1]
    theirs = line(["start", "theirs", "start", "theirs again"])[-1]
    chosen = Revision(
        theirs.content_hash, joined((mine.content_hash, *mine.ancestry), theirs.ancestry)
    )
    assert comes_before(mine, chosen)
    assert all(comes_before(r, chosen) for r in line(["start", "theirs", "start"]))
    assert chosen.ancestry.count("start") == 2  # repeats kept: the counts decide


def test_adds_to_counts_repeats() -> None:
    assert adds_to(("B", "A"), ())
    assert adds_to(("A", "B", "A"), ("B", "A"))
    assert not adds_to(("B", "A"), ("A", "B", "A"))
    assert not adds_to((), ())
