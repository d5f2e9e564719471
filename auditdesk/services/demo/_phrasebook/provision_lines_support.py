"""Section F provision lines a setting visit checks: specialist teaching and support through
the day (teacher of the deaf, a social communication group, a key adult check-in), and
a line the plan leaves unquantified."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, ProvisionLine, weak

SENCO = "SENCO"
CASE_OFFICER = "SEN case officer"

LINES: tuple[ProvisionLine, ...] = (
    ProvisionLine(
        "Teacher of the deaf: 1 hour a fortnight of specialist teaching, and hearing aid "
        "checks every morning by the class teaching assistant.",
        "Teacher of the deaf's visit record and the daily hearing aid check sheet",
        {
            "delivered": (
                "Specialist teaching every fortnight and daily hearing aid checks.",
                "Visit record shows fortnightly sessions since September; the check sheet is "
                "signed every morning.",
            ),
            "partly": (
                weak(
                    "The teacher of the deaf visits monthly, not fortnightly.",
                    EDU,
                    "Sensory support team manager",
                    "Restore the fortnightly specialist teaching",
                ),
                "Visit record shows monthly visits; daily checks are signed.",
            ),
            "not_delivered": (
                weak(
                    "Neither part is happening: the teacher of the deaf has not visited since "
                    "September and the daily hearing aid checks stopped when the TA changed.",
                    EDU,
                    "Sensory support team manager",
                    "Restart the fortnightly specialist teaching and the daily hearing aid checks",
                ),
                "Visit record ends in September and the check sheet is blank since October.",
            ),
            "no_evidence": (
                weak(
                    "No record of the specialist teaching or the checks.",
                    EDU,
                    SENCO,
                    "Keep the visit record and the check sheet",
                ),
                "Neither record could be found.",
            ),
        },
        {
            "yes": "Checks are done by a TA trained by the teacher of the deaf.",
            "partly": weak(
                "The TA doing the checks was shown once and has had no follow-up.",
                EDU,
                "Sensory support team manager",
                "Provide follow-up training for the TA",
            ),
            "no": weak(
                "Checks are done by whoever is free, without training.",
                EDU,
                SENCO,
                "Name and train the TA responsible for hearing aid checks",
            ),
        },
    ),
    ProvisionLine(
        "Social communication group: 1 x 45 minutes a week in a group of four, run by the SENCO.",
        "Group register, the SENCO's session plans and observation",
        {
            "delivered": (
                "The group runs weekly, with four pupils, led by the SENCO.",
                "Register and session plans for every week this term; observed the group.",
            ),
            "partly": (
                weak(
                    "The group meets fortnightly.",
                    EDU,
                    SENCO,
                    "Run the social communication group weekly",
                ),
                "Register shows sessions every other week.",
            ),
            "not_delivered": (
                weak(
                    "The group has not met this term.",
                    EDU,
                    SENCO,
                    "Restart the social communication group",
                ),
                "The register's last entry is from the summer term.",
            ),
            "no_evidence": (
                weak(
                    "There is no register or plan for the group.",
                    EDU,
                    SENCO,
                    "Keep a register and session plans for the group",
                ),
                "No register or session plans were available.",
            ),
        },
        {
            "yes": "Run by the SENCO, as the plan specifies.",
            "partly": weak(
                "The SENCO runs half the sessions; a TA without training runs the rest.",
                EDU,
                SENCO,
                "Train the TA or keep the SENCO leading every session",
            ),
            "no": weak(
                "Run by a lunchtime supervisor.",
                EDU,
                SENCO,
                "Return the group to the SENCO",
            ),
        },
    ),
    ProvisionLine(
        "Key adult check-in: 10 minutes at the start and end of each day with a named key adult.",
        "Check-in record and conversations with the key adult and the child",
        {
            "delivered": (
                "Check-ins happen morning and afternoon with the named key adult.",
                "Check-in record completed twice daily; the child named their key adult.",
            ),
            "partly": (
                weak(
                    "Morning check-ins happen; the afternoon ones rarely do.",
                    EDU,
                    SENCO,
                    "Timetable the afternoon check-in",
                ),
                "Record shows mornings only for most of the term.",
            ),
            "not_delivered": (
                weak(
                    "The key adult left and nobody has replaced them.",
                    EDU,
                    SENCO,
                    "Name a new key adult and restart the check-ins",
                ),
                "No check-ins recorded for six weeks.",
            ),
            "no_evidence": (
                weak(
                    "The check-ins are said to happen but are not recorded.",
                    EDU,
                    SENCO,
                    "Record the daily check-ins",
                ),
                "No record kept; the child could not say who their key adult is.",
            ),
        },
        {
            "yes": "The key adult is named and knows the child's plan.",
            "partly": weak(
                "The key adult is named but often covers other classes.",
                EDU,
                SENCO,
                "Protect the key adult's check-in time",
            ),
            "no": weak(
                "Different adults do the check-ins each day.",
                EDU,
                SENCO,
                "Name one key adult for the check-ins",
            ),
        },
    ),
    ProvisionLine(
        "'Access to a small group for social skills as appropriate': the plan gives no "
        "frequency, group size or deliverer.",
        "Section F of the child's plan, the group register and a conversation with the SENCO",
        {
            "delivered": (
                # Delivery meets the plan's (loose) words; the weakness is the plan's wording,
                # recorded under "what does the plan specify", not a delivery finding.
                "A weekly social skills group of five runs, which meets the plan's wording; "
                "the wording itself is too vague to hold the setting to.",
                "Register shows a weekly group of five; the plan sets no amount to compare "
                "it with.",
            ),
            "partly": (
                weak(
                    "The group meets some weeks; with no amount in the plan the child's "
                    "entitlement is unknown.",
                    EDU,
                    CASE_OFFICER,
                    "Amend Section F to quantify the social skills group",
                ),
                "Register shows five sessions this term.",
            ),
            "not_delivered": (
                weak(
                    "No social skills group runs; the setting reads 'as appropriate' as optional.",
                    EDU,
                    CASE_OFFICER,
                    "Amend Section F with a quantified social skills group and tell the setting",
                ),
                "No group on the timetable and no register.",
            ),
            "no_evidence": (
                weak(
                    "The SENCO says a group runs 'when staffing allows'; nothing is recorded.",
                    EDU,
                    CASE_OFFICER,
                    "Amend Section F to quantify the social skills group",
                ),
                "No register or timetable for the group.",
            ),
        },
        {},
        weight=1,
    ),
)
