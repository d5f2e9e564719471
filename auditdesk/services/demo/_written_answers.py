"""A demo audit's written (unrated) answers, each from what its ratings already say: the
provision line's specification and the evidence seen for its delivery rating, an
observation and a parent's words that agree with the child's and parent's answers on the
scales, and the summaries, actions agreed and revisit (see :mod:`summaries`).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from auditdesk.domain.grades import NOT_APPLICABLE
from auditdesk.domain.template_index import Block
from auditdesk.services.demo import _summaries as summaries
from auditdesk.services.demo._action_rows import PlannedAction
from auditdesk.services.demo._phrasebook import written as phrases_written
from auditdesk.services.demo._phrasebook.kit import ProvisionLine
from auditdesk.services.demo._summaries import Noted

DELIVERED = "child.provision_delivered"
# Written answers about one provision line, which need the line the block checks.
LINE_QUESTIONS = frozenset({"child.provision_specified", "child.provision_evidence"})
# Every written question of the shipped templates has words here; a test keeps it so.
WRITTEN_QUESTIONS = LINE_QUESTIONS | {
    "child.observation",
    "child.parent_comments",
    "overall.working_well",
    "overall.needs_to_improve",
    "overall.board_notes",
    "sv.actions_agreed",
    "sv.revisit_date",
}
PARENT_COMMENT_RATE = 0.7  # the question is optional: some parents say little


def compose(
    rng: random.Random,
    question_id: str,
    block: Block | None,
    *,
    ratings: Mapping[tuple[str, str | None], str],
    line: ProvisionLine | None,
    findings: Sequence[Noted],
    strengths: Sequence[Noted],
    planned: Sequence[PlannedAction],
) -> str:
    """The written answer to ``question_id``; "" leaves it unanswered."""
    block_id = block.id if block else None
    if line is not None:
        if question_id == "child.provision_specified":
            return line.specified
        seen = line.delivered.get(ratings.get((DELIVERED, block_id), ""))
        return seen[1] if seen else ""
    if question_id == "child.observation":
        view = ratings.get(("child.view", block_id), "")
        return rng.choice(phrases_written.OBSERVATIONS.get(view, phrases_written.OBSERVATIONS[""]))
    if question_id == "child.parent_comments":
        words = phrases_written.PARENT_COMMENTS.get(
            ratings.get(("child.parent_view", block_id), "")
        )
        return rng.choice(words) if words and rng.random() < PARENT_COMMENT_RATE else ""
    if question_id == "overall.working_well":
        return summaries.working_well(rng, strengths, summaries.delivery_tally(_delivered(ratings)))
    if question_id == "overall.needs_to_improve":
        tally = summaries.delivery_tally(_delivered(ratings))
        return summaries.needs_to_improve(rng, findings, tally)
    if question_id == "overall.board_notes":
        return summaries.board_notes(rng, findings)
    if question_id == "sv.actions_agreed":
        agreed = [(item.owner, item.finding.action, item.due) for item in planned]
        return summaries.actions_agreed(rng, agreed)
    if question_id == "sv.revisit_date":
        return summaries.revisit(rng, findings, _delivered(ratings))
    return ""  # a written question the demo has no words for stays unanswered


def _delivered(ratings: Mapping[tuple[str, str | None], str]) -> list[str]:
    """The delivery rating of each provision line checked (N/A ones left out)."""
    return [
        code
        for (question, _block), code in ratings.items()
        if question == DELIVERED and code != NOT_APPLICABLE
    ]
