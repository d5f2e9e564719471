"""Field types for the bundle schemas: strict (a number is never accepted for a string, nor
a float for a whole number), bounded, and shaped so nothing odd reaches the database."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict, StringConstraints


class StrictModel(BaseModel):
    """Every field required as declared, nothing extra (a misspelt or added key is an
    error, so the document hashed is exactly the document stored)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _aware_time(text: str) -> str:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            "is not a date and time (expected e.g. 2026-11-20T10:30:00+00:00)"
        ) from None
    if value.tzinfo is None:
        raise ValueError("is a time without a time zone")
    return text


def _iso_date(text: str) -> str:
    try:
        date.fromisoformat(text)
    except ValueError:
        raise ValueError("is not a date (expected YYYY-MM-DD)") from None
    return text


Uuid = Annotated[str, Strict(), StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z-]{0,35}$")]
Sha256 = Annotated[str, Strict(), StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Identifier = Annotated[
    str, Strict(), StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,79}$")
]
IsoTime = Annotated[str, Strict(), StringConstraints(max_length=40), AfterValidator(_aware_time)]
IsoDate = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$"),
    AfterValidator(_iso_date),
]
Int = Annotated[int, Strict(), Field(ge=-1_000_000_000, le=1_000_000_000)]
Position = Annotated[int, Strict(), Field(ge=0, le=100_000)]
YearGroup = Annotated[int, Strict(), Field(ge=-2, le=25)]
Float = Annotated[float, Strict(), Field(ge=0, le=100)]

Text12 = Annotated[str, Strict(), StringConstraints(max_length=12)]
Text20 = Annotated[str, Strict(), StringConstraints(max_length=20)]
Text32 = Annotated[str, Strict(), StringConstraints(max_length=32)]
Text36 = Annotated[str, Strict(), StringConstraints(max_length=36)]
Text40 = Annotated[str, Strict(), StringConstraints(max_length=40)]
Text64 = Annotated[str, Strict(), StringConstraints(max_length=64)]
Text80 = Annotated[str, Strict(), StringConstraints(max_length=80)]
Text120 = Annotated[str, Strict(), StringConstraints(max_length=120)]
Text200 = Annotated[str, Strict(), StringConstraints(max_length=200)]
Text1000 = Annotated[str, Strict(), StringConstraints(max_length=1000)]
Text4000 = Annotated[str, Strict(), StringConstraints(max_length=4000)]
Text20k = Annotated[str, Strict(), StringConstraints(max_length=20_000)]
Text100k = Annotated[str, Strict(), StringConstraints(max_length=100_000)]
