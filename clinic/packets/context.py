"""Context builders: a case or a clinic day turned into plain data for the print templates.

Templates never see ORM objects. The applicant's checklist carries no A-number and no detail
of the record questions: only what the applicant needs to do, in plain words.
"""

import datetime
from collections import Counter

from clinic.cases.stages import Stage
from clinic.clock import today
from clinic.review.models import Decision
from clinic.review.services import latest_sign_off
from clinic.screening.dates import spoken
from clinic.voter import gate as voter_gate

FULL_FEE = 760  # paper, 2024-04-01 schedule: what a waiver or reduced fee is measured against

OUTCOME_SENTENCES = {
    "eligible": "You can apply for U.S. citizenship now.",
    "not_yet": "You can apply for U.S. citizenship from {date}.",
    "refer": "A lawyer must look at your case before you apply. The clinic will contact you.",
    "ineligible": "Please do not apply. A lawyer from the clinic needs to talk with you first.",
    "n600": "You may already be a U.S. citizen through a parent. A lawyer will help you check "
    "this before anything else. Do not apply for naturalization yet.",
}
DECISION_SENTENCES = {
    Decision.APPROVE: "A volunteer lawyer checked your answers: you can apply.",
    Decision.APPROVE_WITH_CONDITIONS: "A volunteer lawyer checked your answers: you can apply "
    "once you have the documents marked below.",
    Decision.NEEDS_INFO: "The clinic needs a little more information before you apply. We will "
    "contact you.",
    Decision.REFER: "Your case needs a lawyer's full help. The clinic has referred you to {to}.",
    Decision.NOT_YET: "Please wait: you can apply from {date}. The clinic will remind you.",
    Decision.CLOSE: "The clinic has closed this case.",
}
BEFORE_FILING = {
    "SELECTIVE_SERVICE_REGISTER": "Register with the Selective Service (sss.gov or any post "
    "office) and keep the registration number.",
    "TAX_PAYMENT_PLAN": "Keep paying your tax payment plan every month.",
    "CONDITIONS_PENDING": "Keep the receipt for your petition to remove conditions (I-751 or "
    "I-829).",
    "FEE_INFO_MISSING": "Bring proof of your household income: you may pay less or nothing.",
    "ENGLISH_EXEMPT": "You may take the interview in your language: bring an interpreter.",
}
STAGE_NEXT_STEP = {
    Stage.INTAKE: "finish the interview",
    Stage.SCREENED: "send to attorney review",
    Stage.IN_REVIEW: "attorney review",
    Stage.NEEDS_INFO: "answer the attorney's questions",
    Stage.APPROVED: "file the N-400",
    Stage.REFERRED: "full representation elsewhere",
    Stage.NOT_YET: "come back later",
    Stage.CLOSED: "none",
}


def _date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _fee(fee):
    basis = fee["basis"]
    if basis == "waiver":
        return {
            "basis": basis,
            "amount": 0,
            "sentence": f"You can ask USCIS not to charge the "
            f"${FULL_FEE} fee (a fee waiver, Form I-912). You must apply on paper.",
            "needs": "Bring a letter showing you receive Medicaid, SNAP, TANF or SSI, or "
            "proof of your household income.",
        }
    if basis == "reduced":
        return {
            "basis": basis,
            "amount": fee["paper"],
            "sentence": f"You can pay a reduced fee "
            f"of ${fee['paper']} instead of ${FULL_FEE}. You must apply on paper.",
            "needs": "Bring your last tax return (or W-2s and pay stubs) for everyone in "
            "your household.",
        }
    if basis == "full":
        return {
            "basis": basis,
            "amount": fee["paper"],
            "sentence": f"The fee is "
            f"${fee['paper']} on paper, or ${fee['online']} if you apply online.",
            "needs": "Pay by check, money order or card (Form G-1450).",
        }
    if basis == "military":
        return {
            "basis": basis,
            "amount": 0,
            "sentence": "There is no fee for applicants through military service.",
            "needs": "",
        }
    return {
        "basis": basis,
        "amount": None,
        "sentence": "We could not work out your fee yet.",
        "needs": "Bring proof of your household's income to the clinic.",
    }


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


def _header(case, now):
    event = case.event
    return {
        "organization": case.organization.name,
        "organization_contact": case.organization.contact,
        "clinic_day": f"{event.name}, {spoken(event.held_on)}" if event else "",
        "reference": f"Case {case.reference}",
        "generated": f"Printed {spoken(now.date())}",
    }


