"""Check-in: find or create the applicant, open their case, note who may be on file at another
member organization; which cases a user may list (the lists themselves: clinic/cases/lists.py)."""

from flask_babel import gettext as _
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from clinic import audit
from clinic.auth.models import Organization
from clinic.auth.roles import Role
from clinic.auth.services import ServiceError
from clinic.cases.models import Applicant, Case, PossibleDuplicate
from clinic.cases.names import normalize_a_number, normalize_phone, tokens_column
from clinic.cases.search import find_people
from clinic.cases.stages import Stage
from clinic.events.models import EventStaff
from clinic.extensions import db
from clinic.intake.fields import a_number_message


def a_number_holder(organization_id, number, *, other_than=None):
    """The organization's applicant already holding this A-number (9 digits), if any but
    `other_than`: one A-number is one person. Forms ask it to refuse the number beside the
    field with the other errors; the services ask it again when they store the number."""
    query = select(Applicant).where(
        Applicant.organization_id == organization_id, Applicant.a_number_is(number)
    )
    if other_than is not None:
        query = query.where(Applicant.id != other_than.id)
    return db.session.scalar(query.limit(1))


def a_number_problem(applicant, number):
    """Why this applicant can't take this A-number (9 digits): someone else of the
    organization has it; None when it is free."""
    other = a_number_holder(applicant.organization_id, number, other_than=applicant)
    if other is None:
        return None
    return _(
        "This A-number is already on file for %(name)s. Check the person; if it "
        "is the same person, close this case as a duplicate.",
        name=other.full_name,
    )


def create_applicant(
    organization_id, given_names, family_names, date_of_birth, a_number, phone, *, by, now
):
    number = normalize_a_number(a_number) if a_number else None
    if a_number and number is None:
        raise ServiceError(a_number_message(), field="a_number")
    if number and a_number_holder(organization_id, number) is not None:
        raise ServiceError(
            _("Someone with this A-number is already on file: pick them from the list instead."),
            field="a_number",
        )
    applicant = Applicant(
        organization_id=organization_id,
        given_names=given_names.strip(),
        family_names=family_names.strip(),
        name_tokens=tokens_column(given_names, family_names),
        date_of_birth=date_of_birth,
        a_number=number,
        phone=normalize_phone(phone),
        created_at=now,
    )
    db.session.add(applicant)
    audit.record("applicant.created", actor=by, target=applicant, at=now)
    return applicant


def _other_organizations(organization_id):
    return list(
        db.session.scalars(select(Organization.id).where(Organization.id != organization_id))
    )


def on_file_elsewhere(organization_id, **clues):
    """The likely matches (Match) at other member organizations: for the coalition's record
    only; the volunteer is told that there are some, never who."""
    others = _other_organizations(organization_id)
    return [m for m in find_people(others, **clues, limit=5) if m.certain]


def note_possible_duplicates(applicant, *, by, now):
    """Records, for the coalition admin, the people at other organizations who are likely this
    applicant (once per pair). Returns whether there are any."""
    matches = on_file_elsewhere(
        applicant.organization_id,
        names=f"{applicant.given_names} {applicant.family_names}",
        date_of_birth=applicant.date_of_birth,
        a_number=applicant.a_number,
        phone=applicant.phone,
    )
    db.session.flush()
    known = set(
        db.session.scalars(
            select(PossibleDuplicate.other_applicant_id).where(
                PossibleDuplicate.applicant_id == applicant.id
            )
        )
    )
    for match in matches:
        if match.applicant.id in known:
            continue
        noted = PossibleDuplicate(
            applicant_id=applicant.id,
            other_applicant_id=match.applicant.id,
            reasons=", ".join(match.reasons)[:200],
            found_at=now,
            found_by_id=by.id if by else None,
        )
        db.session.add(noted)
        audit.record("cases.possible_duplicate_noted", actor=by, target=applicant, at=now)
    return bool(matches)


def possible_duplicates_query():
    """Pairs to look at for the coalition admin, unlinked first, newest first."""
    return (
        select(PossibleDuplicate)
        .options(
            selectinload(PossibleDuplicate.applicant).selectinload(Applicant.organization),
            selectinload(PossibleDuplicate.other_applicant).selectinload(Applicant.organization),
            selectinload(PossibleDuplicate.linked_by),
        )
        .order_by(
            PossibleDuplicate.linked_at.is_not(None),
            PossibleDuplicate.found_at.desc(),
            PossibleDuplicate.id.desc(),
        )
    )


def link_possible_duplicate(pair, *, by, now):
    """The admin's word that the two records are one person (kept, with who and when)."""
    if pair.linked_at is None:
        pair.linked_at, pair.linked_by_id = now, by.id
        audit.record(
            "cases.duplicates_linked",
            actor=by,
            target=pair.applicant,
            at=now,
            other_applicant_id=pair.other_applicant_id,
        )
    return pair


def open_case(applicant, event, *, by, now):
    """A new journey for the person at this clinic day, or the open case they already have,
    whatever its stage and day: a person never has two open cases."""
    for case in applicant.cases:
        if case.stage.is_open:
            return case
    case = Case(
        applicant=applicant,
        organization_id=applicant.organization_id,
        event=event,
        stage=Stage.INTAKE,
        stage_changed_at=now,
        created_at=now,
        updated_at=now,
        version=1,
        created_by_id=by.id,
    )
    db.session.add(case)
    db.session.flush()
    case.reference = f"{now.year}-{case.id:05d}"
    audit.record("case.opened", actor=by, target=case, at=now, event_id=event.id if event else None)
    return case


def visible_cases_query(user):
    """Cases a user may list: their organization's, and those of clinic days they staff.

    The applicant comes by an outer join (every case has one, so the rows are the same):
    a list's count, which reads nothing of the applicant, then skips the join on PostgreSQL
    (it drops a left join to a unique key whose columns go unread); SQLite 3.40 still reads
    each applicant by its primary key, as it did for the inner join."""
    query = select(Case).outerjoin(Case.applicant)
    if user.role == Role.ADMIN:
        return query
    staffed = select(EventStaff.event_id).where(EventStaff.user_id == user.id)
    return query.where(
        or_(Case.organization_id == user.organization_id, Case.event_id.in_(staffed))
    )
