"""Child references typed into free text are taken out of Board exports.

Comments are exported as written, and an auditor may well write "CE-10442's timetable
shows...". Children are only ever known by their reference here, so every reference this
database holds is looked for and replaced. Names typed into comments cannot be recognised;
the About sheet and the pack say so.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.store.models import Child

REMOVED = "[child reference removed]"
# References contain a digit; only such tokens are looked up, which keeps this cheap on
# hundreds of thousands of comments.
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9/_.\-]*\d[A-Za-z0-9/_.\-]*|\d[A-Za-z0-9/_.\-]*")
_DIGIT = re.compile(r"\d")


class Redactor:
    def __init__(self, references: set[str]) -> None:
        self._references = {reference.casefold() for reference in references if reference}

    @classmethod
    def load(cls, session: Session) -> Redactor:
        return cls(set(session.scalars(select(Child.reference))))

    def clean(self, text: str) -> str:
        if not text or not self._references or not _DIGIT.search(text):
            return text
        return _TOKEN.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        token = match.group(0)
        if token.casefold() in self._references:
            return REMOVED
        # "CE-10442's" or "CE-10442." : try without trailing punctuation.
        trimmed = token.rstrip("._-/")
        if trimmed != token and trimmed.casefold() in self._references:
            return REMOVED + token[len(trimmed) :]
        return token