def checklist_context(case, now):
    """What the applicant takes home: outcome, date, fee, documents, what to do, contacts."""
    run = case.latest_screening
    result = run.result if run else None
    sign_off = latest_sign_off(case)
    if sign_off is not None and sign_off.void is not None:
        sign_off = None
    headline = (
        "Your interview is not finished yet. The clinic will tell you what comes next."
        if result is None
        else OUTCOME_SENTENCES[result["outcome"]].format(
            date=spoken(_date(result["earliest_filing_date"]))
            if result["earliest_filing_date"]
            else ""
        )
    )
    decision = None
    if sign_off is not None:
        decision = DECISION_SENTENCES[sign_off.decision].format(
            to=sign_off.details.get("referred_to", ""),
            date=spoken(sign_off.come_back_on) if sign_off.come_back_on else "",
        )
    conditions = set(sign_off.details.get("conditions", [])) if sign_off else set()
    codes = {f["code"] for f in result["findings"]} if result else set()
    to_do = [text for code, text in BEFORE_FILING.items() if code in codes]
    if result and result["outcome"] == "not_yet":
        to_do.insert(0, f"Wait until {spoken(_date(result['earliest_filing_date']))} to apply.")
    return {
        **_header(case, now),
        "name": case.applicant.full_name,
        "headline": headline,
        "decision": decision,
        "can_file_from": spoken(_date(result["earliest_filing_date"]))
        if result and result["earliest_filing_date"]
        else None,
        "fee": _fee(result["fee"]) if result else None,
        "documents": [
            {**_applicant_words(d), "first": d["code"] in conditions}
            for d in (result["documents"] if result else [])
        ],
        "to_do": to_do,
        "voter_warning": not voter_gate.passes(case, today()),
    }


def review_sheet_context(case, now):
    """For the file: the screening, each finding and its resolution, the decision and sign-off."""
    run = case.latest_screening
    sign_off = latest_sign_off(case)
    resolutions = {r["code"]: r for r in sign_off.resolutions} if sign_off else {}
    result = run.result if run else {"findings": [], "outcome": None}
    facts = run.facts if run else {}
    return {
        **_header(case, now),
        "name": case.applicant.full_name,
        "a_number": case.applicant.a_number,
        "stage": case.stage.label,
        "result": {
            "outcome": result.get("outcome"),
            "path": result.get("path"),
            "earliest_filing_date": result.get("earliest_filing_date"),
            "physical_presence": result.get("physical_presence"),
            "fee_basis": result.get("fee", {}).get("basis"),
            "civics_test": result.get("civics_test"),
            "rules_version": run.rules_version if run else None,
        },
        "findings": [{**f, "resolution": resolutions.get(f["code"])} for f in result["findings"]],
        "sign_off": None
        if sign_off is None
        else {
            "decision": sign_off.decision.label,
            "signer": sign_off.signer_name,
            "credential": sign_off.credential,
            "signed_at": sign_off.signed_at.strftime("%Y-%m-%d %H:%M UTC"),
            "facts_hash": sign_off.facts_hash[:16],
            "void": sign_off.void is not None,
            "details": sign_off.details,
            "note": sign_off.note,
        },
        "key_answers": _key_answers(facts),
    }


def _key_answers(facts):
    if not facts:
        return []
    person, residence, marriage = facts["person"], facts["residence"], facts["marriage"]
    record = facts["record"]
    trips = facts["trips"]
    return [
        ("Date of birth", person["date_of_birth"]),
        ("Resident since", residence["lpr_since"]),
        ("State, since", f"{residence.get('state') or '—'}, {residence.get('state_since') or '—'}"),
        (
            "Marital status",
            marriage["status"] + (" (spouse a citizen)" if marriage.get("spouse_citizen") else ""),
        ),
        ("Trips", "; ".join(f"{t['departed']} to {t['returned']}" for t in trips) or "none"),
        ("Arrests or charges", record["arrests_or_charges"]),
        (
            "Convictions",
            "; ".join(f"{c['date']} {c['kind'].replace('_', ' ')}" for c in record["convictions"])
            or "none",
        ),
        ("DUI convictions", ", ".join(record["dui_convictions"]) or "none"),
        ("Taxes", record["taxes"].replace("_", " ")),
        (
            "Household",
            "not given"
            if facts["household"] is None
            else f"{facts['household']['size']} people, ${facts['household']['income']:,}",
        ),
    ]


def packet_cover_context(event, cases, now):
    """The clinic day's cover page and roster (no A-numbers)."""
    outcomes, stages, waivers, reduced, saved = Counter(), Counter(), 0, 0, 0
    roster = []
    for case in cases:
        run = case.latest_screening
        outcome = run.outcome if run else "not screened"
        outcomes[outcome] += 1
        stages[case.stage.label] += 1
        fee = run.result["fee"] if run else {"basis": None}
        if fee["basis"] in ("waiver", "reduced"):
            waivers += fee["basis"] == "waiver"
            reduced += fee["basis"] == "reduced"
            saved += FULL_FEE - fee["paper"]
        roster.append(
            {
                "name": case.applicant.full_name,
                "reference": case.reference,
                "stage": case.stage.label,
                "outcome": outcome.replace("_", " "),
                "next_step": STAGE_NEXT_STEP.get(case.stage, "follow the case"),
            }
        )
    return {
        "organization": event.host_organization.name,
        "organization_contact": event.host_organization.contact,
        "clinic_day": f"{event.name}, {spoken(event.held_on)}",
        "site": event.site,
        "reference": f"Clinic day {event.id}",
        "generated": f"Printed {spoken(now.date())}",
        "applicants": len(roster),
        "outcomes": sorted(outcomes.items()),
        "stages": sorted(stages.items()),
        "waivers": waivers,
        "reduced": reduced,
        "saved": saved,
        "roster": roster,
    }
