"""Hypothesis strategies for what a person may enter, reaching every limit the services
allow: text up to its last permitted character in any script (accents, combining marks,
emoji, right-to-left, control characters other than NUL), the extreme dates, year groups,
seeds and percentages."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from auditdesk.domain import limits
from auditdesk.domain.reference import EARLIEST_YEAR_GROUP, LATEST_YEAR_GROUP
from auditdesk.domain.validation import MIN_REASON_LENGTH

#: The last day an audit may be dated in the bundle tests (their clocks start the next day).
LAST_AUDIT_DAY = date(2026, 11, 1)

# Every character a person could type or paste, bar NUL and lone surrogates (which no
# text box produces and the database cannot store); and those that are never white space.
_CHARACTERS = st.characters(codec="utf-8", exclude_characters="\x00")
_VISIBLE = st.characters(
    codec="utf-8", exclude_categories=("Zs", "Zl", "Zp", "Cc"), exclude_characters="\x00"
)
# Pieces that have broken programs before: accents composed and combining, emoji with
# skin tones and joiners, right-to-left scripts and marks, line and paragraph separators,
# a byte-order mark, tabs, escapes and the other control characters JSON must escape.
_AWKWARD = (
    "é",
    "e\u0301",
    "Zoë › café — ok",
    "👩🏽‍⚕️",
    "🏳️‍🌈",
    "مرحبا",
    "שָׁלוֹם",
    "\u202eRTL\u202c",
    "\u2028\u2029",
    "\ufeff",
    "\t\r\n",
    "\x07\x1b\x7f",
    "\\\"'",
    "<b>&amp;</b>",
)


def text_up_to(limit: int, *, required: bool = False) -> st.SearchStrategy[str]:
    """Text of any length up to ``limit`` characters, often exactly ``limit``.

    ``required``: with something other than white space in it (what "Enter ..." wants)."""
    awkward = [piece for piece in _AWKWARD if piece.strip() or not required]
    piece = st.one_of(
        st.sampled_from(awkward),
        st.builds(
            str.__add__, st.text(_CHARACTERS, max_size=5), st.text(_VISIBLE, min_size=1, max_size=3)
        )
        if required
        else st.text(_CHARACTERS, min_size=1, max_size=6),
    )
    at_limit = st.builds(lambda unit: (unit * (limit // len(unit) + 1))[:limit], piece)
    short = (
        st.builds(
            lambda before, seen, after: (before + seen + after)[:limit],
            st.text(_CHARACTERS, max_size=12),
            st.text(_VISIBLE, min_size=1, max_size=12),
            st.text(_CHARACTERS, max_size=12),
        )
        if required
        else st.text(_CHARACTERS, max_size=min(limit, 30))
    )
    return st.one_of(at_limit, short, st.sampled_from([text[:limit] for text in awkward]))


def reasons() -> st.SearchStrategy[str]:
    """A reason for an override or a reopening: at least ten characters that are not white
    space, at most the limit (the whole limit, white space included)."""
    short = st.builds(
        str.__add__,
        st.text(_VISIBLE, min_size=MIN_REASON_LENGTH, max_size=20),
        st.text(_CHARACTERS, max_size=20),
    )
    at_limit = st.builds(
        lambda unit: (unit * (limits.REASON // len(unit) + 1))[: limits.REASON],
        st.text(_VISIBLE, min_size=1, max_size=6) | st.sampled_from(_AWKWARD[2:7]),
    )
    return st.one_of(short, at_limit)


def written(limit: int) -> st.SearchStrategy[str]:
    """An answer's comment that completion counts as written (not only white space)."""
    return text_up_to(limit, required=True)


person_names = text_up_to(limits.PERSON_NAME, required=True)
setting_names = text_up_to(limits.SETTING_NAME, required=True)
localities = text_up_to(limits.LOCALITY, required=True)
block_labels = text_up_to(limits.BLOCK_LABEL, required=True)
sample_names = st.none() | text_up_to(limits.SAMPLE_NAME, required=True)
urns = st.none() | st.from_regex(r"[0-9]{6,7}", fullmatch=True)
child_references = st.from_regex(r"[A-Z0-9][A-Z0-9/\-]{2,23}", fullmatch=True).filter(
    lambda reference: any(character.isdigit() for character in reference)
)
year_groups = st.integers(EARLIEST_YEAR_GROUP, LATEST_YEAR_GROUP)
# Every day the services accept (limits.DAY_RANGE), its first and last days most of all;
# tests/services/test_input_limits.py checks the days outside are refused.
any_day = st.sampled_from([limits.EARLIEST_DAY, limits.LATEST_DAY]) | st.dates(
    min_value=limits.EARLIEST_DAY, max_value=limits.LATEST_DAY
)
audit_days = (
    st.none()
    | st.just(limits.EARLIEST_DAY)
    | st.dates(min_value=limits.EARLIEST_DAY, max_value=LAST_AUDIT_DAY)
)
seeds = (
    st.none()
    | st.sampled_from([limits.FIRST_SEED, limits.LAST_SEED])
    | st.integers(limits.FIRST_SEED, limits.LAST_SEED)
)
percentages = st.one_of(
    st.sampled_from([100, 100.0, 5e-324, 0.001, 1]),
    st.floats(min_value=0, max_value=100, exclude_min=True),
    st.integers(1, 100),
)
