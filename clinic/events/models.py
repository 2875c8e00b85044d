"""The clinic day."""

import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinic.auth.models import Organization
from clinic.database import UTCDateTime
from clinic.extensions import db


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
