"""Clinic-day packet jobs, rendered in the background and kept for a limited time."""

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinic.auth.models import User
from clinic.database import UTCDateTime
from clinic.events.models import ClinicEvent
from clinic.extensions import db


class PacketJob(db.Model):
    __tablename__ = "packet_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("clinic_events.id", ondelete="CASCADE"), index=True
    )
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    include_review_sheets: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(16), default="queued")  # queued, rendering,
    # done, failed, expired
    done: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    file_token: Mapped[str | None] = mapped_column(String(64), nullable=True)
    pages: Mapped[int | None] = mapped_column(nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at = mapped_column(UTCDateTime, nullable=False)
    finished_at = mapped_column(UTCDateTime, nullable=True)

    event: Mapped[ClinicEvent] = relationship()
    requested_by: Mapped[User] = relationship()

    @property
    def percent(self):
        return int(100 * self.done / self.total) if self.total else 0
