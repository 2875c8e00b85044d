"""Clinic days: where and when, the host and partner organizations, and who staffs them."""

import datetime

from sqlalchemy import Column, ForeignKey, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinic.auth.models import Organization, User
from clinic.database import UTCDateTime
from clinic.extensions import db

clinic_event_partners = Table(
    "clinic_event_partners",
    db.metadata,
    Column("event_id", ForeignKey("clinic_events.id", ondelete="CASCADE"), primary_key=True),
    Column("organization_id", ForeignKey("organizations.id"), primary_key=True),
)


class ClinicEvent(db.Model):
    __tablename__ = "clinic_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    host_organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    site: Mapped[str] = mapped_column(String(300))
    held_on: Mapped[datetime.date] = mapped_column(index=True)
    capacity: Mapped[int] = mapped_column(default=40)
    created_at = mapped_column(UTCDateTime, nullable=False)

    host_organization: Mapped[Organization] = relationship()
    partners: Mapped[list[Organization]] = relationship(secondary=clinic_event_partners)
    staff: Mapped[list["EventStaff"]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )

    def organization_ids(self):
        return {self.host_organization_id} | {org.id for org in self.partners}


class EventStaff(db.Model):
    """A user assigned to work a clinic day (in their own role)."""

    __tablename__ = "clinic_event_staff"
    __table_args__ = (UniqueConstraint("event_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("clinic_events.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)

    event: Mapped[ClinicEvent] = relationship(back_populates="staff")
    user: Mapped[User] = relationship()
