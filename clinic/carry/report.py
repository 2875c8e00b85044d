"""An import's report in words: what was created, matched, and what needs a decision.
Case numbers and ids only, never a name (it is printed by the CLI too)."""

from flask_babel import lazy_gettext as _l

LABELS = {
    "organizations": _l("organizations"),
    "users": _l("users (inactive: invite them to use the server)"),
    "clinic_events": _l("clinic day"),
    "applicants": _l("applicants"),
    "cases": _l("cases"),
    "intake_sections": _l("interview sections"),
    "screening_runs": _l("screening runs"),
    "sign_offs": _l("sign-offs"),
    "sign_off_voids": _l("voided sign-offs"),
    "milestones": _l("milestone records"),
    "milestone_corrections": _l("milestone corrections"),
    "voter_registrations": _l("voter registrations"),
    "audit_events": _l("audit events"),
}
MATCHED = {
    "organizations": _l("organizations (same name)"),
    "users": _l("users (same email)"),
    "applicants": _l("applicants (same A-number in the same organization: the case joins them)"),
}
DECISIONS = {
    "possible_duplicate": _l("may be someone already on file: look at the pair on Same person?"),
    "same_a_number": _l(
        "joined the person already on file with this A-number: check the name and birth date match"
    ),
    "sign_off_voided": _l(
        "arrived with a void sign-off: the answers differ from what the attorney "
        "signed, so the case is back in review"
    ),
    "another_open_case": _l("the person already has another open case on the server"),
    "user_created_inactive": _l("a user new to the server, created inactive"),
    "organization_created": _l("an organization new to the server"),
    "imported_again": _l(
        "this laptop's day was imported before, from an earlier export: its "
        "cases are on the server twice; close the older ones as duplicates"
    ),
}


def created(report):
    return [(count, LABELS.get(name, name)) for name, count in report["created"].items() if count]


def matched(report):
    return [(count, MATCHED[name]) for name, count in report["matched"].items() if count]


def decisions(report):
    return [(item, DECISIONS[item["kind"]]) for item in report["decisions"]]


def lines(imported):
    """The report as plain lines for the command line."""
    report = imported.report
    out = [f"Receipt: {imported.receipt} (the laptop asks for it before it purges the day)."]
    out += [f"Created: {count} {label}" for count, label in created(report)]
    out += [f"Matched: {count} {label}" for count, label in matched(report)]
    references = {c["case_id"]: c["server"] for c in report["cases"]}
    for item, text in decisions(report):
        about = references.get(item.get("case_id")) or _about(item)
        out.append(f"Needs a decision: {about}: {text}")
    if not report["decisions"]:
        out.append("Nothing needs a decision.")
    out += [f"Case {c['laptop']} on the laptop is {c['server']} here." for c in report["cases"]]
    return out


def _about(item):
    for key in ("pair_id", "applicant_id", "user_id", "organization_id", "import_id"):
        if key in item:
            return f"{key.replace('_id', '').replace('_', ' ')} #{item[key]}"
    return "-"
