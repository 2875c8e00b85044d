"""After the server has imported a day: the laptop purges the day's personal data, keeping
counts (the retention purge's own deletion, security/retention.py)."""

from sqlalchemy import func, select

from clinic.auth.services import ServiceError
from clinic.carry.models import DayExport, receipt_of
from clinic.cases.models import Case
from clinic.extensions import db
from clinic.security import retention


def exports_of(event):
    return db.session.scalars(
        select(DayExport).where(DayExport.event_id == event.id).order_by(DayExport.id.desc())
    ).all()


def carry_over(event, receipt, *, by, now):
    """Purge the day's cases once `receipt` names one of its exports and nothing changed since
    that export; returns how many cases went."""
    receipt = (receipt or "").strip().upper()
    export = next((e for e in exports_of(event) if receipt_of(e.bundle_id) == receipt), None)
    if export is None:
        raise ServiceError(
            "That is not the receipt of an export of this day. The server's import report "
            "shows it (8 letters and digits).",
            field="receipt",
        )
    last_change = db.session.scalar(
        select(func.max(Case.updated_at)).where(Case.event_id == event.id)
    )
    if last_change is not None and last_change > export.exported_at:
        raise ServiceError(
            "Cases of this day changed after that export: export the day again, import it on "
            "the server, then carry it over with the new receipt.",
            field="receipt",
        )
    ids = list(db.session.scalars(select(Case.id).where(Case.event_id == event.id)))
    purged = retention.purge_cases(
        retention.listed(ids), now, action="carry.carried_over", actor=by, event_id=event.id
    )
    export.carried_over_at, export.carried_over_by_id = now, getattr(by, "id", None)
    return len(purged)
