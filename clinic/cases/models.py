"""Applicants (people), cases (one naturalization journey each), answers and screening runs."""

import datetime

from sqlalchemy import ForeignKey, Index, SmallInteger, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, validates

from clinic.auth.models import Organization, User, enum_column
from clinic.cases.stages import Stage
from clinic.database import UTCDateTime
from clinic.events.models import ClinicEvent
from clinic.extensions import db
from clinic.security.types import EncryptedJSON, EncryptedText, blind_index


class Applicant(db.Model):
    """A person. Identity fields are columns so that search and duplicate checks can use them."""

    __tablename__ = "applicants"
    __table_args__ = (
        UniqueConstraint("organization_id", "a_number_index"),
        # The duplicate finder's strong keys, within one organization's people.
        Index("ix_applicants_organization_id_date_of_birth", "organization_id", "date_of_birth"),
        Index("ix_applicants_organization_id_phone", "organization_id", "phone"),
    )

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
    # Kept in step with the names by clinic/cases/names.py, whatever changes them.
    name_words: Mapped[list["ApplicantNameWord"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
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


class ApplicantNameWord(db.Model):
    """One folded word of a person's name, or two neighbouring words written together: the
    duplicate finder reaches people through the words like the typed ones, by index."""

    __tablename__ = "applicant_name_words"
    # Clustered on the key on SQLite, so that a lookup by word reads the whole row in the index.
    __table_args__ = {"sqlite_with_rowid": False}

    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), primary_key=True)
    word: Mapped[str] = mapped_column(String(64), primary_key=True)
    applicant_id: Mapped[int] = mapped_column(
        ForeignKey("applicants.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    word_count: Mapped[int] = mapped_column(SmallInteger)  # how many words the name has


class NameWordKey(db.Model):
    """The keys a name word is found by, whoever bears it: the word, each of its one-letter
    deletions (one typo or swapped pair of letters leaves one in common), its Metaphone code.
    Holds words only, never who bears them (that is `applicant_name_words`, per organization)."""

    __tablename__ = "name_word_keys"
    __table_args__ = {"sqlite_with_rowid": False}

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    word: Mapped[str] = mapped_column(String(64), primary_key=True)


class PossibleDuplicate(db.Model):
    """A person checked in at one member organization who is likely on file at another: the
    volunteer is told only that (no data of the other organization); the coalition admin, who
    sees both records, links them when they are the same person."""

    __tablename__ = "possible_duplicates"
    __table_args__ = (UniqueConstraint("applicant_id", "other_applicant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    applicant_id: Mapped[int] = mapped_column(
        ForeignKey("applicants.id", ondelete="CASCADE"), index=True
    )
    other_applicant_id: Mapped[int] = mapped_column(
        ForeignKey("applicants.id", ondelete="CASCADE"), index=True
    )
    reasons: Mapped[str] = mapped_column(String(200))
    found_at = mapped_column(UTCDateTime, nullable=False, index=True)
    found_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    linked_at = mapped_column(UTCDateTime, nullable=True)
    linked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)

    applicant: Mapped[Applicant] = relationship(foreign_keys=[applicant_id])
    other_applicant: Mapped[Applicant] = relationship(foreign_keys=[other_applicant_id])
    linked_by: Mapped[User | None] = relationship(foreign_keys=[linked_by_id])


class Case(db.Model):
    __tablename__ = "cases"
    # The case list's order (latest change first) and the stuck list's (longest in the stage
    # first): read from an index a page at a time, not sorted from every case.
    __table_args__ = (
        Index("ix_cases_updated_at", "updated_at", "id"),
        Index("ix_cases_stage_changed_at", "stage_changed_at", "id"),
    )

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
    # How many of the latest screening's documents are not checked as brought (kept in step
    # below), so that the follow-up list filters in SQL instead of reading every screening.
    documents_missing: Mapped[int] = mapped_column(default=0, server_default="0", index=True)
    closed_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # What reports count by, in clear beside the encrypted answers and results they come from
    # (kept in step below, as the documents count is): the preferred language (a code of
    # clinic.i18n.languages, or as typed), the state and town lived in now, and the latest
    # screening's outcome and finding codes (" "-delimited on both ends, as on the runs).
    preferred_language: Mapped[str | None] = mapped_column(String(40), nullable=True)
    home_state: Mapped[str | None] = mapped_column(String(2), nullable=True)
    home_town: Mapped[str | None] = mapped_column(String(100), nullable=True)
    screening_outcome: Mapped[str | None] = mapped_column(String(16), nullable=True)
    screening_codes: Mapped[str] = mapped_column(Text, default=" ", server_default=" ")

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
    # The result's finding codes, " "-delimited on both ends, for lists to filter on with LIKE
    # without loading each run's JSON; set from `result` when the run is saved.
    finding_codes: Mapped[str] = mapped_column(Text, default=" ", server_default=" ")

    case: Mapped[Case] = relationship(back_populates="screening_runs")

    @property
    def codes(self):
        return self.finding_codes.split()


def codes_column(result):
    return " " + " ".join(sorted({f["code"] for f in result.get("findings", [])})) + " "


def missing_documents(case):
    """The latest screening's documents (dicts) not yet checked as brought."""
    section = case.section("documents")
    return still_to_bring(case.latest_screening, section.answers if section else {})


def still_to_bring(run, documents_answers):
    """The documents (dicts) a screening run asks for that the "documents" section's answers
    do not check as brought."""
    brought = set(documents_answers.get("brought", []))
    return [d for d in (run.result.get("documents", []) if run else []) if d["code"] not in brought]


@event.listens_for(ScreeningRun, "before_insert")
@event.listens_for(ScreeningRun, "before_update")
def _store_finding_codes(mapper, connection, run):
    run.finding_codes = codes_column(run.result or {})


def _changes_documents(obj):
    return isinstance(obj, ScreeningRun) or (
        isinstance(obj, IntakeSection) and obj.key == "documents"
    )


def report_facts(case):
    """{column: value} of what reports count a case by, read from its answers and its latest
    screening (the columns on Case above)."""
    contact, residence = case.section("contact"), case.section("residence")
    run = case.latest_screening
    return {
        "preferred_language": spoken_language(contact.answers if contact else {}),
        "home_state": ((residence.answers if residence else {}).get("state") or None),
        "home_town": current_town(residence.answers if residence else {}),
        "screening_outcome": run.outcome if run else None,
        "screening_codes": codes_column(run.result or {}) if run else " ",
    }


def spoken_language(answers):
    """The preferred language: its code when it names a listed language, else as typed."""
    from clinic.i18n.languages import known_language

    answer = answers.get("language")
    typed = str(answer).strip()[:40] if answer else ""
    return known_language(answer) or typed or None


def current_town(answers):
    """The city or town of the address lived at now (the first without a move-out date)."""
    for row in answers.get("addresses") or []:
        if isinstance(row, dict) and not row.get("moved_out"):
            return str(row.get("city") or "").strip()[:100] or None
    return None


def _changes_report_facts(obj):
    return isinstance(obj, ScreeningRun) or (
        isinstance(obj, IntakeSection) and obj.key in ("contact", "residence")
    )


@event.listens_for(Session, "before_flush")
def _keep_case_facts_in_step(session, flush_context, instances):
    """A new screening or a saved checklist changes what is still to bring; a new screening or
    saved contact or residence answers change what reports count the case by."""
    changed = [obj for obj in list(session.new) + list(session.dirty)]
    for case in {obj.case for obj in changed if _changes_documents(obj) and obj.case is not None}:
        count = len(missing_documents(case))
        if case.documents_missing != count:
            case.documents_missing = count
    for case in {obj.case for obj in changed if _changes_report_facts(obj) and obj.case}:
        for column, value in report_facts(case).items():
            if getattr(case, column) != value:
                setattr(case, column, value)
