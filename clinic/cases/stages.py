"""The case stages, as in DESIGN.md. Only clinic.cases.machine changes a case's stage."""

import enum


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
    Stage.INTAKE: "Intake",
    Stage.SCREENED: "Screened",
    Stage.IN_REVIEW: "Attorney review",
    Stage.NEEDS_INFO: "Needs more information",
    Stage.APPROVED: "Approved to file",
    Stage.REFERRED: "Referred out",
    Stage.NOT_YET: "Not yet: come back",
    Stage.CLOSED: "Closed",
    Stage.FILED: "Filed",
    Stage.BIOMETRICS: "Biometrics",
    Stage.INTERVIEW: "Interview",
    Stage.CONTINUED: "Interview continued",
    Stage.DENIED: "Denied",
    Stage.OATH: "Oath taken",
    Stage.REGISTERED_TO_VOTE: "Registered to vote",
}
