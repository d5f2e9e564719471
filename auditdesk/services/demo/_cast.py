"""The people and places in the demo: auditors from every agency, settings of every type,
and the six terms the audits fall in."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from auditdesk.domain.periods import previous_term_key, term_key, term_period
from auditdesk.domain.record_documents import auditor_document, document_hash, setting_document
from auditdesk.domain.reference import Agency, Role
from auditdesk.services.demo._phrasebook import names_and_places as phrases
from auditdesk.services.demo._rows import Ids, Row
from auditdesk.store.models import Auditor, Setting

TERMS_COVERED = 6
QUALITY_LEADS = 3


@dataclass(frozen=True)
class Term:
    key: str
    start: date
    end: date


@dataclass(frozen=True)
class Cast:
    auditors: list[Row]
    settings: list[Row]
    terms: list[Term]

    @property
    def quality_leads(self) -> list[Row]:
        return self.auditors[:QUALITY_LEADS]

    @property
    def field_auditors(self) -> list[Row]:
        return self.auditors[QUALITY_LEADS:]


def make_cast(rng: random.Random, ids: Ids, audits: int, as_of: date) -> Cast:
    stamp = datetime.combine(as_of, time(9), tzinfo=UTC)
    return Cast(
        _auditors(rng, ids, audits, stamp), _settings(rng, ids, audits, stamp), _terms(as_of)
    )


def _auditors(rng: random.Random, ids: Ids, audits: int, stamp: datetime) -> list[Row]:
    count = min(120, max(14, audits // 150))
    agencies = (
        [Agency.EDUCATION] * 9
        + [Agency.HEALTH] * 5
        + [Agency.SOCIAL_CARE] * 4
        + [Agency.PARENT_CARER] * 2
    )
    names: set[str] = set()
    rows: list[Row] = []
    while len(rows) < count:
        name = f"{rng.choice(phrases.FIRST_NAMES)} {rng.choice(phrases.SURNAMES)}"
        if name in names:
            continue
        names.add(name)
        number = len(rows)
        if number < QUALITY_LEADS:
            agency, role = Agency.EDUCATION, Role.QUALITY_LEAD
        else:
            agency = rng.choice(agencies)
            role = Role.SETTING_AUDITOR if number % 4 == 0 else Role.PRACTICE_CHAMPION
        row: Row = {
            "id": ids.next(Auditor),
            "name": name,
            "agency": agency.value,
            "role": role.value,
        }
        row |= ids.travelling(stamp)
        row["content_hash"] = document_hash(
            auditor_document(row["uuid"], name, agency.value, role.value)
        )
        rows.append(row)
    return rows


def _settings(rng: random.Random, ids: Ids, audits: int, stamp: datetime) -> list[Row]:
    count = min(600, max(20, audits // 40))
    weights = [kind[3] for kind in phrases.SETTING_KINDS]
    used: set[str] = set()
    rows: list[Row] = []
    for number in range(count):
        suffix, setting_type, phase, _ = rng.choices(phrases.SETTING_KINDS, weights)[0]
        locality = rng.choice(phrases.LOCALITIES)
        name = f"{rng.choice(phrases.SETTING_STEMS)} {suffix}"
        if name in used:
            name = f"{name}, {locality}"
        if name in used:
            name = f"{name} {number}"
        used.add(name)
        row: Row = {
            "id": ids.next(Setting),
            "name": name,
            "urn": str(900000 + number),  # outside the DfE's issued range: plainly fictional
            "setting_type": setting_type,
            "phase": phase,
            "locality": locality,
        }
        row |= ids.travelling(stamp)
        row["content_hash"] = document_hash(
            setting_document(
                row["uuid"],
                name,
                row["urn"],
                setting_type=setting_type,
                phase=phase,
                locality=locality,
            )
        )
        rows.append(row)
    return rows


def _terms(as_of: date) -> list[Term]:
    """The last six terms up to ``as_of``, oldest first."""
    keys = [term_key(as_of)]
    while len(keys) < TERMS_COVERED:
        keys.append(previous_term_key(keys[-1]))
    terms = []
    for key in reversed(keys):
        period = term_period(key)
        terms.append(Term(key, period.start, min(period.end, as_of)))
    return terms
