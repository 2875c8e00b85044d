"""The case stages, as in DESIGN.md. Only clinic.cases.machine changes a case's stage."""

import enum

from flask_babel import lazy_gettext as _l


class Stage(enum.StrEnum):
    INTAKE = "intake"
    SCREENED = "screened"
    IN_REVIEW = "in_review"
    NEEDS_INFO = "needs_info"
    APPROVED = "approved"
    REFERRED = "referred"
    NOT_YET = "not_yet"
    CLOSED = "closed"
    FILED = "filed"
    BIOMETRICS = "biometrics"
    INTERVIEW = "interview"
    CONTINUED = "continued"
    DENIED = "denied"
    OATH = "oath"
    REGISTERED_TO_VOTE = "registered_to_vote"

    @property
    def label(self):
        return _LABELS[self]

    @property
    def is_open(self):
        return self not in {Stage.CLOSED, Stage.REFERRED, Stage.REGISTERED_TO_VOTE}

    @property
    def answers_editable(self):
        """Before filing: afterwards the answers are what USCIS has, and stay as filed."""
        return self in {
            Stage.INTAKE,
            Stage.SCREENED,
            Stage.IN_REVIEW,
            Stage.NEEDS_INFO,
            Stage.APPROVED,
            Stage.NOT_YET,
        }


# The stages of a filed application, from filing to the end of the journey.
AFTER_FILING = frozenset(
    {
        Stage.FILED,
        Stage.BIOMETRICS,
        Stage.INTERVIEW,
        Stage.CONTINUED,
        Stage.DENIED,
        Stage.OATH,
        Stage.REGISTERED_TO_VOTE,
    }
)
# Approved to file, or further along the filing path.
APPROVED_TO_FILE = AFTER_FILING | {Stage.APPROVED}

_LABELS = {
    Stage.INTAKE: _l("Intake"),
    Stage.SCREENED: _l("Screened"),
    Stage.IN_REVIEW: _l("Attorney review"),
    Stage.NEEDS_INFO: _l("Needs more information"),
    Stage.APPROVED: _l("Approved to file"),
    Stage.REFERRED: _l("Referred out"),
    Stage.NOT_YET: _l("Not yet: come back"),
    Stage.CLOSED: _l("Closed"),
    Stage.FILED: _l("Filed"),
    Stage.BIOMETRICS: _l("Biometrics"),
    Stage.INTERVIEW: _l("Interview"),
    Stage.CONTINUED: _l("Interview continued"),
    Stage.DENIED: _l("Denied"),
    Stage.OATH: _l("Oath taken"),
    Stage.REGISTERED_TO_VOTE: _l("Registered to vote"),
}
