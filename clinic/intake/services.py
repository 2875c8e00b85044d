"""Saving interview sections (with optimistic locking) and screening the case after each save."""

from datetime import date

from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from clinic import audit
from clinic.auth.services import ServiceError
from clinic.cases.models import IntakeSection, ScreeningRun
from clinic.cases.names import normalize_a_number, normalize_phone, tokens_column
from clinic.cases.services import a_number_problem
from clinic.cases.stages import Stage
from clinic.extensions import db
from clinic.intake.answers import all_answers, stored_answers
from clinic.intake.facts import NotEnoughToScreen, facts_from_case, facts_hash
from clinic.intake.fields import a_number_message
from clinic.intake.sections import APPLICANT_FIELDS, BY_KEY, SECTIONS, drop_empty_rows, to_json
from clinic.review.services import void_if_answers_changed
from clinic.screening import FactsError, parse_facts, result_to_dict, screen
from clinic.templating import spoken_date


class StaleVersion(Exception):
    """The case changed since the form was loaded; nothing was saved."""

    def __init__(self, current_version):
        super().__init__("stale version")
        self.current_version = current_version


def applicant_sex(case):
    return case.section("contact").answers.get("sex") if case.section("contact") else None


def locked_reason(case):
    """Why nobody may change the case's answers now, in a sentence; None while they are open
    (then only the user's role can be the reason)."""
    stage = case.stage
    if stage.answers_editable:
        return None
    if stage == Stage.CLOSED:
        return _("The answers are locked: the case is closed.")
    if stage == Stage.REFERRED:
        return _("The answers are locked: the case was referred out.")
    filed_on = case.milestones.filed_on if case.milestones else None
    if filed_on:
        return _(
            "The answers are locked: the case was filed with USCIS on %(date)s; they stay as "
            "filed.",
            date=spoken_date(filed_on),
        )
    return _("The answers are locked: the case was filed with USCIS; they stay as filed.")


def section_status(case):
    """[(Section, missing labels, saved?)] in interview order."""
    sex = applicant_sex(case)
    status = []
    for section in SECTIONS:
        saved = case.section(section.key) is not None
        status.append((section, section.missing(stored_answers(case, section.key), sex), saved))
    return status


def n400_status(case):
    """[(Section, labels still missing for the N-400)] in interview order: the screening's
    questions and the form's own (an unsaved section misses all of them)."""
    sex = applicant_sex(case)
    return [
        (section, section.n400_missing(stored_answers(case, section.key), sex))
        for section in SECTIONS
    ]


def n400_extra_missing(case, section):
    """What the N-400 still needs from this section beyond the screening's questions."""
    answers, sex = stored_answers(case, section.key), applicant_sex(case)
    screening = section.missing(answers, sex)
    return [label for label in section.n400_missing(answers, sex) if label not in screening]


def incomplete_sections(case):
    return [
        section
        for section, missing, saved in section_status(case)
        if section.required_for_screening and (missing or not saved)
    ]


def why_not_complete(case):
    """Why the interview can't be finished (or sent to review) yet, or None: the stage
    machine's INTAKE_COMPLETE requirement (registered by the intake blueprint)."""
    missing = incomplete_sections(case)
    if missing:
        return _(
            "Finish these sections first: %(sections)s.",
            sections=", ".join(str(s.title) for s in missing),
        )
    if case.latest_screening is None:
        return _("The case has not been screened yet.")
    return None


def save_section(case, key, data, version, *, by, now, today):
    """Store a section's answers (a validated form's data) and re-screen the case.

    `version` is the case version the form was loaded at. Raises StaleVersion when the case
    changed since, or ServiceError for a business rule (an A-number already on file).
    """
    if str(case.version) != str(version or ""):
        raise StaleVersion(case.version)
    section_def = BY_KEY[key]
    answers = drop_empty_rows(to_json(data), section_def.rows)
    _update_applicant(case, key, answers)
    for name in APPLICANT_FIELDS.get(key, ()):
        answers.pop(name, None)
    section = case.section(key)
    if section is None:
        section = IntakeSection(case=case, key=key, answers={}, updated_at=now)
        db.session.add(section)
    section.answers = answers
    section.updated_at = now
    section.updated_by_id = by.id
    section.complete = not section_def.missing(stored_answers(case, key), applicant_sex(case))
    case.touch(now)
    try:
        db.session.flush()
    except StaleDataError as error:  # a concurrent save won the race between read and write
        db.session.rollback()
        raise StaleVersion(None) from error
    audit.record("intake.section_saved", actor=by, target=case, at=now, section=key)
    run = rescreen(case, by=by, now=now, today=today)
    void_if_answers_changed(case, run, by=by, now=now)
    return run


def _update_applicant(case, key, answers):
    applicant = case.applicant
    if key == "contact":
        for name in ("given_names", "family_names"):
            if answers.get(name):
                setattr(applicant, name, answers[name].strip())
        if answers.get("date_of_birth"):
            applicant.date_of_birth = date.fromisoformat(answers["date_of_birth"])
        applicant.phone = normalize_phone(answers.get("phone"))
        applicant.name_tokens = tokens_column(applicant.given_names, applicant.family_names)
    elif key == "green_card" and answers.get("a_number"):
        number = normalize_a_number(answers["a_number"])
        if number is None:
            raise ServiceError(a_number_message(), field="a_number")
        problem = a_number_problem(applicant, number)
        if problem:
            raise ServiceError(problem, field="a_number")
        applicant.a_number = number


def rescreen(case, *, by, now, today):
    """Screen the case's current answers; store a run when anything in the result changed.

    Returns the latest ScreeningRun, or None when there is not enough to screen yet.
    """
    applicant = case.applicant
    try:
        facts = facts_from_case(
            {"date_of_birth": applicant.date_of_birth.isoformat()}, all_answers(case), today
        )
        result = result_to_dict(screen(parse_facts(facts)))
    except (NotEnoughToScreen, FactsError):
        return case.latest_screening
    digest = facts_hash(facts)
    latest = case.latest_screening
    if latest is not None and (
        latest.facts_hash,
        latest.rules_version,
        latest.outcome,
        str(latest.earliest_filing_date),
    ) == (digest, result["rules_version"], result["outcome"], str(result["earliest_filing_date"])):
        return latest
    run = ScreeningRun(
        case=case,
        created_at=now,
        created_by_id=getattr(by, "id", None),
        facts=facts,
        result=result,
        facts_hash=digest,
        rules_version=result["rules_version"],
        outcome=result["outcome"],
        earliest_filing_date=date.fromisoformat(result["earliest_filing_date"])
        if result["earliest_filing_date"]
        else None,
    )
    db.session.add(run)
    audit.record("screening.run", actor=by, target=case, at=now, outcome=result["outcome"])
    return run


def save_documents(case, brought, *, by, now):
    """The documents checklist: which of the screening's documents were seen."""
    section = case.section("documents")
    if section is None:
        section = IntakeSection(case=case, key="documents", answers={}, updated_at=now)
        db.session.add(section)
    section.answers = {"brought": sorted(set(brought))}
    section.updated_at, section.updated_by_id = now, by.id
    case.touch(now)
    audit.record(
        "intake.documents_checked",
        actor=by,
        target=case,
        at=now,
        count=len(section.answers["brought"]),
    )
