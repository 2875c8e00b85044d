"""The report's figures as SQL: one source row per case, each figure a condition on it.

Every count is an aggregate in the database (SUM of CASE, GROUP BY); Python only reads the
few rows that come back. Figures about the clinic days (checked in, screened, sent to review,
the attorney's decisions) count the cases checked in at a clinic day held in the date range;
figures after the clinic day (filed, approved at interview, sworn in, registered to vote)
count the events that happened in the range, whenever the person was checked in.
"""

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, case, exists, false, func, literal, or_, select, text
from sqlalchemy.orm import aliased

from clinic.cases.models import Case
from clinic.cases.stages import APPROVED_TO_FILE, Stage
from clinic.events.models import ClinicEvent
from clinic.filing.models import Milestones
from clinic.review.models import SignOff
from clinic.voter.models import VoterRegistration

# Stages only a case that went to attorney review can be in; a case closed after review also
# has a sign-off.
REVIEWED = APPROVED_TO_FILE | {
    Stage.IN_REVIEW,
    Stage.NEEDS_INFO,
    Stage.REFERRED,
    Stage.NOT_YET,
}
SCREENED = REVIEWED | {Stage.SCREENED}
NOT_RECORDED = "(not recorded)"


@dataclass(frozen=True)
class Scope:
    """Whose cases, and which dates (both ends included). organization_id None: coalition."""

    start: date
    end: date
    organization_id: int | None = None


@dataclass(frozen=True)
class Figure:
    key: str
    label: str  # lazy: said when shown
    on_the_day: bool  # counted over the cases checked in at the range's clinic days
    describe: str


FIGURES = (
    Figure("checked_in", _l("Checked in"), True, _l("cases opened at a clinic day in the range")),
    Figure("screened", _l("Screened"), True, _l("finished the intake interview")),
    Figure("sent_to_review", _l("Sent to attorney review"), True, _l("went to an attorney")),
    Figure("approved", _l("Approved to file"), True, _l("approved, or filed since")),
    Figure("referred", _l("Referred for full representation"), True, _l("referred out")),
    Figure("not_yet", _l("Not yet: come back later"), True, _l("told the date to come back")),
    Figure("filed", _l("Filed"), False, _l("N-400 filed in the range")),
    Figure(
        "interview_approved", _l("Approved at interview"), False, _l("USCIS interview approved")
    ),
    Figure("sworn_in", _l("Sworn in"), False, _l("oath taken in the range")),
    Figure(
        "registered", _l("Registered to vote"), False, _l("registration confirmed in the range")
    ),
)
BY_KEY = {figure.key: figure for figure in FIGURES}


def _on_postgresql():
    from clinic.extensions import db

    return db.session.get_bind().dialect.name == "postgresql"


def _latest_row(model, scope, **columns):
    """(join target, on clause, {name: column}) for the newest row of `model` (screening runs,
    sign-offs) of each case; `columns` name what to read from it, as functions of the model.

    PostgreSQL: joined to each case's newest id, grouped once over the scope's rows (a hash
    join). SQLite: joined by the correlated newest id, one index lookup per case (SQLite joins
    by nested loops, where a grouped subquery would be built and searched for every query).
    """
    row = aliased(model)
    read = {name: make(row).label(name) for name, make in columns.items()}
    if _on_postgresql():
        newest = select(model.case_id, func.max(model.id).label("id")).group_by(model.case_id)
        if scope.organization_id is not None:
            mine = select(Case.id).where(Case.organization_id == scope.organization_id)
            newest = newest.where(model.case_id.in_(mine))
        newest = newest.subquery()
        target = newest.join(row, row.id == newest.c.id)
        return target, newest.c.case_id == Case.id, read
    newest = select(func.max(model.id)).where(model.case_id == Case.id).scalar_subquery()
    return row, row.id == newest, read


