"""Who audits and what is audited: auditors, settings, children (known only by a
pseudonymous reference) and their plans."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from auditdesk.store.models.base import Base, Travelling


class Auditor(Travelling, Base):
    __tablename__ = "auditors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    agency: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(32))


class Setting(Travelling, Base):
    """A school, college or early-years setting (not an application setting)."""

    __tablename__ = "settings"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    urn: Mapped[str | None] = mapped_column(String(12))
    setting_type: Mapped[str] = mapped_column(String(32))
    phase: Mapped[str] = mapped_column(String(32))
    locality: Mapped[str] = mapped_column(String(80))


class Child(Travelling, Base):
    """A child or young person, known only by a local pseudonymous reference."""

    __tablename__ = "children"
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    year_group: Mapped[int] = mapped_column(Integer)
    primary_need: Mapped[str] = mapped_column(String(8))
    locality: Mapped[str] = mapped_column(String(80))
    setting_id: Mapped[int | None] = mapped_column(ForeignKey("settings.id"))


class Plan(Travelling, Base):
    __tablename__ = "plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    stage: Mapped[str] = mapped_column(String(32))
    issue_date: Mapped[date | None] = mapped_column(Date)
    setting_id: Mapped[int | None] = mapped_column(ForeignKey("settings.id"))
