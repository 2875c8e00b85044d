"""The review queue, claims, decisions with sign-off, and voiding when answers change."""

from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from clinic import audit
from clinic.audit import AuditEvent
from clinic.auth import second_factor
from clinic.auth.passwords import verify_password
from clinic.auth.roles import Role
from clinic.auth.services import ServiceError
from clinic.cases import machine
from clinic.cases.models import Case, ScreeningRun
from clinic.cases.services import visible_cases_query
from clinic.cases.stages import Stage
from clinic.events.models import ClinicEvent
from clinic.extensions import db
from clinic.intake.answers import all_answers
from clinic.intake.answers import answers_hash as answers_fingerprint
from clinic.review.changes import changed_answers, changed_n400_answers
from clinic.review.models import Decision, ReviewClaim, SignOff, SignOffVoid
from clinic.templating import local_time

# The findings an attorney must resolve one by one before deciding.
MUST_RESOLVE = frozenset({"refer", "bar"})
RESOLUTIONS = {
    "rebutted": _l("Resolved: fine to file (say why, and which evidence)"),
    "wait": _l("Wait: file after a date (give it)"),
    "refer_out": _l("Needs full representation"),
    "more_info": _l("Need more information first"),
    "not_eligible": _l("Bars filing"),
}
STEP_FOR = {
    Decision.APPROVE: "approve",
    Decision.APPROVE_WITH_CONDITIONS: "approve",
    Decision.NEEDS_INFO: "needs_info",
    Decision.REFER: "refer",
    Decision.NOT_YET: "not_yet",
    Decision.CLOSE: "close",
}
# Decisions that stand on the answers: a change of answers sends the case back to review.
STANDING = frozenset({Stage.APPROVED, Stage.NOT_YET})


class NotAllowed(Exception):
    """The user may not do this at all (the view answers 403)."""


def review_queue(user, *, outcome=None, finding=None):
    """Cases waiting in review that the attorney may see, by clinic day then waiting time:
    an ordered select to page. Filters read the latest screening's outcome and its stored
    finding codes, never its JSON."""
    from clinic.cases.lists import latest_run_id, with_rows_shown

    query = (
        visible_cases_query(user)
        .outerjoin(ClinicEvent, Case.event_id == ClinicEvent.id)
        .where(Case.stage == Stage.IN_REVIEW)
    )
    if outcome or finding:
        query = query.join(ScreeningRun, ScreeningRun.id == latest_run_id())
    if outcome:
        query = query.where(ScreeningRun.outcome == outcome)
    finding = (finding or "").strip().upper()
    if finding:
        query = query.where(ScreeningRun.finding_codes.contains(f" {finding} ", autoescape=True))
    return with_rows_shown(query).order_by(
        ClinicEvent.held_on.nulls_last(), Case.stage_changed_at, Case.id
    )


def live_claims(cases, now):
    """{case id: live claim} for a page of the queue, in one query, with the attorney."""
    ids = [case.id for case in cases]
    if not ids:
        return {}
    claims = db.session.scalars(
        select(ReviewClaim)
        .where(ReviewClaim.case_id.in_(ids), ReviewClaim.expires_at > now)
        .options(joinedload(ReviewClaim.attorney))
    )
    return {claim.case_id: claim for claim in claims}


def live_claim(case, now):
    claim = db.session.scalar(select(ReviewClaim).where(ReviewClaim.case_id == case.id))
    return claim if claim is not None and claim.expires_at > now else None


def claim(case, attorney, now):
    """Mark the case as being reviewed by `attorney`, unless another attorney holds it."""
    _check_attorney(attorney)
    held = live_claim(case, now)
    if held is not None and held.attorney_id != attorney.id:
        raise ServiceError(
            _(
                "%(name)s is reviewing this case until %(time)s.",
                name=held.attorney.name,
                time=local_time(held.expires_at, "%H:%M"),
            )
        )
    existing = db.session.scalar(select(ReviewClaim).where(ReviewClaim.case_id == case.id))
    lifetime = timedelta(minutes=current_app.config["REVIEW_CLAIM_MINUTES"])
    if existing is None:
        existing = ReviewClaim(
            case_id=case.id, attorney_id=attorney.id, claimed_at=now, expires_at=now + lifetime
        )
        db.session.add(existing)
    else:
        existing.attorney_id, existing.claimed_at = attorney.id, now
        existing.expires_at = now + lifetime
    audit.record("review.claimed", actor=attorney, target=case, at=now)
    return existing


def release(case, attorney, now):
    held = live_claim(case, now)
    if held is not None and held.attorney_id == attorney.id:
        db.session.delete(held)
        audit.record("review.released", actor=attorney, target=case, at=now)


