"""Recording milestones, each one a stage transition with its audit event; follow-up lists."""

from datetime import timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from clinic import audit
from clinic.auth.services import ServiceError
from clinic.cases import machine
from clinic.cases.models import Case
from clinic.cases.services import visible_cases_query
from clinic.cases.stages import Stage
from clinic.clock import local_date
from clinic.extensions import db
from clinic.filing.forms import normalize_certificate_number, normalize_receipt_number
from clinic.filing.models import MilestoneCorrection, Milestones
from clinic.review.models import Decision, SignOff
from clinic.templating import spoken_date

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
        steps.append(("certificate", _("Record the certificate number")))
    if (
        record
        and user.role in machine.CASEWORKERS
        and any(getattr(record, name) for name in CORRECTABLE)
    ):
        steps.append(("correct", _("Correct a date")))
    for name, step in STEP_FORMS.items():
        transition = machine.BY_NAME[name]
        if case.stage in transition.sources and user.role in transition.roles:
            steps.append(
                (step, {"interview": _("Record the interview")}.get(step, transition.label))
            )
    return steps


def milestones_for(case, now):
    record = db.session.scalar(select(Milestones).where(Milestones.case_id == case.id))
    if record is None:
        record = Milestones(case=case, updated_at=now)
        db.session.add(record)
    return record


# The milestone dates in the order they happen; each can't be earlier than the one before.
# (field, the date as a sentence begins with it, the date as a sentence ends with it)
DATE_ORDER = (
    ("filed_on", _l("The filing date"), _l("the filing date")),
    ("biometrics_on", _l("The biometrics appointment"), _l("the biometrics appointment")),
    ("interview_on", _l("The interview"), _l("the interview")),
    ("oath_on", _l("The oath ceremony"), _l("the oath ceremony")),
)
CORRECTABLE = ("filed_on", "biometrics_on", "interview_on", "response_due_on", "oath_on")
APPROVALS = (Decision.APPROVE, Decision.APPROVE_WITH_CONDITIONS)


def approved_on(case):
    """The day (where the clinic is) of the standing sign-off that approved filing, if any."""
    sign_off = db.session.scalar(
        select(SignOff)
        .where(SignOff.case_id == case.id, SignOff.decision.in_(APPROVALS))
        .order_by(SignOff.id.desc())
        .limit(1)
    )
    return local_date(sign_off.signed_at) if sign_off and sign_off.void is None else None


def check_date_order(case, dates):
    """Refuse, beside the field, a milestone date earlier than the step before it: filing
    after the approval, biometrics after filing, the interview after biometrics, the oath
    after the interview. `dates` holds the dates the case would have after this save."""
    earlier = (_("the attorney's approval"), approved_on(case))
    for name, label, after in DATE_ORDER:
        day = dates.get(name)
        if day is None:
            continue
        if earlier[1] is not None and day < earlier[1]:
            raise ServiceError(
                _(
                    "%(later)s can't be before %(earlier)s (%(day)s). Check the date.",
                    later=label,
                    earlier=earlier[0],
                    day=spoken_date(earlier[1]),
                ),
                field=name,
            )
        earlier = (after, day)
    due, interview = dates.get("response_due_on"), dates.get("interview_on")
    if due and interview and due < interview:
        raise ServiceError(
            _(
                "The response is due after the interview (%(day)s).",
                day=spoken_date(interview),
            ),
            field="response_due_on",
        )


def _dates_after(case, changes):
    record = getattr(case, "milestones", None)
    dates = {name: getattr(record, name, None) for name in CORRECTABLE}
    return {**dates, **changes}


def record_filed(case, data, *, by, now):
    _may_move(case, "file", by)
    check_date_order(case, _dates_after(case, {"filed_on": data["filed_on"]}))
    record = milestones_for(case, now)
    record.filed_on, record.filing_method = data["filed_on"], data["filing_method"]
    record.fee_paid = data["fee_paid"]
    record.receipt_number = normalize_receipt_number(data["receipt_number"])
    return _move(case, record, "file", by, now)


def record_biometrics(case, data, *, by, now):
    _may_move(case, "biometrics", by)
    check_date_order(case, _dates_after(case, {"biometrics_on": data["biometrics_on"]}))
    record = milestones_for(case, now)
    record.biometrics_on = data["biometrics_on"]
    return _move(case, record, "biometrics", by, now)


def record_interview(case, data, *, by, now):
    """A scheduled interview only records its date; a result moves the case."""
    result = data.get("interview_result")
    # A date alone is allowed where a result could be recorded: after filing, before a result.
    _may_move(case, f"interview_{result or 'approved'}", by)
    check_date_order(
        case,
        _dates_after(
            case,
            {"interview_on": data["interview_on"], "response_due_on": data.get("response_due_on")},
        ),
    )
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
    check_date_order(case, _dates_after(case, {"oath_on": data["oath_on"]}))
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
        raise machine.TransitionRefused(_("Record the oath first."))
    if by.role not in machine.CASEWORKERS:
        raise machine.TransitionRefused(_("Your role can't make this step."), forbidden=True)
    record = milestones_for(case, now)
    record.certificate_number = normalize_certificate_number(data["certificate_number"])
    record.certificate_recorded_by_id, record.updated_at = by.id, now
    audit.record("filing.certificate_recorded", actor=by, target=case, at=now)
    return record


def correct_dates(case, data, *, by, now):
    """Correct milestone dates already recorded: its own audited action, one event per date
    changed with the date before and after, shown in the case's history. Dates stay in order;
    a date not recorded yet is recorded with its step, not here."""
    if by.role not in machine.CASEWORKERS:
        raise machine.TransitionRefused(_("Your role can't make this step."), forbidden=True)
    record = getattr(case, "milestones", None)
    changes = {
        name: data.get(name)
        for name in CORRECTABLE
        if record is not None and getattr(record, name) and data.get(name) != getattr(record, name)
    }
    missing = [name for name in changes if changes[name] is None]
    if missing:
        raise ServiceError(_("A recorded date can be corrected, not removed."), field=missing[0])
    if not changes:
        raise ServiceError(_("Change at least one date, or cancel."))
    check_date_order(case, _dates_after(case, changes))
    reason = (data.get("reason") or "").strip()[:200]
    for name, day in changes.items():
        correction = MilestoneCorrection(
            case_id=case.id,
            field=name,
            before=getattr(record, name),
            after=day,
            reason=reason,
            corrected_by_id=by.id,
            corrected_at=now,
        )
        db.session.add(correction)
        db.session.flush()
        audit.record(
            "filing.date_corrected",
            actor=by,
            target=case,
            at=now,
            field=name,
            correction_id=correction.id,
        )
        setattr(record, name, day)
    record.updated_at = now
    return record


STEP_DATES = {"file": "filed_on", "biometrics": "biometrics_on", "oath": "oath_on"}


def _may_move(case, step, by):
    """Refuse before anything is written: a refused milestone leaves no date behind."""
    try:
        machine.check(case, step, by=by, via=machine.FILING)
    except machine.TransitionRefused as refusal:
        name = STEP_DATES.get(step, "interview_on")
        if refusal.forbidden or not getattr(getattr(case, "milestones", None), name, None):
            raise
        raise machine.TransitionRefused(
            _(
                "%(refusal)s This step is already recorded: to change its date, use "
                "“Correct a date” on the case page.",
                refusal=refusal.message,
            )
        ) from refusal


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
            for day, kind in (
                (record.interview_on, _("Interview")),
                (record.oath_on, _("Oath ceremony")),
            )
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
