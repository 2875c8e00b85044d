"""Who may print a case's N-400, and when: attorneys and coordinators who may see the case; the
clean form only after an approving sign-off that still stands, the draft at any time."""

from sqlalchemy import select

from clinic.auth.roles import Role
from clinic.cases.policy import can_see_sensitive
from clinic.extensions import db
from clinic.review.models import Decision, SignOff

PRINTERS = (Role.ATTORNEY, Role.COORDINATOR)
APPROVING = frozenset({Decision.APPROVE, Decision.APPROVE_WITH_CONDITIONS})


def can_print(user, case):
    """The N-400 holds every answer, criminal history included."""
    return user.role in PRINTERS and can_see_sensitive(user, case)


def standing_approval(case):
    """The latest sign-off when it approves filing and no change of answers voided it."""
    sign_off = db.session.scalar(
        select(SignOff).where(SignOff.case_id == case.id).order_by(SignOff.id.desc()).limit(1)
    )
    if sign_off is None or sign_off.void is not None or sign_off.decision not in APPROVING:
        return None
    return sign_off
