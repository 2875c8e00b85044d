"""What each side keeps of a carried clinic day: the laptop its exports, the server its imports."""

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinic.auth.models import User
from clinic.database import UTCDateTime
from clinic.events.models import ClinicEvent
from clinic.extensions import db


class DayExport(db.Model):
    """A bundle the laptop wrote of one clinic day (its id only: the laptop cannot read it
    back), and when the day was carried over (its personal data purged)."""

    __tablename__ = "day_exports"

    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(32), unique=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("clinic_events.id"), index=True)
    exported_at = mapped_column(UTCDateTime, nullable=False)
    exported_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    cases: Mapped[int] = mapped_column()
    carried_over_at = mapped_column(UTCDateTime, nullable=True)
    carried_over_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)

    event: Mapped[ClinicEvent] = relationship()
    exported_by: Mapped[User | None] = relationship(foreign_keys=[exported_by_id])

    @property
    def receipt(self):
        return receipt_of(self.bundle_id)


class ImportedBundle(db.Model):
    """A bundle the server imported, once: a second import of the same id changes nothing.
    `report` holds counts, ids and case numbers only (no names)."""

    __tablename__ = "imported_bundles"

    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(32), unique=True)
    laptop_key_id: Mapped[str] = mapped_column(String(16))
    laptop_event_id: Mapped[int] = mapped_column()  # the day's id on that laptop
    schema_revision: Mapped[str] = mapped_column(String(32))
    made_at = mapped_column(UTCDateTime, nullable=False)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("clinic_events.id", ondelete="SET NULL"), nullable=True, index=True
    )
    imported_at = mapped_column(UTCDateTime, nullable=False, index=True)
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    report: Mapped[dict] = mapped_column(JSON, default=dict)

    event: Mapped[ClinicEvent | None] = relationship()
    imported_by: Mapped[User | None] = relationship()

    @property
    def receipt(self):
        return receipt_of(self.bundle_id)


def receipt_of(bundle_id):
    """The code the server's report shows and the laptop asks for before it purges the day."""
    return bundle_id[:8].upper()
