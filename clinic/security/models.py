"""What retention keeps of purged cases: counts, for reports, and nothing about anyone."""

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from clinic.auth.models import enum_column
from clinic.cases.stages import Stage
from clinic.database import UTCDateTime
from clinic.extensions import db


class PurgedCases(db.Model):
    """How many cases of one organization, clinic day and final stage a purge removed."""

    __tablename__ = "purged_cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    purged_at = mapped_column(UTCDateTime, nullable=False, index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("clinic_events.id", ondelete="SET NULL"), nullable=True, index=True
    )
    stage: Mapped[Stage] = mapped_column(enum_column(Stage))
    count: Mapped[int] = mapped_column()
