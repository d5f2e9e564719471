"""The preview, made quicker, still judges as before: a bundle's members are judged in
order (the first fault is the one refused and logged), time stamps remembered once
accepted are never remembered when refused, and where a template puts its answers is
worked out for that template alone."""

from __future__ import annotations

import hashlib
import logging
import zipfile
from pathlib import Path

import pytest
from pydantic import ValidationError

from auditdesk.domain.bundle_documents import AnswerDocument, AuditDocument
from auditdesk.domain.bundle_format import RecordStamps
from auditdesk.domain.bundle_types import STAMP_OUT_OF_RANGE
from auditdesk.domain.canonical import canonical_json
from auditdesk.domain.template_index import TemplateIndex
from auditdesk.domain.template_loader import load_template_text
from auditdesk.errors import BundleProblem
from auditdesk.services.bundles import preview_bundle
from auditdesk.services.bundles._fit import misfit
from tests.bundles.helpers import QUICK_CHECK, Laptop
from tests.bundles.zips import read_parts, write_zip

NOT_JSON = b"{not json"
SHA_WORDS = "does not match the SHA-256 its manifest gives"


def _with_members(genuine: Path, target: Path, listed: dict[str, bytes], altered: set[str]) -> Path:
    """``genuine`` with members replaced by ``listed`` (the manifest giving their new SHA-256)
    and each member named in ``altered`` changed after the manifest was written."""
    manifest = read_parts(genuine)["manifest.json"]
    for entry in manifest["members"]:
        if entry["name"] in listed:
            data = listed[entry["name"]]
            entry.update(sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    entries = [("manifest.json", canonical_json(manifest))]
    with zipfile.ZipFile(genuine) as archive:
        for name in archive.namelist():
            if name != "manifest.json":
                data = listed.get(name, archive.read(name))
                entries.append((name, data + b" " if name in altered else data))
    return write_zip(target, entries)


def _audit_member(genuine: Path) -> str:
    with zipfile.ZipFile(genuine) as archive:
        return next(name for name in archive.namelist() if name.startswith("audits/"))


@pytest.mark.logs_errors
@pytest.mark.parametrize("first_fault", ["not JSON", "altered"])
def test_the_first_member_at_fault_is_the_one_refused_and_logged(
    genuine: Path,
    lead: Laptop,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    first_fault: str,
) -> None:
    """The audit's member comes before records.json; each has a fault, and only the
    audit's is refused and logged (whatever is read ahead of the checks, say to save time,
    must not be judged before it)."""
    audit = _audit_member(genuine)
    target = tmp_path / "two-faults.auditdesk"
    if first_fault == "not JSON":
        bundle = _with_members(genuine, target, {audit: NOT_JSON}, {"records.json"})
        expected, not_expected = "is not valid JSON", SHA_WORDS
    else:
        bundle = _with_members(genuine, target, {"records.json": NOT_JSON}, {audit})
        expected, not_expected = SHA_WORDS, "is not valid JSON"
    with caplog.at_level(logging.WARNING), pytest.raises(BundleProblem) as refused:
        preview_bundle(lead.ctx, bundle)
    message = str(refused.value)
    assert expected in message
    assert audit in message
    assert "records.json" not in message
    refusals = [r.getMessage() for r in caplog.records if "refused the bundle" in r.getMessage()]
    assert len(refusals) == 1, refusals
    assert expected in refusals[0]
    assert not_expected not in refusals[0]


def _stamps(time: str) -> dict[str, str]:
    return {"created_at": time, "updated_at": time, "author": "Sam", "device": "laptop"}


def test_a_time_stamp_refused_is_refused_every_time() -> None:
    """Accepted time stamps are remembered; refused ones never are."""
    for _ in range(3):
        with pytest.raises(ValidationError) as refused:
            RecordStamps.model_validate(_stamps("0001-01-01T00:00:00+23:59"))
        assert refused.value.errors()[0]["type"] == STAMP_OUT_OF_RANGE
        with pytest.raises(ValidationError, match="without a time zone"):
            RecordStamps.model_validate(_stamps("2026-11-20T10:30:00"))
        accepted = RecordStamps.model_validate(_stamps("2026-11-20T10:30:00+00:00"))
        assert accepted.created_at == "2026-11-20T10:30:00+00:00"


def test_where_answers_go_is_worked_out_for_each_template_alone() -> None:
    """Two versions of a template, the second without 'good' on its scale: an answer rated
    'good' fits the first and not the second, whichever is asked about first."""
    text = QUICK_CHECK.read_text(encoding="utf-8")
    first = TemplateIndex(load_template_text(text, "v1").template)
    changed = text.replace("version: 1", "version: 2").replace("code: good", "code: fine")
    second = TemplateIndex(load_template_text(changed, "v2").template)
    answer = AnswerDocument.model_construct(
        question_id="q.outcomes", block_uuid=None, rating="good", comment="", evidence=""
    )
    document = AuditDocument.model_construct(blocks=[], answers=[answer])
    for _ in range(2):
        assert misfit(first, document) is None
        assert misfit(second, document) == (
            "its rating 'good' for 'q.outcomes' is not on that question's scale"
        )
    stranger = AnswerDocument.model_construct(
        question_id="q.elsewhere", block_uuid=None, rating=None, comment="", evidence=""
    )
    assert "that its template does not have" in (
        misfit(first, AuditDocument.model_construct(blocks=[], answers=[stranger])) or ""
    )
