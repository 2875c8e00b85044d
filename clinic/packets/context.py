"""Context builders: a case or a clinic day turned into plain data for the print templates.

Templates never see ORM objects. The applicant's checklist carries no A-number and no detail
of the record questions: only what the applicant needs to do, in plain words. What it says
about where the person stands follows the case's stage and the attorney's standing decision
first (where_you_stand); the screening only speaks where no decision overrides it.
"""

import datetime

from clinic.cases.stages import AFTER_FILING, Stage
from clinic.clock import today
from clinic.i18n.languages import case_language
from clinic.i18n.words import N_, say
from clinic.packets.applicant_words import document_words, fee_words
from clinic.review.models import Decision
from clinic.review.services import latest_sign_off
from clinic.screening.codes import (
    CONDITIONS_PENDING,
    ENGLISH_EXEMPT,
    FEE_INFO_MISSING,
    SELECTIVE_SERVICE_REGISTER,
    TAX_PAYMENT_PLAN,
)
from clinic.screening.data import fee_schedule, rules_data
from clinic.screening.dates import spoken
from clinic.templating import local_datetime
from clinic.voter import gate as voter_gate

# The screening's first look, for a case no attorney has decided yet: never "apply now".
SCREENING_SENTENCES = {
    "eligible": say("The first check of your answers found nothing that stops you from applying."),
    "not_yet": say("The first check of your answers says you must wait before you apply."),
    "refer": say("A lawyer must look at your case before you apply."),
    "ineligible": say(
        "Please do not apply. A lawyer from the clinic needs to talk with you first."
    ),
    "n600": say(
        "You may already be a U.S. citizen through a parent. A lawyer will help you check "
        "this before anything else. Do not apply for naturalization yet."
    ),
}
NO_DATE = frozenset({"ineligible", "n600"})
NOT_FINISHED = say("Your interview is not finished yet. The clinic will tell you what comes next.")
ATTORNEY_WILL_REVIEW = say("The clinic's attorney will review your answers before you apply.")
BEFORE_FILING = {
    SELECTIVE_SERVICE_REGISTER: say(
        "Register with the Selective Service (sss.gov or any post office) and keep the "
        "registration number."
    ),
    TAX_PAYMENT_PLAN: say("Keep paying your tax payment plan every month."),
    CONDITIONS_PENDING: say(
        "Keep the receipt for your petition to remove conditions (I-751 or I-829)."
    ),
    FEE_INFO_MISSING: say("Bring proof of your household income: you may pay less or nothing."),
    ENGLISH_EXEMPT: say("You may take the interview in your language: bring an interpreter."),
}
NOT_DECIDED = frozenset({Stage.INTAKE, Stage.SCREENED, Stage.IN_REVIEW})
APPROVING = frozenset({Decision.APPROVE, Decision.APPROVE_WITH_CONDITIONS})
# The decision each decided stage rests on; another decision says nothing about that stage.
STAGE_DECISIONS = {
    Stage.APPROVED: APPROVING,
    Stage.NOT_YET: {Decision.NOT_YET},
    Stage.NEEDS_INFO: {Decision.NEEDS_INFO},
    Stage.REFERRED: {Decision.REFER},
    Stage.CLOSED: {Decision.CLOSE},
}


def _date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def standing_decision(sign_off):
    """The latest sign-off as plain data, or None when there is none or answers voided it."""
    if sign_off is None or sign_off.void is not None:
        return None
    return {
        "decision": sign_off.decision,
        "decided_on": local_datetime(sign_off.signed_at).date(),
        "referred_to": sign_off.details.get("referred_to") or None,
        "come_back_on": sign_off.come_back_on,
        "conditions": list(sign_off.details.get("conditions", [])),
    }


def _statement(headline, details=(), date_line=None, applying=True):
    return {
        "headline": headline,
        "details": list(details),
        "date_line": date_line,
        "applying": applying,  # the fee, what to do before applying and documents still apply
    }


def _dated(sentence, day):
    return {"date": day, "sentence": say(sentence, on=day)}


def _date_line(decision, result):
    """An attorney's come-back date overrides the screening's earliest filing date."""
    if decision is not None and decision["come_back_on"]:
        return _dated(N_("Come back to the clinic on %(on)s."), decision["come_back_on"])
    # "Do not apply" (a bar, or perhaps a citizen already) has no date to apply from.
    if result and result["earliest_filing_date"] and result["outcome"] not in NO_DATE:
        return _dated(N_("Earliest date to apply: %(on)s."), _date(result["earliest_filing_date"]))
    return None


