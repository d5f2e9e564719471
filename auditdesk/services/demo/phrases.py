"""Word pools for demo data. Names are invented; URNs use 9xxxxx, outside the range the
DfE has issued, so no demo setting can be mistaken for a real school."""

from __future__ import annotations

LOCALITIES = (
    "Crewe",
    "Macclesfield",
    "Congleton",
    "Nantwich",
    "Wilmslow",
    "Knutsford",
    "Sandbach",
    "Alsager",
    "Poynton",
    "Middlewich",
)

FIRST_NAMES = (
    "Aisha",
    "Ben",
    "Carys",
    "Deepa",
    "Ewan",
    "Fiona",
    "Gareth",
    "Hannah",
    "Imran",
    "Jo",
    "Kofi",
    "Laura",
    "Mei",
    "Niamh",
    "Owen",
    "Priya",
    "Rhys",
    "Sophie",
    "Tomasz",
    "Uzma",
    "Vikram",
    "Wendy",
    "Yusuf",
    "Zoe",
    "Alex",
    "Bethan",
    "Chris",
    "Dan",
    "Ellie",
    "Femi",
)
SURNAMES = (
    "Ahmed",
    "Bennett",
    "Clarke",
    "Davies",
    "Evans",
    "Fletcher",
    "Green",
    "Hughes",
    "Iqbal",
    "Jones",
    "Kowalski",
    "Lloyd",
    "Morgan",
    "Nowak",
    "Okafor",
    "Patel",
    "Quinn",
    "Roberts",
    "Shah",
    "Taylor",
    "Underwood",
    "Vaughan",
    "Walsh",
    "Young",
    "Zielinski",
    "Brookes",
)

SETTING_STEMS = (
    "Oakfield",
    "Willowbrook",
    "Beechwood",
    "Riverside",
    "Hollins",
    "Ashgrove",
    "Meadowbank",
    "Elmhurst",
    "Larkspur",
    "Brookvale",
    "Hazelmere",
    "Kingsmead",
    "Foxdale",
    "Marlfield",
    "Stonecross",
    "Thornbury",
    "Cherrytree",
    "Greenacres",
    "Heathside",
    "Millbrook",
)
SETTING_KINDS = (
    # name suffix, setting type, setting phase, weight
    ("Primary School", "mainstream", "primary", 34),
    ("C of E Primary Academy", "mainstream", "primary", 10),
    ("High School", "mainstream", "secondary", 16),
    ("Academy", "mainstream", "secondary", 8),
    ("Primary School (Resource Provision)", "resource_provision", "primary", 5),
    ("High School (Resource Provision)", "resource_provision", "secondary", 4),
    ("Special School", "special", "all_through", 8),
    ("Independent Specialist School", "independent", "all_through", 4),
    ("College", "further_education", "post_16", 6),
    ("Day Nursery", "early_years", "early_years", 5),
)

# What practice champions write, by how the answer went. Kept generic: demo comments must
# never read like a real child's record.
STRENGTHS = (
    "Clear line from the young person's aspirations in A through to the outcomes in E.",
    "Outcomes are specific, measurable and have realistic timescales.",
    "Provision in F is quantified: who delivers it, how often and for how long.",
    "Health advice is recent and each need in C has matching provision in G.",
    "The child's own views are recorded in their words, with how they were gathered.",
    "Parents' views have clearly shaped the outcomes and provision.",
    "Social care needs are stated clearly, with H1 and H2 told apart.",
    "Preparing-for-adulthood outcomes run through needs, outcomes and provision.",
    "Good multi-agency contributions to the review, including the therapist's report.",
)
CONCERNS = (
    "Several outcomes describe services rather than the difference for the child.",
    "Provision in F uses vague wording ('access to', 'regular', 'as appropriate').",
    "Health advice is more than 12 months old and G does not reflect current needs.",
    "Section D is silent: it does not say whether there are social care needs.",
    "The child's voice is summarised by professionals, with no direct words.",
    "PfA is covered in a single paragraph rather than threaded through the plan.",
    "Outcomes lack timescales, so progress cannot be reviewed.",
    "Therapy that educates or trains is written in G rather than F.",
    "Evidence of delivery was incomplete: intervention logs did not cover the term.",
    "The amended plan was issued well after the review, outside the timescale.",
)
ACTIONS = (
    ("education", "Amend Section F to quantify speech and language input"),
    ("education", "Rewrite outcomes in Section E to be SMART and time-bound"),
    ("health", "Request updated health advice from the community paediatrician"),
    ("health", "Agree health provision in G with the designated clinical officer"),
    ("social_care", "Confirm social care needs and record them clearly in Section D"),
    ("social_care", "Clarify H1 and H2 provision with the children-with-disabilities team"),
    ("education", "Share practice guidance on capturing the child's voice with plan writers"),
    ("education", "Setting to provide intervention logs for the next review"),
    ("parent_carer", "Feed back to the family how their views shaped the amended plan"),
)
OVERRIDE_REASONS = (
    "Professional judgement: the strong voice and co-production outweigh gaps in advice dates.",
    "Panel view: provision is unenforceable as written, so the plan cannot be judged Good.",
    "Evidence seen on the visit shows stronger practice than the plan wording suggests.",
)

# Written answers for the setting visit's free-text questions, by question id.
WRITTEN_ANSWERS = {
    "child.provision_specified": (
        "Speech and language therapy: 3 x 30 minutes a week, one to one, delivered by a "
        "teaching assistant trained by the therapist.",
        "Occupational therapy programme: 20 minutes daily, delivered by the class teaching "
        "assistant, reviewed termly by the occupational therapist.",
        "Small-group literacy intervention: 4 x 45 minutes a week, groups of no more than 4, "
        "led by a qualified teacher.",
        "Emotional literacy support: 1 x 40 minutes a week with the school's trained ELSA.",
    ),
    "child.provision_evidence": (
        "Timetable and intervention log for this half term; the log shows 11 of 12 sessions.",
        "Therapy notes and the programme sheet; sessions logged twice a week, not three times.",
        "Observed a session; the log had gaps in the two weeks before half term.",
        "No log kept: staff described the sessions but could not show when they happened.",
    ),
    "child.observation": (
        "Settled in class with a visual timetable; used the calm area once, by choice.",
        "Joined the group task with adult prompting; chose to work alone at break.",
        "Used their communication aid confidently with familiar staff.",
    ),
    "child.parent_comments": (
        "Parent says their child is happier since the new timetable started.",
        "Parent would like more regular updates on therapy sessions.",
        "Carer feels listened to and knows who to contact at the school.",
    ),
    "sv.actions_agreed": (
        "SENCO to start an intervention log for each provision line by half term.",
        "Setting to arrange the therapist's training for the new teaching assistant.",
    ),
    "sv.revisit_date": (
        "Revisit next term to check the intervention logs and speak to the family again.",
        "Follow-up visit in six weeks to see the new timetable in place.",
    ),
    "overall.board_notes": (
        "Recurring theme: health advice arrives late for annual reviews.",
        "No further notes for the Board.",
    ),
}
