"""The stage machine: the one place a case's stage changes.

Each transition says where it may start, who may make it, and what it requires; making one
writes an audit event in the same transaction. Views and services call `move()`; nothing else
assigns `case.stage`. What a step requires is named here and checked by the feature that knows
(the interview registers INTAKE_COMPLETE with `requirement()`), so this module imports none.
"""

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from clinic import audit
from clinic.auth.roles import Role
from clinic.cases.stages import Stage

STAFF = frozenset({Role.VOLUNTEER, Role.COORDINATOR, Role.ATTORNEY})
ORGANIZERS = frozenset({Role.COORDINATOR, Role.ADMIN})
# Attorney decisions are made through the review service (issue: attorney review), which
# records the decision and sign-off before moving the stage; `via` names that service.
REVIEW = "review"
FILING = "filing"  # milestones after approval are recorded through clinic.filing.services
VOTER = "voter"
CASEWORKERS = frozenset({Role.COORDINATOR, Role.ATTORNEY})
WHERE_MADE = {
    None: _l("This step is made from the case page."),
    REVIEW: _l("This step is made from the attorney review page."),
    FILING: _l("This step is recorded with the case's milestone forms."),
    VOTER: _l("This step is recorded on the case's voter page."),
}
AFTER_FILING = frozenset({Stage.FILED, Stage.BIOMETRICS, Stage.CONTINUED})


class TransitionRefused(Exception):
    def __init__(self, message, *, forbidden=False):
        message = str(message)  # a lazy label, said now: pages show only str messages
        super().__init__(message)
        self.message = message

        self.forbidden = forbidden


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset
    target: Stage
    roles: frozenset
    label: str
    requires: str | None = None  # a requirement's name (see requirement())
    via: str | None = None  # a service that must make this move (not the generic form)
    needs_reason: bool = False
    also_via: frozenset = frozenset()  # other services that may make it as well


# Requirements: {name: check(case) -> the reason the step can't happen yet, or None}.
INTAKE_COMPLETE = "intake_complete"  # every section the screening needs, and a screening
REQUIREMENTS = {}


def requirement(name, check):
    """Register the check behind requirement `name` (a feature does, when its blueprint is
    registered): the machine then refuses a step that requires it while check(case) says why."""
    REQUIREMENTS[name] = check


def _unmet(transition, case):
    if transition.requires is None:
        return None
    check = REQUIREMENTS.get(transition.requires)
    if check is None:  # never allow a step because nobody registered what it requires
        raise LookupError(f"Nothing checks the requirement {transition.requires!r}.")
    return check(case)


OPEN = frozenset(stage for stage in Stage if stage.is_open)

