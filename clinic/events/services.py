"""Clinic-day queries and changes."""

from sqlalchemy import select

from clinic import audit
from clinic.events.models import ClinicEvent
from clinic.extensions import db


def create_event(host, name, site, held_on, capacity, *, by, now):
    event = ClinicEvent(
        host_organization=host,
        name=name.strip(),
        site=site.strip(),
        held_on=held_on,
        capacity=capacity,
        created_at=now,
    )
    db.session.add(event)
    audit.record("events.created", actor=by, target=event, at=now)
    return event


def upcoming_events(organization_id, today, limit=5):
    """The next clinic days hosted by an organization, soonest first."""
    return db.session.scalars(
        select(ClinicEvent)
        .where(ClinicEvent.host_organization_id == organization_id, ClinicEvent.held_on >= today)
        .order_by(ClinicEvent.held_on)
        .limit(limit)
    ).all()
