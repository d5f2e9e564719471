"""Reference lists of SEND work in England (agencies, roles, SEN2 primary needs, phases,
plan stages, setting types) and of AuditDesk's own statuses, with the labels people read.

Codes are stored in the database and exports; labels are shown. Codes never change once
shipped (exports and bundles from older versions must still line up).
"""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A code with a human label (the enum value is the stored code)."""

    @property
    def label(self) -> str:
        # Keyed by class too: StrEnum members equal their codes, so Phase.POST_16 and
        # SettingPhase.POST_16 would otherwise share one entry.
        return _LABELS[(type(self), self.value)]

    @classmethod
    def parse(cls, text: str) -> Labelled:
        """Accept a code or a label, case-insensitively (for the command line and imports)."""
        wanted = text.strip().casefold()
        for member in cls:
            if wanted in (member.value.casefold(), member.label.casefold()):
                return member
        known = ", ".join(member.value for member in cls)
        raise ValueError(f"'{text}' is not a known value; use one of: {known}")


class Agency(Labelled):
    """Who an auditor works for, or who answers a question."""

    EDUCATION = "education"
    HEALTH = "health"
    SOCIAL_CARE = "social_care"
    PARENT_CARER = "parent_carer"


class QuestionAgency(Labelled):
    """Which agency answers a template question."""

    EDUCATION = "education"
    HEALTH = "health"
    SOCIAL_CARE = "social_care"
    ANY = "any"


class Role(Labelled):
    PRACTICE_CHAMPION = "practice_champion"
    SETTING_AUDITOR = "setting_auditor"
    QUALITY_LEAD = "quality_lead"


class PrimaryNeed(Labelled):
    """SEN2 primary need codes."""

    SPLD = "SpLD"
    MLD = "MLD"
    SLD = "SLD"
    PMLD = "PMLD"
    SEMH = "SEMH"
    SLCN = "SLCN"
    HI = "HI"
    VI = "VI"
    MSI = "MSI"
    PD = "PD"
    ASD = "ASD"
    OTH = "OTH"


class Phase(Labelled):
    EARLY_YEARS = "early_years"
    KS1 = "ks1"
    KS2 = "ks2"
    KS3 = "ks3"
    KS4 = "ks4"
    POST_16 = "post_16"
    POST_19 = "post_19"


class PlanStage(Labelled):
    NEW_PLAN = "new_plan"
    ANNUAL_REVIEW = "annual_review"
    PHASE_TRANSFER = "phase_transfer"


class SettingType(Labelled):
    MAINSTREAM = "mainstream"
    RESOURCE_PROVISION = "resource_provision"
    SPECIAL = "special"
    INDEPENDENT = "independent"
    FURTHER_EDUCATION = "further_education"
    EARLY_YEARS = "early_years"


class SettingPhase(Labelled):
    """A setting's phase, as the DfE's register of schools (GIAS) records it."""

    EARLY_YEARS = "early_years"
    PRIMARY = "primary"
    SECONDARY = "secondary"
    ALL_THROUGH = "all_through"
    POST_16 = "post_16"


class AuditStatus(Labelled):
    """draft -> completed -> moderated -> signed off (reopening returns to draft)."""

    DRAFT = "draft"
    COMPLETED = "completed"
    MODERATED = "moderated"
    SIGNED_OFF = "signed_off"


class ActionStatus(Labelled):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class TemplateKind(Labelled):
    EHCP_AUDIT = "ehcp_audit"
    ANNUAL_REVIEW_AUDIT = "annual_review_audit"
    SETTING_VISIT = "setting_visit"
    THEMATIC_AUDIT = "thematic_audit"


class SubjectKind(Labelled):
    """What an audit looks at: one child's plan, or a setting (with sampled children)."""

    PLAN = "plan"
    SETTING = "setting"


