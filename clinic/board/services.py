"""The station board of a clinic day, read from the stage machine's stages, claims and audit.

The board never changes anything: it reads each case's stage and when it changed, the
attorneys' live review claims, and the audit trail (the first interview save since the stage
changed, the checklist printed after a decision). Cards carry the case reference and the
person's initials only: the board is shown on a screen in a shared room.
"""

from dataclasses import asdict, dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from clinic.audit import AuditEvent
from clinic.auth.models import User
from clinic.cases.models import Applicant, Case, IntakeSection
from clinic.cases.stages import AFTER_FILING, Stage
from clinic.extensions import db
from clinic.review.models import ReviewClaim, SignOff

COLUMNS = (
    ("checked_in", _l("Checked in")),
    ("interview", _l("Interview")),
    ("waiting", _l("Waiting for review")),
    ("in_review", _l("In review")),
    ("decided", _l("Decided")),
    ("done", _l("Done")),
)
DECIDED = frozenset({Stage.APPROVED, Stage.NOT_YET, Stage.REFERRED})
AFTER_THE_DAY = AFTER_FILING | {Stage.CLOSED}


@dataclass(frozen=True)
class Card:
    case_id: int
    reference: str
    initials: str
    column: str
    since: object  # aware UTC datetime: when the case reached its station
    minutes: int
    worker: str | None
    alert: bool


def initials(given_names, family_names):
    """ "María José", "García López" -> "MG": the first letter of the first of each."""
    letters = [names.split()[0][0] for names in (given_names, family_names) if names.split()]
    return "".join(letters).upper() or "?"


def _first_saves(event_id):
    """Case id -> the first interview save since the case's stage last changed."""
    rows = db.session.execute(
        select(AuditEvent.object_id, func.min(AuditEvent.at))
        .join(Case, Case.id == AuditEvent.object_id)
        .where(
            Case.event_id == event_id,
            AuditEvent.object_type == "cases",
            AuditEvent.action == "intake.section_saved",
            AuditEvent.at >= Case.stage_changed_at,
        )
        .group_by(AuditEvent.object_id)
    )
    return dict(rows.all())


def _checklists_printed(event_id):
    """Ids of the day's cases whose checklist was printed after their stage last changed."""
    return set(
        db.session.scalars(
            select(AuditEvent.object_id)
            .join(Case, Case.id == AuditEvent.object_id)
            .where(
                Case.event_id == event_id,
                AuditEvent.object_type == "cases",
                AuditEvent.action == "packets.printed",
                AuditEvent.details["kind"].as_string() == "checklist",
                AuditEvent.at >= Case.stage_changed_at,
            )
        )
    )


def _live_claims(event_id, now):
    """Case id -> (attorney's name, claimed at) for the day's claims that have not lapsed."""
    rows = db.session.execute(
        select(ReviewClaim.case_id, User.name, ReviewClaim.claimed_at)
        .join(User, User.id == ReviewClaim.attorney_id)
        .join(Case, Case.id == ReviewClaim.case_id)
        .where(Case.event_id == event_id, ReviewClaim.expires_at > now)
    )
    return {case_id: (name, claimed_at) for case_id, name, claimed_at in rows}


def _interviewers(event_id):
    """Case id -> the name of whoever saved the case's interview last."""
    latest = (
        select(IntakeSection.case_id, func.max(IntakeSection.updated_at).label("at"))
        .join(Case, Case.id == IntakeSection.case_id)
        .where(Case.event_id == event_id)
        .group_by(IntakeSection.case_id)
        .subquery()
    )
    rows = db.session.execute(
        select(IntakeSection.case_id, User.name)
        .join(
            latest,
            (latest.c.case_id == IntakeSection.case_id) & (latest.c.at == IntakeSection.updated_at),
        )
        .join(User, User.id == IntakeSection.updated_by_id)
    )
    return dict(rows.all())