TRANSITIONS = (
    Transition(
        "finish_intake",
        frozenset({Stage.INTAKE, Stage.NEEDS_INFO}),
        Stage.SCREENED,
        STAFF,
        _l("Finish intake"),
        requires=INTAKE_COMPLETE,
    ),
    Transition(
        "send_to_review",
        frozenset({Stage.SCREENED}),
        Stage.IN_REVIEW,
        STAFF,
        _l("Send to attorney review"),
        requires=INTAKE_COMPLETE,
    ),
    Transition(
        "reopen_intake",
        frozenset({Stage.SCREENED, Stage.NOT_YET}),
        Stage.INTAKE,
        STAFF,
        _l("Reopen the interview"),
    ),
    Transition(
        "approve",
        frozenset({Stage.IN_REVIEW}),
        Stage.APPROVED,
        frozenset({Role.ATTORNEY}),
        _l("Approve to file"),
        via=REVIEW,
    ),
    Transition(
        "needs_info",
        frozenset({Stage.IN_REVIEW}),
        Stage.NEEDS_INFO,
        frozenset({Role.ATTORNEY}),
        _l("Needs more information"),
        via=REVIEW,
    ),
    Transition(
        "refer",
        frozenset({Stage.IN_REVIEW}),
        Stage.REFERRED,
        frozenset({Role.ATTORNEY}),
        _l("Refer for full representation"),
        via=REVIEW,
    ),
    Transition(
        "not_yet",
        frozenset({Stage.IN_REVIEW}),
        Stage.NOT_YET,
        frozenset({Role.ATTORNEY}),
        _l("Not eligible yet"),
        via=REVIEW,
    ),
    Transition(
        "void_sign_off",
        frozenset({Stage.APPROVED, Stage.NOT_YET}),
        Stage.IN_REVIEW,
        STAFF | ORGANIZERS,
        _l("Back to review: answers changed"),
        via=REVIEW,
    ),
    Transition(
        "close",
        OPEN - {Stage.CLOSED},
        Stage.CLOSED,
        ORGANIZERS | {Role.ATTORNEY},
        _l("Close the case"),
        needs_reason=True,
        also_via=frozenset({REVIEW}),  # an attorney's "close" decision, with its sign-off
    ),
    Transition(
        "file",
        frozenset({Stage.APPROVED}),
        Stage.FILED,
        CASEWORKERS,
        _l("Record the filing"),
        via=FILING,
    ),
    Transition(
        "biometrics",
        frozenset({Stage.FILED}),
        Stage.BIOMETRICS,
        CASEWORKERS,
        _l("Record biometrics"),
        via=FILING,
    ),
    Transition(
        "interview_approved",
        AFTER_FILING,
        Stage.INTERVIEW,
        CASEWORKERS,
        _l("Interview: approved"),
        via=FILING,
    ),
    Transition(
        "interview_continued",
        AFTER_FILING,
        Stage.CONTINUED,
        CASEWORKERS,
        _l("Interview: continued"),
        via=FILING,
    ),
    Transition(
        "interview_denied",
        AFTER_FILING,
        Stage.DENIED,
        CASEWORKERS,
        _l("Interview: denied"),
        via=FILING,
    ),
    Transition(
        "oath",
        frozenset({Stage.INTERVIEW}),
        Stage.OATH,
        CASEWORKERS,
        _l("Record the oath"),
        via=FILING,
    ),
    Transition(
        "registered_to_vote",
        frozenset({Stage.OATH}),
        Stage.REGISTERED_TO_VOTE,
        CASEWORKERS | {Role.VOLUNTEER},
        _l("Registration confirmed"),
        via=VOTER,
    ),
)
BY_NAME = {transition.name: transition for transition in TRANSITIONS}


def available(case, user):
    """Transitions this user could offer on this case now (made through the case page)."""
    return [
        t for t in TRANSITIONS if case.stage in t.sources and user.role in t.roles and t.via is None
    ]


def check(case, name, *, by, reason=None, via=None):
    """The transition `name` if it may be made now; otherwise raise TransitionRefused.

    Changes nothing, so a service calls it before it writes anything of its own: a refused
    step then leaves the case exactly as it was.
    """
    transition = BY_NAME.get(name)
    if transition is None:
        raise TransitionRefused(_("No such step."))
    if by is not None and by.role not in transition.roles:
        raise TransitionRefused(_("Your role can't make this step."), forbidden=True)
    if via != transition.via and via not in transition.also_via:
        raise TransitionRefused(WHERE_MADE.get(transition.via, _l("This step is made elsewhere.")))
    if case.stage not in transition.sources:
        raise TransitionRefused(
            _(
                "A case in '%(stage)s' can't go to '%(target)s'.",
                stage=case.stage.label,
                target=transition.target.label,
            )
        )
    if transition.needs_reason and not (reason or "").strip():
        raise TransitionRefused(_("Say why."))
    problem = _unmet(transition, case)
    if problem:
        raise TransitionRefused(problem)
    return transition


def move(case, name, *, by, now, reason=None, via=None):
    """Make transition `name`, or raise TransitionRefused saying why not."""
    transition = check(case, name, by=by, reason=reason, via=via)
    previous = case.stage
    case.stage = transition.target
    case.stage_changed_at = now
    case.touch(now)
    if transition.target == Stage.CLOSED:
        case.closed_reason = reason.strip()[:200]
    audit.record(
        "case.stage_changed",
        actor=by,
        target=case,
        at=now,
        step=name,
        from_stage=previous.value,
        to_stage=transition.target.value,
    )
    return case
