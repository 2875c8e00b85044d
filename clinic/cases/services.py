"""Check-in: find or create the applicant, open their case; case lists and follow-up lists."""

from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select

from clinic import audit
from clinic.auth.roles import Role
from clinic.auth.services import ServiceError
from clinic.cases.models import Applicant, Case, ScreeningRun
from clinic.cases.search import (
    normalize_a_number,
    normalize_phone,
    tokens_column,
)
from clinic.cases.stages import Stage
from clinic.events.models import EventStaff
from clinic.extensions import db
from clinic.intake.fields import A_NUMBER_MESSAGE


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
    return (
        f"This A-number is already on file for {other.full_name}. Check the person; if it "
        "is the same person, close this case as a duplicate."
    )


def create_applicant(
    organization_id, given_names, family_names, date_of_birth, a_number, phone, *, by, now
):
    number = normalize_a_number(a_number) if a_number else None
    if a_number and number is None:
        raise ServiceError(A_NUMBER_MESSAGE, field="a_number")
    if number and a_number_holder(organization_id, number) is not None:
        raise ServiceError(
            "Someone with this A-number is already on file: pick them from the list instead.",
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
    """Cases a user may list: their organization's, and those of clinic days they staff."""
    query = select(Case).join(Case.applicant)
    if user.role == Role.ADMIN:
        return query
    staffed = select(EventStaff.event_id).where(EventStaff.user_id == user.id)
    return query.where(
        or_(Case.organization_id == user.organization_id, Case.event_id.in_(staffed))
    )


def _latest_runs():
    latest = (
        select(ScreeningRun.case_id, func.max(ScreeningRun.id).label("run_id"))
        .group_by(ScreeningRun.case_id)
        .subquery()
    )
    return latest


def come_back_list(user):
    """Not-yet cases, soonest date first, with contact details for the coordinator.

    The date is the attorney's "come back on" for cases decided not yet, otherwise the
    screening's earliest filing date for cases still in intake with a not-yet outcome.
    """
    from clinic.review.services import latest_sign_off

    latest = _latest_runs()
    rows = db.session.execute(
        visible_cases_query(user)
        .join(latest, latest.c.case_id == Case.id)
        .join(ScreeningRun, ScreeningRun.id == latest.c.run_id)
        .where(
            or_(
                Case.stage == Stage.NOT_YET,
                and_(
                    Case.stage.in_([Stage.INTAKE, Stage.SCREENED]),
                    ScreeningRun.outcome == "not_yet",
                ),
            )
        )
        .add_columns(ScreeningRun.earliest_filing_date)
    ).all()
    dated = []
    for case, earliest in rows:
        sign_off = latest_sign_off(case) if case.stage == Stage.NOT_YET else None
        dated.append((case, (sign_off.come_back_on if sign_off else None) or earliest))
    return sorted(dated, key=lambda row: (row[1] or date.max, row[0].id))


def missing_documents_list(user):
    """Open cases whose latest screening asks for documents not yet checked as brought."""
    latest = _latest_runs()
    rows = db.session.execute(
        visible_cases_query(user)
        .join(latest, latest.c.case_id == Case.id)
        .join(ScreeningRun, ScreeningRun.id == latest.c.run_id)
        .where(Case.stage.in_([s for s in Stage if s.is_open]))
        .add_columns(ScreeningRun.result)
        .order_by(Case.id)
    ).all()
    waiting = []
    for case, result in rows:
        brought = set(
            case.section("documents").answers.get("brought", [])
            if case.section("documents")
            else []
        )
        missing = [d for d in result.get("documents", []) if d["code"] not in brought]
        if missing:
            waiting.append((case, missing))
    return waiting


def stuck_list(user, days, now):
    """Open cases that have not changed stage for more than `days` days, oldest first."""
    cutoff = now - timedelta(days=days)
    return db.session.scalars(
        visible_cases_query(user)
        .where(Case.stage.in_([s for s in Stage if s.is_open]), Case.stage_changed_at < cutoff)
        .order_by(Case.stage_changed_at)
    ).all()
