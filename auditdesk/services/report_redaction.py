"""Child references typed into free text are taken out of Board exports.

Comments are exported as written, and an auditor may well write "CE-10442's timetable
shows...". Children are only ever known by their reference here, so every reference this
database holds is looked for and replaced, however it was typed: in any case, with a space,
slash, full stop or any dash (‐ ‑ ‒ – — ― −) in place of its hyphen or with none, with
invisible characters (zero-width spaces, soft hyphens) inside it, two joined by a slash
("CE-10442/CE-10443"), or with something glued on after it ("CE-10442's", "CE-10442a",
"CE-10442.pdf"). Names typed into comments cannot be recognised; the About sheet and the
pack say so.

A reference is compared by its letters and digits alone: "CE-10442", "ce 10442" and
"CE‑10442" are all ``ce`` + ``10442``. Text is cut into runs of letters and runs of digits,
and any few runs in a row that spell a reference are removed. A run of digits is never
split, so "CE-104421" (another number) is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.store.models import Child

REMOVED = "[child reference removed]"
#: What may stand between the parts of a reference as typed: spaces, any dash or minus,
#: slashes, full stops, underscores, colons and hashes, a few at most.
_JOINERS = frozenset(" \t\u00a0\u202f-/\\._:#\u2212\ufe63") | frozenset(
    chr(code) for code in range(0x2010, 0x2016)
)
_MOST_BETWEEN = 3
_DIGITS = re.compile(r"\d+")
_RUNS = re.compile(r"[^\W\d_]+|\d+")  # letters, or digits (on the plain text only)


def _ignorable(char: str) -> bool:
    """Invisible characters that may sit inside a word: zero-width spaces and joiners,
    soft hyphens, byte-order marks (Unicode format characters)."""
    return unicodedata.category(char) == "Cf"


def _runs(reference: str) -> tuple[str, ...]:
    plain = unicodedata.normalize("NFKC", reference).casefold()
    return tuple(_RUNS.findall(plain))


class Redactor:
    def __init__(self, references: Iterable[str]) -> None:
        spelled = [_runs(reference) for reference in references if reference]
        self._keys = {"".join(runs) for runs in spelled if runs}
        self._longest = max((len(runs) for runs in spelled), default=0)
        # Digit runs of any reference: text whose digit runs are none of these holds no
        # reference, which lets almost every comment through without a closer look.
        self._numbers = {run for runs in spelled for run in runs if run.isdigit()}

    @classmethod
    def load(cls, session: Session) -> Redactor:
        return cls(session.scalars(select(Child.reference)))

    def clean(self, text: str) -> str:
        if not text or not self._keys:
            return text
        if text.isascii() and not any(number in self._numbers for number in _DIGITS.findall(text)):
            return text
        spans = self._found(text)
        for start, end in reversed(spans):
            text = text[:start] + REMOVED + text[end:]
        return text

    def _found(self, text: str) -> list[tuple[int, int]]:
        """(start, end) in ``text`` of every reference, in order, not overlapping."""
        runs = _text_runs(text)
        spans: list[tuple[int, int]] = []
        number = 0
        while number < len(runs):
            key, end = "", None
            for last in range(number, min(len(runs), number + self._longest)):
                if last > number and not runs[last][3]:
                    break  # something other than a joiner stands before this run
                key += runs[last][0]
                if key in self._keys:
                    end = last  # the longest match wins
            if end is None:
                number += 1
                continue
            spans.append((runs[number][1], runs[end][2]))
            number = end + 1
        return spans


def _text_runs(text: str) -> list[tuple[str, int, int, bool]]:
    """Runs of letters and runs of digits in ``text``, compared as references are:
    (plain run, start, end, joined to the run before by nothing or by joiners alone)."""
    runs: list[tuple[str, int, int, bool]] = []
    plain_run, kind, start, end, joined = "", "", 0, 0, False
    gap, only_joiners = 0, True  # characters since the last run, and what they were
    for index, char in enumerate(text):
        if _ignorable(char):
            continue
        plain = unicodedata.normalize("NFKC", char).casefold()
        here = "digit" if plain.isdigit() else "letter" if plain.isalpha() else ""
        if not here:
            joiner = char in _JOINERS or plain in _JOINERS or plain.isspace()
            gap, only_joiners = gap + 1, only_joiners and joiner
            continue
        if here == kind and gap == 0:
            plain_run, end = plain_run + plain, index + 1
            continue
        if plain_run:
            runs.append((plain_run, start, end, joined))
        joined = bool(plain_run) and gap <= _MOST_BETWEEN and only_joiners
        plain_run, kind, start, end = plain, here, index, index + 1
        gap, only_joiners = 0, True
    if plain_run:
        runs.append((plain_run, start, end, joined))
    return runs
