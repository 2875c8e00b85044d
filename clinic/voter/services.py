"""A new citizen's registration plan, recording what happened, and the follow-up list.

Every function that shows or produces anything asks clinic.voter.gate first.
"""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from clinic import audit
from clinic.auth.services import ServiceError
from clinic.cases import machine
from clinic.cases.models import Case
from clinic.cases.services import visible_cases_query
from clinic.cases.stages import Stage
from clinic.extensions import db
from clinic.i18n.languages import case_language
from clinic.i18n.words import N_, say
from clinic.screening.dates import spoken
from clinic.voter import gate, rules
from clinic.voter.models import Election, VoterRegistration

STATUSES = {
    "not_yet": _l("Not registered yet"),
    "submitted": _l("Registration sent"),
    "confirmed": _l("Registered (checked)"),
    "declined": _l("Does not want to register"),
}


def residence_state(case):
    """The state from the interview, when it is one whose rules Clinic knows."""
    section = case.section("residence")
    state = section.answers.get("state") if section else None
    return state if state in rules.STATES else None


def registration_for(case, now=None):
    """The case's registration record; with `now`, created (from the interview) if missing.

    Only for saving: pages, checklists and the command line read registration_or_default().
    """
    record = db.session.scalar(
        select(VoterRegistration).where(VoterRegistration.case_id == case.id)
    )
    if record is None and now is not None:
        record = _default_registration(case, updated_at=now)
        db.session.add(record)
    return record


def registration_or_default(case):
    """The saved record, or an unsaved one from the interview: reading writes nothing."""
    return registration_for(case) or _default_registration(case)


def _default_registration(case, updated_at=None):
    return VoterRegistration(
        case_id=case.id,
        state=residence_state(case),
        has_license=False,
        license_shows_citizenship=False,
        status="not_yet",
        updated_at=updated_at,
    )


def next_election(state, today):
    return db.session.scalar(
        select(Election)
        .where(Election.state == state, Election.held_on >= today)
        .order_by(Election.held_on)
        .limit(1)
    )


def plan(case, today):
    """Everything the new citizen needs for the next election in their state (writes nothing)."""
    gate.require_citizen(case, today)
    registration = registration_or_default(case)
    state = registration.state
    election = next_election(state, today) if state else None
    found = (
        rules.deadlines(state, election.held_on, election.kind, case.milestones.oath_on)
        if election
        else []
    )
    return {
        "registration": registration,
        "state": state,
        "rules": rules.state_rules(state) if state else None,
        "election": election,
        "deadlines": found,
        "recommended": rules.recommend(
            state,
            found,
            today,
            has_license=registration.has_license,
            license_shows_citizenship=registration.license_shows_citizenship,
        )
        if found
        else None,
    }


def record(case, data, *, by, today, now):
    """Save what the person holds and where the registration stands."""
    gate.require_citizen(case, today)
    registration = registration_for(case, now)
    registration.state = data["state"]
    registration.has_license = bool(data["has_license"])
    registration.license_shows_citizenship = bool(data["license_shows_citizenship"])
    previous = registration.status
    registration.status = data["status"]
    registration.submitted_on, registration.channel = data["submitted_on"], data["channel"]
    registration.confirmed_on = data["confirmed_on"]
    registration.confirmed_how = (data["confirmed_how"] or "").strip() or None
    registration.declined_on = (
        today
        if data["status"] == "declined" and registration.declined_on is None
        else registration.declined_on
    )
    registration.updated_at, registration.updated_by_id = now, by.id
    audit.record("voter.recorded", actor=by, target=case, at=now, status=registration.status)
    if registration.status == "confirmed" and previous != "confirmed" and case.stage == Stage.OATH:
        machine.move(case, "registered_to_vote", by=by, now=now, via=machine.VOTER)
    return registration


def add_election(state, held_on, kind, name, *, by, now):
    """An election admins enter; one per state, day and kind (the table's unique key)."""
    if db.session.scalar(
        select(Election.id).where(
            Election.state == state, Election.held_on == held_on, Election.kind == kind
        )
    ):
        raise ServiceError(_already_entered(kind, state, spoken(held_on)), field="held_on")

    election = Election(state=state, held_on=held_on, kind=kind, name=name.strip(), created_at=now)
    db.session.add(election)
    db.session.flush()
    audit.record("voter.election_added", actor=by, at=now, state=state, kind=kind)
    return election


