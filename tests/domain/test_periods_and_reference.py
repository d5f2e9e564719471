"""School terms, financial quarters, year groups, phases and the reference lists."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditdesk.domain.limits import EARLIEST_DAY, LATEST_DAY
from auditdesk.domain.periods import (
    Period,
    academic_year,
    academic_year_of,
    check_day,
    parse_period,
    previous_term_key,
    quarter_period,
    term_key,
    term_label,
    term_period,
)
from auditdesk.domain.reference import (
    Agency,
    Labelled,
    Phase,
    PlanStage,
    PrimaryNeed,
    QuestionAgency,
    SettingPhase,
    SettingType,
    TemplateKind,
    phase_for_year_group,
    year_group_label,
)

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))

# -- terms -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "key", "label"),
    [
        (date(2025, 9, 1), "2025-1", "Autumn 2025"),  # September: Autumn
        (date(2025, 12, 31), "2025-1", "Autumn 2025"),
        (date(2026, 1, 1), "2025-2", "Spring 2026"),  # January: Spring of 2025/26
        (date(2026, 3, 31), "2025-2", "Spring 2026"),
        (date(2026, 4, 1), "2025-3", "Summer 2026"),  # April goes with Summer
        (date(2026, 8, 31), "2025-3", "Summer 2026"),
        (date(2026, 9, 1), "2026-1", "Autumn 2026"),
    ],
)
def test_term_key_and_label(day: date, key: str, label: str) -> None:
    assert term_key(day) == key
    assert term_label(key) == label
    period = term_period(key)
    assert period.contains(day)
    assert period.label == label


def test_term_periods_cover_the_school_year() -> None:
    assert term_period("2025-1") == Period(date(2025, 9, 1), date(2025, 12, 31), "Autumn 2025")
    assert term_period("2025-2") == Period(date(2026, 1, 1), date(2026, 3, 31), "Spring 2026")
    assert term_period("2025-3") == Period(date(2026, 4, 1), date(2026, 8, 31), "Summer 2026")


def test_previous_term_key_across_years() -> None:
    assert previous_term_key("2025-3") == "2025-2"
    assert previous_term_key("2025-2") == "2025-1"
    assert previous_term_key("2025-1") == "2024-3"  # Autumn 2025 follows Summer 2025


@pytest.mark.parametrize("bad", ["2025-4", "2025-0", "25-1", "2025/1", "", "Autumn 2025"])
def test_bad_term_keys(bad: str) -> None:
    with pytest.raises(ValueError, match="is not a term key"):
        term_label(bad)
    with pytest.raises(ValueError, match="is not a term key"):
        previous_term_key(bad)


@given(days)
def test_term_round_trips(day: date) -> None:
    key = term_key(day)
    period = term_period(key)
    assert period.contains(day)
    assert parse_period(term_label(key)) == period
    # Keys sort in time order, and the previous term ends the day before this one starts.
    previous = term_period(previous_term_key(key))
    assert previous.end == period.start - timedelta(days=1)
    assert previous_term_key(key) < key
    assert term_key(period.start) == term_key(period.end) == key


# -- quarters --------------------------------------------------------------------------


def test_quarters_follow_the_financial_year() -> None:
    assert quarter_period(date(2025, 4, 1)) == Period(
        date(2025, 4, 1), date(2025, 6, 30), "2025/26 Q1"
    )
    assert quarter_period(date(2025, 8, 15)).label == "2025/26 Q2"
    assert quarter_period(date(2025, 12, 31)) == Period(
        date(2025, 10, 1), date(2025, 12, 31), "2025/26 Q3"
    )
    # January is Q4 of the financial year that began the April before.
    assert quarter_period(date(2026, 1, 10)) == Period(
        date(2026, 1, 1), date(2026, 3, 31), "2025/26 Q4"
    )
    assert quarter_period(date(2026, 3, 31)).label == "2025/26 Q4"
    assert quarter_period(date(2099, 12, 1)).label == "2099/00 Q3"


@given(days)
def test_quarter_contains_its_day_and_tiles_the_year(day: date) -> None:
    quarter = quarter_period(day)
    assert quarter.contains(day)
    assert quarter.start.day == 1
    assert quarter_period(quarter.end + timedelta(days=1)).start == quarter.end + timedelta(days=1)
    assert parse_period(quarter.label) == quarter
    assert 89 <= (quarter.end - quarter.start).days + 1 <= 92


@given(days)
def test_the_academic_year_of_a_day_runs_september_to_august_and_reads_back(day: date) -> None:
    year = academic_year_of(day)
    assert year.contains(day)
    assert (year.start.month, year.start.day, year.end.month, year.end.day) == (9, 1, 8, 31)
    assert year.end.year == year.start.year + 1
    assert academic_year_of(year.end + timedelta(days=1)) == academic_year(year.start.year + 1)
    if year.start >= EARLIEST_DAY:  # 1999/00 begins before the days AuditDesk works with
        assert parse_period(year.label) == year


def test_academic_year_labels() -> None:
    assert academic_year(2025) == Period(date(2025, 9, 1), date(2026, 8, 31), "2025/26")
    assert academic_year(1999).label == "1999/00"
    assert academic_year_of(date(2026, 8, 31)).label == "2025/26"
    assert academic_year_of(date(2026, 9, 1)).label == "2026/27"


# -- parse_period ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Autumn 2025", Period(date(2025, 9, 1), date(2025, 12, 31), "Autumn 2025")),
        ("spring 2026", Period(date(2026, 1, 1), date(2026, 3, 31), "Spring 2026")),
        ("  SUMMER   2026 ", Period(date(2026, 4, 1), date(2026, 8, 31), "Summer 2026")),
        ("2025/26 Q1", Period(date(2025, 4, 1), date(2025, 6, 30), "2025/26 Q1")),
        ("2025/26 q4", Period(date(2026, 1, 1), date(2026, 3, 31), "2025/26 Q4")),
        ("2025/26", Period(date(2025, 9, 1), date(2026, 8, 31), "2025/26")),
        ("2025", Period(date(2025, 1, 1), date(2025, 12, 31), "2025")),
    ],
)
def test_parse_period_forms(text: str, period: Period) -> None:
    assert parse_period(text) == period


@pytest.mark.parametrize("bad", ["Winter 2025", "Q1 2025", "2025/26 Q5", "25/26", "", "next term"])
def test_parse_period_refuses_other_text_clearly(bad: str) -> None:
    with pytest.raises(ValueError, match="is not a period") as caught:
        parse_period(bad)
    message = str(caught.value)
    assert f"'{bad}' is not a period" in message
    for example in ("'Autumn 2025'", "'2025/26 Q2'", "'2025/26'", "'2025'"):
        assert example in message


def test_parse_period_refuses_an_academic_year_whose_years_do_not_follow() -> None:
    # Read as 2025/26 it would make a report silently cover a year nobody asked for.
    for bad in ("2025/27", "2025/25", "2025/27 Q1", "2024/26 Q3"):
        with pytest.raises(ValueError, match="do not follow each other"):
            parse_period(bad)


# -- year groups and phases --------------------------------------------------------------


@pytest.mark.parametrize(
    ("year_group", "phase"),
    [
        (-2, Phase.EARLY_YEARS),
        (-1, Phase.EARLY_YEARS),
        (0, Phase.EARLY_YEARS),  # reception is EYFS
        (1, Phase.KS1),
        (2, Phase.KS1),
        (3, Phase.KS2),
        (6, Phase.KS2),
        (7, Phase.KS3),
        (9, Phase.KS3),
        (10, Phase.KS4),
        (11, Phase.KS4),
        (12, Phase.POST_16),
        (13, Phase.POST_16),
        (14, Phase.POST_19),
    ],
)
def test_phase_for_year_group_boundaries(year_group: int, phase: Phase) -> None:
    assert phase_for_year_group(year_group) is phase


def test_year_group_labels() -> None:
    assert [year_group_label(y) for y in (-2, -1, 0, 1, 9, 13, 14)] == [
        "Early years (under 3)",
        "Nursery",
        "Reception",
        "Year 1",
        "Year 9",
        "Year 13",
        "Post-19",
    ]


# -- labelled reference lists ------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "text", "member"),
    [
        (PrimaryNeed, "ASD", PrimaryNeed.ASD),
        (PrimaryNeed, "spld", PrimaryNeed.SPLD),
        (PrimaryNeed, "Autistic spectrum disorder", PrimaryNeed.ASD),
        (PrimaryNeed, "  social, emotional and mental health ", PrimaryNeed.SEMH),
        (PlanStage, "annual_review", PlanStage.ANNUAL_REVIEW),
        (PlanStage, "Phase transfer review", PlanStage.PHASE_TRANSFER),
        (Agency, "Parent carer", Agency.PARENT_CARER),
        (QuestionAgency, "any agency", QuestionAgency.ANY),
        (Phase, "ks3", Phase.KS3),
        (Phase, "Key stage 4 (Y10-11)", Phase.KS4),
        (TemplateKind, "setting quality visit", TemplateKind.SETTING_VISIT),
        (SettingType, "Further education", SettingType.FURTHER_EDUCATION),
    ],
)
def test_labelled_parse_by_code_and_label(cls: type[Labelled], text: str, member: Labelled) -> None:
    assert cls.parse(text) is member


def test_labelled_parse_refuses_unknown_values_listing_the_codes() -> None:
    with pytest.raises(ValueError, match="is not a known value") as caught:
        PrimaryNeed.parse("Dyslexia")
    message = str(caught.value)
    assert message.startswith("'Dyslexia' is not a known value; use one of: SpLD, MLD, SLD")
    assert message.endswith("ASD, OTH")


def test_every_member_round_trips_through_its_code_and_its_label() -> None:
    for cls in Labelled.__subclasses__():
        for member in cls:
            assert cls.parse(member.value) is member
            assert cls.parse(member.label.upper()) is member, (cls.__name__, member, member.label)
        labels = [member.label.casefold() for member in cls]
        assert len(labels) == len(set(labels)), cls.__name__


@pytest.mark.parametrize(
    ("member", "label"),
    [
        (SettingPhase.POST_16, "16 plus"),
        (SettingPhase.EARLY_YEARS, "Early years"),
        (SettingType.EARLY_YEARS, "Early years"),
        (Phase.KS1, "Key stage 1 (Y1-2)"),
        (Phase.POST_19, "Post-19 (19-25)"),
        (PrimaryNeed.SLCN, "Speech, language and communication needs"),
        (QuestionAgency.ANY, "Any agency"),
    ],
)
def test_labels(member: Labelled, label: str) -> None:
    assert member.label == label


def test_phase_labels_are_not_overwritten_by_setting_labels_with_the_same_code() -> None:
    # StrEnum members hash as their codes, so Phase.POST_16 and SettingPhase.POST_16 (both
    # "post_16") must not share one label.
    assert (Phase.EARLY_YEARS.label, Phase.POST_16.label) == (
        "Early years (0-5)",
        "Post-16 (16-19)",
    )
    assert Phase.parse("Post-16 (16-19)") is Phase.POST_16


# -- the days AuditDesk works with --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["0001", "0000", "9999", "1999", "2100", "Autumn 9999", "Spring 0001", "9999/00",
     "9999/00 Q4", "0001/02 Q1", "1999/00", "2099/00", "2099/00 Q4"],
)  # fmt: skip
def test_periods_outside_the_accepted_days_are_refused_naming_the_range(text: str) -> None:
    with pytest.raises(ValueError, match="from 1 January 2000 to 31 December 2099"):
        parse_period(text)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2000", date(2000, 1, 1), date(2000, 12, 31)),
        ("Spring 2000", date(2000, 1, 1), date(2000, 3, 31)),
        ("1999/00 Q4", date(2000, 1, 1), date(2000, 3, 31)),
        ("2099", date(2099, 1, 1), date(2099, 12, 31)),
        ("2099/00 Q3", date(2099, 10, 1), date(2099, 12, 31)),
        ("Autumn 2099", date(2099, 9, 1), date(2099, 12, 31)),
    ],
)
def test_periods_at_the_edges_of_the_accepted_days_are_read(
    text: str, start: date, end: date
) -> None:
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)


@given(st.text(alphabet="0123456789/ QqAutmnSpriguer", max_size=16))
def test_any_period_text_is_read_inside_the_range_or_refused_in_words(text: str) -> None:
    try:
        period = parse_period(text)
    except ValueError as problem:
        said = str(problem)
    else:
        assert EARLIEST_DAY <= period.start <= period.end <= LATEST_DAY
        return
    assert said.startswith(f"'{text}'"), said  # names what was given


@given(st.dates())
def test_a_day_is_accepted_exactly_when_it_is_inside_the_range(day: date) -> None:
    if EARLIEST_DAY <= day <= LATEST_DAY:
        assert check_day(day) == day
    else:
        with pytest.raises(ValueError, match="from 1 January 2000 to 31 December 2099"):
            check_day(day)
