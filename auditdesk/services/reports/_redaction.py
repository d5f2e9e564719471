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
and any few runs in a row, with nothing but punctuation or spaces between them (any amount:
"CE--- -10442", "CE~10442", "ce·10442", "CE 104 42"), that spell a reference are removed.
Before comparing, text is folded: NFKC (full-width forms), any Unicode digit to its value
("CE-١٠٤٤٢"), combining marks dropped ("C̲E̲-10442"), and Cyrillic or Greek letters that
look like Latin ones read as those ("СЕ-10442" in Cyrillic). The number of a child's
reference on its own ("child 10442", "xCE10442", "ΚΕ-10442") is removed as well, with
letters glued in front of it that end in the reference's letters: a bare number that
happens to equal a child's reference number is taken out too, which is the safe side. A run
of digits is never split, so "CE-104421" (another number) is left alone, and so is a number
that no child's reference has.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.store.models import Child

REMOVED = "[child reference removed]"
#: A bare number is taken for a reference only from this many digits ("2025" is a year).
_SHORTEST_BARE = 4
_MOST_RUNS = 8  # a reference typed in at most this many pieces ("C E 1 0 4 4 2" is 7)
_DIGIT_GROUPS = re.compile(r"\d(?:[^A-Za-z0-9]*\d)*")  # digits with punctuation between
_ASCII_RUNS = re.compile(r"[a-z]+|[0-9]+")  # runs as _text_runs finds them in ASCII text
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
#: Letters from other scripts that look like the Latin letters of references (lower case,
#: after casefolding): Cyrillic, Greek, and a few Latin look-alikes.
_LOOKALIKES = str.maketrans(
    {
        "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "ё": "e", "һ": "h", "і": "i",
        "ј": "j", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "ԛ": "q", "ѕ": "s",
        "т": "t", "у": "y", "х": "x", "ԝ": "w", "ϲ": "c", "ε": "e", "ο": "o", "ρ": "p",
        "τ": "t", "υ": "u", "χ": "x", "ν": "v", "ι": "i", "α": "a", "β": "b", "κ": "k",
        "μ": "m", "η": "n", "ı": "i", "ſ": "s",
    }
)  # fmt: skip


def _ignorable(char: str) -> bool:
    """Invisible characters that may sit inside a word: zero-width spaces and joiners,
    soft hyphens, byte-order marks (Unicode format characters), and combining marks
    (underlines, accents typed over a letter)."""
    return unicodedata.category(char) in ("Cf", "Mn", "Me")


def _fold(char: str) -> tuple[str, str]:
    """(plain form, "digit" / "letter" / "") of one character as references compare."""
    plain = unicodedata.normalize("NFKC", char).casefold()
    if plain and all(unicodedata.decimal(c, None) is not None for c in plain):
        return "".join(str(unicodedata.decimal(c)) for c in plain), "digit"
    plain = "".join(c for c in plain if not unicodedata.combining(c)).translate(_LOOKALIKES)
    if plain.isalpha():
        return plain, "letter"
    return plain, ""


def _runs(reference: str) -> tuple[str, ...]:
    if reference.isascii():
        # The same runs as below, without folding character by character: ASCII has no
        # invisible or combining characters, and folds by lower-casing alone. A database
        # holds a reference for every child, so this is most of the work of loading.
        return tuple(_ASCII_RUNS.findall(reference.lower()))
    return tuple(run[0] for run in _text_runs(reference))