def follow_up(user, today, *, page=1, per_page=50):
    """New citizens not yet registered (nor declining), nearest deadline first: (rows of the
    page as (nearest, case, election, registration), how many in all).

    The gate and the status are tested in SQL; the order needs each state's rules (its next
    election's deadlines, which Python works out from the rules data), so one light query
    reads the case id, state and oath date of everyone waiting (clear columns: no answers are
    decrypted), and only the page's cases are loaded, with what their rows show, in three
    more queries.
    """
    from clinic.cases.lists import with_rows_shown
    from clinic.filing.models import Milestones

    waiting = (
        visible_cases_query(user)
        .join(Milestones, Milestones.case_id == Case.id)
        .outerjoin(VoterRegistration, VoterRegistration.case_id == Case.id)
        .where(
            Case.stage == Stage.OATH,
            Milestones.oath_on <= today,
            Milestones.certificate_number.is_not(None),
            Milestones.certificate_number != "",
            or_(
                VoterRegistration.id.is_(None),
                VoterRegistration.status.not_in(["confirmed", "declined"]),
            ),
        )
    )
    light = db.session.execute(
        waiting.with_only_columns(
            Case.id,
            VoterRegistration.id,
            VoterRegistration.state,
            Case.home_state,
            Milestones.oath_on,
        )
    ).all()
    elections, nearest, states = {}, {}, {}
    for case_id, registered, state, home_state, oath_on in light:
        if registered is None:  # no record yet: the state from the interview, if Clinic knows it
            state = home_state if home_state in rules.STATES else None
        states[case_id] = state
        if state and state not in elections:
            elections[state] = next_election(state, today)
        nearest[case_id] = _nearest_deadline(elections.get(state), state, oath_on, today)
    order = sorted(nearest, key=lambda i: (nearest[i] is None, nearest[i] or today, i))
    shown = order[(page - 1) * per_page : page * per_page]
    cases = {
        c.id: c
        for c in db.session.scalars(
            with_rows_shown(visible_cases_query(user).where(Case.id.in_(shown))).options(
                selectinload(Case.milestones)
            )
        )
    }
    registrations = {
        r.case_id: r
        for r in db.session.scalars(
            select(VoterRegistration).where(VoterRegistration.case_id.in_(shown))
        )
    }
    rows = [
        (nearest[i], cases[i], elections.get(states[i]), registrations.get(i))
        for i in shown
        if i in cases
    ]
    return rows, len(order)


def _nearest_deadline(election, state, oath_on, today):
    if election is None:
        return None
    found = rules.deadlines(state, election.held_on, election.kind, oath_on)
    return min((d.last_day for d in found if d.applies and d.last_day >= today), default=None)


def checklist_context(case, today, now):
    """Plain data for the voter-registration checklist PDF (gate checked in plan())."""
    found = plan(case, today)
    state_rules, election, recommended = found["rules"], found["election"], found["recommended"]
    late = next((d for d in found["deadlines"] if d.channel == "new_citizen"), None)
    return {
        "language": case_language(case),
        "organization": case.organization.name,
        "organization_contact": case.organization.contact,
        "clinic_day": "Voter registration",
        "reference": f"Case {case.reference}",
        "generated": f"Printed {spoken(now.date())}",
        "name": case.applicant.full_name,
        "state": state_rules["name"] if state_rules else None,
        "election": {"name": election.name, "date": election.held_on} if election else None,
        "recommended": _deadline_words(recommended),
        "deadlines": [_deadline_words(d) for d in found["deadlines"] if d.applies],
        "late": _deadline_words(late) if late and late.applies else None,
        "online_url": state_rules.get("online_url") if state_rules else None,
        "clerk_lookup": state_rules.get("clerk_lookup") if state_rules else None,
        "status_url": state_rules.get("status_url") if state_rules else None,
        "id_number": _state_words(state_rules, "id_number"),
        "proof": _state_words(state_rules, "proof"),
        "proof_of_citizenship": rules.proof_of_citizenship(
            found["state"], election.held_on if election else today
        )
        if found["state"]
        else None,
        "advice": _state_words(state_rules, "advice"),
    }


def _state_words(state_rules, key):
    """A state's sentence from data/states.json (its catalogue entry made by the extractor)."""
    text = state_rules.get(key) if state_rules else None
    return say(text) if text else None


LAST_DAY = {
    "postmarked": N_("postmarked by %(on)s"),
    "received": N_("received by %(on)s"),
    "submitted": N_("by %(on)s"),
}


def _deadline_words(deadline):
    if deadline is None:
        return None
    when = say(LAST_DAY[deadline.kind], on=deadline.last_day)
    if deadline.until:
        when = say("%(day)s, until %(time)s", day=when, time=deadline.until)
    return {
        "channel": deadline.label,
        "when": when,
        "needs": deadline.needs,
        "note": deadline.note or None,
    }


def _already_entered(kind, state, day):
    """Why a second election of one state, day and kind is refused: one sentence per kind."""
    if kind == "general":
        said = _(
            "A general election in %(state)s on %(day)s is already entered.", state=state, day=day
        )
    elif kind == "primary":
        said = _(
            "A primary election in %(state)s on %(day)s is already entered.", state=state, day=day
        )
    elif kind == "municipal":
        said = _(
            "A municipal election in %(state)s on %(day)s is already entered.", state=state, day=day
        )
    else:
        said = _(
            "A %(kind)s election in %(state)s on %(day)s is already entered.",
            kind=kind,
            state=state,
            day=day,
        )
    return "{} {}".format(
        said, _("Change the date or the kind, or remove the one in the list first.")
    )
