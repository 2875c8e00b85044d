"""The audit trail: one function records who did what to which object, and when (UTC).

Events are chained by hash when they commit (security.audit_chain; `clinic verify-audit`)."""

from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from clinic.clock import utcnow
from clinic.database import UTCDateTime
from clinic.extensions import db
from clinic.privacy import redact
from clinic.security import audit_chain


class AuditEvent(db.Model):
    __tablename__ = "audit_events"
    # A case's history and the review page read one object's events.
    __table_args__ = (Index("ix_audit_events_object_type_object_id", "object_type", "object_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at = mapped_column(UTCDateTime, nullable=False, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True, index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    object_type: Mapped[str | None] = mapped_column(String(64), nullable=True)
    object_id: Mapped[int | None] = mapped_column(nullable=True)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    # The hash chain (security.audit_chain): the place in the chain and the link's HMAC, set
    # when the event's transaction commits. NULL only for events from before the chain.
    seq: Mapped[int | None] = mapped_column(unique=True, nullable=True)
    chain_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)


audit_chain.install(FlaskSession, AuditEvent)


def record(action, *, actor=None, target=None, at=None, **details):
    """Add an audit event to the current transaction (the caller commits it with its change).

    `target` is any model with an `id`; its table name is kept as the object type. `details`
    hold codes and ids only: strings are passed through the personal-data redactor anyway.
    """
    if target is not None and target.id is None:
        db.session.flush()
    event = AuditEvent(
        at=at or utcnow(),
        actor_id=getattr(actor, "id", None),
        action=action,
        object_type=target.__tablename__ if target is not None else None,
        object_id=target.id if target is not None else None,
        details={key: _clean(value) for key, value in details.items()},
    )
    db.session.add(event)
    return event


def _clean(value):
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, bool | int | float) or value is None:
        return value
    return redact(str(value))
