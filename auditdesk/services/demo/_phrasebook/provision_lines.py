"""Section F provision lines a setting visit checks, one child at a time.

A provision line's answers must agree with each other: what the plan specifies, whether it
was delivered, the evidence that showed it, and whether the deliverer has the expertise the
plan asks for. So each line is written whole, for every delivery rating, in
:mod:`provision_lines_programmes` and :mod:`provision_lines_support`; this module gathers
them (in that order, which the seeded choice of a line depends on) and holds the words the
expertise question uses when a line names no deliverer or is not delivered.
"""

from __future__ import annotations

from auditdesk.services.demo._phrasebook import provision_lines_programmes, provision_lines_support
from auditdesk.services.demo._phrasebook.kit import EDU, Fact, Phrases, ProvisionLine, weak

SENCO = "SENCO"
DELIVERER_EVIDENCE = (
    "Staff training records and Section F of the child's plan",
    "Conversation with the member of staff delivering the provision; training log",
)

NO_DELIVERER = "The plan does not name who should deliver this provision."

# Who delivers a line that is not happening, or cannot be shown to happen: the expertise
# question is then answered from the delivery finding, never from a line's "no" words
# (which describe someone delivering it without training).
DELIVERER_WHEN_NOT_DELIVERED = weak(
    "Nobody is delivering this provision at present, so the expertise the plan asks for is "
    "not in place.",
    EDU,
    SENCO,
    "Name the member of staff who will deliver this provision and confirm their training",
)
DELIVERER_WHEN_UNSHOWN = weak(
    "The setting could not say who delivers this provision or show their training.",
    EDU,
    SENCO,
    "Record who delivers each provision line and the training they have had",
)


PROVISION_LINES: tuple[ProvisionLine, ...] = (
    *provision_lines_programmes.LINES,
    *provision_lines_support.LINES,
)


def delivered_phrases() -> Phrases:
    """Every line's words for "is this provision being delivered?", so the question has
    phrases for each rating like any other (the generator uses the line's own)."""
    return Phrases(
        comments={
            code: tuple(line.delivered[code][0] for line in PROVISION_LINES)
            for code in PROVISION_LINES[0].delivered
        },
        evidence=tuple(line.sources for line in PROVISION_LINES),
    )


def deliverer_phrases() -> Phrases:
    named = [line for line in PROVISION_LINES if line.names_deliverer]
    return Phrases(
        comments={
            code: tuple(line.deliverer[code] for line in named)
            + ((DELIVERER_WHEN_NOT_DELIVERED, DELIVERER_WHEN_UNSHOWN) if code == "no" else ())
            for code in named[0].deliverer
        },
        evidence=DELIVERER_EVIDENCE,
        na=(NO_DELIVERER,),
        na_when=Fact.NO_DELIVERER_NAMED,
    )
