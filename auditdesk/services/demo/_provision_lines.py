"""Section F provision lines a setting visit checks, one child at a time.

A provision line's answers must agree with each other: what the plan specifies, whether it
was delivered, the evidence that showed it, and whether the deliverer has the expertise the
plan asks for. So each line is written whole, for every delivery rating.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from auditdesk.services.demo._phrase_kit import EDU, HEALTH, Fact, Phrases, Said, weak

SENCO = "SENCO"
CASE_OFFICER = "SEN case officer"
DELIVERER_EVIDENCE = (
    "Staff training records and Section F of the child's plan",
    "Conversation with the member of staff delivering the provision; training log",
)


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
    ProvisionLine(
        "Speech and language programme: 3 x 30 minutes a week, one to one, delivered by a "
        "teaching assistant trained by the speech and language therapist.",
        "Timetable, intervention log and the therapist's programme sheet for this half term",
        {
            "delivered": (
                "Delivered as specified: three sessions a week, every week this half term.",
                "Intervention log for this half term shows 17 of 18 sessions of 30 minutes; "
                "the other was made up the next day. Observed a session that followed the "
                "therapist's programme.",
            ),
            "partly": (
                weak(
                    "Sessions happen twice a week, not three times, since the TA moved "
                    "classes in October.",
                    EDU,
                    SENCO,
                    "Restore the third weekly language session and make up those lost since "
                    "October",
                ),
                "Log shows 11 of 18 sessions this half term, twice a week; the programme "
                "sheet was last updated in September.",
            ),
            "not_delivered": (
                weak(
                    "The programme has not run since the trained TA left at Easter.",
                    EDU,
                    SENCO,
                    "Train a replacement TA with the speech and language therapist and "
                    "restart the programme",
                ),
                "No sessions logged since Easter and the timetable slot is now used for "
                "reading; staff confirmed the programme stopped.",
            ),
            "no_evidence": (
                weak(
                    "Staff say the sessions happen, but there is no log or timetable slot to "
                    "show it.",
                    EDU,
                    SENCO,
                    "Start an intervention log for the language programme by half term",
                ),
                "No log kept and no slot on the timetable; the TA described the sessions but "
                "could not say when the last one was.",
            ),
        },
        {
            "yes": "Delivered by a TA trained by the therapist in September, with termly "
            "supervision.",
            "partly": weak(
                "The TA was trained, but the therapist's termly supervision has not happened "
                "this year.",
                HEALTH,
                "Speech and language therapist",
                "Book the termly supervision visit for the TA delivering the programme",
            ),
            "no": weak(
                "Sessions are led by a volunteer with no training in the programme.",
                HEALTH,
                "Speech and language therapist",
                "Train the person delivering the language programme",
            ),
        },
    ),
    ProvisionLine(
        "Fine motor programme: 15 minutes daily, delivered by the class teaching assistant, "
        "reviewed each term by the occupational therapist.",
        "Daily programme record, the occupational therapist's review note and work samples",
        {
            "delivered": (
                "Delivered daily as specified; the therapist's termly review took place.",
                "Programme record signed daily for six weeks; the occupational therapist's "
                "review in October is on file, and handwriting samples show the change.",
            ),
            "partly": (
                weak(
                    "The programme runs about three days a week instead of daily.",
                    EDU,
                    SENCO,
                    "Timetable the fine motor programme every day",
                ),
                "Record shows 16 of 30 days this half term; the therapist's review took place.",
            ),
            "not_delivered": (
                weak(
                    "The programme stopped when the class TA changed.",
                    EDU,
                    SENCO,
                    "Restart the fine motor programme and brief the new TA",
                ),
                "The last entry on the programme record is from June.",
            ),
            "no_evidence": (
                weak(
                    "The TA says the programme happens, but nothing is recorded.",
                    EDU,
                    SENCO,
                    "Record each fine motor session",
                ),
                "No programme record and no therapist's review on file; the TA described "
                "the exercises.",
            ),
        },
        {
            "yes": "The class TA was shown the programme by the occupational therapist.",
            "partly": weak(
                "The TA has the programme sheet but was never shown it by the therapist.",
                HEALTH,
                "Occupational therapist",
                "Show the TA the fine motor programme on the next visit",
            ),
            "no": weak(
                "Delivered by a lunchtime supervisor with no training.",
                EDU,
                SENCO,
                "Assign the programme to the trained class TA",
            ),
        },
    ),
    ProvisionLine(
        "Small-group literacy intervention: 4 x 45 minutes a week, in a group of no more than "
        "four, led by a qualified teacher.",
        "Intervention timetable, group register and the teacher's assessment records",
        {
            "delivered": (
                "Delivered four times a week to a group of four, led by the teacher.",
                "Register shows every session this half term; observed a session with four "
                "pupils, led by a qualified teacher, and saw the assessment record.",
            ),
            "partly": (
                weak(
                    "The group has grown to seven and meets three times a week.",
                    EDU,
                    SENCO,
                    "Split the literacy group to the size the plan specifies",
                ),
                "Register shows three sessions a week with seven pupils.",
            ),
            "not_delivered": (
                weak(
                    "The intervention was replaced by whole-class reading in September.",
                    EDU,
                    SENCO,
                    "Reinstate the small-group literacy intervention",
                ),
                "No group register this term; the timetable shows whole-class reading in the slot.",
            ),
            "no_evidence": (
                weak(
                    "A group is said to meet, but there is no register or timetable.",
                    EDU,
                    SENCO,
                    "Keep a register for the literacy group",
                ),
                "No register, no timetable slot and no assessment records could be found.",
            ),
        },
        {
            "yes": "Led by a qualified teacher with phonics training.",
            "partly": weak(
                "Led by the teacher two days and by a TA the other two.",
                EDU,
                SENCO,
                "Timetable the teacher for every session of the group",
            ),
            "no": weak(
                "Led by a TA, although the plan specifies a qualified teacher.",
                EDU,
                SENCO,
                "Assign a qualified teacher to lead the literacy group",
            ),
        },
    ),
    ProvisionLine(
        "Emotional literacy support: 1 x 40 minutes a week with the setting's trained "
        "emotional literacy support assistant.",
        "ELSA session log, the child's feelings scale record and a conversation with the ELSA",
        {
            "delivered": (
                "Weekly ELSA sessions happen as the plan says.",
                "ELSA log shows a session every week this term, each 40 minutes, with the "
                "child's feelings scale recorded.",
            ),
            "partly": (
                weak(
                    "Sessions are 20 minutes, half what the plan specifies.",
                    EDU,
                    SENCO,
                    "Restore the full 40-minute ELSA session",
                ),
                "Log shows weekly sessions of 20 minutes.",
            ),
            "not_delivered": (
                weak(
                    "The ELSA has been redeployed to cover a class since half term.",
                    EDU,
                    SENCO,
                    "Release the ELSA to restart the weekly sessions",
                ),
                "No ELSA sessions logged since half term.",
            ),
            "no_evidence": (
                weak(
                    "The setting could show no record of ELSA sessions.",
                    EDU,
                    SENCO,
                    "Log each ELSA session",
                ),
                "No log kept; the ELSA was absent on the day of the visit.",
            ),
        },
        {
            "yes": "Delivered by the trained ELSA, supervised by the educational psychologist.",
            "partly": weak(
                "The ELSA's training is complete, but supervision has lapsed.",
                EDU,
                "Educational psychologist",
                "Restart ELSA supervision sessions",
            ),
            "no": weak(
                "Delivered by a TA who has not done the ELSA training.",
                EDU,
                SENCO,
                "Book the TA on ELSA training or assign the trained ELSA",
            ),
        },
    ),
    ProvisionLine(
        "Physiotherapy programme: 20 minutes of stretches daily by a trained teaching "
        "assistant, and a physiotherapist's visit each half term.",
        "Daily stretches chart, the physiotherapist's visit notes and observation",
        {
            "delivered": (
                "Stretches happen daily and the physiotherapist visits each half term.",
                "Chart signed every day this half term; the physiotherapist's visit notes "
                "from last month are on file.",
            ),
            "partly": (
                weak(
                    "Stretches happen most days; the physiotherapist has visited once this year.",
                    HEALTH,
                    "Physiotherapist",
                    "Book the half-termly physiotherapy visits",
                ),
                "Chart shows 22 of 30 days; one physiotherapy visit note this year.",
            ),
            "not_delivered": (
                weak(
                    "The stretches programme has stopped; the trained TA is on leave.",
                    EDU,
                    SENCO,
                    "Train a second TA so the stretches continue",
                ),
                "The chart is blank for the last five weeks.",
            ),
            "no_evidence": (
                weak(
                    "There is no chart or visit record for the physiotherapy programme.",
                    EDU,
                    SENCO,
                    "Keep the daily stretches chart",
                ),
                "No chart and no visit notes could be found.",
            ),
        },
        {
            "yes": "The TA was trained by the physiotherapist and signed off as competent.",
            "partly": weak(
                "Trained last year, but the refresher the physiotherapist asked for is overdue.",
                HEALTH,
                "Physiotherapist",
                "Provide the TA's refresher training",
            ),
            "no": weak(
                "Stretches are done by untrained staff.",
                HEALTH,
                "Physiotherapist",
                "Train the staff delivering the stretches programme",
            ),
        },
    ),
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
