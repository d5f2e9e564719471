"""The kit the phrasebook is written with: what auditors write in demo audits, as data. For
each template question, a comment for every rating it can get, the evidence looked at, and
for each weakness the action it calls for and the agency that owns it.

The words themselves live in the other modules of this package, one per group of
questions (see the package's docstring). A comment answers its own question in the voice
of a practice champion or a setting auditor; a comment for a rating below Good is a
:class:`Finding` (a weakness with its action), one for Good or better is plain text. Demo
comments are generic on purpose: none may read like a real child's record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from auditdesk.domain.reference import Agency

_T = TypeVar("_T")


class Fact(StrEnum):
    """Something true of one demo audit's plan, child or setting that decides whether a
    question is answered N/A (as the template's guidance allows) or with other words."""

    # No needs related to the child's SEN or disability. Whether Section C or D says so
    # clearly is judged by its own question, so N/A words never claim what it says.
    NO_HEALTH_NEEDS = "no_health_needs"
    NO_SOCIAL_CARE_NEEDS = "no_social_care_needs"
    NO_PERSONAL_BUDGET = "no_personal_budget"
    NO_THERAPY = "no_therapy"
    PLAN_UNCHANGED = "plan_unchanged"  # the review kept the plan as it is
    ADULT_CARE_UNLIKELY = "adult_care_unlikely"
    NO_PART_TIME_TIMETABLE = "no_part_time_timetable"
    PLAN_TOO_NEW = "plan_too_new"
    CHILD_DID_NOT_ANSWER = "child_did_not_answer"
    PARENT_NOT_REACHED = "parent_not_reached"
    NO_DELIVERER_NAMED = "no_deliverer_named"


@dataclass(frozen=True)
class Finding:
    """A weakness as the auditor wrote it, and the action arising: what must change, which
    agency owns it and the role that carries it out."""

    comment: str
    agency: Agency
    owner: str
    action: str


Said = str | Finding


@dataclass(frozen=True)
class Phrases:
    """The words for one question. ``comments`` maps each rating code to what an auditor
    might write for it; ``evidence`` names what was looked at. ``na`` is written when the
    audit's ``na_when`` fact holds (the question is then rated N/A); ``sought`` is what was
    looked for when a record the evidence names turned out missing or thin, used for ratings
    below Good so the evidence never claims what the finding denies; ``when`` gives other
    words for a question whose answer reads differently under a fact, e.g. Section C when
    the child has no health needs."""

    comments: Mapping[str, tuple[Said, ...]]
    evidence: tuple[str, ...]
    sought: tuple[str, ...] = ()
    na: tuple[str, ...] = ()
    na_when: Fact | None = None
    when: Mapping[Fact, Phrases] = field(default_factory=dict)


def say(
    evidence: str | tuple[str, ...],
    *,
    sought: str | tuple[str, ...] = (),
    na: str | tuple[str, ...] = (),
    na_when: Fact | None = None,
    when: Mapping[Fact, Phrases] | None = None,
    **comments: Said | tuple[Said, ...],
) -> Phrases:
    """Phrases for one question, written compactly: one keyword per rating code."""
    return Phrases(
        comments={code: _many(said) for code, said in comments.items()},
        evidence=_many(evidence),
        sought=_many(sought),
        na=_many(na),
        na_when=na_when,
        when=when or {},
    )


def _many(value: _T | tuple[_T, ...]) -> tuple[_T, ...]:
    return value if isinstance(value, tuple) else (value,)


@dataclass(frozen=True)
class ProvisionLine:
    """``delivered`` maps each delivery rating to the auditor's comment and the evidence
    seen (the answer to "what evidence of delivery did you see?"). ``deliverer`` maps the
    expertise question's ratings to comments; a line whose plan names no deliverer is
    rated N/A there."""

    specified: str
    sources: str
    delivered: Mapping[str, tuple[Said, str]]
    deliverer: Mapping[str, Said]
    weight: int = 3

    @property
    def names_deliverer(self) -> bool:
        return bool(self.deliverer)


EDU, HEALTH, SOCIAL, FAMILY = (
    Agency.EDUCATION,
    Agency.HEALTH,
    Agency.SOCIAL_CARE,
    Agency.PARENT_CARER,
)


def weak(comment: str, agency: Agency, owner: str, action: str) -> Finding:
    return Finding(comment, agency, owner, action)
