"""Field types for the bundle schemas: strict (a number is never accepted for a string, nor
a float for a whole number), bounded, and shaped so nothing odd reaches the database."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict, StringConstraints
from pydantic_core import PydanticCustomError

from auditdesk.domain import limits, validation
from auditdesk.domain.canonical import canonical_json
from auditdesk.errors import InvalidInput

#: The years a time stamp or a day in a bundle may fall in: the days AuditDesk works with
#: (``limits.DAY_RANGE``), so it never writes one it would refuse. AuditDesk stamps records
#: from its own clock, and the services accept days only inside; and near year 1 or year
#: 9999 a time cannot even be moved to another time zone (the first thing done with it).
#: Both the time as written and the same moment in UTC must be inside.
EARLIEST_STAMP_YEAR = limits.EARLIEST_DAY.year
LATEST_STAMP_YEAR = limits.LATEST_DAY.year
STAMP_RANGE = limits.DAY_RANGE
#: The pydantic error type of a time or day outside those years (the reader words it).
STAMP_OUT_OF_RANGE = "time_out_of_range"


class StrictModel(BaseModel):
    """Every field required as declared, nothing extra (a misspelt or added key is an
    error, so the document hashed is exactly the document stored)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def canonical(self) -> bytes:
        """This model as canonical JSON: the bytes a bundle holds and a hash covers."""
        return canonical_json(self.model_dump(mode="json"))


# Remembered: a bundle holds a time stamp for every answer (about 50,000 in a 1,000-audit
# bundle) but few distinct ones (about 600), and checking each afresh was a fifth of the
# time taken to check the bundle against its format. Only times that pass are remembered
# (a refusal is raised again each time).
@lru_cache(maxsize=4096)
def _aware_time(text: str) -> str:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            "is not a date and time (expected e.g. 2026-11-20T10:30:00+00:00)"
        ) from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("is a time without a time zone")
    # The year as written is checked first: only then is moving it to UTC safe.
    if EARLIEST_STAMP_YEAR <= value.year <= LATEST_STAMP_YEAR:
        moment = value.astimezone(UTC)
        if EARLIEST_STAMP_YEAR <= moment.year <= LATEST_STAMP_YEAR:
            return text
        value = moment
    raise PydanticCustomError(
        STAMP_OUT_OF_RANGE,
        "is a time in the year {year}, outside the times AuditDesk works with ({range})",
        {"year": value.year, "range": STAMP_RANGE},
    )


def _iso_date(text: str) -> str:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError("is not a date (expected YYYY-MM-DD)") from None
    if not limits.EARLIEST_DAY <= day <= limits.LATEST_DAY:
        raise PydanticCustomError(
            STAMP_OUT_OF_RANGE,
            "is a day in the year {year}, outside the days AuditDesk works with ({range})",
            {"year": day.year, "range": STAMP_RANGE},
        )
    return text


Uuid = Annotated[str, Strict(), StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z-]{0,35}$")]
Sha256 = Annotated[str, Strict(), StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Identifier = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=rf"^[A-Za-z0-9][A-Za-z0-9_.\-]{{0,{limits.IDENTIFIER - 1}}}$"),
]
IsoTime = Annotated[str, Strict(), StringConstraints(max_length=40), AfterValidator(_aware_time)]
IsoDate = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$"),
    AfterValidator(_iso_date),
]
Position = Annotated[int, Strict(), Field(ge=0, le=limits.LAST_POSITION)]
YearGroup = Annotated[
    int, Strict(), Field(ge=limits.LOWEST_YEAR_GROUP, le=limits.HIGHEST_YEAR_GROUP)
]
Seed = Annotated[int, Strict(), Field(ge=limits.FIRST_SEED, le=limits.LAST_SEED)]
TemplateVersionNumber = Annotated[int, Strict(), Field(ge=1, le=limits.LATEST_TEMPLATE_VERSION)]
Revision = Annotated[int, Strict(), Field(ge=1, le=limits.LATEST_REVISION)]
# Strict still takes a whole number for a float (JSON has one kind of number), so the
# builders give a float: 100 and 100.0 hash differently.
Percentage = Annotated[float, Strict(), Field(ge=0, le=100)]


def _text(max_length: int) -> StringConstraints:
    return StringConstraints(max_length=max_length)


def _required(max_length: int) -> StringConstraints:
    return StringConstraints(min_length=1, max_length=max_length)


# Text a person enters, bounded by the limits the services check it against.
PersonName = Annotated[str, Strict(), _text(limits.PERSON_NAME)]
RequiredPersonName = Annotated[str, Strict(), _required(limits.PERSON_NAME)]
SettingName = Annotated[str, Strict(), _required(limits.SETTING_NAME)]
Locality = Annotated[str, Strict(), _text(limits.LOCALITY)]
Urn = Annotated[str, Strict(), _text(limits.URN)]


def _child_reference(text: str) -> str:
    """Exactly what the services store for a child's reference (``validation.child_reference``:
    capitals, digits, hyphens and slashes, with a digit), so no control character, full-width
    letter or name arrives by bundle that could not have been typed in."""
    try:
        accepted = validation.child_reference(text)
    except InvalidInput:
        accepted = None
    if accepted != text:
        # The reference itself is not repeated: the reader shows where, not what.
        raise ValueError(
            "is not a pseudonymous reference AuditDesk accepts (capital letters, digits, "
            "hyphens and slashes, with at least one digit)"
        )
    return text


ChildReference = Annotated[
    str, Strict(), _required(limits.CHILD_REFERENCE), AfterValidator(_child_reference)
]
BlockLabel = Annotated[str, Strict(), _text(limits.BLOCK_LABEL)]
SampleName = Annotated[str, Strict(), _text(limits.SAMPLE_NAME)]
ActionText = Annotated[str, Strict(), _text(limits.ACTION_TEXT)]
AnswerText = Annotated[str, Strict(), _text(limits.ANSWER_TEXT)]
Reason = Annotated[str, Strict(), _text(limits.REASON)]
ModerationNotes = Annotated[str, Strict(), _text(limits.MODERATION_NOTES)]
RatingCode = Annotated[str, Strict(), _text(limits.RATING_CODE)]
TemplateTitle = Annotated[str, Strict(), _text(limits.TEMPLATE_TITLE)]
Device = Annotated[str, Strict(), _text(limits.DEVICE)]
Selection = Annotated[str, Strict(), _text(limits.SELECTION)]
Strata = Annotated[str, Strict(), _text(limits.STRATA)]
TrailField = Annotated[str, Strict(), _text(limits.TRAIL_FIELD)]
TrailValue = Annotated[str, Strict(), _text(limits.TRAIL_VALUE)]

# Text AuditDesk itself writes (versions, kinds of record).
Text32 = Annotated[str, Strict(), _text(32)]
Text36 = Annotated[str, Strict(), _text(36)]
