"""Review claims, sign-offs (never edited or deleted) and the voids that undo them."""

import datetime
import enum

from flask_babel import lazy_gettext as _l
from sqlalchemy import Date, ForeignKey, String, event, inspect
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinic.auth.models import User, enum_column
from clinic.cases.models import Case, ScreeningRun
from clinic.database import UTCDateTime
from clinic.extensions import db
from clinic.security.types import EncryptedJSON, EncryptedText


class Decision(enum.StrEnum):
    APPROVE = "approve"
    APPROVE_WITH_CONDITIONS = "approve_with_conditions"
    NEEDS_INFO = "needs_info"
    REFER = "refer"
    NOT_YET = "not_yet"
    CLOSE = "close"

    @property
    def label(self):
        return {
            Decision.APPROVE: _l("Approve to file"),
            Decision.APPROVE_WITH_CONDITIONS: _l("Approve, once documents are brought"),
            Decision.NEEDS_INFO: _l("Needs more information"),
            Decision.REFER: _l("Refer for full representation"),
            Decision.NOT_YET: _l("Not eligible now: come back later"),
            Decision.CLOSE: _l("Close the case"),
        }[self]


class ReviewClaim(db.Model):
    """An attorney working a case; other attorneys see it is taken until the claim expires."""

    __tablename__ = "review_claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    attorney_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    claimed_at = mapped_column(UTCDateTime, nullable=False)
    expires_at = mapped_column(UTCDateTime, nullable=False)

    attorney: Mapped[User] = relationship()


class SignOff(db.Model):
    """An attorney's decision on the exact facts they saw. Written once, never changed."""

    __tablename__ = "sign_offs"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    screening_run_id: Mapped[int] = mapped_column(ForeignKey("screening_runs.id"))
    signer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    signer_name: Mapped[str] = mapped_column(String(200))
    credential: Mapped[str] = mapped_column(String(150))  # "Bar admission: MA BBO 612345"
    signed_at = mapped_column(UTCDateTime, nullable=False)
    decision: Mapped[Decision] = mapped_column(enum_column(Decision))
    # Encrypted at rest (security.types): notes and facts speak of the applicant's record.
    resolutions: Mapped[list] = mapped_column(EncryptedJSON("sign_offs.resolutions"))
    details: Mapped[dict] = mapped_column(EncryptedJSON("sign_offs.details"))
    facts_hash: Mapped[str] = mapped_column(String(64), index=True)
    facts: Mapped[dict] = mapped_column(EncryptedJSON("sign_offs.facts"))  # what was seen
    # Every answer the N-400 prints, as the attorney saw them (None: signed before the sign-off
    # covered more than the screening's facts), encrypted like the answers, and their
    # fingerprint.
    answers: Mapped[dict | None] = mapped_column(EncryptedJSON("sign_offs.answers"), nullable=True)
    answers_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    note: Mapped[str | None] = mapped_column(EncryptedText("sign_offs.note"), nullable=True)
    # A "not yet" decision's date, in clear beside the encrypted details, so that the come-back
    # list can order and page by it in SQL (set from the details when the sign-off is saved).
    come_back_date: Mapped[datetime.date | None] = mapped_column(Date, nullable=True)

    case: Mapped[Case] = relationship()
    screening_run: Mapped[ScreeningRun] = relationship()
    signer: Mapped[User] = relationship()
    void: Mapped["SignOffVoid | None"] = relationship(back_populates="sign_off", uselist=False)

    @property
    def come_back_on(self):
        return come_back_date(self.details)


def come_back_date(details):
    """A "not yet" decision's date from its details (stored as 'YYYY-MM-DD'), or None."""
    value = details.get("come_back_on")
    return datetime.date.fromisoformat(str(value)) if value else None


class SignOffVoid(db.Model):
    """A sign-off made void because answers it rested on changed afterwards."""

    __tablename__ = "sign_off_voids"

    id: Mapped[int] = mapped_column(primary_key=True)
    sign_off_id: Mapped[int] = mapped_column(
        ForeignKey("sign_offs.id", ondelete="CASCADE"), unique=True
    )
    voided_at = mapped_column(UTCDateTime, nullable=False)
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    # [{"field", "label", "before", "after"}], encrypted: the answers before and after.
    changes: Mapped[list] = mapped_column(EncryptedJSON("sign_off_voids.changes"))

    sign_off: Mapped[SignOff] = relationship(back_populates="void")
    voided_by: Mapped[User | None] = relationship()


@event.listens_for(SignOff, "before_insert")
def _come_back_date_in_clear(mapper, connection, target):
    target.come_back_date = come_back_date(target.details or {})


@event.listens_for(SignOff, "before_update")
def _sign_offs_are_never_edited(mapper, connection, target):
    # Called for any "dirty" sign-off, e.g. when a void is attached to it; only a change to
    # one of its own columns is an edit.
    state = inspect(target)
    if any(state.attrs[column.key].history.has_changes() for column in mapper.column_attrs):
        raise ValueError("Sign-offs are never edited; a change of answers voids them instead.")


@event.listens_for(SignOff, "before_delete")
def _sign_offs_are_never_deleted(mapper, connection, target):
    raise ValueError("Sign-offs are never deleted.")