def preparers(case):
    """Everyone who ever saved interview answers of this case."""
    return set(
        db.session.scalars(
            select(AuditEvent.actor_id).where(
                AuditEvent.action == "intake.section_saved",
                AuditEvent.object_type == "cases",
                AuditEvent.object_id == case.id,
            )
        )
    )


def findings_to_resolve(run):
    return [f for f in run.result["findings"] if f["severity"] in MUST_RESOLVE] if run else []


def decide(case, attorney, *, password, code, now, **choice):
    """Record the attorney's decision as a sign-off on every answer the N-400 prints, and
    move the case, signed by re-entering the password and a second-factor code. `choice`:
    decision, resolutions, details, facts_hash, note and answers_hash (the fingerprints of what
    the attorney read; a page from before answers had one posts no `answers_hash`). Raises
    NotAllowed (not an attorney, or prepared the case) or ServiceError (fix the form and
    retry)."""
    checked = _check_decision(case, attorney, now, **choice)
    _check_signature(attorney, password, code, now)
    return _sign(case, attorney, checked, now, **choice)


def _check_signature(attorney, password, code, now):
    if not verify_password(attorney.password_hash, password or ""):
        raise ServiceError(_("That is not your password."), field="password")
    if second_factor.check(attorney, code, now) is None:
        raise ServiceError(
            _("That code is not right (or was used already): type the one the app shows now."),
            field="code",
        )


def seed_decision(case, attorney, *, now, **choice):
    """The demo data's decisions (`clinic seed-demo`): the same checks and records as
    decide(), with nobody at a keyboard to re-authenticate."""
    return _sign(case, attorney, _check_decision(case, attorney, now, **choice), now, **choice)


def _check_decision(
    case, attorney, now, *, decision, resolutions, details, facts_hash, note, answers_hash=None
):
    _check_attorney(attorney)
    if attorney.id in preparers(case):
        raise NotAllowed(
            _(
                "You entered answers in this interview, so another attorney must "
                "sign it off (the preparer is not the approver)."
            )
        )
    if case.stage != Stage.IN_REVIEW:
        raise ServiceError(_("This case is not waiting for review."))
    held = live_claim(case, now)
    if held is not None and held.attorney_id != attorney.id:
        raise ServiceError(_("%(name)s is reviewing this case.", name=held.attorney.name))
    run = case.latest_screening
    answers = all_answers(case)
    fingerprint = answers_fingerprint(answers)
    if run is None or run.facts_hash != facts_hash or answers_hash not in (None, fingerprint):
        raise ServiceError(
            _("The answers changed while you were reviewing. Read the case again, then decide.")
        )
    _check_resolutions(run, resolutions)
    _check_details(decision, details)
    return run, answers, fingerprint


def _sign(case, attorney, checked, now, *, decision, details, note, resolutions, **_hashes):
    run, answers, fingerprint = checked
    sign_off = SignOff(
        case=case,
        screening_run=run,
        signer_id=attorney.id,
        signer_name=attorney.name,
        credential=f"{attorney.credential.label}: {attorney.credential_number}",
        signed_at=now,
        decision=decision,
        resolutions=resolutions,
        details=details,
        facts_hash=run.facts_hash,
        facts=run.facts,
        answers=answers,
        answers_hash=fingerprint,
        note=(note or "").strip() or None,
    )
    step = STEP_FOR[decision]
    reason = details.get("reason")
    try:
        machine.check(case, step, by=attorney, via=machine.REVIEW, reason=reason)
    except machine.TransitionRefused as refusal:
        raise ServiceError(refusal.message) from refusal
    db.session.add(sign_off)
    machine.move(case, step, by=attorney, now=now, via=machine.REVIEW, reason=reason)
    release(case, attorney, now)
    audit.record(
        "review.signed_off",
        actor=attorney,
        target=case,
        at=now,
        decision=decision.value,
        facts_hash=run.facts_hash[:16],
    )
    return sign_off


def _check_attorney(user):
    if user.role != Role.ATTORNEY or user.credential is None or not user.credential_number:
        raise NotAllowed(_("Only attorneys and accredited representatives can review."))


def _check_resolutions(run, resolutions):
    given = {r["code"]: r for r in resolutions}
    for finding in findings_to_resolve(run):
        resolution = given.get(finding["code"])
        if resolution is None or resolution.get("resolution") not in RESOLUTIONS:
            raise ServiceError(
                _("Resolve every finding first (%(code)s is open).", code=finding["code"]),
                field=f"resolution-{finding['code']}",
            )
        if not (resolution.get("note") or "").strip():
            raise ServiceError(
                _("Write a note for each resolution."), field=f"note-{finding['code']}"
            )