_LABEL_LIST: list[tuple[Labelled, str]] = [
    (Agency.EDUCATION, "Education"),
    (Agency.HEALTH, "Health"),
    (Agency.SOCIAL_CARE, "Social care"),
    (Agency.PARENT_CARER, "Parent carer"),
    (QuestionAgency.EDUCATION, "Education"),
    (QuestionAgency.HEALTH, "Health"),
    (QuestionAgency.SOCIAL_CARE, "Social care"),
    (QuestionAgency.ANY, "Any agency"),
    (Role.PRACTICE_CHAMPION, "Practice champion"),
    (Role.SETTING_AUDITOR, "Setting auditor"),
    (Role.QUALITY_LEAD, "Quality lead"),
    (PrimaryNeed.SPLD, "Specific learning difficulty"),
    (PrimaryNeed.MLD, "Moderate learning difficulty"),
    (PrimaryNeed.SLD, "Severe learning difficulty"),
    (PrimaryNeed.PMLD, "Profound and multiple learning difficulty"),
    (PrimaryNeed.SEMH, "Social, emotional and mental health"),
    (PrimaryNeed.SLCN, "Speech, language and communication needs"),
    (PrimaryNeed.HI, "Hearing impairment"),
    (PrimaryNeed.VI, "Vision impairment"),
    (PrimaryNeed.MSI, "Multi-sensory impairment"),
    (PrimaryNeed.PD, "Physical disability"),
    (PrimaryNeed.ASD, "Autistic spectrum disorder"),
    (PrimaryNeed.OTH, "Other difficulty or disability"),
    (Phase.EARLY_YEARS, "Early years (0-5)"),
    (Phase.KS1, "Key stage 1 (Y1-2)"),
    (Phase.KS2, "Key stage 2 (Y3-6)"),
    (Phase.KS3, "Key stage 3 (Y7-9)"),
    (Phase.KS4, "Key stage 4 (Y10-11)"),
    (Phase.POST_16, "Post-16 (16-19)"),
    (Phase.POST_19, "Post-19 (19-25)"),
    (PlanStage.NEW_PLAN, "New plan"),
    (PlanStage.ANNUAL_REVIEW, "Annual review"),
    (PlanStage.PHASE_TRANSFER, "Phase transfer review"),
    (SettingType.MAINSTREAM, "Mainstream"),
    (SettingType.RESOURCE_PROVISION, "Resource provision"),
    (SettingType.SPECIAL, "Special"),
    (SettingType.INDEPENDENT, "Independent"),
    (SettingType.FURTHER_EDUCATION, "Further education"),
    (SettingType.EARLY_YEARS, "Early years"),
    (SettingPhase.EARLY_YEARS, "Early years"),
    (SettingPhase.PRIMARY, "Primary"),
    (SettingPhase.SECONDARY, "Secondary"),
    (SettingPhase.ALL_THROUGH, "All-through"),
    (SettingPhase.POST_16, "16 plus"),
    (AuditStatus.DRAFT, "Draft"),
    (AuditStatus.COMPLETED, "Completed"),
    (AuditStatus.MODERATED, "Moderated"),
    (AuditStatus.SIGNED_OFF, "Signed off"),
    (ActionStatus.OPEN, "Open"),
    (ActionStatus.IN_PROGRESS, "In progress"),
    (ActionStatus.DONE, "Done"),
    (ActionStatus.CANCELLED, "Cancelled"),
    (TemplateKind.EHCP_AUDIT, "EHCP audit"),
    (TemplateKind.ANNUAL_REVIEW_AUDIT, "Annual review audit"),
    (TemplateKind.SETTING_VISIT, "Setting quality visit"),
    (TemplateKind.THEMATIC_AUDIT, "Thematic audit"),
    (SubjectKind.PLAN, "Child's plan"),
    (SubjectKind.SETTING, "Setting"),
]
_LABELS: dict[tuple[type, str], str] = {
    (type(member), member.value): label for member, label in _LABEL_LIST
}

# Year groups as integers so "from Year 9" is a comparison. Nursery and reception sit below
# Year 1; 14 stands for any year after Year 13 (19-25, further education and training).
EARLIEST_YEAR_GROUP = -2
LATEST_YEAR_GROUP = 14
PFA_FROM_YEAR = 9


def year_group_label(year_group: int) -> str:
    if year_group <= -2:
        return "Early years (under 3)"
    if year_group == -1:
        return "Nursery"
    if year_group == 0:
        return "Reception"
    if year_group >= LATEST_YEAR_GROUP:
        return "Post-19"
    return f"Year {year_group}"


def phase_for_year_group(year_group: int) -> Phase:
    """The phase (key stage) a year group belongs to; reception is early years (EYFS)."""
    if year_group <= 0:
        return Phase.EARLY_YEARS
    if year_group <= 2:
        return Phase.KS1
    if year_group <= 6:
        return Phase.KS2
    if year_group <= 9:
        return Phase.KS3
    if year_group <= 11:
        return Phase.KS4
    if year_group <= 13:
        return Phase.POST_16
    return Phase.POST_19
