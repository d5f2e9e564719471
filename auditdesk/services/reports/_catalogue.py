"""Every stored template version, parsed once per export: titles, section order and the
meaning of each rating, so SQL can group by plain ids and Python only names the groups."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.grades import NOT_APPLICABLE
from auditdesk.domain.reference import TemplateKind
from auditdesk.domain.template_index import TemplateIndex
from auditdesk.domain.template_model import Question, ScaleOption
from auditdesk.services.kernel._templates import index_for
from auditdesk.store.models import TemplateVersion


@dataclass(frozen=True)
class VersionInfo:
    id: int
    template_id: str
    version: int
    title: str
    kind: TemplateKind
    index: TemplateIndex


class Catalogue:
    def __init__(self, versions: list[VersionInfo]) -> None:
        self.versions = {info.id: info for info in versions}
        self._orders: dict[int, dict[str, tuple[int, int]]] = {}
        self.latest: dict[str, VersionInfo] = {}
        for info in sorted(versions, key=lambda v: v.version):
            self.latest[info.template_id] = info

    @classmethod
    def load(cls, session: Session) -> Catalogue:
        rows = session.scalars(select(TemplateVersion)).all()
        return cls(
            [
                VersionInfo(
                    row.id,
                    row.template_id,
                    row.version,
                    row.title,
                    TemplateKind(row.kind),
                    index_for(row),
                )
                for row in rows
            ]
        )

    def title(self, template_id: str) -> str:
        info = self.latest.get(template_id)
        return info.title if info else template_id

    @cached_property
    def template_order(self) -> dict[str, int]:
        """Templates in title order (how every per-template list is sorted)."""
        ordered = sorted(
            self.latest, key=lambda template_id: (self.title(template_id), template_id)
        )
        return {template_id: position for position, template_id in enumerate(ordered)}

    def order_key(self, template_id: str) -> tuple[int, str]:
        return self.template_order.get(template_id, len(self.template_order)), template_id

    def top_sections(self, template_id: str) -> list[tuple[str, str]]:
        """(id, title) of the top-level graded sections of every version, newest first."""
        seen: dict[str, str] = {}
        versions = [v for v in self.versions.values() if v.template_id == template_id]
        for info in sorted(versions, key=lambda v: -v.version):
            for section in info.index.top_level_graded:
                seen.setdefault(section.id, section.title)
        return list(seen.items())

    def questions(self, template_id: str) -> list[tuple[str, Question, str]]:
        """(section title, question, top section id) of every rated question, newest
        version's order first, then questions only older versions had."""
        found: dict[str, tuple[str, Question, str]] = {}
        versions = [v for v in self.versions.values() if v.template_id == template_id]
        for info in sorted(versions, key=lambda v: -v.version):
            index = info.index
            for section, question in index.template.questions():
                if question.is_rated and question.id not in found:
                    top = index.top_section(section.id)
                    found[question.id] = (top.title, question, top.id)
        return list(found.values())

    def question_order(self, version_id: int) -> dict[str, tuple[int, int]]:
        """(top-level section position, question position) of each question of a version:
        the order an auditor reads the template in."""
        if version_id not in self._orders:
            index = self.versions[version_id].index
            tops = {section.id: n for n, section in enumerate(index.template.sections)}
            self._orders[version_id] = {
                question.id: (tops[index.top_section(section.id).id], n)
                for n, (section, question) in enumerate(index.template.questions())
            }
        return self._orders[version_id]

    def option(self, version_id: int, question_id: str, code: str | None) -> Rating:
        """What a stored rating means for that version's question."""
        info = self.versions.get(version_id)
        question = info.index.questions.get(question_id) if info else None
        if info is None or question is None or code is None:
            return Rating(None, None)
        if code == NOT_APPLICABLE:
            return Rating("N/A", None)
        scale = info.index.scale_for(question)
        chosen: ScaleOption | None = scale.option(code) if scale else None
        if chosen is None:  # not expected: ratings are checked against the scale when saved
            return Rating("Not on this question's scale", None)
        return Rating(chosen.label, chosen.points)


@dataclass(frozen=True)
class Rating:
    label: str | None
    points: int | None

    @property
    def meets_standard(self) -> bool:
        # 3 points is Good on the Ofsted scale, and Yes, Delivered or On track on the others.
        return self.points is not None and self.points >= 3
