"""A case's history as the case page lists it, from the audit trail."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from clinic.audit import AuditEvent
from clinic.auth.models import User
from clinic.cases.stages import Stage
from clinic.extensions import db
from clinic.filing.models import MilestoneCorrection
from clinic.review.models import Decision
from clinic.templating import spoken_date

HISTORY_ACTIONS = (
    "case.opened",
    "screening.run",
    "case.stage_changed",
    "review.signed_off",
    "review.sign_off_voided",
    "filing.interview_scheduled",
    "filing.certificate_recorded",
    "filing.date_corrected",
)
DATE_NAMES = {
    "filed_on": _l("Filing date"),
    "biometrics_on": _l("Biometrics date"),
    "interview_on": _l("Interview date"),
    "response_due_on": _l("Response due date"),
    "oath_on": _l("Oath date"),
}


def case_history(case):
    """What happened to the case, oldest first, from the audit trail: [(when, who, what)]."""
    events = db.session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.object_type == "cases",
            AuditEvent.object_id == case.id,
            AuditEvent.action.in_(HISTORY_ACTIONS),
        )
        .order_by(AuditEvent.id)
    ).all()
    names = dict(
        db.session.execute(
            select(User.id, User.name).where(
                User.id.in_({e.actor_id for e in events if e.actor_id})
            )
        ).all()
    )
    corrections = {
        c.id: c
        for c in db.session.scalars(
            select(MilestoneCorrection).where(MilestoneCorrection.case_id == case.id)
        )
    }
    return [
        (event.at, names.get(event.actor_id), _history_line(event, corrections)) for event in events
    ]


HISTORY_LINES = {
    "case.opened": _l("Case opened"),
    "review.sign_off_voided": _l("Sign-off void: answers changed"),
    "filing.interview_scheduled": _l("Interview date recorded"),
    "filing.certificate_recorded": _l("Certificate number recorded"),
    "filing.date_corrected": _l("A milestone date was corrected"),
}


def _history_line(event, corrections):
    details = event.details
    if event.action == "screening.run":
        return _("Screened: %(outcome)s", outcome=details.get("outcome", "").replace("_", " "))
    if event.action == "case.stage_changed":
        return _("Moved to: %(stage)s", stage=Stage(details["to_stage"]).label)
    if event.action == "review.signed_off":
        return _("Signed off: %(decision)s", decision=Decision(details["decision"]).label)
    correction = corrections.get(details.get("correction_id"))
    if event.action == "filing.date_corrected" and correction is not None:
        before, after = spoken_date(correction.before), spoken_date(correction.after)
        name = DATE_NAMES.get(correction.field, _l("Date"))
        return _(
            "%(name)s corrected: %(before)s → %(after)s (%(reason)s)",
            name=name,
            before=before,
            after=after,
            reason=correction.reason,
        )
    return str(HISTORY_LINES[event.action])