class Redactor:
    def __init__(self, references: Iterable[str]) -> None:
        spelled = [_runs(reference) for reference in references if reference]
        self._keys = {"".join(runs) for runs in spelled if runs}
        self._longest = min(max((len(runs) for runs in spelled), default=0) + 5, _MOST_RUNS)
        # The number of each reference, and the letters before it ("10442" -> {"ce"}).
        self._letters: dict[str, set[str]] = {}
        for runs in spelled:
            digits = "".join(run for run in runs if run.isdigit())
            if len(digits) >= _SHORTEST_BARE:
                letters = "".join(run for run in runs if not run.isdigit())
                self._letters.setdefault(digits, set()).add(letters)
        self._numbers = {"".join(r for r in runs if r.isdigit()) for runs in spelled} - {""}
        self._lengths = {len(number) for number in self._numbers}

    @classmethod
    def load(cls, session: Session) -> Redactor:
        return cls(session.scalars(select(Child.reference)))

    @classmethod
    def load_when_needed(cls, session: Session) -> OnDemandRedactor:
        """One that reads every child's reference (a third of a second at 50,000
        children) only when a text could hold one: for a few texts, such as the Board
        highlights the dashboard shows, it is usually never read. ``session`` must be
        open while texts are cleaned."""
        return OnDemandRedactor(lambda: cls.load(session))

    def clean(self, text: str) -> str:
        if not text or not self._keys:
            return text
        if text.isascii():
            groups = _DIGIT_GROUPS.findall(text)
            # No reference's number is in it, however its digits are spaced: nearly every
            # comment, and most have no digits at all (checked first: this runs per answer).
            if not groups or not any(self._may_hold(group) for group in groups):
                return text
        spans = self._found(text)
        for start, end in reversed(spans):
            text = text[:start] + REMOVED + text[end:]
        return text

    def clean_all(self, texts: Sequence[str]) -> list[str]:
        """:meth:`clean` of each text, faster for many: plain ASCII texts are searched for
        digits all at once, and only those holding a digit are looked at one by one (a
        plain ASCII text without digits holds no reference's number, so :meth:`clean`
        returns it unchanged)."""
        joined = "\n".join(texts)
        if not self._keys or not joined.isascii():
            return [self.clean(text) for text in texts]
        # Every digit made "0", then found by a byte search far quicker than a pattern.
        marked = joined.encode("ascii").translate(_DIGITS_AS_ZERO)
        starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
        cleaned = list(texts)
        find, position = marked.find, 0
        while (at := find(b"0", position)) >= 0:
            number = bisect_right(starts, at) - 1
            cleaned[number] = self.clean(texts[number])
            position = starts[number + 1]  # on to the next text
        return cleaned

    def _may_hold(self, group: str) -> bool:
        digits = "".join(c for c in group if c.isdigit())
        return any(
            digits[start : start + length] in self._numbers
            for length in self._lengths
            for start in range(len(digits) - length + 1)
        )

    def _found(self, text: str) -> list[tuple[int, int]]:
        """(start, end) in ``text`` of every reference, in order, not overlapping."""
        runs = _text_runs(text)
        spans: list[tuple[int, int]] = []
        number = 0
        while number < len(runs):
            key, end = "", None
            for last in range(number, min(len(runs), number + self._longest)):
                if last > number and not runs[last][3]:
                    break  # something other than punctuation stands before this run
                key += runs[last][0]
                if key in self._keys or (key in self._letters and key.isdigit()):
                    end = last  # the longest match wins
            if end is None:
                number += 1
                continue
            start = runs[number][1]
            before = runs[number - 1] if number else None
            if key.isdigit() and before is not None:
                digits = "".join(run[0] for run in runs[number : end + 1])
                letters = self._letters.get(digits, set())
                glued = not before[0].isdigit() and any(before[0].endswith(x) for x in letters if x)
                if glued and (not spans or spans[-1][1] <= before[1]):
                    start = before[1]  # "xCE10442", "childCE-10442": the glued letters
            spans.append((start, runs[end][2]))
            number = end + 1
        return spans


class OnDemandRedactor:
    """:meth:`Redactor.clean` with the references loaded the first time a text needs them:
    a plain ASCII text with no digit holds no reference (whatever the references are), so
    it is returned as it is without them."""

    def __init__(self, load: Callable[[], Redactor]) -> None:
        self._load = load
        self._loaded: Redactor | None = None

    def clean(self, text: str) -> str:
        if text.isascii() and not any(char.isdigit() for char in text):
            return text
        if self._loaded is None:
            self._loaded = self._load()
        return self._loaded.clean(text)


def _text_runs(text: str) -> list[tuple[str, int, int, bool]]:
    """Runs of letters and runs of digits in ``text``, compared as references are:
    (plain run, start, end, joined to the run before by nothing or by punctuation and
    spaces alone)."""
    runs: list[tuple[str, int, int, bool]] = []
    plain_run, kind, start, end, joined = "", "", 0, 0, False
    gap = 0  # characters since the last run
    for index, char in enumerate(text):
        if _ignorable(char):
            continue
        plain, here = _fold(char)
        if not here:
            gap += 1
            continue
        if here == kind and gap == 0:
            plain_run, end = plain_run + plain, index + 1
            continue
        if plain_run:
            runs.append((plain_run, start, end, joined))
        joined = bool(plain_run)
        plain_run, kind, start, end = plain, here, index, index + 1
        gap = 0
    if plain_run:
        runs.append((plain_run, start, end, joined))
    return runs
