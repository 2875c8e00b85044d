"""The attorney's review sheet, for the file: screening, findings with resolutions, sign-off."""

from clinic.packets.context import case_header
from clinic.review.services import latest_sign_off


def review_sheet_context(case, now):
    """For the file: the screening, each finding and its resolution, the decision and sign-off."""
    run = case.latest_screening
    sign_off = latest_sign_off(case)
    resolutions = {r["code"]: r for r in sign_off.resolutions} if sign_off else {}
    result = run.result if run else {"findings": [], "outcome": None}
    facts = run.facts if run else {}
    return {
        **case_header(case, now),
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
            "signed_at": sign_off.signed_at,  # the template shows it in the clinic's time zone
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