def source(scope, *parts, filed=False, stage=None):
    """One row per case of the scope's organization(s), with what the figures read.

    Every row has the clinic day, whether an attorney signed anything, and what the case is
    counted by (its preferred language, state and town, and the latest screening's outcome
    and finding codes: clear columns on the case, kept in step with its encrypted answers);
    `parts` add more, each costing a lookup per case: "after" (the milestones and voter
    registration), "come_back" (the latest sign-off's date to come back).
    `filed`: only cases with milestones (a filing recorded), for the figures after the day.
    """
    columns = [
        Case.id.label("case_id"),
        Case.reference,
        Case.organization_id,
        Case.stage,
        Case.event_id,
        ClinicEvent.held_on.label("checked_in_on"),
        ClinicEvent.name.label("event_name"),
        exists().where(SignOff.case_id == Case.id).label("signed"),
        func.lower(Case.preferred_language).label("language_key"),
        Case.preferred_language.label("language"),
        Case.home_state.label("state"),
        func.lower(Case.home_town).label("town_key"),
        Case.home_town.label("town"),
        Case.screening_outcome.label("outcome"),
        Case.screening_codes.label("codes"),
    ]
    query = select().select_from(Case).outerjoin(ClinicEvent, ClinicEvent.id == Case.event_id)
    if filed or "after" in parts:
        query = query.join(Milestones, Milestones.case_id == Case.id, isouter=not filed)
        query = query.outerjoin(VoterRegistration, VoterRegistration.case_id == Case.id)
        columns += [
            Milestones.filed_on,
            Milestones.fee_paid,
            Milestones.interview_on,
            Milestones.interview_result,
            Milestones.oath_on,
            VoterRegistration.status.label("voter_status"),
            VoterRegistration.confirmed_on,
        ]
    if "come_back" in parts:
        target, on, read = _latest_row(
            SignOff, scope, come_back_on=lambda sign_off: sign_off.come_back_date
        )
        query = query.outerjoin(target, on)
        columns.append(read["come_back_on"])
    if scope.organization_id is not None:
        query = query.where(Case.organization_id == scope.organization_id)
    if stage is not None:
        query = query.where(Case.stage == stage)
    query = query.add_columns(*columns)
    if _on_postgresql():
        # A fence: PostgreSQL would otherwise copy the sign-off check into every figure that
        # reads it, each scanning the sign-offs again.
        query = query.offset(0)
    return query.subquery("report_source")


def _in_range(column, scope):
    return column.between(scope.start, scope.end)


def conditions(rows, scope):
    """Figure key -> the SQL condition a source row meets to count in it."""
    from clinic.reports.sql import read_in_order

    on_the_day = _in_range(read_in_order(rows.c.checked_in_on), scope)
    stage = rows.c.stage
    on_the_day_figures = {
        "checked_in": on_the_day,
        "screened": and_(on_the_day, or_(stage.in_(SCREENED), rows.c.signed)),
        "sent_to_review": and_(on_the_day, or_(stage.in_(REVIEWED), rows.c.signed)),
        "approved": and_(on_the_day, stage.in_(APPROVED_TO_FILE)),
        "referred": and_(on_the_day, stage == Stage.REFERRED),
        "not_yet": and_(on_the_day, stage == Stage.NOT_YET),
    }
    if "filed_on" not in rows.c:
        return on_the_day_figures
    return {
        **on_the_day_figures,
        "filed": _in_range(rows.c.filed_on, scope),
        "interview_approved": and_(
            rows.c.interview_result == "approved", _in_range(rows.c.interview_on, scope)
        ),
        "sworn_in": _in_range(rows.c.oath_on, scope),
        "registered": and_(
            rows.c.voter_status == "confirmed", _in_range(rows.c.confirmed_on, scope)
        ),
    }


def _counts(conditions_by_key, keys):
    return [
        func.coalesce(func.sum(case((conditions_by_key[key], 1), else_=0)), 0).label(key)
        for key in keys
    ]


AFTER_THE_DAY = tuple(figure.key for figure in FIGURES if not figure.on_the_day)


def after_the_day(session, scope):
    """Figure key -> count of the figures after the clinic day, over the filed cases only.
    (The clinic-day figures are the sums of the by-day breakdown.)"""
    rows = source(scope, filed=True)
    where = conditions(rows, scope)
    result = session.execute(select(*_counts(where, AFTER_THE_DAY))).one()
    return dict(result._mapping)


DAY_FIGURES = tuple(figure.key for figure in FIGURES if figure.on_the_day)
# Breakdowns: a name -> (key column, label column) of the source row.
DIMENSIONS = {
    "day": ("event_id", "event_name"),
    "language": ("language_key", "language"),
    "state": ("state", "state"),
    "town": ("town_key", "town"),
    "outcome": ("outcome", "outcome"),
    "organization": ("organization_id", "organization_id"),
}


def dimension_key(rows, dimension):
    return rows.c[DIMENSIONS[dimension][0]]


def breakdown(session, scope, dimension):
    """[{key, label, checked_in, screened, ...}] of the on-the-day figures, by `dimension`."""
    rows = source(scope)
    where = conditions(rows, scope)
    key_column = dimension_key(rows, dimension)
    label_column = rows.c[DIMENSIONS[dimension][1]]
    groups, extra = [key_column], []
    if dimension == "day":  # with the organization, so the days add up to each member's
        groups.append(rows.c.organization_id)
        extra = [func.min(rows.c.checked_in_on).label("held_on"), rows.c.organization_id]
    query = (
        select(key_column.label("key"), func.min(label_column).label("label"), *extra)
        .add_columns(*_counts(where, DAY_FIGURES))
        .where(where["checked_in"])
        .group_by(*groups)
    )
    return [dict(row._mapping) for row in session.execute(query)]


