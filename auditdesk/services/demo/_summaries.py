"""A demo audit's written summaries, put together from its own rated answers: what is
working well (its strengths), what needs to improve (its findings, most serious first),
notes for the Board, and on a setting visit the actions agreed and the revisit.

So a summary never praises what the ratings found weak or lists a strength as a weakness.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from auditdesk.domain.template_model import Question, Theme
from auditdesk.services.demo._phrasebook import written
from auditdesk.services.demo._phrasebook.kit import Finding, Said
from auditdesk.services.demo._wording import GOOD, text_of

SHOWN = 3  # a summary lists the two or three most telling points, as the guidance asks
NOT_SHOWN = ("not_delivered", "no_evidence")


class Noted(NamedTuple):
    """One rated answer's meaning, kept for the summaries and the actions."""

    question: Question
    section: str  # where it sits, in the users' words: "Section F", "Provision delivery"
    block_uuid: str | None
    block_id: int | None
    rating: str
    points: int
    said: Said
    order: int

    @property
    def finding(self) -> Finding | None:
        return self.said if isinstance(self.said, Finding) else None


def section_label(title: str) -> str:
    """ "Section F: special educational provision" -> "Section F"."""
    return title.split(":", 1)[0].strip()


def weakest_first(noted: Sequence[Noted]) -> list[Noted]:
    """Findings, the most serious first: the lowest rating, then the heavier question."""
    found = [item for item in noted if item.points < GOOD and item.finding is not None]
    return sorted(found, key=lambda item: (item.points, -item.question.weight, item.order))


def strongest_first(noted: Sequence[Noted]) -> list[Noted]:
    found = [item for item in noted if item.points >= GOOD and item.finding is None]
    return sorted(found, key=lambda item: (-item.points, -item.question.weight, item.order))


def _distinct(items: Sequence[Noted]) -> list[Noted]:
    """The first few items with different words (the same words may come from two blocks)."""
    seen: set[str] = set()
    kept: list[Noted] = []
    for item in items:
        text = text_of(item.said)
        if text not in seen:
            seen.add(text)
            kept.append(item)
            if len(kept) == SHOWN:
                break
    return kept


def _listed(items: Sequence[Noted]) -> str:
    return " ".join(f"{item.section}: {text_of(item.said)}" for item in items[:SHOWN])


def delivery_tally(delivered: Sequence[str]) -> str:
    """On a setting visit, how many sampled provision lines fell short, as the template's
    guidance puts first ("three of eight provision lines had no evidence of delivery")."""
    short = sum(1 for code in delivered if code != "delivered")
    if not delivered:
        return ""
    if not short:
        return f"All {len(delivered)} provision lines checked are delivered as the plans specify."
    unshown = sum(1 for code in delivered if code in NOT_SHOWN)
    words = f"{short} of {len(delivered)} provision lines checked fall short of the plans"
    return words + (f", {unshown} not delivered or with no evidence." if unshown else ".")


def working_well(rng: random.Random, strengths: Sequence[Noted], tally: str = "") -> str:
    """``strengths`` as :func:`strongest_first` orders them."""
    strengths = _distinct(strengths)
    lead = [tally] if tally.startswith("All ") else []
    if not strengths:
        return " ".join([*lead, rng.choice(written.LITTLE_WORKING_WELL)])
    return " ".join([*lead, _listed(strengths)])


def needs_to_improve(rng: random.Random, findings: Sequence[Noted], tally: str = "") -> str:
    """``findings`` as :func:`weakest_first` orders them."""
    findings = _distinct(findings)
    lead = [tally] if tally and not tally.startswith("All ") else []
    if not findings:
        return rng.choice(written.NOTHING_TO_IMPROVE)
    return " ".join([*lead, _listed(findings)])


def board_notes(rng: random.Random, findings: Sequence[Noted]) -> str:
    """A note beyond this audit, sometimes: a pattern in the theme of its worst finding."""
    if not findings or rng.random() > 0.3:
        return ""
    themes = findings[0].question.themes
    pool = written.BOARD_NOTES.get(themes[0] if themes else Theme.GOLDEN_THREAD)
    return rng.choice(pool) if pool else ""


def revisit(rng: random.Random, findings: Sequence[Noted], delivered: Sequence[str]) -> str:
    if any(code in NOT_SHOWN for code in delivered):
        return rng.choice(written.REVISIT_SOON)
    if findings:
        return rng.choice(written.REVISIT_NEXT_TERM)
    return rng.choice(written.REVISIT_ROUTINE)


def actions_agreed(rng: random.Random, agreed: Sequence[tuple[str, str, date]]) -> str:
    """The actions as the visit recorded them: owner, action and date, one sentence each."""
    if not agreed:
        return rng.choice(written.NO_ACTIONS_AGREED)
    return " ".join(
        f"{owner}: {action}, by {due.day} {due:%B %Y}." for owner, action, due in agreed
    )
