"""Elections entered by admins, and each new citizen's registration."""

import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinic.cases.models import Case
from clinic.database import UTCDateTime
from clinic.extensions import db


class Election(db.Model):
    __tablename__ = "elections"
    __table_args__ = (UniqueConstraint("state", "held_on", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(2), index=True)
    held_on: Mapped[datetime.date] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(12))  # general | primary | municipal
    name: Mapped[str] = mapped_column(String(200))
    created_at = mapped_column(UTCDateTime, nullable=False)


class VoterRegistration(db.Model):
    """What the new citizen holds, and where their registration stands."""

    __tablename__ = "voter_registrations"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    state: Mapped[str | None] = mapped_column(String(2))
    has_license: Mapped[bool] = mapped_column(default=False)
    license_shows_citizenship: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(12), default="not_yet")  # not_yet, submitted,
    # confirmed, declined
    submitted_on: Mapped[datetime.date | None]
    channel: Mapped[str | None] = mapped_column(String(16))
    confirmed_on: Mapped[datetime.date | None]
    confirmed_how: Mapped[str | None] = mapped_column(String(200))
    declined_on: Mapped[datetime.date | None]
    updated_at = mapped_column(UTCDateTime, nullable=False)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    case: Mapped[Case] = relationship()
