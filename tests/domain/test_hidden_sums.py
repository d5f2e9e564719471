"""The sums each relation keeps as entries are hidden say what walking the relation says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditdesk.domain.disclosure import relation_is_safe, signed_terms
from auditdesk.domain.hidden_sums import HiddenSums

THRESHOLD = 5


@st.composite
def tables(draw: st.DrawFn) -> tuple[dict[int, int], list[list[int]], list[tuple[int, bool]]]:
    """Counts, relations over them (a total may also be a part elsewhere, and an entry may
    sit in a relation twice), and a sequence of hidings, "<5" or "*", some repeated."""
    size = draw(st.integers(2, 12))
    values = {key: draw(st.integers(0, 30)) for key in range(size)}
    relations = draw(
        st.lists(st.lists(st.sampled_from(range(size)), min_size=2, max_size=6), max_size=6)
    )
    hidings = draw(st.lists(st.tuples(st.sampled_from(range(size)), st.booleans()), max_size=10))
    return values, relations, hidings


@settings(max_examples=300)
@given(tables())
def test_every_relation_is_safe_exactly_when_walking_it_says_so(
    table: tuple[dict[int, int], list[list[int]], list[tuple[int, bool]]],
) -> None:
    values, relations, hidings = table
    sums = HiddenSums(values, relations, THRESHOLD)
    hidden: dict[int, bool] = dict.fromkeys(values, False)
    small: dict[int, bool] = dict.fromkeys(values, False)

    def walked(number: int) -> bool:
        terms = signed_terms(relations[number])
        return relation_is_safe(terms, values, hidden, small, THRESHOLD)

    for key, as_small in hidings:
        # Asking first changes nothing, and foretells hiding as "*".
        foretold = sums.safe_if_hidden(key)
        assert all(sums.safe(n) == walked(n) for n in range(len(relations)))
        sums.hide(key, small=as_small)
        hidden[key], small[key] = True, as_small
        assert [sums.safe(n) for n in range(len(relations))] == [
            walked(n) for n in range(len(relations))
        ]
        if not as_small:
            assert all(sums.safe(n) == safe for n, safe in foretold.items())
