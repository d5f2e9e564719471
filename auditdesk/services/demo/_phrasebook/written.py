"""Demo words for written (unrated) answers and other free text that depends on how the
rest of the audit went: the observation and the parent's words by the answer they gave on
the scale, notes for the Board by theme, what a summary says when there is nothing to list,
the revisit by how urgent it is, and override reasons by the direction of the override.

Rated questions' words are in the other modules of this package; the summaries themselves are put
together from an audit's own findings in ``demo._summaries``.
"""

from __future__ import annotations

from auditdesk.domain.template_model import Theme

# "What did you observe of the child's day?", by how the child said they feel, so the
# observation never contradicts the child's own answer. "" is for a child who gave none.
OBSERVATIONS: dict[str, tuple[str, ...]] = {
    "happy": (
        "Settled in class with a visual timetable; joined the group task and chose a partner "
        "at break.",
        "Used their communication aid confidently with familiar staff and answered a "
        "question in front of the class.",
        "Worked with the TA on the language programme, then rejoined the lesson without prompting.",
    ),
    "mostly_happy": (
        "Settled well in the morning; needed the calm area once after a noisy transition.",
        "Joined the group task with adult prompting and chose to work alone at break.",
        "Followed the lesson with a task board; found the change of room after lunch hard.",
    ),
    "not_sure": (
        "Quiet in class and reliant on the TA to start tasks; played alone at break.",
        "Took part when an adult sat with them, less so in whole-class teaching.",
    ),
    "unhappy": (
        "Spent much of the lesson out of class with an adult; the visual timetable in the "
        "plan was not in use.",
        "Became distressed in the busy corridor and was not offered the quieter route the "
        "plan describes.",
    ),
    "": (
        "Observed in a small-group session: engaged with the adult, less so with peers.",
        "Followed the class routine with a visual timetable and an adult nearby.",
    ),
}

# "What did the parent or carer tell you?", by the parent's answer on the confidence scale.
PARENT_COMMENTS: dict[str, tuple[str, ...]] = {
    "confident": (
        "Says their child is happier since the new timetable started and knows who to contact.",
        "Feels listened to; the weekly home-school book keeps them up to date.",
    ),
    "mostly_confident": (
        "Happy with the support overall, but would like more regular news about therapy.",
        "Pleased with the class team; worried about the move to the next class.",
    ),
    "not_sure": (
        "Does not know whether the sessions in the plan are happening.",
        "Hears from the setting only at the annual review, so finds it hard to say.",
    ),
    "not_confident": (
        "Says the sessions in the plan stopped in the autumn and nobody told them.",
        "Feels the setting does not understand their child's needs; mornings are hard at home.",
    ),
}

# "Anything the Board should know beyond this plan?", by the theme of the audit's most
# serious finding: a pattern or a local gap, never this child.
BOARD_NOTES: dict[Theme, tuple[str, ...]] = {
    Theme.HEALTH: (
        "Recurring theme: health advice arrives after the six-week deadline for this locality.",
        "Paediatric advice is often more than a year old when plans are amended.",
    ),
    Theme.SOCIAL_CARE: (
        "Social care advice requests often go unanswered; a named contact would help.",
        "Section D is often left blank where families are not known to social care.",
    ),
    Theme.PFA: (
        "Post-19 options in this locality are few, and plans rarely look beyond 19.",
        "Adult social care is involved late in transition for young people with care needs.",
    ),
    Theme.TIMELINESS: ("Amended plans are routinely issued after the statutory timescale.",),
    Theme.QUANTIFIED_PROVISION: (
        "Vague wording in Section F ('access to', 'regular') remains common across plans.",
    ),
    Theme.SMART_OUTCOMES: ("Outcomes written as services rather than differences remain common.",),
    Theme.PROVISION_DELIVERY: (
        "Several settings visited this term could not show intervention logs.",
        "Staff turnover is leaving trained-TA provision undelivered in several settings.",
    ),
    Theme.VOICE: ("Children who use symbols are rarely heard directly in their plans.",),
}

NOTHING_TO_IMPROVE = (
    "No significant weaknesses: every area checked met the standard for Good.",
    "Nothing that needs formal action; keep the current practice under review.",
)
LITTLE_WORKING_WELL = (
    "Little is working well yet: no area checked reached Good.",
    "No strengths to report this time; see what needs to improve.",
)
NO_ACTIONS_AGREED = (
    "No actions needed; the setting will keep its current monitoring going.",
    "None: the setting's own improvement plan already covers the minor points raised.",
)

# "When will the team revisit, and what will they check?", sooner where provision was not
# delivered or could not be shown (as the template's guidance asks).
REVISIT_SOON = (
    "Revisit within six weeks to check the provision that was not delivered or not shown "
    "is now happening, with logs.",
    "Revisit before half term to see the intervention logs for the lines with no evidence.",
)
REVISIT_NEXT_TERM = (
    "Revisit next term to check the agreed actions and speak to the families again.",
    "Follow-up visit next term to check the actions agreed today.",
)
REVISIT_ROUTINE = (
    "Routine revisit in a year; no earlier follow-up is needed.",
    "Next visit as part of the annual cycle.",
)

# Why a lead changed the suggested grade, by direction: a reason for raising a grade must
# name strength the ratings missed, and one for lowering it a weakness they understate.
OVERRIDE_UP = (
    "Professional judgement: the strong voice and co-production outweigh gaps in advice dates.",
    "Evidence seen on the visit shows stronger practice than the ratings alone suggest.",
)
OVERRIDE_DOWN = (
    "Panel view: the provision is unenforceable as written, which the ratings understate.",
    "A serious weakness outweighs the average: the family were not told of the delay.",
)