def _check_details(decision, details):
    if decision == Decision.APPROVE_WITH_CONDITIONS and not details.get("conditions"):
        raise ServiceError(_("List the documents to bring first."), field="conditions")
    if decision == Decision.NEEDS_INFO and not details.get("questions"):
        raise ServiceError(_("Write the questions for the volunteer."), field="questions")
    if decision == Decision.REFER and not details.get("referred_to"):
        raise ServiceError(
            _("Say which organization the case is referred to."), field="referred_to"
        )
    if decision == Decision.NOT_YET and not details.get("come_back_on"):
        raise ServiceError(_("Give the date to come back."), field="come_back_on")
    if decision == Decision.CLOSE and not details.get("reason"):
        raise ServiceError(_("Say why the case is closed."), field="reason")


def latest_sign_off(case):
    return db.session.scalar(
        select(SignOff).where(SignOff.case_id == case.id).order_by(SignOff.id.desc()).limit(1)
    )


def _changes_since(sign_off, run, answers):
    """What changed since the sign-off, question by question; [] when nothing it covers did.
    A sign-off from before it covered every answer is bound to the screening's facts."""
    if sign_off.answers_hash is None:
        if run.facts_hash == sign_off.facts_hash:
            return []
        return changed_answers(sign_off.facts, run.facts)
    if answers_fingerprint(answers) == sign_off.answers_hash:
        return []
    # The screening's facts as they were shown before (a trip by its dates), then every other
    # answer the form prints.
    changes = changed_answers(sign_off.facts, run.facts)
    seen = {(c.get("section"), c.get("question"), c.get("row")) for c in changes}
    return changes + [
        change
        for change in changed_n400_answers(sign_off.answers, answers)
        if (change["section"], change["question"], change["row"]) not in seen
    ]


def void_if_answers_changed(case, run, *, by, now):
    """Called after every save of answers: a sign-off on other answers (any answer the N-400
    prints, or the screening's facts) is void from now on, with what changed."""
    sign_off = latest_sign_off(case)
    if sign_off is None or sign_off.void is not None or run is None:
        return None
    changes = _changes_since(sign_off, run, all_answers(case))
    if not changes:
        return None
    void = SignOffVoid(
        sign_off=sign_off,
        voided_at=now,
        voided_by_id=getattr(by, "id", None),
        changes=changes,
    )
    db.session.add(void)
    audit.record("review.sign_off_voided", actor=by, target=case, at=now, sign_off_id=sign_off.id)
    if case.stage in STANDING:
        machine.move(case, "void_sign_off", by=None, now=now, via=machine.REVIEW)
    return void


# Decisions an attorney may sign again as they were, once they have read what changed.
RECONFIRMABLE = frozenset({Decision.APPROVE, Decision.APPROVE_WITH_CONDITIONS})


def reconfirmable(case):
    """The void sign-off whose decision may be signed again in one step, or None: the case
    is back in review because answers changed, and that sign-off approved it."""
    sign_off = latest_sign_off(case)
    if case.stage != Stage.IN_REVIEW or sign_off is None or sign_off.void is None:
        return None
    return sign_off if sign_off.decision in RECONFIRMABLE else None


def reconfirm(case, attorney, *, password, code, facts_hash, answers_hash, now):
    """Sign again the decision of the void sign-off, with its resolutions and details, on the
    answers as they are now. A finding to resolve that the earlier sign-off did not resolve
    refuses it (the full decision form is then needed)."""
    earlier = reconfirmable(case)
    if earlier is None:
        raise ServiceError(_("There is no voided approval to sign again: decide below."))
    resolved = {r["code"]: r for r in earlier.resolutions}
    new = [
        f["code"] for f in findings_to_resolve(case.latest_screening) if f["code"] not in resolved
    ]
    if new:
        raise ServiceError(
            _(
                "The answers raise a finding the earlier sign-off did not resolve (%(codes)s): "
                "decide below.",
                codes=", ".join(new),
            )
        )
    return decide(
        case,
        attorney,
        password=password,
        code=code,
        decision=earlier.decision,
        resolutions=[resolved[f["code"]] for f in findings_to_resolve(case.latest_screening)],
        details=earlier.details,
        facts_hash=facts_hash,
        answers_hash=answers_hash,
        note=_(
            "Signed again after reading the changes since the sign-off of %(when)s.",
            when=local_time(earlier.signed_at, "%b %-d, %Y %H:%M"),
        ),
        now=now,
    )
