"""Dates as people read them, written the one way AuditDesk writes them
(:mod:`auditdesk.domain.wording`): "7 December 2026", and with a time "7 December 2026 at
12:47". A checker for windows and exports alike::

    from tests.one_date_format import dates_written_otherwise

    assert dates_written_otherwise(["Due 7 December 2026", "since 7 December 2026 at 09:05"]) == []
    assert dates_written_otherwise(["07 Dec 2026", "12:47 on 7 December 2026"]) == [
        "07 Dec 2026",
        "12:47 on 7 December 2026",
    ]

It finds a day-month-year date in words written any other way (a leading zero, a short
month, a month in lower case, "December 7, 2026"), a date in figures ("07/12/2026"), and a
time put before its date ("12:47 on ..."). ISO dates (2026-12-07) pass: they name files and
sort, rather than being read as dates in words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ANY_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+\d{{2,4}}\b"  # 7 Dec 2026, 07 December 26
    rf"|\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"  # December 7, 2026
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"  # 07/12/2026, 7.12.26
    rf"|\b\d{{1,2}}[:.]\d{{2}}\s+on\s+\d{{1,2}}\s+{_MONTH}",  # 12:47 on 7 December
    re.IGNORECASE,
)
_ONE_WAY = re.compile(
    r"(?:[1-9]|[12]\d|3[01]) (?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December) \d{4}"
)


def dates_written_otherwise(texts: Iterable[str]) -> list[str]:
    """Each date in ``texts`` not written the one way, once, in the order found. Pass the
    texts as read (a PDF's text is joined across line breaks here)."""
    found: dict[str, None] = {}
    for text in texts:
        plain = " ".join(str(text).split())
        for match in _ANY_DATE.finditer(plain):
            if not _ONE_WAY.fullmatch(match.group()):
                found[match.group()] = None
    return list(found)


def dates_written_the_one_way(texts: Iterable[str]) -> list[str]:
    """Every date in ``texts`` written the one way (to show a check found dates at all)."""
    return [
        match.group() for text in texts for match in _ONE_WAY.finditer(" ".join(str(text).split()))
    ]
