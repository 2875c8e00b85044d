"""Who may see and change which case, and who may see its sensitive answers."""

from clinic.auth.roles import Role
from clinic.screening import codes

# Findings that reveal record answers: shown in full only to those who may see those answers.
SENSITIVE_FINDINGS = frozenset(
    {
        codes.PERMANENT_BAR,
        codes.REMOVAL_PENDING,
        codes.CONDITIONAL_BAR,
        codes.CRIMINAL_HISTORY,
        codes.DUI,
        codes.MULTIPLE_DUI,
        codes.TRAFFIC_PATTERN,
        codes.CHILD_SUPPORT_ARREARS,
        codes.FALSE_CLAIM_CITIZENSHIP,
        codes.UNLAWFUL_VOTING,
        codes.REMOVAL_HISTORY,
        codes.LPR_LAWFULNESS,
        codes.GMC_CONCERN,
    }
)


def _staffs_event(user, case):
    return case.event is not None and any(s.user_id == user.id for s in case.event.staff)


def can_view(user, case):
    """Admins see every case; others, their organization's cases and their clinic days'."""
    if user.role == Role.ADMIN:
        return True
    return user.organization_id == case.organization_id or _staffs_event(user, case)


def can_edit_intake(user, case):
    return (
        user.role in (Role.VOLUNTEER, Role.COORDINATOR, Role.ATTORNEY)
        and can_view(user, case)
        and case.stage.answers_editable
    )


def can_see_sensitive(user, case, *, doing_intake=False):
    """A-numbers and criminal-history answers: attorneys, coordinators and admins who may see
    the case, and a volunteer while doing that case's interview, never in lists."""
    if not can_view(user, case):
        return False
    if user.role == Role.VOLUNTEER:
        return doing_intake
    return True
