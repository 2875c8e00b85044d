"""Clinic days: creating, editing, staffing, who may see and work a day, and check-in."""

from flask_babel import gettext as _
from sqlalchemy import or_, select

from clinic import audit
from clinic.auth.models import Organization, User
from clinic.auth.roles import Role
from clinic.auth.services import ServiceError
from clinic.cases import services as cases
from clinic.cases.models import Applicant, Case
from clinic.cases.search import find_people, find_people_among
from clinic.events.models import ClinicEvent, EventStaff, clinic_event_partners
from clinic.extensions import db

CHECK_IN_MATCHES = 20


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
        raise ServiceError(
            _("Only people of the host or partner organizations can staff this day.")
        )
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


def works_for_host(user, event):
    """Admins and the host organization's people, who may already open all the host's cases."""
    return user.role == Role.ADMIN or user.organization_id == event.host_organization_id


def is_on_staff(user, event):
    return any(s.user_id == user.id for s in event.staff)


def can_view_event(user, event):
    """That the day exists (name, date, site): its host and partner organizations, its staff."""
    return (
        works_for_host(user, event)
        or user.organization_id in event.organization_ids()
        or is_on_staff(user, event)
    )


def can_work_event(user, event):
    """The roster and check-in: the host's people, admins, and the day's staff.

    Partners work a day's cases, they do not browse the host's records: a partner
    organization's people get the roster and the check-in table only once on the day's staff.
    """
    return works_for_host(user, event) or is_on_staff(user, event)


def roster(event):
    """The day's own cases, by name."""
    return db.session.scalars(
        select(Case)
        .join(Case.applicant)
        .where(Case.event_id == event.id)
        .order_by(Applicant.family_names, Applicant.given_names)
    ).all()


def _checked_in_ids(event):
    return set(db.session.scalars(select(Case.applicant_id).where(Case.event_id == event.id)))


def check_in_matches(user, event, **clues):
    """People on file the user may pick at the day's table, best first.

    The host's people find anyone of the host organization (they may open those cases anyway);
    anyone else on the day's staff finds only the people already checked in at this day.
    """
    if works_for_host(user, event):
        return find_people([event.host_organization_id], **clues)
    at_day = _checked_in_ids(event)
    if not at_day:
        return []
    return find_people_among(at_day, **clues)[:CHECK_IN_MATCHES]


def applicant_to_check_in(user, event, applicant_id):
    """The applicant, if `user` could have found them at this day's table; otherwise None."""
    applicant = db.session.get(Applicant, applicant_id)
    if applicant is None or applicant.organization_id != event.host_organization_id:
        return None
    if works_for_host(user, event):
        return applicant
    if is_on_staff(user, event) and applicant.id in _checked_in_ids(event):
        return applicant
    return None


def check_in(applicant, event, *, by, now):
    """The person's case for the day: a new one, or the open case they already have (a person
    never has two). Returns the case and whether it was already open."""
    already_open = any(case.stage.is_open for case in applicant.cases)
    return cases.open_case(applicant, event, by=by, now=now), already_open


def can_manage_event(user, event):
    return user.role == Role.ADMIN or (
        user.role == Role.COORDINATOR and user.organization_id == event.host_organization_id
    )


def staff_candidates(event):
    """Who may still be added to the day's staff: active people of the host and partner
    organizations (admins aside) who are not on it yet."""
    staffed = select(EventStaff.user_id).where(EventStaff.event_id == event.id)
    return db.session.scalars(
        select(User)
        .where(
            User.organization_id.in_(event.organization_ids()),
            User.active.is_(True),
            User.role != Role.ADMIN,
            User.id.not_in(staffed),
        )
        .order_by(User.name)
    ).all()


def organizations_except(organization_id):
    return db.session.scalars(
        select(Organization)
        .where(Organization.id != organization_id, Organization.active.is_(True))
        .order_by(Organization.name)
    ).all()
