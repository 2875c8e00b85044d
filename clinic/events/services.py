"""Clinic days: creating, editing, staffing, and which days a user may see."""

from sqlalchemy import or_, select

from clinic import audit
from clinic.auth.models import Organization, User
from clinic.auth.roles import Role
from clinic.auth.services import ServiceError
from clinic.events.models import ClinicEvent, EventStaff, clinic_event_partners
from clinic.extensions import db


def create_event(host, name, site, held_on, capacity, *, by, now, partners=()):
    event = ClinicEvent(
        host_organization=host,
        name=name.strip(),
        site=site.strip(),
        held_on=held_on,
        capacity=capacity,
        created_at=now,
    )
    event.partners = [org for org in partners if org.id != host.id]
    db.session.add(event)
    audit.record("events.created", actor=by, target=event, at=now)
    return event


def update_event(event, name, site, held_on, capacity, partners, *, by, now):
    event.name, event.site, event.held_on, event.capacity = (
        name.strip(),
        site.strip(),
        held_on,
        capacity,
    )
    event.partners = [org for org in partners if org.id != event.host_organization_id]
    audit.record("events.updated", actor=by, target=event, at=now)
    return event


def add_staff(event, user, *, by, now):
    if user.organization_id not in event.organization_ids():
        raise ServiceError("Only people of the host or partner organizations can staff this day.")
    if any(s.user_id == user.id for s in event.staff):
        return event
    event.staff.append(EventStaff(user=user))
    audit.record("events.staff_added", actor=by, target=event, at=now, user_id=user.id)
    return event


def remove_staff(event, user_id, *, by, now):
    event.staff = [s for s in event.staff if s.user_id != user_id]
    audit.record("events.staff_removed", actor=by, target=event, at=now, user_id=user_id)
    return event


def upcoming_events(organization_id, today, limit=5):
    """The next clinic days an organization hosts or joins, soonest first."""
    return db.session.scalars(
        _organization_events(organization_id)
        .where(ClinicEvent.held_on >= today)
        .order_by(ClinicEvent.held_on)
        .limit(limit)
    ).all()


def _organization_events(organization_id):
    partnered = select(clinic_event_partners.c.event_id).where(
        clinic_event_partners.c.organization_id == organization_id
    )
    return select(ClinicEvent).where(
        or_(ClinicEvent.host_organization_id == organization_id, ClinicEvent.id.in_(partnered))
    )


def visible_events_query(user):
    if user.role == Role.ADMIN:
        return select(ClinicEvent)
    staffed = select(EventStaff.event_id).where(EventStaff.user_id == user.id)
    partnered = select(clinic_event_partners.c.event_id).where(
        clinic_event_partners.c.organization_id == user.organization_id
    )
    return select(ClinicEvent).where(
        or_(
            ClinicEvent.host_organization_id == user.organization_id,
            ClinicEvent.id.in_(partnered),
            ClinicEvent.id.in_(staffed),
        )
    )


def can_view_event(user, event):
    return (
        user.role == Role.ADMIN
        or user.organization_id in event.organization_ids()
        or any(s.user_id == user.id for s in event.staff)
    )


def can_manage_event(user, event):
    return user.role == Role.ADMIN or (
        user.role == Role.COORDINATOR and user.organization_id == event.host_organization_id
    )


def staff_candidates(event):
    return db.session.scalars(
        select(User)
        .where(
            User.organization_id.in_(event.organization_ids()),
            User.active.is_(True),
            User.role != Role.ADMIN,
        )
        .order_by(User.name)
    ).all()


def organizations_except(organization_id):
    return db.session.scalars(
        select(Organization)
        .where(Organization.id != organization_id, Organization.active.is_(True))
        .order_by(Organization.name)
    ).all()
