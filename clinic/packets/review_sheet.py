"""The attorney's review sheet, for the file: screening, findings with resolutions, sign-off."""

from clinic.intake import display
from clinic.packets.context import case_header
from clinic.review.changes import answers_from_facts
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
        "stage": str(case.stage.label),
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
            "decision": str(sign_off.decision.label),
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


# The answers the sheet prints beside the findings, as (section, question): the ones an
# attorney checks first. Read through the interview's own labels and choices.
KEY_ANSWERS = (
    ("contact", "date_of_birth"),
    ("green_card", "lpr_since"),
    ("residence", "state"),
    ("residence", "state_since"),
    ("marriage", "status"),
    ("marriage", "spouse_citizen"),
    ("trips", "trips"),
    ("character", "arrests_or_charges"),
    ("character", "convictions"),
    ("character", "dui_convictions"),
    ("taxes", "taxes"),
    ("household", "size"),
    ("household", "income"),
)


def _key_answers(facts):
    if not facts:
        return []
    wanted = set(KEY_ANSWERS)
    return [
        (display.question_label(section, name), display.answer_text(section, name, value))
        for section, name, value in answers_from_facts(facts)
        if (section, name) in wanted
    ]