def _signers(event_id):
    """Case id -> the name of the attorney who signed the case's latest decision."""
    latest = (
        select(func.max(SignOff.id))
        .join(Case, Case.id == SignOff.case_id)
        .where(Case.event_id == event_id)
        .group_by(SignOff.case_id)
    )
    rows = db.session.execute(
        select(SignOff.case_id, SignOff.signer_name).where(SignOff.id.in_(latest))
    )
    return dict(rows.all())


@dataclass(frozen=True)
class _Seen:
    """What the board read about the day, beside the cases themselves."""

    first_saves: dict
    printed: set
    claims: dict
    interviewers: dict
    signers: dict
    checkers: dict


def _station(row, seen):
    """(column, since, worker) of one case."""
    stage, changed = row.stage, row.stage_changed_at
    if stage in (Stage.INTAKE, Stage.NEEDS_INFO):
        started = seen.first_saves.get(row.id)
        if started is None and stage == Stage.INTAKE:
            return "checked_in", changed, seen.checkers.get(row.id)
        return "interview", started or changed, seen.interviewers.get(row.id)
    if stage in (Stage.SCREENED, Stage.IN_REVIEW):
        claim = seen.claims.get(row.id) if stage == Stage.IN_REVIEW else None
        if claim is not None:
            return "in_review", max(claim[1], changed), claim[0]
        return "waiting", changed, None
    if stage in DECIDED and row.id not in seen.printed:
        return "decided", changed, seen.signers.get(row.id)
    return "done", changed, None


def station_board(event, now, *, alert_minutes):
    """The day's columns, each with its cards, longest waiting first."""
    rows = db.session.execute(
        select(
            Case.id,
            Case.reference,
            Case.stage,
            Case.stage_changed_at,
            Applicant.given_names,
            Applicant.family_names,
            User.name.label("checker"),
        )
        .join(Applicant, Applicant.id == Case.applicant_id)
        .outerjoin(User, User.id == Case.created_by_id)
        .where(Case.event_id == event.id)
    ).all()
    seen = _Seen(
        first_saves=_first_saves(event.id),
        printed=_checklists_printed(event.id),
        claims=_live_claims(event.id, now),
        interviewers=_interviewers(event.id),
        signers=_signers(event.id),
        checkers={row.id: row.checker for row in rows},
    )
    cards = {key: [] for key, _ in COLUMNS}
    for row in rows:
        column, since, worker = _station(row, seen)
        minutes = max(0, int((now - since).total_seconds() // 60))
        cards[column].append(
            Card(
                case_id=row.id,
                reference=row.reference or f"#{row.id}",
                initials=initials(row.given_names, row.family_names),
                column=column,
                since=since,
                minutes=minutes,
                worker=worker,
                alert=column != "done" and minutes >= alert_minutes,
            )
        )
    return [
        {"key": key, "label": str(label), "cards": sorted(cards[key], key=lambda c: c.since)}
        for key, label in COLUMNS
    ]


def alert_count(columns):
    return sum(card.alert for column in columns for card in column["cards"])


def waited(minutes):
    """12 -> "12 min", 65 -> "1 h 05 min"."""
    if minutes < 60:
        return _("%(minutes)s min", minutes=minutes)
    return _("%(hours)s h %(minutes)s min", hours=minutes // 60, minutes=f"{minutes % 60:02d}")


def board_json(columns, now, alert_minutes):
    """The board as plain data for the page's script (no names, no birth dates)."""
    return {
        "as_of": now.isoformat(),
        "alert_minutes": alert_minutes,
        "alerts": alert_count(columns),
        "columns": [
            {
                "key": column["key"],
                "label": column["label"],
                "cards": [
                    {
                        **{k: v for k, v in asdict(card).items() if k != "since"},
                        "waited": waited(card.minutes),
                    }
                    for card in column["cards"]
                ],
            }
            for column in columns
        ],
    }


def boards_today(user, today):
    """The clinic days held today whose board this user may see."""
    from clinic.events import services as events
    from clinic.events.models import ClinicEvent

    days = db.session.scalars(
        events.visible_events_query(user)
        .where(ClinicEvent.held_on == today)
        .order_by(ClinicEvent.name)
    ).all()
    return [day for day in days if events.can_work_event(user, day)]
