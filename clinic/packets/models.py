"""Clinic-day packet jobs, rendered by the task queue's workers, and their finished files."""

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinic.auth.models import User
from clinic.database import UTCDateTime
from clinic.events.models import ClinicEvent
from clinic.extensions import db

# queued (waiting for a worker, or for a retry), rendering, done, failed, expired
WAITING = ("queued", "rendering")


class PacketJob(db.Model):
    __tablename__ = "packet_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("clinic_events.id", ondelete="CASCADE"), index=True
    )
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    include_review_sheets: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    done: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    attempts: Mapped[int] = mapped_column(default=0)
    pages: Mapped[int | None] = mapped_column(nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at = mapped_column(UTCDateTime, nullable=False)
    # Written by the worker while it renders; a rendering job whose heartbeat stopped for
    # PACKET_HEARTBEAT_SECONDS lost its worker and is marked failed.
    heartbeat_at = mapped_column(UTCDateTime, nullable=True)
    finished_at = mapped_column(UTCDateTime, nullable=True)

    event: Mapped[ClinicEvent] = relationship()
    requested_by: Mapped[User] = relationship()

    @property
    def percent(self):
        return int(100 * self.done / self.total) if self.total else 0


class PacketFile(db.Model):
    """A finished packet's PDF, in the database so that every host can serve it."""

    __tablename__ = "packet_files"

    job_id: Mapped[int] = mapped_column(
        ForeignKey("packet_jobs.id", ondelete="CASCADE"), primary_key=True
    )
    content: Mapped[bytes] = mapped_column(LargeBinary)
