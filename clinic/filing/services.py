"""Recording milestones, each one a stage transition with its audit event; follow-up lists."""

from datetime import timedelta

from sqlalchemy import select

from clinic import audit
from clinic.cases import machine
from clinic.cases.models import Case
from clinic.cases.services import visible_cases_query
from clinic.cases.stages import Stage
from clinic.extensions import db
from clinic.filing.forms import normalize_certificate_number, normalize_receipt_number
from clinic.filing.models import Milestones

NO_NEWS_DAYS = 120


# Which milestone form records each step, for the case page's buttons.
STEP_FORMS = {
    "file": "filed",
    "biometrics": "biometrics",
    "interview_approved": "interview",
    "oath": "oath",
}


def available_steps(case, user):
    """[(form step, label)] the user could record now."""
    steps = []
    record = getattr(case, "milestones", None)
    if (
        case.stage == Stage.OATH
        and user.role in machine.CASEWORKERS
        and not (record and record.certificate_number)
    ):
        steps.append(("certificate", "Record the certificate number"))
    for name, step in STEP_FORMS.items():
        transition = machine.BY_NAME[name]
        if case.stage in transition.sources and user.role in transition.roles:
            steps.append((step, {"interview": "Record the interview"}.get(step, transition.label)))
    return steps


def milestones_for(case, now):
    record = db.session.scalar(select(Milestones).where(Milestones.case_id == case.id))
    if record is None:
        record = Milestones(case=case, updated_at=now)
        db.session.add(record)
    return record


def record_filed(case, data, *, by, now):
    _may_move(case, "file", by)
    record = milestones_for(case, now)
    record.filed_on, record.filing_method = data["filed_on"], data["filing_method"]
    record.fee_paid = data["fee_paid"]
    record.receipt_number = normalize_receipt_number(data["receipt_number"])
    return _move(case, record, "file", by, now)


def record_biometrics(case, data, *, by, now):
    _may_move(case, "biometrics", by)
    record = milestones_for(case, now)
    record.biometrics_on = data["biometrics_on"]
    return _move(case, record, "biometrics", by, now)


def record_interview(case, data, *, by, now):
    """A scheduled interview only records its date; a result moves the case."""
    result = data.get("interview_result")
    # A date alone is allowed where a result could be recorded: after filing, before a result.
    _may_move(case, f"interview_{result or 'approved'}", by)
    record = milestones_for(case, now)
    record.interview_on = data["interview_on"]
    record.interview_result = result
    record.continued_reason = (data.get("continued_reason") or "").strip() or None
    record.response_due_on = data.get("response_due_on")
    if result is None:
        record.updated_at = now
        audit.record("filing.interview_scheduled", actor=by, target=case, at=now)
        return record
    return _move(case, record, f"interview_{result}", by, now)


def record_oath(case, data, *, by, now):
    _may_move(case, "oath", by)
    record = milestones_for(case, now)
    record.oath_on, record.oath_place = data["oath_on"], data["oath_place"].strip()
    number = normalize_certificate_number(data.get("certificate_number"))
    if number:
        record.certificate_number = number
        record.certificate_recorded_by_id = by.id
    return _move(case, record, "oath", by, now)


def record_certificate(case, data, *, by, now):
    """The certificate number, when it was not at hand on the oath day."""
    if case.stage != Stage.OATH:
        raise machine.TransitionRefused("Record the oath first.")
    if by.role not in machine.CASEWORKERS:
        raise machine.TransitionRefused("Your role can't make this step.", forbidden=True)
    record = milestones_for(case, now)
    record.certificate_number = normalize_certificate_number(data["certificate_number"])
    record.certificate_recorded_by_id, record.updated_at = by.id, now
    audit.record("filing.certificate_recorded", actor=by, target=case, at=now)
    return record


def _may_move(case, step, by):
    """Refuse before anything is written: a refused milestone leaves no date behind."""
    machine.check(case, step, by=by, via=machine.FILING)


def _move(case, record, step, by, now):
    record.updated_at = now
    machine.move(case, step, by=by, now=now, via=machine.FILING)
    return record


def after_filing_lists(user, today):
    """Upcoming interviews and ceremonies; continued cases; cases with no news for 120 days."""
    rows = db.session.execute(
        visible_cases_query(user)
        .join(Milestones, Milestones.case_id == Case.id)
        .where(
            Case.stage.in_(
                [Stage.FILED, Stage.BIOMETRICS, Stage.INTERVIEW, Stage.CONTINUED, Stage.OATH]
            )
        )
        .add_columns(Milestones)
    ).all()
    upcoming = sorted(
        [
            (day, kind, case)
            for case, record in rows
            for day, kind in ((record.interview_on, "Interview"), (record.oath_on, "Oath ceremony"))
            if day and day >= today
        ],
        key=lambda row: (row[0], row[2].id),
    )
    continued = sorted(
        [
            (record.response_due_on, case, record)
            for case, record in rows
            if case.stage == Stage.CONTINUED
        ],
        key=lambda row: (row[0] is None, row[0] or today, row[1].id),
    )
    cutoff = today - timedelta(days=NO_NEWS_DAYS)
    quiet = sorted(
        [
            (record.last_news_on(), case)
            for case, record in rows
            if case.stage != Stage.OATH and (record.last_news_on() or today) < cutoff
        ],
        key=lambda row: (row[0], row[1].id),
    )
    return {"upcoming": upcoming, "continued": continued, "quiet": quiet}
