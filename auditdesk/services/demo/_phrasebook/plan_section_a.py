"""Demo phrases for Section A: aspirations, the child's voice and how it was gathered, the
parents' views, and whether the plan is person-centred."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, Phrases, say, weak

CASE_OFFICER = "SEN case officer"
PLAN_WRITER = "Plan writer"
SEN_MANAGER = "SEN team manager"

PHRASES: dict[str, Phrases] = {
    # -- Section A --------------------------------------------------------------------------
    "a.aspirations": say(
        (
            "Section A of the final plan and the child's one-page profile",
            "Section A, read with the family's contribution form in Section K",
        ),
        outstanding=(
            "Section A paints a vivid picture of the child: what makes a good day, their "
            "interests and hopes for next year and for adult life, all in their own terms.",
            "Strengths, interests and aspirations are set out in the child's and family's "
            "words and are picked up again in the outcomes.",
        ),
        good=(
            "Section A describes the child's interests, strengths and hopes, and a new reader "
            "gets a real sense of them.",
            "Interests and aspirations are recorded and are recognisably the child's own.",
        ),
        requires_improvement=(
            weak(
                "Section A lists likes and dislikes but says nothing about hopes for the future.",
                EDU,
                PLAN_WRITER,
                "Meet the child and family to add short- and long-term aspirations to Section A",
            ),
            weak(
                "The aspirations in A are professionals' targets ('to make expected progress') "
                "rather than the child's own hopes.",
                EDU,
                PLAN_WRITER,
                "Rewrite Section A with the child and family so the aspirations are theirs",
            ),
        ),
        inadequate=(
            weak(
                "Section A is two lines copied from the request form; there are no views, "
                "interests or aspirations.",
                EDU,
                CASE_OFFICER,
                "Gather the child's and family's views and rewrite Section A before the plan "
                "is reissued",
            ),
            weak(
                "Section A describes diagnoses and behaviour incidents instead of the child as "
                "a person.",
                EDU,
                PLAN_WRITER,
                "Redraft Section A around the child's strengths, interests and hopes",
            ),
        ),
    ),
    "a.child_voice": say(
        (
            "Section A and the child's one-page profile",
            "Section A and the pupil voice form appended in Section K",
        ),
        outstanding=(
            "The child's own words and drawings run through Section A, marked as theirs and "
            "kept apart from the parents' views.",
            "Symbols the child chose are reproduced in A, with their key adult's notes on what "
            "each choice meant.",
        ),
        good=(
            "The child's views are recorded in their own words and attributed to them.",
            "Section A quotes the child directly about school, friends and what helps.",
        ),
        requires_improvement=(
            weak(
                "The child's views are summarised by staff ('he enjoys school'); there are no "
                "direct words.",
                EDU,
                "SENCO",
                "Gather the child's views in their own words before the next review",
            ),
            weak(
                "Parents' and child's views are merged, so it is unclear what the child said.",
                EDU,
                PLAN_WRITER,
                "Separate the child's views from the parents' in Section A",
            ),
        ),
        inadequate=(
            weak(
                "There is no child's voice in Section A at all.",
                EDU,
                CASE_OFFICER,
                "Meet the child with a trusted adult to record their views and add them to "
                "Section A",
            ),
            weak(
                "For a child who uses symbols, A says only 'unable to give views'; nobody who "
                "knows the child interpreted their preferences.",
                EDU,
                "SENCO",
                "Record the child's preferences with symbols or observation, with their key adult",
            ),
        ),
    ),
    "a.voice_how_gathered": say(
        (
            "Section A and the notes of the conversation with the child on file",
            "Section A, the one-page profile and the setting's pupil voice record",
        ),
        sought=(
            "Section A and the case file, searched for a record of how the child's views "
            "were gathered"
        ),
        yes=(
            "A says the views were gathered with a talking mat by the SENCO, with the date.",
            "Method, date and person are recorded: a conversation with the key adult, using "
            "the child's symbol board.",
        ),
        partly=(
            weak(
                "A names the method (one-page profile) but not when or by whom.",
                EDU,
                PLAN_WRITER,
                "Add the date and the person who gathered the child's views to Section A",
            ),
            weak(
                "The views are dated, but the method is a written questionnaire for a child "
                "who does not read.",
                EDU,
                "SENCO",
                "Use a method suited to the child's communication, such as symbols, next time",
            ),
        ),
        no=(
            weak(
                "A says only 'the child's views were sought'.",
                EDU,
                PLAN_WRITER,
                "Record how, when and by whom the child's views were gathered",
            ),
            weak(
                "There is no record of how any of the views in A were collected.",
                EDU,
                CASE_OFFICER,
                "Attach the child's voice record to the plan and reference it in Section A",
            ),
        ),
    ),
    "a.parent_views": say(
        (
            "Section A and the parents' contribution form in Section K",
            "Section A and notes of the planning meeting with the family",
        ),
        sought="Section A, with Section K and the case file searched for the parents' contribution",
        outstanding=(
            "The parents' own words cover what works at home, their worries and their hopes, "
            "and are plainly theirs.",
            "Parents' views are quoted at length and the family's hopes are carried into the "
            "outcomes.",
        ),
        good=(
            "Parents' views are recorded separately, in their own words, with their hopes for "
            "the child.",
            "The family's views on what helps and what worries them are set out in A.",
        ),
        requires_improvement=(
            weak(
                "Parents' views are paraphrased by the case officer and say nothing about "
                "their hopes.",
                EDU,
                PLAN_WRITER,
                "Ask the parents to check and add to their section in their own words",
            ),
            weak(
                "Only one parent's views are recorded, although both asked to contribute.",
                EDU,
                CASE_OFFICER,
                "Contact the second parent and add their views to Section A",
            ),
        ),
        inadequate=(
            weak(
                "There are no parents' views in the plan.",
                EDU,
                CASE_OFFICER,
                "Meet the family, record their views and reissue Section A",
            ),
            weak(
                "The 'parents' views' paragraph is the setting's report repeated.",
                EDU,
                PLAN_WRITER,
                "Replace the paragraph with the family's own account",
            ),
        ),
    ),
    "a.person_centred": say(
        (
            "Section A, read as the family would read it",
            "Section A and the accessible summary for the child",
        ),
        outstanding=(
            "Written in the first person throughout ('I like...', 'We would like...'), in "
            "plain words the child could follow.",
            "Section A reads as the child's own story, with an easy-read version for them.",
        ),
        good=(
            "Section A is in plain language, mostly in the first person, and free of jargon.",
            "Person-centred and readable; the third person is used only where it is clearer.",
        ),
        requires_improvement=(
            weak(
                "Section A is a professional summary in the third person, with terms such as "
                "'sensory dysregulation' unexplained.",
                EDU,
                PLAN_WRITER,
                "Rewrite Section A in plain language and in the child's voice",
            ),
            weak(
                "Parts of A are in the first person, but half of it is copied from reports.",
                EDU,
                PLAN_WRITER,
                "Take the report extracts out of A and put the child's and family's words in",
            ),
        ),
        inadequate=(
            weak(
                "Section A reads as a clinical report full of acronyms the family would not "
                "understand.",
                EDU,
                SEN_MANAGER,
                "Rewrite A with the family and include plan writers in person-centred "
                "writing training",
            ),
            weak(
                "Section A is a list of diagnoses, with nothing person-centred about it.",
                EDU,
                PLAN_WRITER,
                "Rewrite Section A around the child and family",
            ),
        ),
    ),
}
