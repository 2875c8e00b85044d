"""Milestone dates of a case after the attorney approved it."""

import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinic.cases.models import Case
from clinic.database import UTCDateTime
from clinic.extensions import db


class Milestones(db.Model):
    __tablename__ = "milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    filed_on: Mapped[datetime.date | None]
    filing_method: Mapped[str | None] = mapped_column(String(10))  # online | paper
    fee_paid: Mapped[str | None] = mapped_column(String(10))  # full | reduced | waiver | military
    receipt_number: Mapped[str | None] = mapped_column(String(13))  # e.g. IOE0912345678
    biometrics_on: Mapped[datetime.date | None]
    interview_on: Mapped[datetime.date | None]
    interview_result: Mapped[str | None] = mapped_column(String(10))  # approved|continued|denied
    continued_reason: Mapped[str | None] = mapped_column(String(300))
    response_due_on: Mapped[datetime.date | None]
    oath_on: Mapped[datetime.date | None] = mapped_column(index=True)
    oath_place: Mapped[str | None] = mapped_column(String(200))
    certificate_number: Mapped[str | None] = mapped_column(String(20))
    certificate_recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at = mapped_column(UTCDateTime, nullable=False)

    case: Mapped[Case] = relationship(backref=db.backref("milestones", uselist=False))

    def last_news_on(self):
        dates = [
            d for d in (self.filed_on, self.biometrics_on, self.interview_on, self.oath_on) if d
        ]
        return max(dates) if dates else None


class MilestoneCorrection(db.Model):
    """A recorded milestone date corrected afterwards: the date before and after, and why.

    Kept beside the audit event (which holds codes and ids only, never dates) so the case's
    history can say what changed.
    """

    __tablename__ = "milestone_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(20))
    before: Mapped[datetime.date]
    after: Mapped[datetime.date]
    reason: Mapped[str] = mapped_column(String(200))
    corrected_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    corrected_at = mapped_column(UTCDateTime, nullable=False)
