"""The queries behind the lists that grow (cases, follow-up lists, rosters, the review queue):
each returns an ordered select to page, and `latest_runs` gives a page's screenings in one
query, so that a page costs the same few queries whatever the history."""

from datetime import timedelta

from sqlalchemy import String, and_, case, cast, func, or_, select
from sqlalchemy.orm import contains_eager, load_only, selectinload

from clinic.cases.models import Applicant, Case, IntakeSection, ScreeningRun, still_to_bring
from clinic.cases.services import visible_cases_query
from clinic.cases.stages import Stage
from clinic.extensions import db

OPEN_STAGES = [s for s in Stage if s.is_open]


def with_rows_shown(query):
    """What each row shows, loaded with the page: the applicant (joined) and the clinic day."""
    return query.options(contains_eager(Case.applicant), selectinload(Case.event))


def latest_run_id():
    """The id of the case's latest screening (a correlated subquery on the indexed case_id)."""
    return (
        select(func.max(ScreeningRun.id))
        .where(ScreeningRun.case_id == Case.id)
        .correlate(Case)
        .scalar_subquery()
    )


def latest_runs(cases, *, with_result=False):
    """{case id: latest screening run} for a page of cases, in one query; the JSON result is
    left unread unless asked for."""
    ids = [c.id for c in cases]
    if not ids:
        return {}
    latest = (select(func.max(ScreeningRun.id)).where(ScreeningRun.case_id.in_(ids))).group_by(
        ScreeningRun.case_id
    )
    columns = [
        ScreeningRun.case_id,
        ScreeningRun.outcome,
        ScreeningRun.finding_codes,
        ScreeningRun.earliest_filing_date,
        ScreeningRun.facts_hash,
    ]
    query = select(ScreeningRun).where(ScreeningRun.id.in_(latest))
    if not with_result:
        query = query.options(load_only(*columns))
    return {run.case_id: run for run in db.session.scalars(query)}


def cases_query(user, stage=None, event_id=None):
    query = visible_cases_query(user)
    if stage is not None:
        query = query.where(Case.stage == stage)
    if event_id is not None:
        query = query.where(Case.event_id == event_id)
    return with_rows_shown(query).order_by(Case.updated_at.desc(), Case.id.desc())


def roster_query(event, stage=None):
    """The day's own cases, by name."""
    query = select(Case).outerjoin(Case.applicant).where(Case.event_id == event.id)
    if stage is not None:
        query = query.where(Case.stage == stage)
    return with_rows_shown(query).order_by(Applicant.family_names, Applicant.given_names, Case.id)


def missing_documents_query(user, stage=None):
    """Open cases whose latest screening asks for documents not yet checked as brought."""
    stages = [stage] if stage in OPEN_STAGES else OPEN_STAGES
    query = visible_cases_query(user).where(Case.stage.in_(stages), Case.documents_missing > 0)
    return with_rows_shown(query).order_by(Case.id)


def missing_on_page(cases):
    """{case id: the documents still to bring} for a page of the missing-documents list: the
    page's latest runs in one query, and only its "documents" sections (what was brought) in
    another, so that no other answers are read and decrypted."""
    runs = latest_runs(cases, with_result=True)
    sections = db.session.scalars(
        select(IntakeSection).where(
            IntakeSection.case_id.in_([c.id for c in cases]), IntakeSection.key == "documents"
        )
    )
    answers = {s.case_id: s.answers for s in sections}
    return {c.id: still_to_bring(runs.get(c.id), answers.get(c.id, {})) for c in cases}


def stuck_query(user, days, now, stage=None):
    """Open cases that have not changed stage for more than `days` days, oldest first."""
    stages = [stage] if stage in OPEN_STAGES else OPEN_STAGES
    cutoff = now - timedelta(days=days)
    query = visible_cases_query(user).where(Case.stage.in_(stages), Case.stage_changed_at < cutoff)
    return with_rows_shown(query).order_by(Case.stage_changed_at, Case.id)


def come_back_query(user):
    """Not-yet cases with their date, soonest first: the attorney's "come back on" for cases
    decided not yet, else the screening's earliest filing date (cases in intake or screened
    with a not-yet outcome). Rows are (case, date as 'YYYY-MM-DD' or None)."""
    from clinic.review.models import SignOff

    run = ScreeningRun.__table__.alias("latest_run")
    latest_sign_off = (
        select(cast(SignOff.come_back_date, String))
        .where(SignOff.case_id == Case.id)
        .order_by(SignOff.id.desc())
        .limit(1)
        .correlate(Case)
        .scalar_subquery()
    )
    earliest = cast(run.c.earliest_filing_date, String)
    when = func.coalesce(case((Case.stage == Stage.NOT_YET, latest_sign_off)), earliest)
    # Which cases: by the clear columns on the case (its latest screening's outcome is kept
    # there), so that only those are joined to their latest screening for its date.
    query = (
        visible_cases_query(user)
        .where(
            or_(
                Case.stage == Stage.NOT_YET,
                and_(
                    Case.stage.in_([Stage.INTAKE, Stage.SCREENED]),
                    Case.screening_outcome == "not_yet",
                ),
            )
        )
        .join(run, run.c.id == latest_run_id())
    )
    return with_rows_shown(query).order_by(when.is_(None), when, Case.id)


def come_back_dates(cases):
    """{case id: the date to come back} for a page of the come-back list, in two queries."""
    from clinic.review.models import SignOff

    runs = latest_runs(cases)
    waiting = [c.id for c in cases if c.stage == Stage.NOT_YET]
    latest = (
        select(func.max(SignOff.id)).where(SignOff.case_id.in_(waiting)).group_by(SignOff.case_id)
    )
    sign_offs = (
        {
            s.case_id: s
            for s in db.session.scalars(
                select(SignOff)
                .where(SignOff.id.in_(latest))
                .options(load_only(SignOff.case_id, SignOff.come_back_date))
            )
        }
        if waiting
        else {}
    )
    dates = {}
    for c in cases:
        sign_off = sign_offs.get(c.id)
        run = runs.get(c.id)
        dates[c.id] = (sign_off.come_back_date if sign_off else None) or (
            run.earliest_filing_date if run else None
        )
    return dates
