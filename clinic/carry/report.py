"""An import's report in words: what was created, matched, and what needs a decision.
Case numbers and ids only, never a name (it is printed by the CLI too)."""

LABELS = {
    "organizations": "organizations",
    "users": "users (inactive: invite them to use the server)",
    "clinic_events": "clinic day",
    "applicants": "applicants",
    "cases": "cases",
    "intake_sections": "interview sections",
    "screening_runs": "screening runs",
    "sign_offs": "sign-offs",
    "sign_off_voids": "voided sign-offs",
    "milestones": "milestone records",
    "milestone_corrections": "milestone corrections",
    "voter_registrations": "voter registrations",
    "audit_events": "audit events",
}
MATCHED = {
    "organizations": "organizations (same name)",
    "users": "users (same email)",
    "applicants": "applicants (same A-number in the same organization: the case joins them)",
}
DECISIONS = {
    "possible_duplicate": "may be someone already on file: look at the pair on Same person?",
    "same_a_number": "joined the person already on file with this A-number: check the name "
    "and birth date match",
    "sign_off_voided": "arrived with a void sign-off: the answers differ from what the attorney "
    "signed, so the case is back in review",
    "another_open_case": "the person already has another open case on the server",
    "user_created_inactive": "a user new to the server, created inactive",
    "organization_created": "an organization new to the server",
    "imported_again": "this laptop's day was imported before, from an earlier export: its "
    "cases are on the server twice; close the older ones as duplicates",
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
