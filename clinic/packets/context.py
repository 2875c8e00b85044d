"""Context builders: a case or a clinic day turned into plain data for the print templates.

Templates never see ORM objects. The applicant's checklist carries no A-number and no detail
of the record questions: only what the applicant needs to do, in plain words. What it says
about where the person stands follows the case's stage and the attorney's standing decision
first (where_you_stand); the screening only speaks where no decision overrides it.
"""

import datetime

from clinic.cases.stages import Stage
from clinic.clock import today
from clinic.review.models import Decision
from clinic.review.services import latest_sign_off
from clinic.screening.data import fee_schedule, rules_data
from clinic.screening.dates import spoken
from clinic.templating import local_datetime
from clinic.voter import gate as voter_gate

# The screening's first look, for a case no attorney has decided yet: never "apply now".
SCREENING_SENTENCES = {
    "eligible": "The first check of your answers found nothing that stops you from applying.",
    "not_yet": "The first check of your answers says you must wait before you apply.",
    "refer": "A lawyer must look at your case before you apply.",
    "ineligible": "Please do not apply. A lawyer from the clinic needs to talk with you first.",
    "n600": "You may already be a U.S. citizen through a parent. A lawyer will help you check "
    "this before anything else. Do not apply for naturalization yet.",
}
NO_DATE = frozenset({"ineligible", "n600"})
NOT_FINISHED = "Your interview is not finished yet. The clinic will tell you what comes next."
ATTORNEY_WILL_REVIEW = "The clinic's attorney will review your answers before you apply."
BEFORE_FILING = {
    "SELECTIVE_SERVICE_REGISTER": "Register with the Selective Service (sss.gov or any post "
    "office) and keep the registration number.",
    "TAX_PAYMENT_PLAN": "Keep paying your tax payment plan every month.",
    "CONDITIONS_PENDING": "Keep the receipt for your petition to remove conditions (I-751 or "
    "I-829).",
    "FEE_INFO_MISSING": "Bring proof of your household income: you may pay less or nothing.",
    "ENGLISH_EXEMPT": "You may take the interview in your language: bring an interpreter.",
}
NOT_DECIDED = frozenset({Stage.INTAKE, Stage.SCREENED, Stage.IN_REVIEW})
APPROVING = frozenset({Decision.APPROVE, Decision.APPROVE_WITH_CONDITIONS})
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
# Approved to file, or further along the filing path: the people whose fee savings count.
APPROVED_TO_FILE = AFTER_FILING | {Stage.APPROVED}
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


def _date_line(decision, result):
    """An attorney's come-back date overrides the screening's earliest filing date."""
    if decision is not None and decision["come_back_on"]:
        return {"label": "Come back to the clinic on", "date": spoken(decision["come_back_on"])}
    # "Do not apply" (a bar, or perhaps a citizen already) has no date to apply from.
    if result and result["earliest_filing_date"] and result["outcome"] not in NO_DATE:
        return {
            "label": "Earliest date to apply",
            "date": spoken(_date(result["earliest_filing_date"])),
        }
    return None


def _looked_at(decision):
    return [f"A volunteer lawyer looked at your answers on {spoken(decision['decided_on'])}."]


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
    checked = f"A volunteer lawyer checked your answers on {spoken(decision['decided_on'])}"
    if decision["decision"] == Decision.APPROVE_WITH_CONDITIONS:
        headline = f"{checked}: you can apply once you have the documents marked “Bring first”."
    else:
        headline = f"{checked}: you can apply."
    return _statement(headline, (), _date_line(None, result))


def _not_yet(decision, result):
    if decision is None or not decision["come_back_on"]:
        return _statement(
            "Please wait before you apply. The clinic will tell you when to come back.",
            (),
            _date_line(None, result),
        )
    return _statement(
        f"Please wait before you apply: come back to the clinic on "
        f"{spoken(decision['come_back_on'])}. The clinic will remind you.",
        _looked_at(decision),
    )


def _needs_info(decision, result):
    return _statement(
        "The clinic needs a little more information before you apply. We will contact you.",
        _looked_at(decision) if decision else (),
        _date_line(None, result),
    )


def _referred(decision, result):
    to = (decision or {}).get("referred_to") or "another legal service"
    return _statement(
        f"Your case needs a lawyer's full help. The clinic has referred you to {to}.",
        [f"A volunteer lawyer decided this on {spoken(decision['decided_on'])}."]
        if decision
        else (),
    )


