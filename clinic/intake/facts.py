"""facts_from_case(): the interview's answers turned into the screening contract's facts."""

import hashlib
import json


class NotEnoughToScreen(Exception):
    """The answers lack what any screening needs (a birth date and the resident-since date)."""


def _get(answers, section, key, default=None):
    value = answers.get(section, {}).get(key)
    return default if value is None or value == "" else value


def facts_from_case(applicant_facts, answers, as_of):
    """Build contract facts (JSON form) from the applicant's identity and section answers.

    `applicant_facts` holds the Applicant's own columns (date_of_birth as YYYY-MM-DD);
    `answers` maps section key -> that section's stored answers. Unanswered questions take
    the contract's defaults, so a partly done interview can already be screened.
    """
    lpr_since = _get(answers, "green_card", "lpr_since")
    if not applicant_facts.get("date_of_birth") or not lpr_since:
        raise NotEnoughToScreen("Screening needs the date of birth and the 'Resident since' date.")
    marriage = answers.get("marriage", {})
    military = answers.get("military", {})
    character = answers.get("character", {})
    household = answers.get("household", {})
    trips = answers.get("trips", {})
    facts = {
        "as_of": as_of.isoformat(),
        "person": {
            "date_of_birth": applicant_facts["date_of_birth"],
            "sex": _get(answers, "contact", "sex", "another"),
            "nationalities": _nationalities(answers.get("contact", {})),
            "name_changed": bool(_get(answers, "contact", "name_changed", False)),
        },
        "residence": {
            "lpr_since": lpr_since,
            "conditional": bool(_get(answers, "green_card", "conditional", False)),
            "conditions_petition": _get(answers, "green_card", "conditions_petition"),
            "state": _get(answers, "residence", "state"),
            "state_since": _get(answers, "residence", "state_since"),
            "student_dependent": bool(_get(answers, "residence", "student_dependent", False)),
        },
        "trips": [
            {"departed": row["departed"], "returned": row["returned"]}
            for row in (trips.get("trips", []) if trips.get("any_trips") else [])
            if row.get("departed") and row.get("returned")
        ],
        "marriage": _marriage(marriage),
        "military": {
            "served": bool(military.get("served")),
            "honorable": military.get("honorable") is not False,
            "serving_now": bool(military.get("serving_now")),
            "separated_on": military.get("separated_on") or None,
            "service_days": military.get("service_days") or 0,
            "served_since_2001_09_11": bool(military.get("served_since_2001_09_11")),
        },
        "selective_service": {
            "registered": bool(military.get("ss_registered")),
            "in_us_18_to_26": military.get("ss_in_us_18_to_26"),
        },
        "record": _record(character, _get(answers, "taxes", "taxes", "filed"), answers),
        "parents": {
            "citizen_parent_before_18": bool(
                _get(answers, "parents", "citizen_parent_before_18", False)
            ),
            "born_abroad_to_citizen": bool(
                _get(answers, "parents", "born_abroad_to_citizen", False)
            ),
        },
        "disability_exception": bool(_get(answers, "disability", "disability_exception", False)),
        "household": _household(household),
    }
    return facts


def _marriage(answers):
    status = answers.get("status") or "single"
    spouse_citizen = bool(answers.get("spouse_citizen")) and status == "married"
    married_on = answers.get("married_on") or None
    citizen_since = answers.get("spouse_citizen_since") or None
    if spouse_citizen and not (married_on and citizen_since):
        spouse_citizen = False  # the 3-year path can't be worked out until both dates are known
    return {
        "status": status,
        "spouse_citizen": spouse_citizen,
        "spouse_citizen_since": citizen_since if spouse_citizen else None,
        "married_on": married_on if status == "married" else None,
        "living_together_since": (answers.get("living_together_since") or None)
        if status == "married"
        else None,
        "vawa": bool(answers.get("vawa")),
        "spouse_employed_abroad": bool(answers.get("spouse_employed_abroad")) and spouse_citizen,
    }


def _nationalities(contact):
    """The countries of citizenship, and the country of birth when it is asked on its own."""
    countries = list(contact.get("nationalities") or [])
    born = contact.get("country_of_birth")
    return [*countries, born] if born and born not in countries else countries


# The N-400's own questions (Part 9, asked one by one) behind the screening's concerns:
# {concern: ((section, question, the answer that raises it), ...)}.
CONCERN_QUESTIONS = {
    "totalitarian_party": (("groups", "totalitarian_party", True),),
    "terrorist_org": tuple(
        ("groups", name, True)
        for name in ("group_weapon_attacks", "group_kidnapping", "group_threats")
    ),
    "persecution": tuple(("groups", name, True) for name in ("torture", "genocide", "persecution")),
    "prostitution": (("conduct", "prostitution", True),),
    "polygamy": (("conduct", "polygamy", True),),
    "smuggling": (("conduct", "smuggling", True),),
    "gambling": (("conduct", "gambling", True),),
    "benefit_fraud": (("conduct", "benefit_fraud", True),),
    "false_testimony": (("conduct", "lied_to_officials", True),),
    "alienage_discharge": (("military", "discharged_as_alien", True),),
    "desertion": (("military", "deserted", True),),
    "unwilling_oath": (("oath", "willing_oath", False),),
}


def concerns(answers):
    """The screening's other concerns: those ticked on the older list, and those the N-400's
    own questions raise, each once, in the list's order."""
    chosen = list(answers.get("character", {}).get("other_concerns") or [])
    for concern, questions in CONCERN_QUESTIONS.items():
        raised = any(answers.get(s, {}).get(q) is value for s, q, value in questions)
        if raised and concern not in chosen:
            chosen.append(concern)
    return chosen


def _record(answers, taxes, everything):
    conduct = everything.get("conduct", {})
    return {
        "arrests_or_charges": answers.get("arrests_or_charges") or 0,
        "traffic_tickets": answers.get("traffic_tickets") or 0,
        "dui_convictions": [
            row["date"] for row in answers.get("dui_convictions", []) if row.get("date")
        ],
        "convictions": [
            {
                "date": row["date"],
                "kind": row.get("kind") or "other",
                "sentence_days": row.get("sentence_days") or 0,
            }
            for row in answers.get("convictions", [])
            if row.get("date")
        ],
        "jail_days": answers.get("jail_days") or 0,
        "false_claim_to_citizenship": bool(answers.get("false_claim_to_citizenship")),
        "registered_or_voted": bool(answers.get("registered_or_voted")),
        "removal_proceedings": answers.get("removal_proceedings") or "never",
        "lpr_lawfulness_concern": bool(answers.get("lpr_lawfulness_concern"))
        or bool(conduct.get("marriage_fraud")),
        "taxes": taxes,
        "child_support": answers.get("child_support") or "not_applicable",
        "other_concerns": concerns(everything),
    }


def _household(answers):
    """Size and income, or None (unknown: the fee can't be worked out, FEE_INFO_MISSING) when
    either was not given: declined, not known, or not asked yet."""
    if answers.get("size_or_income_not_given"):
        return None
    if answers.get("size") is None or answers.get("income") is None:
        return None
    return {
        "size": answers["size"],
        "income": answers["income"],
        "means_tested_benefit": bool(answers.get("means_tested_benefit")),
        "hardship": bool(answers.get("hardship")),
    }


def facts_hash(facts):
    """SHA-256 of the facts without `as_of`: the same answers give the same hash on any day,
    so a sign-off stays bound to answers, not to the calendar."""
    answers_only = {key: value for key, value in facts.items() if key != "as_of"}
    canonical = json.dumps(answers_only, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()
