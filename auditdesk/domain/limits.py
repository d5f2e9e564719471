"""How much each thing a person enters may hold: one place for what the services accept
and what a bundle may carry.

The bundle schema (:mod:`auditdesk.domain.bundle_types`) is built from these numbers and
the services check what people type against the same numbers, so anything the services
accept travels to another laptop. Once shipped, a limit may grow but never shrink: an
older bundle must still be read.
"""

from __future__ import annotations

from datetime import date

# -- days and times ------------------------------------------------------------------------
#: The days AuditDesk works with: every day a person gives (a period, an audit, plan, due
#: or re-audit date) and every time it stamps or reads from a bundle. Every audit a council
#: holds falls inside (EHC plans began in 2014); and near year 1 or 9999 a period's
#: neighbours and a time moved between time zones are no dates at all.
EARLIEST_DAY = date(2000, 1, 1)
LATEST_DAY = date(2099, 12, 31)
DAY_RANGE = "1 January 2000 to 31 December 2099"

# -- text, in characters ----------------------------------------------------------------
PERSON_NAME = 120  # an auditor, an action's owner, whoever signed off or assigned
SETTING_NAME = 200
LOCALITY = 80
URN = 12
CHILD_REFERENCE = 40
BLOCK_LABEL = 200  # a sampled child, an outcome, a provision line
SAMPLE_NAME = 200  # a moderation sample
ACTION_TEXT = 4_000  # an action's finding, and what must be done
ANSWER_TEXT = 20_000  # an answer's comment or evidence
REASON = 20_000  # why a grade was overridden or an audit reopened
MODERATION_NOTES = 20_000  # agreement notes, and the second marker's comment
RATING_CODE = 40
IDENTIFIER = 80  # template, section and question ids
TEMPLATE_TITLE = 200
DEVICE = 64  # a laptop's device id
SELECTION = 4_000  # what a bundle was chosen by, in words
STRATA = 100_000  # how a moderation sample was stratified (JSON)
TRAIL_FIELD = 1_000  # what a change-trail entry changed, in words
TRAIL_VALUE = 100_000  # a change-trail entry's old or new value

# -- whole numbers -------------------------------------------------------------------------
#: A moderation sample's random seed: what ``random.SystemRandom().randrange`` gives
#: below 2**31, and what SQLite and every JSON reader hold exactly.
FIRST_SEED = 0
LAST_SEED = 2**31 - 1
#: Year groups a bundle may carry; the services allow the narrower range in
#: :mod:`auditdesk.domain.reference` (Early years to Post-19).
LOWEST_YEAR_GROUP = -2
HIGHEST_YEAR_GROUP = 25
LATEST_TEMPLATE_VERSION = 100_000
LATEST_REVISION = 1_000_000
LAST_POSITION = 100_000  # of a block, or a member of the audit team

# -- how many, in one audit ----------------------------------------------------------------
TEAM_SIZE = 50
BLOCKS_PER_AUDIT = 5_000
ANSWERS_PER_AUDIT = 20_000
ACTIONS_PER_AUDIT = 2_000
MODERATIONS_PER_AUDIT = 200
TRAIL_PER_AUDIT = 200_000
MODERATION_GRADES = 500  # sections graded in one moderation, plus "overall"

# -- how big, in one template ----------------------------------------------------------------
#: Far above any real checklist (the shipped ones have at most 17 sections and 58
#: questions), and low enough that every section's grade fits in a moderation
#: (MODERATION_GRADES) and a template's index is built in a moment.
TEMPLATE_SECTIONS = 300  # every section, nested ones included
TEMPLATE_QUESTIONS = 1_500  # in all sections together
TEMPLATE_SCALES = 50
