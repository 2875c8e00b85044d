"""What each section the screening reads still lacks: the questions it needs answered."""

from flask_babel import gettext as _


def blank(value):
    return value is None or value == "" or value == []


def _ask(answers, *names):
    from clinic.intake.sections import question_label  # the sections read this module

    return [question_label(name) for name in names if blank(answers.get(name))]


def _missing_contact(a):
    return _ask(
        a,
        "given_names",
        "family_names",
        "date_of_birth",
        "sex",
        "nationalities",
        "name_changed",
        "language",
    )


def _missing_green_card(a):
    missing = _ask(a, "a_number", "lpr_since", "category", "conditional")
    return missing


def _missing_residence(a):
    missing = _ask(a, "state", "state_since", "student_dependent")
    if not any(row.get("moved_in") for row in a.get("addresses", [])):
        missing.append(_("At least one address, with the date moving in"))
    return missing


def _missing_trips(a):
    missing = _ask(a, "any_trips")
    if a.get("any_trips"):
        rows = a.get("trips", [])
        if not rows:
            missing.append(_("The trips themselves"))
        elif any(not (row.get("departed") and row.get("returned")) for row in rows):
            missing.append(_("Both dates of every trip"))
    return missing


def _missing_marriage(a):
    missing = _ask(a, "status", "vawa", "prior_marriages")
    if a.get("status") == "married":
        missing += _ask(a, "married_on", "spouse_citizen")
        if a.get("spouse_citizen"):
            missing += _ask(a, "spouse_citizen_since", "spouse_employed_abroad")
    return missing


def military(a, sex=None):
    missing = _ask(a, "served")
    if sex == "male":
        missing += _ask(a, "ss_registered")
    if a.get("served"):
        missing += _ask(a, "honorable", "serving_now", "service_days", "served_since_2001_09_11")
        if a.get("serving_now") is False:
            missing += _ask(a, "separated_on")
    return missing


def _missing_character(a):
    missing = _ask(
        a,
        "arrests_or_charges",
        "traffic_tickets",
        "jail_days",
        "false_claim_to_citizenship",
        "registered_or_voted",
        "removal_proceedings",
        "lpr_lawfulness_concern",
        "child_support",
    )
    if any(not (row.get("date") and row.get("kind")) for row in a.get("convictions", [])):
        missing.append(_("The date and kind of every conviction"))
    return missing


def _missing_household(a):
    """Size and income may be declined (or not known): the fee then stays to be worked out,
    and the benefit and hardship questions, which only count with them, are not needed."""
    if a.get("size_or_income_not_given"):
        return []
    return _ask(a, "size", "income", "means_tested_benefit", "hardship")


MISSING = {
    "contact": _missing_contact,
    "green_card": _missing_green_card,
    "residence": _missing_residence,
    "trips": _missing_trips,
    "marriage": _missing_marriage,
    "employment": lambda a: [],
    "character": _missing_character,
    "taxes": lambda a: _ask(a, "taxes"),
    "parents": lambda a: _ask(a, "citizen_parent_before_18", "born_abroad_to_citizen"),
    "disability": lambda a: _ask(a, "disability_exception"),
    "household": _missing_household,
}