def _looked_at(decision):
    return [say("A volunteer lawyer looked at your answers on %(on)s.", on=decision["decided_on"])]


def _not_decided(decision, result):
    if result is None:
        return _statement(NOT_FINISHED)
    return _statement(
        ATTORNEY_WILL_REVIEW,
        [SCREENING_SENTENCES[result["outcome"]]],
        _date_line(decision, result),  # a standing "not yet" keeps its come-back date
    )


def _approved(decision, result):
    if decision is None:
        return _not_decided(None, result)
    on = decision["decided_on"]
    if decision["decision"] == Decision.APPROVE_WITH_CONDITIONS:
        headline = say(
            "A volunteer lawyer checked your answers on %(on)s: you can apply once you have "
            "the documents marked “Bring first”.",
            on=on,
        )
    else:
        headline = say("A volunteer lawyer checked your answers on %(on)s: you can apply.", on=on)
    return _statement(headline, (), _date_line(None, result))


def _not_yet(decision, result):
    if decision is None or not decision["come_back_on"]:
        return _statement(
            say("Please wait before you apply. The clinic will tell you when to come back."),
            (),
            _date_line(None, result),
        )
    return _statement(
        say(
            "Please wait before you apply: come back to the clinic on %(on)s. The clinic will "
            "remind you.",
            on=decision["come_back_on"],
        ),
        _looked_at(decision),
    )


def _needs_info(decision, result):
    return _statement(
        say("The clinic needs a little more information before you apply. We will contact you."),
        _looked_at(decision) if decision else (),
        _date_line(None, result),
    )


def _referred(decision, result):
    to = (decision or {}).get("referred_to") or say("another legal service")
    return _statement(
        say("Your case needs a lawyer's full help. The clinic has referred you to %(to)s.", to=to),
        [say("A volunteer lawyer decided this on %(on)s.", on=decision["decided_on"])]
        if decision
        else (),
    )


def _closed(decision, result):
    closed = (
        say("The clinic closed this case on %(on)s.", on=decision["decided_on"])
        if decision
        else say("The clinic closed this case.")
    )
    return _statement(
        closed,
        [say("If you want to apply later, contact the clinic.")],
        applying=False,
    )


DECIDED = {
    Stage.APPROVED: _approved,
    Stage.NOT_YET: _not_yet,
    Stage.NEEDS_INFO: _needs_info,
    Stage.REFERRED: _referred,
    Stage.CLOSED: _closed,
}


def _on(day, text, otherwise):
    """`text` with the date `on` when there is one, else `otherwise` (None: nothing)."""
    return say(text, on=day) if day else (say(otherwise) if otherwise else None)


def _after_filing(stage, milestones):
    m = milestones
    statements = {
        Stage.FILED: (
            _on(
                m.get("filed_on"),
                N_("You applied for U.S. citizenship on %(on)s."),
                N_("You applied."),
            ),
            say(
                "Next: USCIS will send you a letter with the date of your biometrics "
                "appointment (fingerprints and photo)."
            ),
            _on(m.get("interview_on"), N_("Your citizenship interview is on %(on)s."), None),
        ),
        Stage.BIOMETRICS: (
            say("You applied, and your fingerprints and photo are done."),
            _on(
                m.get("interview_on"),
                N_("Next: your citizenship interview is on %(on)s."),
                N_(
                    "Next: USCIS will send you a letter with the date of your citizenship "
                    "interview."
                ),
            ),
        ),
        Stage.INTERVIEW: (
            say("USCIS approved your application at the interview."),
            _on(
                m.get("oath_on"),
                N_("Next: your oath ceremony on %(on)s."),
                N_("Next: USCIS will send you the date of your oath ceremony."),
            ),
            say("You become a citizen when you take the oath."),
        ),
        Stage.CONTINUED: (
            say("After your interview, USCIS asked you for more."),
            _on(
                m.get("response_due_on"),
                N_("Next: send USCIS what it asked for by %(on)s."),
                N_("Next: send USCIS what it asked for."),
            ),
            say("The clinic can help."),
        ),
        Stage.DENIED: (
            say("USCIS denied your application."),
            say("Next: talk with a lawyer from the clinic before you do anything else."),
        ),
        Stage.OATH: _sworn_in(m),
        Stage.REGISTERED_TO_VOTE: (
            say("You are a U.S. citizen, registered to vote."),
            say("Next: apply for a U.S. passport (travel.state.gov)."),
        ),
    }
    headline, *details = statements[stage]
    details = [detail for detail in details if detail is not None]
    return _statement(headline, details, applying=False)


