"""Section F provision lines a setting visit checks: programmes run in class or one to one
(speech and language, fine motor, small-group literacy, emotional literacy, physiotherapy)."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, HEALTH, ProvisionLine, weak

SENCO = "SENCO"

LINES: tuple[ProvisionLine, ...] = (
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
)
