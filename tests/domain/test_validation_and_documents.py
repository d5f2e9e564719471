"""Checks on typed input, canonical JSON and the audit document's content hash."""

from __future__ import annotations

import copy
import json
import math
import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditdesk.domain.audit_document import DOCUMENT_FORMAT, audit_content_hash, audit_document
from auditdesk.domain.canonical import canonical_json, content_hash
from auditdesk.domain.validation import (
    MIN_REASON_LENGTH,
    child_reference,
    reason,
    required_text,
    setting_urn,
)
from auditdesk.errors import InvalidInput, UserError

# -- child reference ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("CE-10423", "CE-10423"),
        ("ce-10423", "CE-10423"),
        ("  ce-10423 ", "CE-10423"),
        ("10423", "10423"),
        ("A1B", "A1B"),
        ("SEN-2025-0042", "SEN-2025-0042"),
    ],
)
def test_child_reference_accepts_pseudonymous_references(typed: str, stored: str) -> None:
    assert child_reference(typed) == stored


@pytest.mark.parametrize(
    "name", ["Jane Smith", "Jane", "O'Brien", "jane.smith", "JANE-SMITH", "Zoë 12"]
)
def test_child_reference_refuses_names(name: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        child_reference(name)
    message = str(caught.value)
    assert f"'{name}' is not a pseudonymous reference" in message
    assert "never the child's name" in message
    assert "CE-10423" in message
    assert isinstance(caught.value, UserError)


@pytest.mark.parametrize("bad", ["C1", "-CE1", "CE 10423", "CE_10423", "X" * 24 + "1"])
def test_child_reference_refuses_wrong_shapes(bad: str) -> None:
    with pytest.raises(InvalidInput, match="pseudonymous"):
        child_reference(bad)


def test_child_reference_longest_allowed() -> None:
    assert child_reference("x" * 23 + "1") == "X" * 23 + "1"


@pytest.mark.parametrize("blank", ["", "   "])
def test_child_reference_must_be_given(blank: str) -> None:
    with pytest.raises(InvalidInput, match=r"^Enter the child's pseudonymous reference"):
        child_reference(blank)


@given(st.text(alphabet=st.characters(categories=["Lu", "Ll", "Zs"]), min_size=1, max_size=30))
def test_child_reference_without_a_digit_is_always_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        child_reference(text)


# -- URN, required text, reasons ---------------------------------------------------------


@pytest.mark.parametrize(("typed", "stored"), [("123456", "123456"), (" 1234567 ", "1234567")])
def test_urn_is_six_or_seven_digits(typed: str, stored: str) -> None:
    assert setting_urn(typed) == stored


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_urn_may_be_left_blank(blank: str | None) -> None:
    assert setting_urn(blank) is None


@pytest.mark.parametrize("bad", ["12345", "12345678", "12345a", "123 456", "URN123456"])
def test_urn_refuses_other_shapes(bad: str) -> None:
    with pytest.raises(InvalidInput, match="6 or 7 digits"):
        setting_urn(bad)


def test_urn_refuses_non_ascii_digits() -> None:
    # \d would also match other scripts' digits, such as Arabic-Indic "١٢٣٤٥٦".
    for bad in ("١٢٣٤٥٦", "１２３４５６"):
        with pytest.raises(InvalidInput, match="6 or 7 digits"):
            setting_urn(bad)


def test_required_text() -> None:
    assert required_text("  Crewe ", "the locality", max_length=80) == "Crewe"
    with pytest.raises(InvalidInput, match=r"^Enter the locality\.$"):
        required_text("  ", "the locality", max_length=80)
    with pytest.raises(
        InvalidInput, match=r"^The locality is too long \(5 characters at most\)\.$"
    ):
        required_text("Macclesfield", "the locality", max_length=5)


def test_reason_has_a_minimum_length() -> None:
    assert MIN_REASON_LENGTH == 10
    assert reason("  Moderated   by\npanel ", "the override") == "Moderated by panel"
    with pytest.raises(InvalidInput) as caught:
        reason("too   short", "reopening")  # 9 characters once spaces are collapsed
    message = str(caught.value)
    assert "Give a reason for reopening (at least 10 characters)" in message
    assert "change trail" in message
    assert reason("ten chars!", "x") == "ten chars!"
    for empty in (None, "", "         \n"):
        with pytest.raises(InvalidInput):
            reason(empty, "the override")


# -- canonical JSON ------------------------------------------------------------------------


def test_canonical_json_sorts_keys_and_has_no_spaces() -> None:
    assert canonical_json({"b": 1, "a": [2, {"d": None, "c": True}]}) == (
        b'{"a":[2,{"c":true,"d":null}],"b":1}'
    )


def test_canonical_json_is_utf8_not_escaped() -> None:
    data = canonical_json({"note": "Zoë › café — ok"})
    assert data == '{"note":"Zoë › café — ok"}'.encode()
    assert b"\\u" not in data


def test_canonical_json_refuses_nan() -> None:
    with pytest.raises(ValueError, match="not JSON compliant"):
        canonical_json({"x": math.nan})


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(
    st.dictionaries(st.text(max_size=8), json_values, max_size=6), st.randoms(use_true_random=False)
)
def test_canonical_json_is_independent_of_key_order_and_round_trips(
    value: dict[str, Any], rng: random.Random
) -> None:
    items = list(value.items())
    rng.shuffle(items)
    assert canonical_json(dict(items)) == canonical_json(value)
    assert content_hash(dict(items)) == content_hash(value)
    assert json.loads(canonical_json(value).decode("utf-8")) == value


def test_content_hash_is_sha256_hex() -> None:
    assert content_hash({}) == "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"


# -- audit document -------------------------------------------------------------------------


def header(**changes: Any) -> dict[str, Any]:
    base = {
        "id": 17,  # local row id: not part of the content
        "uuid": "a-1",
        "reference": "AUD-2026-0001",
        "template_id": "ehcp-quality",
        "template_version": 1,
        "template_sha256": "0" * 64,
        "subject_kind": "plan",
        "child_reference": "CE-10423",
        "plan_stage": "new_plan",
        "year_group": 10,
        "audit_date": "2026-11-20",
        "status": "completed",
        "suggested_grade": "good",
        "updated_at": "2026-11-20T10:30:00Z",  # bookkeeping: not part of the content
    }
    return {**base, **changes}


TEAM = [
    {"auditor_uuid": "p-2", "agency": "health", "position": 1},
    {"auditor_uuid": "p-1", "agency": "education", "position": 0},
]
BLOCKS = [
    {
        "uuid": "b-2",
        "section_id": "outcome",
        "parent_uuid": None,
        "label": "Outcome 2",
        "position": 1,
    },
    {
        "uuid": "b-1",
        "section_id": "outcome",
        "parent_uuid": None,
        "label": "Outcome 1",
        "position": 0,
    },
]
ANSWERS = [
    {
        "question_id": "e.outcomes_smart",
        "block_uuid": "b-2",
        "rating": "good",
        "comment": "",
        "evidence": "",
        "board_highlight": None,
    },
    {
        "question_id": "a.child_voice",
        "block_uuid": None,
        "rating": "requires_improvement",
        "comment": "Views not dated",
        "evidence": "p.3",
        "board_highlight": "working_well",
    },
    {
        "question_id": "e.outcomes_smart",
        "block_uuid": "b-1",
        "rating": "outstanding",
        "comment": "",
        "evidence": "",
        "board_highlight": None,
    },
]


def doc_hash(
    head: dict[str, Any] | None = None,
    team: list[dict[str, Any]] | None = None,
    blocks: list[dict[str, Any]] | None = None,
    answers: list[dict[str, Any]] | None = None,
) -> str:
    return audit_content_hash(
        audit_document(
            head if head is not None else header(),
            team if team is not None else TEAM,
            blocks if blocks is not None else BLOCKS,
            answers if answers is not None else ANSWERS,
        )
    )


def test_document_shape() -> None:
    document = audit_document(header(), TEAM, BLOCKS, ANSWERS)
    assert document["format"] == DOCUMENT_FORMAT
    assert "id" not in document["audit"]
    assert "updated_at" not in document["audit"]
    assert document["audit"]["override_grade"] is None  # absent fields are explicit nulls
    assert [m["auditor_uuid"] for m in document["team"]] == ["p-1", "p-2"]
    assert [b["uuid"] for b in document["blocks"]] == ["b-1", "b-2"]
    assert [(a["question_id"], a["block_uuid"]) for a in document["answers"]] == [
        ("a.child_voice", None),
        ("e.outcomes_smart", "b-1"),
        ("e.outcomes_smart", "b-2"),
    ]


@given(st.permutations(ANSWERS), st.permutations(BLOCKS), st.permutations(TEAM))
def test_hash_ignores_list_order(
    answers: list[dict[str, Any]], blocks: list[dict[str, Any]], team: list[dict[str, Any]]
) -> None:
    assert doc_hash(answers=answers, blocks=blocks, team=team) == doc_hash()


def test_hash_ignores_bookkeeping_fields() -> None:
    moved = header(id=99, updated_at="2027-01-01T00:00:00Z", updated_by="someone else")
    extra_answers = [{**answer, "id": n, "updated_at": "x"} for n, answer in enumerate(ANSWERS)]
    assert doc_hash(head=moved, answers=extra_answers) == doc_hash()


def test_a_mark_for_the_board_is_not_content() -> None:
    """The quality lead marking a comment must not make a new revision of the audit."""
    answers = copy.deepcopy(ANSWERS)
    answers[1]["board_highlight"] = "needs_improvement"
    answers[0]["board_highlight"] = None
    assert doc_hash(answers=answers) == doc_hash()
    assert all(
        "board_highlight" not in a
        for a in audit_document(header(), TEAM, BLOCKS, answers)["answers"]
    )


@pytest.mark.parametrize(
    ("index", "field", "value"),
    [
        (0, "rating", "outstanding"),
        (0, "comment", "Outcome is time-bound"),
        (1, "comment", "Views not dated."),
        (1, "evidence", "p.4"),
        (2, "block_uuid", None),
        (2, "rating", None),
    ],
)
def test_hash_changes_with_any_answer_content(index: int, field: str, value: Any) -> None:
    answers = copy.deepcopy(ANSWERS)
    answers[index][field] = value
    assert doc_hash(answers=answers) != doc_hash()


def test_hash_changes_with_header_blocks_and_team() -> None:
    original = doc_hash()
    assert (
        doc_hash(head=header(override_grade="inadequate", override_reason="Panel view")) != original
    )
    assert doc_hash(head=header(year_group=11)) != original
    assert doc_hash(blocks=[{**BLOCKS[0], "label": "Outcome two"}, BLOCKS[1]]) != original
    assert doc_hash(team=TEAM[:1]) != original
    assert doc_hash(answers=ANSWERS[:2]) != original


def test_moderation_and_sign_off_hash_like_completed() -> None:
    completed = doc_hash(head=header(status="completed"))
    assert doc_hash(head=header(status="moderated")) == completed
    assert doc_hash(head=header(status="signed_off")) == completed
    assert (
        audit_document(header(status="signed_off"), TEAM, BLOCKS, ANSWERS)["audit"]["status"]
        == "completed"
    )
    # A draft is the auditor's own state and hashes differently.
    assert doc_hash(head=header(status="draft")) != completed
