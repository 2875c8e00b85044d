"""Applicants (people), cases (one naturalization journey each), answers and screening runs."""

import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from clinic.auth.models import Organization, User, enum_column
from clinic.cases.stages import Stage
from clinic.database import UTCDateTime
from clinic.events.models import ClinicEvent
from clinic.extensions import db
from clinic.security.types import EncryptedJSON, EncryptedText, blind_index


class Applicant(db.Model):
    """A person. Identity fields are columns so that search and duplicate checks can use them."""

    __tablename__ = "applicants"
    __table_args__ = (UniqueConstraint("organization_id", "a_number_index"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    given_names: Mapped[str] = mapped_column(String(200))
    family_names: Mapped[str] = mapped_column(String(200))
    # Accent- and case-folded name tokens, " "-delimited on both ends, for LIKE searches.
    name_tokens: Mapped[str] = mapped_column(String(500), index=True)
    date_of_birth: Mapped[datetime.date] = mapped_column(index=True)
    # 9 digits, encrypted; found through its blind index (a keyed hash), set with it.
    a_number: Mapped[str | None] = mapped_column(
        EncryptedText("applicants.a_number"), nullable=True
    )
    a_number_index: Mapped[str | None] = mapped_column(String(64), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(20), nullable=True, index=True)  # digits
    created_at = mapped_column(UTCDateTime, nullable=False)

    organization: Mapped[Organization] = relationship()
    cases: Mapped[list["Case"]] = relationship(
        back_populates="applicant", order_by="Case.created_at"
    )

    @property
    def full_name(self):
        return f"{self.given_names} {self.family_names}".strip()

    @validates("a_number")
    def _index_a_number(self, _key, number):
        self.a_number_index = a_number_index(number)
        return number

    @classmethod
    def a_number_is(cls, number):
        """The SQL condition "has this A-number" (9 digits), through the blind index."""
        return cls.a_number_index == a_number_index(number)


def a_number_index(number):
    return None if number is None else blind_index(number, "applicants.a_number")


class Case(db.Model):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str | None] = mapped_column(String(20), unique=True, nullable=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicants.id"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("clinic_events.id"), index=True, nullable=True
    )
    stage: Mapped[Stage] = mapped_column(enum_column(Stage), index=True)
    stage_changed_at = mapped_column(UTCDateTime, nullable=False)
    created_at = mapped_column(UTCDateTime, nullable=False)
    updated_at = mapped_column(UTCDateTime, nullable=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    # Optimistic locking: every change bumps it; an edit made on an older version is refused.
    version: Mapped[int] = mapped_column(default=1)
    closed_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)

    applicant: Mapped[Applicant] = relationship(back_populates="cases")
    organization: Mapped[Organization] = relationship()
    event: Mapped[ClinicEvent | None] = relationship()
    created_by: Mapped[User | None] = relationship()
    sections: Mapped[list["IntakeSection"]] = relationship(
        back_populates="case", cascade="all, delete-orphan"
    )
    screening_runs: Mapped[list["ScreeningRun"]] = relationship(
        back_populates="case", order_by="ScreeningRun.id", cascade="all, delete-orphan"
    )

    # The application bumps the version (touch()); SQLAlchemy adds "AND version = <old>" to
    # the UPDATE, so a concurrent change between our read and our write fails loudly.
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    def touch(self, now):
        """Record a change: every form loaded at an older version becomes stale."""
        self.updated_at = now
        self.version = self.version + 1

    def section(self, key):
        return next((s for s in self.sections if s.key == key), None)

    @property
    def latest_screening(self):
        return self.screening_runs[-1] if self.screening_runs else None


class IntakeSection(db.Model):
    """One section's answers, as validated by its form (JSON: the questionnaire evolves with
    each N-400 edition; the fields that lists and searches need are columns elsewhere)."""

    __tablename__ = "intake_sections"
    __table_args__ = (UniqueConstraint("case_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    answers: Mapped[dict] = mapped_column(EncryptedJSON("intake_sections.answers"), default=dict)
    complete: Mapped[bool] = mapped_column(default=False)
    updated_at = mapped_column(UTCDateTime, nullable=False)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)

    case: Mapped[Case] = relationship(back_populates="sections")


class ScreeningRun(db.Model):
    """The facts built from a case's answers, the engine's result, and when."""

    __tablename__ = "screening_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    created_at = mapped_column(UTCDateTime, nullable=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    facts: Mapped[dict] = mapped_column(EncryptedJSON("screening_runs.facts"))
    result: Mapped[dict] = mapped_column(EncryptedJSON("screening_runs.result"))
    facts_hash: Mapped[str] = mapped_column(String(64), index=True)
    rules_version: Mapped[str] = mapped_column(String(10))
    outcome: Mapped[str] = mapped_column(String(16), index=True)
    earliest_filing_date: Mapped[datetime.date | None] = mapped_column(nullable=True, index=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)

    case: Mapped[Case] = relationship(back_populates="screening_runs")
