"""After the server has imported a day: the laptop purges the day's personal data, keeping
counts (the retention purge's own deletion, security/retention.py)."""

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select

from clinic.auth.services import ServiceError
from clinic.carry.models import DayExport, receipt_of
from clinic.cases.models import Case
from clinic.extensions import db
from clinic.security import retention


def exports_of(event):
    return db.session.scalars(
        select(DayExport).where(DayExport.event_id == event.id).order_by(DayExport.id.desc())
    ).all()


def carry_over(event, receipt, *, by, now, changed_too=False):
    """Purge the day's cases once `receipt` names one of its exports and nothing changed since
    that export (or `changed_too`: the person redid those changes on the server); returns how
    many cases went."""
    receipt = (receipt or "").strip().upper()
    export = next((e for e in exports_of(event) if receipt_of(e.bundle_id) == receipt), None)
    if export is None:
        raise ServiceError(
            _(
                "That is not the receipt of an export of this day. The server's import report "
                "shows it (8 letters and digits)."
            ),
            field="receipt",
        )
    changed = list(
        db.session.scalars(
            select(Case.reference)
            .where(Case.event_id == event.id, Case.updated_at > export.exported_at)
            .order_by(Case.id)
        )
    )
    if changed and not changed_too:
        raise ServiceError(
            ngettext(
                "%(num)d case of this day changed after that export (%(cases)s): the server "
                "has them as they were. Make the same changes there, then purge, saying so; "
                "or, if the server has not imported the day yet, export it again.",
                "%(num)d cases of this day changed after that export (%(cases)s): the server "
                "has them as they were. Make the same changes there, then purge, saying so; "
                "or, if the server has not imported the day yet, export it again.",
                len(changed),
                cases=", ".join(changed[:10]) + ("…" if len(changed) > 10 else ""),
            ),
            field="changed_too",
        )
    ids = list(db.session.scalars(select(Case.id).where(Case.event_id == event.id)))
    purged = retention.purge_cases(
        retention.listed(ids), now, action="carry.carried_over", actor=by, event_id=event.id
    )
    export.carried_over_at, export.carried_over_by_id = now, getattr(by, "id", None)
    return len(purged)
