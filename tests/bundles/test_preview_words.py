"""What the import preview says of a bundle: who sent it (their name and agency), when,
and what they chose, once, in words; never the sending laptop's device id or another
internal id."""

from __future__ import annotations

from auditdesk.domain.wording import date_time_text
from auditdesk.services.bundles import ChosenAudits, UnsentCompleted, preview_bundle
from auditdesk.services.bundles._results import BundlePreview, chosen_in_words
from tests.bundles.helpers import Laptop, completed_audit
from tests.visible_text import internal_ids_in


def everything_said(preview: BundlePreview) -> list[str]:
    return [preview.summary(), *preview.lines(), *(item.description for item in preview.items)]


def test_the_sender_and_what_they_chose_are_said_once_in_words(
    health_auditor: Laptop, lead: Laptop
) -> None:
    made = [completed_audit(health_auditor, f"CE-1000{n}") for n in (1, 2)]
    preview = preview_bundle(lead.ctx, health_auditor.send(UnsentCompleted(), "monday"))

    summary = preview.summary()
    assert summary.startswith(
        f"Sent by Morgan Health (Health) on {date_time_text(preview.created_at)}: "
        "completed audits not yet sent (2 audits). New: 2 audits and "
    ), summary
    assert summary.count("Morgan Health") == 1
    assert summary.count("not yet sent") == 1
    said = everything_said(preview)
    device = health_auditor.db.device_id
    assert not [text for text in said if "device" in text or device[:8] in text]
    assert internal_ids_in(said, extra_ids=[device, *(a.uuid for a in made)]) == []


def test_audits_chosen_one_by_one_are_counted_once(auditor: Laptop, lead: Laptop) -> None:
    made = [completed_audit(auditor, f"CE-1000{n}") for n in (1, 2, 3)]
    chosen = ChosenAudits(tuple(a.uuid for a in made[:2]))
    preview = preview_bundle(lead.ctx, auditor.send(chosen, "two"))
    assert preview.sent() == (
        f"Sent by Sam Practice (Education) on {date_time_text(preview.created_at)}: "
        "2 audits chosen one by one."
    )


def test_what_was_chosen_reads_whatever_the_count() -> None:
    assert chosen_in_words("1 chosen audit", 1) == "1 audit chosen one by one"
    assert chosen_in_words("1,200 chosen audits", 1_200) == "1,200 audits chosen one by one"
    assert (
        chosen_in_words("completed audits changed since 3 November 2026", 1)
        == "completed audits changed since 3 November 2026 (1 audit)"
    )
