"""Retention: cases kept no longer than needed are purged, keeping only counts for reports.

Which cases go (README explains the defaults):

- closed (withdrawn included) or referred out, with no change for RETENTION_CLOSED_DAYS;
- never completed: still in intake, with no change for RETENTION_INCOMPLETE_DAYS.

A purge deletes each case with everything hanging from it (answers, screenings, sign-offs,
milestones, voter follow-up) and the applicant once no case of theirs is left; what stays is
one row of counts per organization, clinic day and stage, and an audit event with counts only.
`purge(now, dry_run=True)` lists the same cases without touching anything; the CLI and the
periodic task call this one function.
"""

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy import and_, delete, or_, select

from clinic import audit
from clinic.cases.models import Applicant, Case
from clinic.cases.stages import Stage
from clinic.extensions import db
from clinic.review.models import SignOff
from clinic.security.models import PurgedCases

FINISHED = (Stage.CLOSED, Stage.REFERRED)
INCOMPLETE = (Stage.INTAKE,)


@dataclass(frozen=True)
class Expired:
    """A case due for purging, described without personal data."""

    case_id: int
    reference: str | None
    organization_id: int
    event_id: int | None
    stage: Stage
    last_change: object


DESCRIBED = (Case.id, Case.reference, Case.organization_id, Case.event_id, Case.stage)


def expired_cases(now):
    config = current_app.config
    finished_before = now - timedelta(days=config["RETENTION_CLOSED_DAYS"])
    incomplete_before = now - timedelta(days=config["RETENTION_INCOMPLETE_DAYS"])
    last_change = Case.updated_at  # every change touches it (Case.touch)
    rows = db.session.execute(
        select(*DESCRIBED, Case.updated_at)
        .where(
            or_(
                and_(Case.stage.in_(FINISHED), last_change < finished_before),
                and_(Case.stage.in_(INCOMPLETE), last_change < incomplete_before),
            )
        )
        .order_by(Case.id)
    ).all()
    return [Expired(*row) for row in rows]


def purge(now, *, dry_run=False):
    """The expired cases; unless `dry_run`, deleted (flushed: the caller commits)."""
    expired = expired_cases(now)
    if dry_run or not expired:
        return expired
    return purge_cases(expired, now, action="retention.purged")


def listed(case_ids):
    """The cases as purge_cases() takes them (a clinic day carried to the server, say)."""
    rows = db.session.execute(
        select(*DESCRIBED, Case.updated_at).where(Case.id.in_(case_ids)).order_by(Case.id)
    ).all()
    return [Expired(*row) for row in rows]


def purge_cases(expired, now, *, action, actor=None, **details):
    """Delete these cases with everything hanging from them, and their applicants once no case
    of theirs is left, keeping counts; one audit event with counts (flushed)."""
    ids = [item.case_id for item in expired]
    applicant_ids = set(db.session.scalars(select(Case.applicant_id).where(Case.id.in_(ids))))
    _keep_counts(expired, now)
    # Sign-offs are never deleted in the app's own work (review.models); retention is the one
    # exception, so it goes around the ORM guard, first (they point at screening runs).
    db.session.execute(delete(SignOff).where(SignOff.case_id.in_(ids)))
    db.session.execute(delete(Case).where(Case.id.in_(ids)))  # the rest cascades
    still_used = select(Case.id).where(Case.applicant_id == Applicant.id).exists()
    db.session.execute(delete(Applicant).where(Applicant.id.in_(applicant_ids), ~still_used))
    db.session.expire_all()
    by_stage = {}
    for item in expired:
        by_stage[item.stage.value] = by_stage.get(item.stage.value, 0) + 1
    audit.record(action, actor=actor, at=now, cases=len(expired), **by_stage, **details)
    return expired


def _keep_counts(expired, now):
    groups = {}
    for item in expired:
        key = (item.organization_id, item.event_id, item.stage)
        groups[key] = groups.get(key, 0) + 1
    db.session.add_all(
        PurgedCases(
            purged_at=now,
            organization_id=organization_id,
            event_id=event_id,
            stage=stage,
            count=count,
        )
        for (organization_id, event_id, stage), count in groups.items()
    )