def _sworn_in(milestones):
    # Nothing about registering exists until the gate passes: oath date and certificate.
    if milestones.get("citizen"):
        return (
            _on(
                milestones.get("oath_on"),
                N_("You became a U.S. citizen on %(on)s."),
                N_("You are a U.S. citizen."),
            ),
            say(
                "Next: register to vote (the clinic's voter checklist shows how) and apply for "
                "a U.S. passport."
            ),
        )
    return (
        _on(
            milestones.get("oath_on"),
            N_("Your oath ceremony date: %(on)s."),
            N_("Your oath ceremony is recorded."),
        ),
        say("You become a U.S. citizen when you take the oath."),
        say(
            "Next: after the oath, the clinic will help you with voter registration and a passport."
        ),
    )


def where_you_stand(stage, decision, result, milestones=None):
    """What the applicant's checklist says about where they stand, in plain words.

    `stage` is the case's Stage, `decision` its standing_decision() (None when there is no
    sign-off or it is void), `result` the latest screening result dict (or None), and
    `milestones` the dates after filing, with "citizen" from the voter gate. The stage comes
    first, then the attorney's decision when it is the one that stage rests on; the screening
    only speaks before a decision, or for the earliest date when no decision overrides it.
    Returns {"headline", "details", "date_line" ({"date", "sentence"} or None), "applying"}.
    """
    if stage in AFTER_FILING:
        return _after_filing(stage, milestones or {})
    if stage in NOT_DECIDED:
        return _not_decided(decision, result)
    if decision is not None and decision["decision"] not in STAGE_DECISIONS[stage]:
        decision = None
    return DECIDED[stage](decision, result)


def _milestones(case, citizen):
    record = getattr(case, "milestones", None)
    names = ("filed_on", "biometrics_on", "interview_on", "response_due_on", "oath_on")
    return {
        **{name: getattr(record, name) if record else None for name in names},
        "citizen": citizen,
    }


def fees_priced(result):
    """The dated fee schedule (screening/data/fees.json) the screening priced the fee with."""
    filing_date = _date(result.get("filing_date") or result["earliest_filing_date"])
    return fee_schedule(rules_data(), filing_date)


def header(organization, clinic_day, reference, now):
    """The running header and footer every printable carries."""
    return {
        "organization": organization.name,
        # Lines as typed: the print CSS keeps the contact's line breaks (white-space).
        "organization_contact": organization.contact,
        "clinic_day": clinic_day,
        "reference": reference,
        "generated": f"Printed {spoken(local_datetime(now).date())}",
    }


def case_header(case, now):
    event = case.event
    clinic_day = f"{event.name}, {spoken(event.held_on)}" if event else ""
    return header(case.organization, clinic_day, f"Case {case.reference}", now)


def checklist_context(case, now):
    """What the applicant takes home: where they stand, fee, documents, what to do, contacts."""
    run = case.latest_screening
    result = run.result if run else None
    citizen = voter_gate.passes(case, today())
    decision = standing_decision(latest_sign_off(case))
    stand = where_you_stand(case.stage, decision, result, _milestones(case, citizen))
    applying = stand["applying"] and result is not None
    conditions = set(decision["conditions"]) if decision else set()
    codes = {f["code"] for f in result["findings"]} if applying else set()
    to_do = [text for code, text in BEFORE_FILING.items() if code in codes]
    date_line = stand["date_line"]
    if applying and result["outcome"] == "not_yet" and date_line:
        to_do.insert(0, say("Wait until %(on)s to apply.", on=date_line["date"]))
    return {
        **case_header(case, now),
        "language": case_language(case),
        "name": case.applicant.full_name,
        "stand": stand,
        "fee": fee_words(result["fee"], fees_priced(result).full_paper) if applying else None,
        "documents": [
            {**document_words(d), "first": d["code"] in conditions}
            for d in (result["documents"] if applying else [])
        ],
        "to_do": to_do,
        "voter_warning": not citizen,
    }