def _closed(decision, result):
    when = f" on {spoken(decision['decided_on'])}" if decision else ""
    return _statement(
        f"The clinic closed this case{when}.",
        ["If you want to apply later, contact the clinic."],
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
    return text.format(on=spoken(day)) if day else otherwise


def _after_filing(stage, milestones):
    m = milestones
    interview = _on(m.get("interview_on"), " Your citizenship interview is on {on}.", "")
    statements = {
        Stage.FILED: (
            _on(m.get("filed_on"), "You applied for U.S. citizenship on {on}.", "You applied."),
            "Next: USCIS will send you a letter with the date of your biometrics appointment "
            "(fingerprints and photo)." + interview,
        ),
        Stage.BIOMETRICS: (
            "You applied, and your fingerprints and photo are done.",
            _on(
                m.get("interview_on"),
                "Next: your citizenship interview is on {on}.",
                "Next: USCIS will send you a letter with the date of your citizenship interview.",
            ),
        ),
        Stage.INTERVIEW: (
            "USCIS approved your application at the interview.",
            _on(
                m.get("oath_on"),
                "Next: your oath ceremony on {on}.",
                "Next: USCIS will send you the date of your oath ceremony.",
            )
            + " You become a citizen when you take the oath.",
        ),
        Stage.CONTINUED: (
            "After your interview, USCIS asked you for more.",
            _on(
                m.get("response_due_on"),
                "Next: send USCIS what it asked for by {on}.",
                "Next: send USCIS what it asked for.",
            )
            + " The clinic can help.",
        ),
        Stage.DENIED: (
            "USCIS denied your application.",
            "Next: talk with a lawyer from the clinic before you do anything else.",
        ),
        Stage.OATH: _sworn_in(m),
        Stage.REGISTERED_TO_VOTE: (
            "You are a U.S. citizen, registered to vote.",
            "Next: apply for a U.S. passport (travel.state.gov).",
        ),
    }
    headline, next_step = statements[stage]
    return _statement(headline, [next_step], applying=False)


def _sworn_in(milestones):
    # Nothing about registering exists until the gate passes: oath date and certificate.
    if milestones.get("citizen"):
        return (
            _on(
                milestones.get("oath_on"),
                "You became a U.S. citizen on {on}.",
                "You are a U.S. citizen.",
            ),
            "Next: register to vote (the clinic's voter checklist shows how) and apply for a "
            "U.S. passport.",
        )
    return (
        _on(
            milestones.get("oath_on"),
            "Your oath ceremony date: {on}.",
            "Your oath ceremony is recorded.",
        )
        + " You become a U.S. citizen when you take the oath.",
        "Next: after the oath, the clinic will help you with voter registration and a passport.",
    )


def where_you_stand(stage, decision, result, milestones=None):
    """What the applicant's checklist says about where they stand, in plain words.

    `stage` is the case's Stage, `decision` its standing_decision() (None when there is no
    sign-off or it is void), `result` the latest screening result dict (or None), and
    `milestones` the dates after filing, with "citizen" from the voter gate. The stage comes
    first, then the attorney's decision when it is the one that stage rests on; the screening
    only speaks before a decision, or for the earliest date when no decision overrides it.
    Returns {"headline", "details", "date_line" ({"label", "date"} or None), "applying"}.
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


def _fee(fee, full):
    basis = fee["basis"]
    sentences = {
        "waiver": (
            f"You can ask USCIS not to charge the ${full} fee (a fee waiver, Form I-912). "
            "You must apply on paper.",
            "Bring a letter showing you receive Medicaid, SNAP, TANF or SSI, or proof of your "
            "household income.",
        ),
        "reduced": (
            f"You can pay a reduced fee of ${fee['paper']} instead of ${full}. You must apply "
            "on paper.",
            "Bring your last tax return (or W-2s and pay stubs) for everyone in your household.",
        ),
        "full": (
            f"The fee is ${fee['paper']} on paper, or ${fee['online']} if you apply online.",
            "Pay by check, money order or card (Form G-1450).",
        ),
        "military": ("There is no fee for applicants through military service.", ""),
    }
    sentence, needs = sentences.get(
        basis,
        (
            "We could not work out your fee yet.",
            "Bring proof of your household's income to the clinic.",
        ),
    )
    return {"basis": basis, "sentence": sentence, "needs": needs}


# On the applicant's checklist, documents about the record say no more than needed: anyone
# who picks the paper up must not learn that the person was arrested or convicted.
DISCREET_DOCUMENTS = {
    "COURT_DISPOSITIONS": (
        "Court papers the clinic asked you for",
        "the clinic will tell you which ones",
    ),
    "CHILD_SUPPORT_RECORDS": (
        "Child support papers the clinic asked you for",
        "the clinic will tell you which ones",
    ),
}


def _applicant_words(document):
    label, why = DISCREET_DOCUMENTS.get(document["code"], (document["label"], document["why"]))
    return {"label": label, "why": why}


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
        to_do.insert(0, f"Wait until {date_line['date']} to apply.")
    return {
        **case_header(case, now),
        "name": case.applicant.full_name,
        "stand": stand,
        "fee": _fee(result["fee"], fees_priced(result).full_paper) if applying else None,
        "documents": [
            {**_applicant_words(d), "first": d["code"] in conditions}
            for d in (result["documents"] if applying else [])
        ],
        "to_do": to_do,
        "voter_warning": not citizen,
    }