def people(session, scope):
    """The on-the-day figures by preferred language, state, town, screening outcome and
    finding codes together, in one pass over the cases: aggregated rows (one per combination
    that occurs), which the caller adds up into each breakdown
    (clinic.reports.services.rolled_up)."""
    rows = source(scope)
    where = conditions(rows, scope)
    keys = [
        rows.c.language_key,
        rows.c.language,
        rows.c.state,
        rows.c.town_key,
        rows.c.town,
        rows.c.outcome,
        rows.c.codes,
    ]
    query = (
        select(*keys)
        .add_columns(*_counts(where, DAY_FIGURES))
        .where(where["checked_in"])
        .group_by(*keys)
    )
    return [dict(row._mapping) for row in session.execute(query)]


def prepare(session):
    """Settings for this transaction's report queries.

    SQLite: a bigger page cache and memory-mapped reads for this connection (the default 2 MB
    cache re-reads the file for every lookup of a coalition's year). PostgreSQL: no JIT for
    this transaction: compiling each report query took longer (about 1 s) than running it.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        session.execute(text("PRAGMA cache_size = -262144"))  # up to 256 MB, as it is used
        session.execute(text("PRAGMA mmap_size = 1073741824"))
    elif dialect == "postgresql":
        session.execute(text("SET LOCAL jit = off"))


def come_back_dates(session, scope):
    """[(date text, count)] of the not-yet cases, by the date the attorney gave them."""
    rows = source(scope, "come_back", stage=Stage.NOT_YET)
    where = conditions(rows, scope)
    query = (
        select(rows.c.come_back_on, func.count())
        .where(where["not_yet"])
        .group_by(rows.c.come_back_on)
        .order_by(rows.c.come_back_on)
    )
    return [
        (day.isoformat() if day else NOT_RECORDED, count) for day, count in session.execute(query)
    ]


def fee_paths(session, scope, schedule_starts):
    """[(fee basis, schedule index, count)] of the filings in the range.

    `schedule_starts` are the effective dates of the fee schedules, oldest first; each filing
    is put with the schedule in force on its filing date, in SQL.
    """
    rows = source(scope, filed=True)
    where = conditions(rows, scope)
    period = literal(0)
    if len(schedule_starts) > 1:
        period = case(
            *[
                (rows.c.filed_on >= start, index)
                for index, start in reversed(list(enumerate(schedule_starts)))
                if index > 0
            ],
            else_=0,
        )
    query = (
        select(rows.c.fee_paid, period.label("period"), func.count())
        .where(where["filed"])
        .group_by(rows.c.fee_paid, period)
    )
    return [(basis or NOT_RECORDED, index, count) for basis, index, count in session.execute(query)]


def day_counts(session, scope, measure):
    """[(days, cases)]: how many cases took how many days, for `measure`:
    "intake_to_filing" (clinic day to filing, filed in the range) or "filing_to_oath"."""
    from clinic.reports.sql import days_between

    rows = source(scope, filed=True)
    where = conditions(rows, scope)
    if measure == "intake_to_filing":
        days = days_between(rows.c.filed_on, rows.c.checked_in_on)
        condition = and_(where["filed"], rows.c.checked_in_on.is_not(None))
    else:
        days = days_between(rows.c.oath_on, rows.c.filed_on)
        condition = and_(where["sworn_in"], rows.c.filed_on.is_not(None))
    query = select(days, func.count()).where(condition).group_by(days).order_by(days)
    return [tuple(row) for row in session.execute(query)]


def _equals(column, value):
    """column = value as typed in a link (a number for ids: anything else matches nothing)."""
    if value == NOT_RECORDED:
        return column.is_(None)
    if column.type.python_type is int:
        return column == int(value) if value.isdigit() and len(value) < 10 else false()
    if column.type.python_type is date:
        try:
            return column == date.fromisoformat(value)
        except ValueError:
            return false()
    return column == value


def case_ids_query(scope, figure, dimension=None, value=None):
    """The cases behind one figure (optionally within one breakdown row), as a query of
    (case id, reference, clinic day, checked in on, stage)."""
    rows = source(scope, "after", *(("come_back",) if dimension == "come_back" else ()))
    where = conditions(rows, scope)
    query = select(
        rows.c.case_id, rows.c.reference, rows.c.event_name, rows.c.checked_in_on, rows.c.stage
    ).where(where[figure])
    columns = {"fee": "fee_paid", "come_back": "come_back_on"}
    if dimension in DIMENSIONS or dimension in columns:
        key = rows.c[columns.get(dimension) or DIMENSIONS[dimension][0]]
        query = query.where(_equals(key, value))
    elif dimension == "finding":
        query = query.where(rows.c.codes.contains(f" {value} ", autoescape=True))
    return query.order_by(rows.c.reference)
